import { Text } from '@backstage/ui';
import styles from './StageStepper.module.css';

/**
 * A capability's stages in order, the current one marked (and said: "Done",
 * "Current stage"), so the way ahead reads at a glance.
 */
export function StageStepper(props: {
  stages: { id: string; title: string }[];
  currentIndex: number;
  /** Names the list, e.g. "Stages of Platform capability". */
  label: string;
}) {
  const { stages, currentIndex, label } = props;
  return (
    <ol className={styles.stepper} aria-label={label}>
      {stages.map((stage, index) => {
        let state: 'done' | 'current' | 'ahead' = 'ahead';
        if (index < currentIndex) {
          state = 'done';
        } else if (index === currentIndex) {
          state = 'current';
        }
        return (
          <li
            key={stage.id}
            className={styles.step}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className={styles.marker} aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className={styles.label}>
              <Text
                variant="body-small"
                weight={state === 'current' ? 'bold' : 'regular'}
              >
                {stage.title}
              </Text>
              {state !== 'ahead' && (
                <Text variant="body-x-small" color="secondary">
                  {state === 'done' ? 'Done' : 'Current stage'}
                </Text>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
