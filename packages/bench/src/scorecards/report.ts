import { DB_TITLE, figureTable, Machine, markdownTable } from '../harness';
import { scorecardFigures } from './figures';
import { DbResult } from './results';

/** The figures against the targets, as text and as JSON. */
export function report(
  results: DbResult[],
  machine: Machine,
  entities: number,
) {
  const figures = figureTable(results, scorecardFigures(entities));
  const text = [...figures.lines];

  // Where the cold evaluation's time went.
  text.push(
    '',
    'Where the time of the full evaluations went (time with calls in flight; the engine reads ahead and writes in the background, so phases overlap; evaluation = nothing in flight):',
  );
  const phases = [
    'catalog',
    'facts',
    'storeReads',
    'storeWrites',
    'evaluation',
  ] as const;
  const runs = results.flatMap(r => [
    { title: `${DB_TITLE[r.db]} cold`, run: r.cold },
    { title: `${DB_TITLE[r.db]} warm`, run: r.warm },
  ]);
  const phaseHeaders = ['phase', ...runs.map(r => r.title)];
  const phaseRows = [...phases, 'total'].map(phase => [
    phase,
    ...runs.map(({ run }) => {
      const ms =
        phase === 'total'
          ? run.wallMs
          : run.profile[phase as (typeof phases)[number]];
      return `${(ms / 1000).toFixed(2)} s (${Math.round(
        (ms / run.wallMs) * 100,
      )}%)`;
    }),
  ]);
  text.push(...markdownTable(phaseHeaders, phaseRows));
  for (const r of results) {
    text.push(
      '',
      `Cold evaluateAll on ${DB_TITLE[r.db]}, SQL statements by total time:`,
      ...r.cold.sql.map(
        q =>
          `  ${(q.ms / 1000).toFixed(2).padStart(6)} s ${String(
            q.count,
          ).padStart(5)}×  ${q.statement}`,
      ),
    );
  }
  for (const r of results) {
    if (r.techInsightsError) {
      text.push(
        `Tech Insights on ${DB_TITLE[r.db]} failed: ${r.techInsightsError}`,
      );
    }
  }

  const json = { machine, entities, figures: figures.json, results };
  return { text: text.join('\n'), json };
}
