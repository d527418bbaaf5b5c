import { Knex } from 'knex';
import { Agent } from 'node:http';
import { BENCH_TOKEN, callOnce, fmt, log } from '../harness';

/**
 * Waits until a backend's value-stream facts count every successful
 * production deployment the database holds over 5 years, and returns how
 * long that took. After a backfill (or at start) a backend reads its facts
 * again in the background and answers from the previous ones meanwhile,
 * which no measurement is meant to time.
 */
export async function valueStreamFactsCaughtUp(
  knex: Knex,
  baseUrl: string,
  name: string,
): Promise<number> {
  const expected = Number(
    (
      (await knex('metric_deployments')
        .where({ environment: 'PRODUCTION', result: 'SUCCESS' })
        .count({ n: '*' })) as { n: unknown }[]
    )[0]?.n ?? 0,
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  let polls = 0;
  try {
    for (;;) {
      const r = await callOnce(
        agent,
        baseUrl,
        {
          method: 'GET',
          path: '/api/flywheel/metrics/valueStream.deployments/series?window=5y&interval=month',
          token: BENCH_TOKEN,
        },
        true,
      );
      const total = r.status === 200 ? JSON.parse(r.text).total.value : null;
      if (total === expected) {
        break;
      }
      if (++polls % 40 === 0) {
        log(
          `waiting for ${name}'s facts: ${
            r.status === 200 ? total : r.text
          } of ${fmt(expected)} production deployments`,
        );
      }
      if (performance.now() - started > 600_000) {
        throw new Error(
          `${name} counts ${total} production deployments after 10 minutes, the database ${expected}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  } finally {
    agent.destroy();
  }
  const ms = performance.now() - started;
  log(
    `${name}'s value-stream facts count all ${fmt(
      expected,
    )} successful production deployments (${(ms / 1000).toFixed(1)} s)`,
  );
  return ms;
}
