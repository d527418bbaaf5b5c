import { Knex } from 'knex';
import {
  BENCH_TOKEN,
  BenchCall,
  fmt,
  LoadResult,
  log,
  runLoad,
  secs,
  withEventLoopBusy,
} from '../harness';
import { allDeployments, DevLakeDeployment, toDevLake } from './deployments';
import { MetricsContext, MetricsScenario } from './results';
import { SqlProfile, statementLines, statementsPer } from './sqlProfile';

/** One pass of the deployments through `POST /deployments`. */
export interface IngestPass {
  load: LoadResult;
  deploymentsPerSecond: number;
  /** Summed from the answers. */
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Answers that could not be read (a failed request). */
  unreadable: number;
  sql: SqlProfile;
}

export interface IngestResult {
  deployments: number;
  requests: number;
  clients: number;
  batch: number;
  first: IngestPass;
  second: IngestPass;
  rows: {
    expectedDeployments: number;
    deployments: number;
    distinctIds: number;
    expectedCommits: number;
    commits: number;
    firstDeployments: number;
    /** Rows the second pass wrote (ingested_at after it started): must be 0. */
    rewrittenBySecondPass: number;
    /** Rows after the second pass, and distinct ids. */
    deploymentsAfter: number;
    distinctAfter: number;
    duplicates: number;
    lost: number;
    ok: boolean;
  };
}

/**
 * The largest post the benchmark sends: express.json()'s default limit,
 * which the plugin's other routes keep. The deployments route takes up to
 * 10 MB (a backfill of 1,000), but a CI step posts a few at a time.
 */
export const MAX_BODY_BYTES = 100 * 1024;

/** Posts of up to `batch` deployments each, none larger than MAX_BODY_BYTES. */
function batchedPosts(
  deployments: DevLakeDeployment[],
  batch: number,
): BenchCall[] {
  const calls: BenchCall[] = [];
  let parts: string[] = [];
  let bytes = 0;
  const post = () => {
    calls.push({
      method: 'POST',
      path: '/api/flywheel/deployments',
      token: BENCH_TOKEN,
      body: `{"deployments":[${parts.join(',')}]}`,
    });
    parts = [];
    bytes = 0;
  };
  const envelope = '{"deployments":[]}'.length;
  for (const d of deployments) {
    const json = JSON.stringify(d);
    if (
      parts.length > 0 &&
      (parts.length >= batch ||
        envelope + bytes + parts.length + Buffer.byteLength(json) >
          MAX_BODY_BYTES)
    ) {
      post();
    }
    parts.push(json);
    bytes += Buffer.byteLength(json);
  }
  if (parts.length > 0) {
    post();
  }
  return calls;
}

const count = async (query: Knex.QueryBuilder) =>
  Number(((await query) as { n: unknown }[])[0]?.n ?? 0);

async function sendAll(
  context: MetricsContext,
  name: string,
  calls: BenchCall[],
  deployments: number,
): Promise<IngestPass> {
  const { options, run, recorder } = context;
  recorder.start();
  const load = await withEventLoopBusy(() =>
    context.profile(name, () =>
      runLoad({
        name,
        baseUrl: run.backend.baseUrl,
        clients: options.ingestClients,
        calls,
        once: true,
        warmup: 0,
        keepAnswers: true,
      }),
    ),
  );
  const sql = recorder.stop();
  const pass: IngestPass = {
    load: { ...load, statusByCall: undefined, answerByCall: undefined },
    deploymentsPerSecond: (deployments / load.durationMs) * 1000,
    received: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    unreadable: 0,
    sql: {
      inFlightShare: sql.inFlightMs / load.durationMs,
      statements: statementsPer(sql.queries, load.requests),
    },
  };
  load.answerByCall!.forEach((text, i) => {
    if (load.statusByCall![i] !== 200) {
      pass.unreadable++;
      return;
    }
    const answer = JSON.parse(text) as Record<string, number>;
    pass.received += answer.received;
    pass.created += answer.created;
    pass.updated += answer.updated;
    pass.unchanged += answer.unchanged;
  });
  log(
    `${name}: ${fmt(deployments)} deployments in ${fmt(
      load.requests,
    )} requests, ${options.ingestClients} clients, ${secs(
      load.durationMs,
    )} = ${fmt(
      Math.round(pass.deploymentsPerSecond),
    )} deployments/s; p50 ${load.p50.toFixed(0)} ms, p95 ${load.p95.toFixed(
      0,
    )} ms per request; created ${fmt(pass.created)}, updated ${fmt(
      pass.updated,
    )}, unchanged ${fmt(pass.unchanged)}, ${load.errors} errors`,
  );
  return pass;
}

/**
 * Scenario 1: `--deployments` deployments (spread evenly over every
 * service's history) posted in batches of `--batch` by `--ingest-clients`
 * concurrent CI clients, then the same posts again, as a retrying CI would.
 * The rows are counted after each pass: every id once, nothing rewritten by
 * the second pass.
 */
export const ingestScenario: MetricsScenario<IngestResult> = {
  id: 'ingest',
  title: 'deployment ingest',

  async run(context) {
    const { options, catalog, dataset, knex } = context;
    const selected: DevLakeDeployment[] = [];
    let expectedCommits = 0;
    let i = 0;
    for (const d of allDeployments(catalog.plans, dataset.from, dataset.now)) {
      if (dataset.viaHttp(i++)) {
        selected.push(toDevLake(d));
        expectedCommits += new Set(d.commits.map(c => c.sha)).size;
      }
    }
    const calls = batchedPosts(selected, options.batch);
    log(
      `ingest: ${fmt(selected.length)} of the ${fmt(
        dataset.total,
      )} deployments through HTTP, ${calls.length} posts of up to ${
        options.batch
      } and ${MAX_BODY_BYTES / 1024} kB`,
    );

    const first = await sendAll(
      context,
      'deployment-ingest-first',
      calls,
      selected.length,
    );
    const deployments = await count(
      knex('metric_deployments').count({ n: '*' }),
    );
    const distinctIds = await count(
      knex('metric_deployments').countDistinct({ n: 'deployment_id' }),
    );
    const commits = await count(
      knex('metric_deployment_commits').count({ n: '*' }),
    );
    const firstDeployments = await count(
      knex('metric_first_deployments').count({ n: '*' }),
    );

    const secondStarted = new Date();
    const second = await sendAll(
      context,
      'deployment-ingest-second',
      calls,
      selected.length,
    );
    const deploymentsAfter = await count(
      knex('metric_deployments').count({ n: '*' }),
    );
    const distinctAfter = await count(
      knex('metric_deployments').countDistinct({ n: 'deployment_id' }),
    );
    const rewrittenBySecondPass = await count(
      knex('metric_deployments')
        .where('ingested_at', '>=', secondStarted)
        .count({ n: '*' }),
    );
    const expectedDeployments = selected.length;
    const rows = {
      expectedDeployments,
      deployments,
      distinctIds,
      expectedCommits,
      commits,
      firstDeployments,
      rewrittenBySecondPass,
      deploymentsAfter,
      distinctAfter,
      duplicates: deploymentsAfter - distinctAfter,
      lost: expectedDeployments - distinctAfter,
      ok: false,
    };
    rows.ok =
      deployments === expectedDeployments &&
      distinctIds === expectedDeployments &&
      deploymentsAfter === expectedDeployments &&
      distinctAfter === expectedDeployments &&
      commits === expectedCommits &&
      rewrittenBySecondPass === 0 &&
      first.created === expectedDeployments &&
      second.unchanged === expectedDeployments &&
      first.load.errors === 0 &&
      second.load.errors === 0;
    log(
      `rows: ${fmt(deploymentsAfter)} deployments (${fmt(
        distinctAfter,
      )} distinct ids, expected ${fmt(expectedDeployments)}), ${fmt(
        commits,
      )} commits (expected ${fmt(expectedCommits)}), ${fmt(
        firstDeployments,
      )} first deployments; rewritten by the second pass ${rewrittenBySecondPass}: ${
        rows.ok ? 'OK' : 'MISMATCH'
      }`,
    );
    context.httpIngested = true;
    return {
      deployments: expectedDeployments,
      requests: calls.length,
      clients: options.ingestClients,
      batch: options.batch,
      first,
      second,
      rows,
    };
  },

  figures: options => {
    const passFigures = (
      key: 'first' | 'second',
      label: string,
    ): ReturnType<MetricsScenario<IngestResult>['figures']> => [
      {
        key: `ingest.${key}.rate`,
        label: `POST /deployments, ${label}: deployments/s`,
        unit: 'rps',
        value: r => r[key].deploymentsPerSecond,
      },
      {
        key: `ingest.${key}.time`,
        label: '  time for all of them',
        unit: 's',
        digits: 1,
        value: r => r[key].load.durationMs,
      },
      {
        key: `ingest.${key}.latency`,
        label: '  per post: p50 / p95 · event loop busy',
        unit: 'text',
        value: r =>
          `${r[key].load.p50.toFixed(0)} / ${r[key].load.p95.toFixed(
            0,
          )} ms · ${Math.round((r[key].load.eventLoopBusy ?? 0) * 100)}%`,
      },
      {
        key: `ingest.${key}.answers`,
        label: '  answers: created / updated / unchanged',
        unit: 'text',
        value: r =>
          `${fmt(r[key].created)} / ${fmt(r[key].updated)} / ${fmt(
            r[key].unchanged,
          )}`,
      },
      {
        key: `ingest.${key}.errors`,
        label: '  failed posts',
        unit: 'n',
        value: r => r[key].load.errors,
        target: { text: '0', ok: x => x === 0 },
      },
    ];
    return [
      {
        key: 'ingest.deployments',
        label: `deployments posted by ${options.ingestClients} clients / posts (≤ ${options.batch}, ≤ 100 kB)`,
        unit: 'text',
        value: r => `${fmt(r.deployments)} / ${fmt(r.requests)}`,
      },
      ...passFigures('first', 'first pass'),
      ...passFigures('second', 'same again'),
      {
        key: 'ingest.secondUnchanged',
        label: '  second pass answered unchanged',
        unit: 'n',
        value: r => r.second.unchanged,
      },
      {
        key: 'ingest.rows',
        label: 'rows afterwards / distinct ids / expected',
        unit: 'text',
        value: r =>
          `${fmt(r.rows.deploymentsAfter)} / ${fmt(
            r.rows.distinctAfter,
          )} / ${fmt(r.rows.expectedDeployments)}`,
      },
      {
        key: 'ingest.commits',
        label: '  commit rows / expected',
        unit: 'text',
        value: r => `${fmt(r.rows.commits)} / ${fmt(r.rows.expectedCommits)}`,
      },
      {
        key: 'ingest.duplicates',
        label: '  duplicated deployments',
        unit: 'n',
        value: r => r.rows.duplicates,
        target: { text: '0', ok: x => x === 0 },
      },
      {
        key: 'ingest.lost',
        label: '  lost deployments',
        unit: 'n',
        value: r => r.rows.lost,
        target: { text: '0', ok: x => x === 0 },
      },
      {
        key: 'ingest.rewritten',
        label: '  rows the second pass rewrote',
        unit: 'n',
        value: r => r.rows.rewrittenBySecondPass,
        target: { text: '0', ok: x => x === 0 },
      },
    ];
  },

  notes: (r, dbTitle) => [
    `${dbTitle}: queries per post of the first pass (a query in flight ${Math.round(
      r.first.sql.inFlightShare * 100,
    )}% of the pass; from sending to the answer being handled, so a busy event loop adds to them):`,
    ...statementLines(r.first.sql.statements),
  ],

  failed: r => !r.rows.ok,
};
