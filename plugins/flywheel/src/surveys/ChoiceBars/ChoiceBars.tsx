import { Text } from '@backstage/ui';
import { formatPercent } from '../../shared/format';
import styles from './ChoiceBars.module.css';

/**
 * How often each option was chosen, as horizontal bars, most chosen first.
 * Shares are of the people who answered the question, so with several
 * choices allowed they can add up to more than 100%.
 */
export function ChoiceBars(props: {
  choices: { option: string; count: number }[];
  /** How many answered the question. */
  responses: number;
  /** What the list is of, e.g. the question. */
  label: string;
}) {
  const { choices, responses, label } = props;
  const sorted = [...choices].sort((a, b) => b.count - a.count);
  const most = Math.max(1, ...sorted.map(c => c.count));
  return (
    <ul className={styles.list} aria-label={label}>
      {sorted.map(c => {
        const share =
          responses > 0 ? formatPercent((c.count / responses) * 100) : '—';
        return (
          <li key={c.option} className={styles.item}>
            <Text variant="body-small" className={styles.option}>
              {c.option}
            </Text>
            <span className={styles.track} aria-hidden="true">
              <span
                className={styles.fill}
                style={{ width: `${(c.count / most) * 100}%` }}
              />
            </span>
            <Text variant="body-small" className={styles.count}>
              {c.count} ({share})
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
