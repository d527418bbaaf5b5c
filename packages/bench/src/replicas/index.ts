/*
 * Flywheel on several replicas: backend processes of their own on one
 * PostgreSQL, killed and replaced while they work. Run by script/replicas
 * (a stage of script/test); prints each check and exits non-zero when one
 * fails. docs/operations.md says what each check promises.
 */
import {
  BENCH_TOKEN,
  createScratchDatabases,
  generateOrg,
  log,
  Replica,
  secs,
  sleep,
  startCluster,
} from '../harness';
import {
  generateCatalog,
  SYNTHETIC_CATALOG_KINDS,
} from '../scorecards/catalogData';
import { Checks } from './checks';
import {
  caller,
  count,
  evaluations,
  flywheelDatabase,
  linesNow,
  nextEvaluation,
  taskRunning,
} from './cluster';

const COMPONENTS = 400;
/** Seconds between scheduled evaluations, and how long a run may hold its ticket. */
const EVERY_S = 6;
const TIMEOUT_S = 12;
const EVALUATE = 'flywheel-scorecards-evaluate';

async function main() {
  const started = Date.now();
  const checks = new Checks();
  const databases = await createScratchDatabases(
    { engine: 'pg' },
    'flywheel_replicas',
  );
  const prefix = String(databases.config.prefix);
  const db = flywheelDatabase(prefix);
  const org = generateOrg(20, 3);
  const catalog = generateCatalog(COMPONENTS);
  const users = org.people.map(p => p.userRef);
  const services = catalog.components
    .filter(c => c.spec?.type === 'service')
    .map(c => `component:default/${c.metadata.name}`);

  const cluster = await startCluster(1, {
    database: databases.config,
    catalogKinds: SYNTHETIC_CATALOG_KINDS,
    userTokens: true,
    staticToken: true,
    flywheel: {
      scorecardsDefault: true,
      scorecardEvaluation: {
        schedule: {
          frequency: { seconds: EVERY_S },
          timeout: { seconds: TIMEOUT_S },
          initialDelay: { seconds: 1 },
        },
      },
    },
    seed: [...org.users, ...catalog.all()],
  });
  const call = caller(cluster, BENCH_TOKEN);

  try {
    // 1. A replica killed in the middle of a scorecard evaluation.
    const [first] = cluster.replicas;
    let waited = 0;
    while (!(await taskRunning(db, EVALUATE)) && waited < 90_000) {
      await sleep(10);
      waited += 10;
    }
    const resultsAtKill = await count(db, 'scorecard_entity_results');
    await first.kill();
    checks.check(
      'a replica dies mid-evaluation',
      waited < 90_000,
      `SIGKILL while it held the evaluation's ticket, with ${resultsAtKill} entity results stored`,
    );

    // 2. Two replicas started together take over.
    const [second, third] = await Promise.all([
      cluster.add('replica-2'),
      cluster.add('replica-3'),
    ]);
    checks.check(
      'two replicas start together on the same databases',
      true,
      'both healthy (their migrations raced and waited for each other)',
    );
    const pair = [second, third];
    const recovery = await nextEvaluation(
      pair,
      new Map(),
      (TIMEOUT_S + EVERY_S) * 1000 + 60_000,
    );
    const after = recovery
      ? await nextEvaluation(
          pair,
          new Map([[recovery.replica, recovery.line + 1]]),
          EVERY_S * 1000 + 60_000,
        )
      : undefined;
    const stored = await count(db, 'scorecard_entity_results');
    checks.check(
      'the next evaluation completes what the dead one left',
      Boolean(recovery && after) &&
        after!.changed === 0 &&
        after!.removed === 0 &&
        stored === recovery!.results,
      recovery && after
        ? `${recovery.replica} evaluated ${recovery.results} results, ${recovery.changed} of them left to change by the dead run; the run after it (${after.replica}) changed ${after.changed} and removed ${after.removed}: the stored ${stored} results are a clean run's`
        : 'no evaluation completed after the kill',
    );

    // 3. Once per interval across the cluster.
    const windowMs = 18_000;
    const before = evaluations(pair).length;
    await sleep(windowMs);
    const runs = evaluations(pair).slice(before);
    const byReplica = pair.map(
      r => `${r.name} ${runs.filter(e => e.replica === r.name).length}`,
    );
    const most = Math.ceil(windowMs / (EVERY_S * 1000)) + 1;
    checks.check(
      'scheduled evaluation runs once per interval across the cluster',
      runs.length >= 2 && runs.length <= most,
      `${runs.length} evaluations in ${secs(
        windowMs,
      )} at one every ${EVERY_S} s (at most ${most}; twice per interval would be ${
        2 * (most - 1)
      }): ${byReplica.join(', ')}`,
    );

    // Every task is the cluster's (global), none runs on each replica.
    const listed = await call(
      third,
      'GET',
      '/.backstage/scheduler/v1/tasks',
      'service',
    );
    const tasks: { taskId: string; scope: string }[] = listed.body?.tasks ?? [];
    const shared = new Set(
      (await db('backstage_backend_tasks__tasks').select('id')).map(r => r.id),
    );
    const local = tasks.filter(
      t => t.scope !== 'global' || !shared.has(t.taskId),
    );
    checks.check(
      'every scheduled task runs once across the cluster',
      tasks.length >= 8 && local.length === 0,
      `${tasks.length} tasks (${tasks.map(t => t.taskId).join(', ')}), ${
        local.length === 0
          ? 'all global and claimed through the shared database, as the evaluation above'
          : `not global: ${local.map(t => t.taskId).join(', ')}`
      }`,
    );

    // 4. The survivor goes on when the other dies.
    await second.kill();
    const survivor = await nextEvaluation(
      [third],
      linesNow([third]),
      (TIMEOUT_S + EVERY_S) * 1000 + 60_000,
    );
    checks.check(
      'evaluation goes on when a replica dies',
      Boolean(survivor),
      survivor
        ? `${third.name} evaluated after ${second.name} was killed`
        : `${third.name} never evaluated after ${second.name} was killed`,
    );
    const fourth = await cluster.add('replica-4');
    const [a, b] = [third, fourth];

    // 5. Writes spread over both replicas, each sent to both at once.
    await writesSpread(checks, { call, db, a, b, users, services });

    // 6. Caches: what one replica wrote, the other serves within its bound.
    await cachesBounded(checks, { call, a, b, services });

    // 7. A replica killed in the middle of a deployment backfill.
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      id: `backfill-${i}`,
      entityRef: services[i % services.length],
      startedDate: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
      finishedDate: new Date(
        Date.UTC(2026, 9, 1) + i * 3_600_000 + 600_000,
      ).toISOString(),
    }));
    const deploymentsBefore = await count(db, 'metric_deployments');
    const inFlight = call(a, 'POST', '/deployments', 'service', {
      deployments: batch,
    }).catch(() => ({ status: 0, body: undefined }));
    await sleep(30);
    await a.kill();
    const cut = await inFlight;
    const resent = await call(b, 'POST', '/deployments', 'service', {
      deployments: batch,
    });
    const ids = await db('metric_deployments')
      .where('deployment_id', 'like', 'backfill-%')
      .count({ n: '*' });
    const added = (await count(db, 'metric_deployments')) - deploymentsBefore;
    checks.check(
      'a backfill cut by a dying replica, sent again, is stored once and whole',
      resent.status === 200 && added === 1000 && Number(ids[0].n) === 1000,
      `the cut request got ${cut.status || 'no answer'}; resent to ${b.name}: ${
        resent.status
      }; ${added} deployments added for 1000 sent`,
    );
  } finally {
    await cluster.stop();
    await db.destroy();
    await databases.remove();
  }
  log(checks.summary());
  log(
    `replica suite done in ${secs(Date.now() - started)} (logs: ${
      cluster.logDir
    })`,
  );
  process.exitCode = checks.failed.length > 0 ? 1 : 0;
}

type Call = ReturnType<typeof caller>;

async function writesSpread(
  checks: Checks,
  ctx: {
    call: Call;
    db: ReturnType<typeof flywheelDatabase>;
    a: Replica;
    b: Replica;
    users: string[];
    services: string[];
  },
) {
  const { call, db, a, b, users, services } = ctx;
  const survey = await call(
    a,
    'POST',
    '/surveys',
    { user: users[0] },
    {
      title: 'Replica pulse',
      anonymous: true,
      questions: [{ id: 'nps', type: 'nps', title: 'Recommend us?' }],
      audience: { type: 'everyone' },
      schedule: {
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        recurrence: 'none',
      },
      triggers: [{ type: 'wave-open' }],
      samplingPercent: 100,
    },
  );
  const { id, currentWave } = survey.body;
  const answers = await Promise.all(
    users.flatMap((user, i) =>
      [a, b].map(replica =>
        call(
          replica,
          'POST',
          `/surveys/${id}/responses`,
          { user },
          {
            waveId: currentWave.id,
            answers: [{ questionId: 'nps', value: i % 11 }],
          },
        ),
      ),
    ),
  );
  const created = answers.filter(r => r.status === 201).length;
  const refused = answers.filter(r => r.status === 409).length;
  const responses = await count(db, 'survey_responses', { survey_id: id });
  const participation = await count(db, 'survey_participation', {
    survey_id: id,
  });
  checks.check(
    'survey answers sent to both replicas at once: none lost, none twice',
    created === users.length &&
      refused === users.length &&
      responses === users.length &&
      participation === users.length,
    `${users.length} people each answered on both replicas at once: ${created} stored (201), ${refused} refused as already answered (409); ${responses} responses and ${participation} participation rows`,
  );

  const deployments = Array.from({ length: 1000 }, (_, i) => ({
    id: `spread-${i}`,
    entityRef: services[i % services.length],
    startedDate: new Date(Date.UTC(2026, 10, 1) + i * 600_000).toISOString(),
    finishedDate: new Date(
      Date.UTC(2026, 10, 1) + i * 600_000 + 300_000,
    ).toISOString(),
  }));
  const batches = Array.from({ length: 20 }, (_, i) =>
    deployments.slice(i * 50, i * 50 + 50),
  );
  const sent = await Promise.all(
    batches.flatMap(batch =>
      [a, b].map(replica =>
        call(replica, 'POST', '/deployments', 'service', {
          deployments: batch,
        }),
      ),
    ),
  );
  const stored = await db('metric_deployments')
    .where('deployment_id', 'like', 'spread-%')
    .count({ n: '*' });
  checks.check(
    'deployments sent to both replicas at once: none lost, none twice',
    sent.every(r => r.status === 200) && Number(stored[0].n) === 1000,
    `20 batches of 50, each to both replicas at once (${
      sent.filter(r => r.status === 200).length
    } of 40 answered 200): ${stored[0].n} deployments stored for 1000 sent`,
  );

  const usageBefore = await count(db, 'usage_events');
  const batchOf = (user: number, n: number) =>
    Array.from({ length: 10 }, (_, e) => ({
      action: 'navigate',
      subject: `/catalog/${user}/${n}/${e}`,
      context: { pluginId: 'catalog' },
      timestamp: new Date(Date.now() - 60_000).toISOString(),
    }));
  const usage = await Promise.all(
    users.flatMap((user, u) =>
      [0, 1, 2, 3].map(n =>
        call(
          n % 2 ? a : b,
          'POST',
          '/usage/events',
          { user },
          {
            events: batchOf(u, n),
          },
        ),
      ),
    ),
  );
  const usageAdded = (await count(db, 'usage_events')) - usageBefore;
  const expected = users.length * 4 * 10;
  checks.check(
    'usage events spread over both replicas: none lost, none twice',
    usage.every(r => r.status === 202) && usageAdded === expected,
    `${users.length} people sent 4 batches of 10, alternating replicas: ${usageAdded} events stored for ${expected} sent`,
  );
}

async function cachesBounded(
  checks: Checks,
  ctx: { call: Call; a: Replica; b: Replica; services: string[] },
) {
  const { call, a, b, services } = ctx;
  const service = services[services.length - 1];
  const path = `/metrics/valueStream.deployments/series?entityRef=${encodeURIComponent(
    service,
  )}&interval=week`;
  const read = async () => {
    const res = await call(b, 'GET', path, 'service');
    return Number(res.body?.total?.value ?? NaN);
  };
  const before = await read();
  const now = Date.now();
  await call(a, 'POST', '/deployments', 'service', {
    deployments: [0, 1, 2].map(i => ({
      id: `cache-${i}`,
      entityRef: service,
      startedDate: new Date(now - (i + 2) * 3_600_000).toISOString(),
      finishedDate: new Date(now - (i + 1) * 3_600_000).toISOString(),
    })),
  });
  const written = Date.now();
  let seen = before;
  while (seen !== before + 3 && Date.now() - written < 75_000) {
    seen = await read();
    if (seen !== before + 3) {
      await sleep(50);
    }
  }
  const lag = Date.now() - written;
  checks.check(
    'value-stream facts: another replica serves new deployments within 61 s',
    seen === before + 3 && lag <= 65_000,
    `${b.name} counted ${seen} deployments of ${service} (${before} before ${
      a.name
    } stored 3 more) ${secs(
      lag,
    )} after the write (bound: a check each second, a merge each minute, plus a request on a busy machine)`,
  );
}

main().catch(error => {
  log(`replica suite failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
