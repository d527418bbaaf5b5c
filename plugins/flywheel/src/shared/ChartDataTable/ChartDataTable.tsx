import { Text } from '@backstage/ui';
import { ReactNode } from 'react';
import styles from './ChartDataTable.module.css';

/** One row: its header cell (the day, the wave) and the other cells. */
export interface ChartDataRow {
  key: string;
  header: ReactNode;
  cells: ReactNode[];
}

/**
 * The numbers behind a chart, folded under "Show the data": a table for
 * people who would rather read than look, and for screen readers. The
 * table scrolls in a region that takes focus, so keyboards can scroll it.
 */
export function ChartDataTable(props: {
  caption: string;
  columns: ReactNode[];
  rows: ChartDataRow[];
}) {
  const { caption, columns, rows } = props;
  return (
    <details className={styles.details}>
      <summary>
        <Text variant="body-small">Show the data</Text>
      </summary>
      <div
        className={styles.tableScroll}
        role="region"
        aria-label={caption}
        // A scrollable region must take focus so keyboard users can scroll it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th scope="col" key={i}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
