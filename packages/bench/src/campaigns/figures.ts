import { Figure, fmt, LoadResult, median } from '../harness';
import { sameCounts } from './campaigns';
import {
  CampaignsDbResult,
  ENDPOINT_PATH,
  ENDPOINTS,
  Endpoint,
  IncrementalRound,
} from './results';

/** The read target of the campaigns issue: p95 under 200 ms with 20 readers. */
export const READ_P95_MS = 200;
/** The scorecards benchmark's incremental budget: 100 changed entities in under 1 s. */
export const INCREMENTAL_MS = 1000;

const rounds = (r: CampaignsDbResult) => r.incremental.rounds;
const medianOf = (
  r: CampaignsDbResult,
  value: (round: IncrementalRound) => number,
) => (rounds(r).length ? median(rounds(r).map(value)) : undefined);
const maxOf = (
  r: CampaignsDbResult,
  value: (round: IncrementalRound) => number,
) => (rounds(r).length ? Math.max(...rounds(r).map(value)) : undefined);

const loads = (r: CampaignsDbResult): LoadResult[] => [
  ...ENDPOINTS.map(e => r.http.loaded[e]),
  ...ENDPOINTS.map(e => r.http.single[e]),
  r.http.page,
];

/** Every round's counts right, and every campaign's counts right after its create. */
export const countsRight = (r: CampaignsDbResult) =>
  r.campaigns.every(c => sameCounts(c.counts, c.expected)) &&
  rounds(r).every(round => round.reflected);

const loadText = (l: LoadResult) =>
  `${l.p50.toFixed(1)} / ${l.p99.toFixed(1)} ms / ${Math.round(l.rps)}/s${
    l.eventLoopBusy === undefined
      ? ''
      : ` (loop ${Math.round(l.eventLoopBusy * 100)}%)`
  }`;

function endpointFigures(
  endpoint: Endpoint,
  readers: number,
): Figure<CampaignsDbResult>[] {
  return [
    {
      key: `http.${endpoint}.p95`,
      label: `${ENDPOINT_PATH[endpoint]}, ${readers} readers: p95`,
      unit: 'ms',
      value: r => r.http.loaded[endpoint].p95,
      target: {
        text: `< ${READ_P95_MS} ms`,
        ok: ms => ms < READ_P95_MS,
      },
    },
    {
      key: `http.${endpoint}.p50p99rps`,
      label: '  p50 / p99 / throughput (event loop busy)',
      unit: 'text',
      value: r => loadText(r.http.loaded[endpoint]),
    },
    {
      key: `http.${endpoint}.single`,
      label: '  one client: p50',
      unit: 'ms',
      value: r => r.http.single[endpoint].p50,
    },
  ];
}

/** The campaigns benchmark's figures and their targets, in table order. */
export function campaignFigures(readers: number): Figure<CampaignsDbResult>[] {
  return [
    {
      key: 'loadSetup',
      label: 'machine load average (1 min): setup / HTTP / incremental',
      unit: 'text',
      value: r =>
        [r.loadAverage.setup, r.loadAverage.http, r.loadAverage.incremental]
          .map(l => l.toFixed(1))
          .join(' / '),
    },
    {
      key: 'catalogEntities',
      label: 'entities in the catalog (all kinds)',
      unit: 'n',
      value: r => r.catalogEntities,
    },
    {
      key: 'ingest',
      label: 'catalog ingestion: provider full mutation → all stitched',
      unit: 's',
      digits: 1,
      value: r => r.ingestMs,
    },
    {
      key: 'firstEvaluation',
      label: 'scorecards: first evaluateAll',
      unit: 's',
      value: r => r.firstEvaluationMs,
    },
    ...[0, 1].flatMap((i): Figure<CampaignsDbResult>[] => [
      {
        key: `campaign${i}.counts`,
        label: `campaign ${i + 1}: cohort / met / exempt`,
        unit: 'text',
        value: r => {
          const c = r.campaigns[i];
          return c
            ? `${fmt(c.counts.cohort)} / ${fmt(c.counts.met)} / ${fmt(
                c.counts.exempt,
              )}${sameCounts(c.counts, c.expected) ? '' : ' WRONG'}`
            : undefined;
        },
      },
      {
        key: `campaign${i}.create`,
        label:
          i === 0
            ? '  POST /campaigns (create, refreshAll of it)'
            : '  POST /campaigns (create, refreshAll of both)',
        unit: 's',
        value: r => r.campaigns[i]?.createMs,
      },
    ]),
    {
      key: 'refreshAllOne',
      label: 'refreshAll, campaign 1 (nothing changed)',
      unit: 's',
      value: r => r.refreshAll.oneMs,
    },
    {
      key: 'refreshAllBoth',
      label: 'refreshAll, both campaigns (nothing changed)',
      unit: 's',
      value: r => r.refreshAll.bothMs,
    },
    ...ENDPOINTS.flatMap(e => endpointFigures(e, readers)),
    {
      key: 'http.page',
      label: `campaign page, the four interleaved, ${readers} readers: p95`,
      unit: 'ms',
      value: r => r.http.page.p95,
    },
    {
      key: 'http.errors',
      label: 'failed requests / requests',
      unit: 'text',
      value: r => {
        const all = loads(r);
        return `${fmt(all.reduce((n, l) => n + l.errors, 0))} / ${fmt(
          all.reduce((n, l) => n + l.requests, 0),
        )}`;
      },
    },
    {
      key: 'incremental.evaluate',
      label: 'evaluateEntities(100 changed) incl. campaigns: median',
      unit: 'ms',
      digits: 0,
      value: r => medianOf(r, x => x.evaluateMs),
      target: {
        text: `< ${INCREMENTAL_MS / 1000} s`,
        ok: ms => ms < INCREMENTAL_MS,
      },
    },
    {
      key: 'incremental.evaluateMax',
      label: '  slowest round',
      unit: 'ms',
      digits: 0,
      value: r => maxOf(r, x => x.evaluateMs),
    },
    {
      key: 'incremental.scorecards',
      label: '  the scorecards part: median',
      unit: 'ms',
      digits: 0,
      value: r => medianOf(r, x => x.evaluateMs - x.refreshMs),
    },
    {
      key: 'incremental.refresh',
      label: "  the campaigns' refreshEntities: median",
      unit: 'ms',
      digits: 0,
      value: r => medianOf(r, x => x.refreshMs),
    },
    {
      key: 'incremental.visible',
      label: '  until the API shows both new counts: median',
      unit: 'ms',
      digits: 0,
      value: r => medianOf(r, x => x.untilVisibleMs),
      target: {
        text: `< ${INCREMENTAL_MS / 1000} s`,
        ok: ms => ms < INCREMENTAL_MS,
      },
    },
    {
      key: 'incremental.reflected',
      label: '  rounds whose counts were right',
      unit: 'text',
      value: r =>
        `${rounds(r).filter(x => x.reflected).length} of ${rounds(r).length}`,
    },
  ];
}

/** Whether a result's figures fail the run: wrong counts or failed requests. */
export const failed = (r: CampaignsDbResult) =>
  !countsRight(r) || loads(r).some(l => l.errors > 0);
