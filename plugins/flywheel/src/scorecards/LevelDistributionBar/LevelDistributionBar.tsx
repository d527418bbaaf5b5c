import {
  LevelDistribution,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import { describeLevels, levelEntries } from '../model';
import levelStyles from '../levels.module.css';
import styles from './LevelDistributionBar.module.css';

/**
 * How many entities reached each level, as one stacked bar. Screen readers
 * get the counts from the bar's label; the legend (optional) shows them too.
 */
export function LevelDistributionBar(props: {
  scorecard: Pick<ScorecardInfo, 'levels'>;
  levels: LevelDistribution;
  /** What the bar is of, e.g. "Levels of Commerce". */
  label: string;
  showLegend?: boolean;
}) {
  const { scorecard, levels, label, showLegend } = props;
  const entries = levelEntries(scorecard, levels);
  const total = entries.reduce((sum, e) => sum + e.count, 0);

  return (
    <div className={styles.root}>
      <div
        role="img"
        aria-label={`${label}: ${describeLevels(scorecard, levels)}`}
        className={styles.bar}
      >
        {total > 0 &&
          entries
            .filter(e => e.count > 0)
            .map(e => (
              <div
                key={e.id}
                className={`${styles.segment} ${levelStyles[e.tone] ?? ''}`}
                style={{ width: `${(e.count / total) * 100}%` }}
                title={`${e.title}: ${e.count}`}
              />
            ))}
      </div>
      {showLegend && (
        <ul className={styles.legend} aria-label={`${label}, per level`}>
          {entries.map(e => (
            <li key={e.id} className={styles.legendItem}>
              <span
                className={`${styles.swatch} ${levelStyles[e.tone] ?? ''}`}
                aria-hidden="true"
              />
              <Text variant="body-small">
                {e.title}: {e.count}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
