import { SchedulerService } from '@backstage/backend-plugin-api';
import { loadavg } from 'node:os';
import { BENCH_TOKEN, BenchLogger, log, secs, Profile } from '../harness';
import { rssSampler } from './evaluationPhase';
import { TechInsightsResult } from './results';
import {
  BENCH_SCORECARDS,
  CHECK_COUNT,
  tiCheckId,
  TI_CATALOG_RETRIEVER,
  TI_QUALITY_RETRIEVER,
} from './scorecards';
import { retrieverStarts } from './techInsightsFacts';

/**
 * Tech Insights doing the same work as Flywheel's cold evaluation: its two
 * fact retrievers (triggered, timed to "Stored N facts" in its log), then
 * the 50 checks for every component through its HTTP API.
 */
async function runTechInsights(
  scheduler: SchedulerService,
  baseUrl: string,
  componentRefs: string[],
  profile: Profile,
): Promise<TechInsightsResult> {
  const retrieval: TechInsightsResult['retrieval'] = [];
  for (const retrieverId of [TI_CATALOG_RETRIEVER, TI_QUALITY_RETRIEVER]) {
    const stored = BenchLogger.waitFor(
      message =>
        message.startsWith('Stored ') &&
        message.includes(`fact retriever ${retrieverId} `),
    );
    const failed = BenchLogger.waitFor(
      message =>
        message.includes(
          `Failed to retrieve facts for retriever ${retrieverId}`,
        ) ||
        message.includes(
          `Failed to insert facts for fact retriever ${retrieverId}`,
        ),
    );
    await scheduler.triggerTask(retrieverId);
    const done = await Promise.race([
      stored,
      failed.then(f => {
        throw new Error(f.message);
      }),
    ]);
    const facts = Number(/Stored (\d+) facts/.exec(done.message)?.[1] ?? 0);
    const startedAt = retrieverStarts.get(retrieverId)!;
    retrieval.push({ retrieverId, ms: done.at - startedAt, facts });
    log(
      `Tech Insights: ${retrieverId} stored ${facts} fact rows in ${secs(
        done.at - startedAt,
      )}`,
    );
  }

  const checkIds = BENCH_SCORECARDS.flatMap(s =>
    Object.keys(s.checks).map(id => tiCheckId(s.id, id)),
  );
  const results = { true: 0, false: 0, skipped: 0, errors: 0, entities: 0 };
  const chunkSize = 1000;
  let checksMs = 0;
  await profile('tech-insights-checks', async () => {
    for (let i = 0; i < componentRefs.length; i += chunkSize) {
      const entities = componentRefs.slice(i, i + chunkSize);
      // Timed: the request, Tech Insights' work and the transfer of the answer.
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/tech-insights/checks/run`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${BENCH_TOKEN}`,
        },
        body: JSON.stringify({ checks: checkIds, entities }),
      });
      const text = await response.text();
      checksMs += performance.now() - started;
      if (!response.ok) {
        throw new Error(
          `POST /checks/run answered ${response.status}: ${text.slice(0, 300)}`,
        );
      }
      // Not timed: counting what came back.
      const answer = JSON.parse(text) as {
        error?: unknown;
        results: { result: boolean }[];
      }[];
      for (const entity of answer) {
        results.entities += 1;
        if (entity.error) {
          results.errors += 1;
        }
        for (const result of entity.results) {
          results[result.result ? 'true' : 'false'] += 1;
        }
        results.skipped += checkIds.length - entity.results.length;
      }
    }
  });
  const retrievalMs = retrieval.reduce((n, r) => n + r.ms, 0);
  log(
    `Tech Insights: ${CHECK_COUNT} checks for ${
      results.entities
    } entities in ${secs(checksMs)} (${results.true} true, ${
      results.false
    } false, ${results.skipped} skipped for missing facts, ${
      results.errors
    } entities failed)`,
  );
  return {
    retrieval,
    retrievalMs,
    checksMs,
    totalMs: retrievalMs + checksMs,
    results,
  };
}

/** Tech Insights on the same catalog and database engine, and its memory. */
export async function compareTechInsights(
  scheduler: SchedulerService,
  baseUrl: string,
  componentRefs: string[],
  profile: Profile,
) {
  const loadAverage = loadavg()[0];
  const sampler = rssSampler();
  let techInsights: TechInsightsResult | undefined;
  let techInsightsError: string | undefined;
  try {
    techInsights = await runTechInsights(
      scheduler,
      baseUrl,
      componentRefs,
      profile,
    );
  } catch (error) {
    techInsightsError = String(error);
    log(`Tech Insights failed: ${techInsightsError}`);
  }
  return {
    techInsights,
    techInsightsError,
    peakDuringTechInsightsMb: sampler.stop(),
    loadAverage,
  };
}
