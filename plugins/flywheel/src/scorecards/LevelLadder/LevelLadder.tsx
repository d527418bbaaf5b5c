import {
  EntityScorecardResult,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Text } from '@backstage/ui';
import { levelTitle, levelTone, nextLevelGap, STATE_LABELS } from '../model';
import levelStyles from '../levels.module.css';
import styles from './LevelLadder.module.css';

/**
 * The level ladder of one entity (Bronze → Silver → Gold): which levels it
 * reached, the next one, and the checks that stand in the way.
 */
export function LevelLadder(props: {
  scorecard: ScorecardInfo;
  result: Pick<EntityScorecardResult, 'level' | 'checks'>;
}) {
  const { scorecard, result } = props;
  const reachedIndex = result.level
    ? scorecard.levels.findIndex(l => l.id === result.level)
    : -1;
  const { next, blocking } = nextLevelGap(scorecard, result);
  const top = scorecard.levels[scorecard.levels.length - 1];

  return (
    <Flex direction="column" gap="2">
      <ol className={styles.ladder} aria-label={`Levels of ${scorecard.title}`}>
        {scorecard.levels.map((level, i) => {
          let status = 'Not reached';
          if (i <= reachedIndex) {
            status = 'Reached';
          } else if (i === reachedIndex + 1) {
            status = 'Next';
          }
          const tone = levelStyles[levelTone(scorecard, level.id)] ?? '';
          return (
            <li
              key={level.id}
              className={`${styles.step} ${tone}`}
              data-status={status.toLowerCase().replace(' ', '-')}
              aria-current={i === reachedIndex ? 'step' : undefined}
            >
              <span className={styles.stepBody}>
                <span className={styles.pill}>{level.title}</span>
                <Text variant="body-x-small" color="secondary">
                  {status}
                </Text>
              </span>
            </li>
          );
        })}
      </ol>
      {next ? (
        <div className={styles.gap}>
          <Text as="p" variant="body-small">
            {result.level
              ? `${levelTitle(scorecard, result.level)} reached. `
              : 'No level reached yet. '}
            {blocking.length > 0
              ? `To reach ${next.title}, fix:`
              : `To reach ${next.title}, every check at ${next.title} and below must pass.`}
          </Text>
          {blocking.length > 0 && (
            <ul
              className={styles.blocking}
              aria-label={`Missing for ${next.title}`}
            >
              {blocking.map(({ check, result: r }) => (
                <li key={check.id}>
                  <Text variant="body-small">
                    {check.title}
                    {r ? ` (${STATE_LABELS[r.state].toLowerCase()})` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        top && (
          <Text as="p" variant="body-small">
            {top.title} reached: the top level of this scorecard.
          </Text>
        )
      )}
    </Flex>
  );
}
