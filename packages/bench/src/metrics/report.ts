import { DB_TITLE, Figure, figureTable, fmt, Machine } from '../harness';
import { MetricsDbResult, ReportOptions } from './results';
import { PLANNED_SCENARIOS, SCENARIOS } from './scenarios';

/** Every scenario's figures, read from its part of a database's result. */
function allFigures(options: ReportOptions): Figure<MetricsDbResult>[] {
  const common: Figure<MetricsDbResult>[] = [
    {
      key: 'load',
      label: 'machine load average (1 min) before the scenarios',
      unit: 'load',
      value: r => r.loadAverage,
    },
    {
      key: 'catalog',
      label: 'catalog: groups / components',
      unit: 'text',
      value: r => `${r.groups} / ${fmt(r.services)}`,
    },
    {
      key: 'catalogIngest',
      label: 'catalog ingestion (provider → all stitched)',
      unit: 's',
      digits: 1,
      value: r => r.catalogIngestMs,
    },
  ];
  const scenarioFigures = SCENARIOS.flatMap(scenario =>
    scenario.figures(options).map(
      (figure): Figure<MetricsDbResult> => ({
        ...figure,
        value: r => {
          const result = r.scenarios[scenario.id];
          return result === undefined ? undefined : figure.value(result);
        },
      }),
    ),
  );
  return [...common, ...scenarioFigures];
}

/** The figures against the targets, as text and as JSON. */
export function report(
  results: MetricsDbResult[],
  machine: Machine,
  options: ReportOptions,
) {
  const figures = figureTable(results, allFigures(options));
  const text = [...figures.lines];
  for (const scenario of SCENARIOS) {
    for (const r of results) {
      const result = r.scenarios[scenario.id];
      if (result !== undefined && scenario.notes) {
        text.push('', ...scenario.notes(result, DB_TITLE[r.db]));
      }
    }
  }
  for (const planned of PLANNED_SCENARIOS) {
    text.push(
      '',
      `Not measured: ${planned.title} (target ${planned.target}): ${planned.waitingFor}.`,
    );
  }
  const json = { machine, options, figures: figures.json, results };
  return { text: text.join('\n'), json };
}

/** Whether a result's figures fail the run. */
export const failed = (r: MetricsDbResult) =>
  SCENARIOS.some(scenario => {
    const result = r.scenarios[scenario.id];
    return result !== undefined && scenario.failed?.(result);
  });
