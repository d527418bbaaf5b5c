import { Figure, figureTable, Machine, TagResult } from '../harness';
import { FAMILIES, Family, READS, WRITES } from './mix';
import { LoadDbResult, LoadRunOptions, PhaseResult } from './run';

/** The read target of the load issue: p95 under 250 ms on one replica. */
export const READ_P95_MS = 250;

const COLUMN: Record<string, string> = {
  one: 'one replica',
  two: 'two replicas',
};

const tag = (r: PhaseResult, name: string): TagResult | undefined =>
  r.load.byTag?.[name];

const ms = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(0);

const under = {
  text: `< ${READ_P95_MS} ms`,
  ok: (x: number) => x < READ_P95_MS,
};
const none = { text: '0', ok: (x: number) => x === 0 };

function familyFigures(family: Family | typeof READS): Figure<PhaseResult>[] {
  const key = family.replace(/ /g, '-');
  const isWrite = family === WRITES;
  return [
    {
      key: `${key}.p95`,
      label: `**${family}**: p95`,
      unit: 'ms',
      digits: 0,
      value: r => tag(r, family)?.p95,
      target: isWrite ? undefined : under,
    },
    {
      key: `${key}.detail`,
      label: '  p50 / p99 · throughput',
      unit: 'text',
      value: r => {
        const t = tag(r, family);
        return t
          ? `${ms(t.p50)} / ${ms(t.p99)} ms · ${Math.round(t.rps)}/s`
          : 'n/a';
      },
    },
    {
      key: `${key}.errors`,
      label: '  errors',
      unit: 'n',
      value: r => tag(r, family)?.errors,
      target: none,
    },
  ];
}

const cores = (cpuMs: number, wallMs: number) => (cpuMs / wallMs).toFixed(2);

export function loadFigures(): Figure<PhaseResult>[] {
  return [
    ...FAMILIES.flatMap(familyFigures),
    ...familyFigures(READS).map(f => ({
      ...f,
      label: f.label.replace('**reads**', '**all reads**'),
    })),
    {
      key: 'all.throughput',
      label: 'all requests: throughput (requests)',
      unit: 'text',
      value: r =>
        `${Math.round(r.load.rps)}/s (${r.load.requests.toLocaleString(
          'en-US',
        )})`,
    },
    {
      key: 'all.errors',
      label: 'all requests: errors',
      unit: 'n',
      value: r => r.load.errors,
      target: none,
    },
    {
      key: 'all.unanswered',
      label: '  of them not answered within the timeout',
      unit: 'n',
      value: r => r.load.statuses['0'] ?? 0,
    },
    {
      key: 'eventLoop',
      label: 'event loop busy, each replica',
      unit: 'text',
      value: r =>
        r.probes.map(p => `${Math.round(p.eventLoopBusy * 100)}%`).join(' / '),
    },
    {
      key: 'cpu',
      label: 'cores used: replicas / PostgreSQL / load generator',
      unit: 'text',
      value: r => {
        const wall = r.load.durationMs;
        return `${r.probes
          .map(p => cores(p.cpuMs, wall))
          .join(' + ')} / ${cores(r.databaseCpuMs, wall)} / ${cores(
          r.load.generatorCpuMs ?? NaN,
          wall,
        )}`;
      },
    },
    {
      key: 'loadAverage',
      label: 'load average before the phase',
      unit: 'text',
      value: r => r.loadAverage.toFixed(1),
    },
  ];
}

const endpointLine = (name: string, t: TagResult, single?: TagResult) => {
  const cells = [
    name.padEnd(58),
    `${ms(t.p50).padStart(6)} ${ms(t.p95).padStart(6)} ${ms(t.p99).padStart(
      6,
    )} ms`,
    `${String(Math.round(t.rps)).padStart(5)}/s`,
    String(t.requests).padStart(6),
  ];
  if (single) {
    cells.push(`${ms(single.p50).padStart(6)} ms`);
  }
  if (t.errors) {
    cells.push(`${t.errors} errors ${JSON.stringify(t.statuses)}`);
  }
  return `  ${cells.join(' ')}`;
};

/** The figures against the targets, and each endpoint's, as text and JSON. */
export function report(
  results: LoadDbResult[],
  machine: Machine,
  options: LoadRunOptions,
) {
  const [result] = results;
  if (!result) {
    return { text: 'No result', json: { machine, options } };
  }
  const table = figureTable(
    result.phases,
    loadFigures(),
    r => COLUMN[r.db] ?? r.db,
  );
  const text = [
    `${result.components.toLocaleString(
      'en-US',
    )} components (${result.entities.toLocaleString(
      'en-US',
    )} entities, ${result.people.toLocaleString('en-US')} people); ${
      options.clients
    } clients pausing ${options.think ?? 0} ms on average, ${
      options.duration
    } s a phase, requests given up after ${options.timeout} s; PostgreSQL`,
    `history: ${result.seed.deployments.toLocaleString(
      'en-US',
    )} deployments, ${result.seed.surveyResponses.toLocaleString(
      'en-US',
    )} survey responses, ${result.seed.usageEvents.toLocaleString(
      'en-US',
    )} usage events; ${result.evaluation.line}`,
    '',
    ...table.lines,
  ];
  for (const phase of result.phases) {
    text.push(
      '',
      `${
        COLUMN[phase.db]
      }, each endpoint: p50 / p95 / p99, throughput, requests${
        phase.single
          ? '; p50 alone (one request at a time, before the load)'
          : ''
      }`,
    );
    const byTag = phase.load.byTag ?? {};
    for (const name of Object.keys(byTag)
      .filter(t => t.includes(': '))
      .sort()) {
      text.push(endpointLine(name, byTag[name], phase.single?.[name]));
    }
    const usedUp = Object.entries(phase.load.streams ?? {})
      .filter(([, s]) => s.usedUp)
      .map(([name, s]) => `${name} (${s.sent})`);
    if (usedUp.length) {
      text.push(`  used up before the end: ${usedUp.join(', ')}`);
    }
    if (phase.replicaWarningCount) {
      text.push(
        `  ${phase.replicaWarningCount} warnings or errors logged by the replicas, e.g.:`,
        ...phase.replicaWarnings.slice(0, 3).map(w => `    ${w.slice(0, 200)}`),
      );
    }
  }
  return {
    text: text.join('\n'),
    json: { machine, options, figures: table.json, result },
  };
}

/** A run with a failed request fails (exit code 1). */
export const failed = (result: LoadDbResult) =>
  result.phases.some(p => p.load.errors > 0);
