import {
  ScorecardInfo,
  ScorecardRollup,
} from '@flywheel/plugin-flywheel-common';
import { Button, Text } from '@backstage/ui';
import { formatRate } from '../../shared/format';
import { HowToFix } from '../HowToFix';
import { LevelBadge } from '../LevelBadge';
import { checksWorstFirst, passRateTone } from '../model';
import styles from './CheckPassRates.module.css';

/** The entities a check counts against: what `failingCheck` lists. */
function notPassing(counts: ScorecardRollup['checks'][number]['counts']) {
  return counts.warn + counts.fail + counts.unknown;
}

function countsText(counts: ScorecardRollup['checks'][number]['counts']) {
  const scored = counts.pass + notPassing(counts);
  const parts = [`${counts.pass} of ${scored} pass`];
  if (counts.warn > 0) parts.push(`${counts.warn} warning`);
  if (counts.fail > 0) parts.push(`${counts.fail} failing`);
  if (counts.unknown > 0) parts.push(`${counts.unknown} unknown`);
  if (counts.exempt > 0) parts.push(`${counts.exempt} exempt`);
  if (counts['not-applicable'] > 0) {
    parts.push(`${counts['not-applicable']} not applicable`);
  }
  return parts.join(' · ');
}

/**
 * The pass rate of each check, lowest first: the list of what to fix
 * first, each with how to fix it. Checks nobody has results for come last.
 */
export function CheckPassRates(props: {
  scorecard: ScorecardInfo;
  checks: ScorecardRollup['checks'];
  'aria-label': string;
  /** Shows the entities a check counts against; offered where it has any. */
  onShowFailing?: (checkId: string) => void;
}) {
  const { scorecard } = props;
  const rows = checksWorstFirst(scorecard, props.checks);
  const missing = scorecard.checks.filter(
    c => !props.checks.some(r => r.checkId === c.id),
  );

  if (rows.length === 0) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        No check has results yet.
      </Text>
    );
  }

  return (
    <ol className={styles.list} aria-label={props['aria-label']}>
      {rows.map(row => {
        const rate = row.passRate;
        return (
          <li key={row.checkId} className={styles.item}>
            <div className={styles.row}>
              <Text variant="body-medium" weight="bold">
                {row.check.title}
              </Text>
              <Text variant="body-medium" weight="bold" className={styles.rate}>
                {formatRate(rate)}
              </Text>
            </div>
            <div className={styles.meta}>
              <LevelBadge scorecard={scorecard} level={row.check.level} />
              <Text variant="body-small" color="secondary">
                {countsText(row.counts)}
              </Text>
            </div>
            {/* Decorative: the rate is in the text above. */}
            <div className={styles.track} aria-hidden="true">
              <div
                className={`${styles.bar} ${styles[passRateTone(rate)]}`}
                style={{ width: `${Math.round((rate ?? 0) * 100)}%` }}
              />
            </div>
            {props.onShowFailing && notPassing(row.counts) > 0 && (
              <div>
                <Button
                  size="small"
                  variant="secondary"
                  onPress={() => props.onShowFailing!(row.checkId)}
                  aria-label={`Show the ${notPassing(
                    row.counts,
                  )} not passing: ${row.check.title}`}
                >
                  {`Show the ${notPassing(row.counts)} not passing`}
                </Button>
              </div>
            )}
            {rate !== 1 && (
              <HowToFix
                howToFix={row.check.howToFix}
                howToFixUrl={row.check.howToFixUrl}
                checkTitle={row.check.title}
              />
            )}
          </li>
        );
      })}
      {missing.map(check => (
        <li key={check.id} className={styles.item}>
          <div className={styles.row}>
            <Text variant="body-medium" weight="bold">
              {check.title}
            </Text>
            <Text variant="body-medium" className={styles.rate}>
              —
            </Text>
          </div>
          <Text variant="body-small" color="secondary">
            No results yet
          </Text>
        </li>
      ))}
    </ol>
  );
}
