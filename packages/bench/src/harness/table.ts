/**
 * The figures of a benchmark as a Markdown table (one column per database)
 * and as JSON, each checked against its target where it has one.
 */

export const DB_TITLE: Record<string, string> = {
  sqlite: 'SQLite',
  'sqlite-disk': 'SQLite on disk',
  pg: 'PostgreSQL',
};

export type Unit = 'ms' | 's' | 'x' | 'load' | 'MB' | 'n' | 'rps' | 'text';

export interface Target {
  text: string;
  ok(value: number): boolean;
}

export interface Figure<R> {
  /** Its key in the JSON output. */
  key: string;
  label: string;
  unit: Unit;
  /** Decimals of ms (1), s (2), x and load (2) when not the default. */
  digits?: number;
  value(result: R): number | string | undefined;
  target?: Target;
}

const DEFAULT_DIGITS: Partial<Record<Unit, number>> = {
  ms: 1,
  s: 2,
  x: 2,
  load: 2,
};

export function formatFigure(
  value: number | string | undefined,
  unit: Unit,
  digits = DEFAULT_DIGITS[unit] ?? 0,
): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === undefined || Number.isNaN(value)) {
    return 'n/a';
  }
  switch (unit) {
    case 'ms':
      return `${value.toFixed(digits)} ms`;
    case 's':
      return `${(value / 1000).toFixed(digits)} s`;
    case 'x':
      return `${value.toFixed(digits)}×`;
    case 'load':
      return value.toFixed(digits);
    case 'MB':
      return `${Math.round(value)} MB`;
    case 'rps':
      return `${Math.round(value)}/s`;
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/** Cells padded to their column's width, with a separator under the headers. */
export function markdownTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ];
}

/** A figure's value in the JSON output, for one database. */
export interface FigureJson {
  value: number | string | null;
  unit: Unit;
  target?: string;
  met?: boolean;
}

/**
 * The figures of every database's result: the table's lines, and by key and
 * database for the JSON output. `columnTitle` names a result's column when
 * its `db` is not a database (e.g. one replica, two replicas).
 */
export function figureTable<R extends { db: string }>(
  results: R[],
  figures: Figure<R>[],
  columnTitle: (result: R) => string = r => DB_TITLE[r.db],
) {
  const headers = ['figure', ...results.map(columnTitle), 'target'];
  const values = figures.map(figure => results.map(r => figure.value(r)));
  const rows = figures.map((figure, f) => [
    figure.label,
    ...values[f].map(value => {
      const text = formatFigure(value, figure.unit, figure.digits);
      if (!figure.target || typeof value !== 'number' || Number.isNaN(value)) {
        return text;
      }
      return `${text} ${figure.target.ok(value) ? 'met' : 'MISSED'}`;
    }),
    figure.target?.text ?? '',
  ]);
  const json: Record<string, Record<string, FigureJson>> = Object.fromEntries(
    figures.map((figure, f) => [
      figure.key,
      Object.fromEntries(
        results.map((r, i) => {
          const value = values[f][i];
          return [
            r.db,
            {
              value: value ?? null,
              unit: figure.unit,
              ...(figure.target && typeof value === 'number'
                ? { target: figure.target.text, met: figure.target.ok(value) }
                : {}),
            },
          ];
        }),
      ),
    ]),
  );
  return { lines: markdownTable(headers, rows), json };
}
