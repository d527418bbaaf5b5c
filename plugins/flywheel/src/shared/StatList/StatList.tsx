import { ReactNode } from 'react';
import { Text } from '@backstage/ui';
import styles from './StatList.module.css';

/** One headline number. */
export interface Stat {
  label: string;
  value: ReactNode;
  /** What the number is out of, or how it was measured. */
  hint?: ReactNode;
}

/**
 * Headline numbers as a description list, so each value is announced with its
 * label and tests can find a number by what it means.
 */
export function StatList(props: { stats: Stat[]; 'aria-label'?: string }) {
  return (
    <dl className={styles.list} aria-label={props['aria-label']}>
      {props.stats.map(stat => (
        <div key={stat.label} className={styles.stat}>
          <dt>
            <Text variant="body-small" color="secondary">
              {stat.label}
            </Text>
          </dt>
          <dd className={styles.value}>
            <Text variant="title-small" weight="bold">
              {stat.value}
            </Text>
            {stat.hint && (
              <Text as="div" variant="body-x-small" color="secondary">
                {stat.hint}
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
