import { CampaignCounts } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { countsDetail, countsText } from '../campaignFormat';
import styles from './CampaignProgressBar.module.css';

/**
 * Progress toward a campaign's goal: a bar of the entities that meet it out
 * of those that must (the cohort less the exempt ones), and the same in
 * words, "12 of 18 met (66.7%)", with what is left to do. The bar is a
 * progressbar named by `label` whose value text is those words.
 */
export function CampaignProgressBar(props: {
  counts: CampaignCounts;
  /** What the bar measures, e.g. "Progress of TechDocs everywhere". */
  label: string;
  /** Leave out the "6 to do · 2 exempt" line. */
  compact?: boolean;
}) {
  const { counts, label, compact } = props;
  const percent = counts.percent ?? 0;
  const text = countsText(counts);
  return (
    <div className={styles.root}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className={styles.bar}
      >
        <div
          className={styles.fill}
          style={{ width: `${Math.min(100, Math.max(0, percent))}%` }}
        />
      </div>
      <div className={styles.text}>
        <Text variant="body-small">{text}</Text>
        {!compact && counts.cohort > 0 && (
          <Text variant="body-small" color="secondary">
            {countsDetail(counts)}
          </Text>
        )}
      </div>
    </div>
  );
}
