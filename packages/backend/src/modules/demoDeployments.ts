import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const DEPLOYMENTS = 'metric_deployments';
const COMMITS = 'metric_deployment_commits';
const FIRSTS = 'metric_first_deployments';
/** The deployments' data version, which backends watch for new rows. */
const VERSIONS = 'metric_data_versions';
const DEPLOYMENTS_VERSION = 'deployments';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How far back the made-up deployments go. */
export const DEMO_DEPLOYMENT_DAYS = 183;
/** Rows per insert: under SQLite's 999 bound values. */
const INSERT_ROWS = 50;

/**
 * How a service behaves: golden-path services (created from a template
 * with Flywheel's provenance) reach production sooner and ship in smaller,
 * quicker, safer steps than hand-made ones. Means of the made-up spreads.
 */
const PROFILES = {
  goldenPath: {
    firstDeployDays: 1.5,
    deploysPerWeek: 2.5,
    failureRate: 0.07,
    leadDays: 0.8,
    fixHours: 2,
  },
  handMade: {
    firstDeployDays: 10,
    deploysPerWeek: 0.9,
    failureRate: 0.17,
    leadDays: 3.5,
    fixHours: 16,
  },
};

/**
 * The demo's pioneering team: its golden-path services moved to continuous
 * deployment (every merge ships, round the clock) this many days ago, a few
 * hours apart, so that maturity's "a pioneering team deploys daily" is met
 * for the capabilities that name it (examples/catalog/platform.yaml).
 */
export const CONTINUOUS_DEPLOYMENT = {
  owner: 'group:default/checkout',
  sinceDays: 126,
  /** Hours between deployments: from, to. */
  everyHours: [3, 5],
} as const;

/** A deterministic generator per service, so a reseed writes the same. */
function prng(seed: string) {
  let h = 2166136261;
  for (const c of seed) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** A made-up spread around a mean: exponential, as waiting times are. */
const around = (random: () => number, mean: number) =>
  -Math.log(1 - random() * 0.95) * mean;

export interface DemoService {
  entityRef: string;
  goldenPath: boolean;
  createdAt?: Date;
  /** The owning group's ref, lowercase. */
  owner?: string;
}

/** The deployments and commits of the demo, as Flywheel's store keeps them. */
export function demoDeployments(services: DemoService[], now: Date) {
  const deployments: Record<string, unknown>[] = [];
  const commits: Record<string, unknown>[] = [];
  const firsts: Record<string, unknown>[] = [];
  const since = now.getTime() - DEMO_DEPLOYMENT_DAYS * DAY_MS;
  const continuousSince =
    now.getTime() - CONTINUOUS_DEPLOYMENT.sinceDays * DAY_MS;
  for (const service of services) {
    const continuous =
      service.goldenPath && service.owner === CONTINUOUS_DEPLOYMENT.owner;
    const [fromHours, toHours] = CONTINUOUS_DEPLOYMENT.everyHours;
    const random = prng(service.entityRef);
    const profile = service.goldenPath
      ? PROFILES.goldenPath
      : PROFILES.handMade;
    const created = service.createdAt?.getTime();
    // A service with a known creation time is first deployed after its
    // profile's delay, even before the demo window; without one, it has
    // been deploying since before the window.
    let at =
      created !== undefined
        ? created + around(random, profile.firstDeployDays) * DAY_MS
        : since + random() * 7 * DAY_MS;
    let n = 0;
    let pending: { sha: string; authored: number }[] = [];
    let first = true;
    while (at < now.getTime() - HOUR_MS) {
      n++;
      const id = `demo-${service.entityRef.split('/')[1]}-${n}`;
      // The change: a few commits authored before the deployment.
      const fresh = 1 + Math.floor(random() * 3);
      for (let c = 0; c < fresh; c++) {
        pending.push({
          sha:
            Math.floor(random() * 2 ** 48)
              .toString(16)
              .padStart(12, '0') + n.toString(16).padStart(4, '0'),
          authored: Math.max(
            created ?? since,
            at - around(random, profile.leadDays) * DAY_MS,
          ),
        });
      }
      // A first deployment always succeeds here: its time is the demo's
      // time to first deploy.
      const failed = !first && random() < profile.failureRate;
      const finished = new Date(at);
      deployments.push({
        deployment_id: id,
        entity_ref: service.entityRef,
        environment: 'PRODUCTION',
        result: failed ? 'FAILURE' : 'SUCCESS',
        started_at: new Date(at - 6 * 60_000),
        finished_at: finished,
        created_date: null,
        name: `Deploy ${n}`,
        display_title: null,
        url: null,
        content_hash: `demo:${id}`,
        ingested_at: finished,
      });
      for (const commit of pending) {
        commits.push({
          deployment_id: id,
          commit_sha: commit.sha,
          repo_url: `https://github.com/acme/${
            service.entityRef.split('/')[1]
          }`,
          authored_at: new Date(commit.authored),
          entity_ref: service.entityRef,
          deployed_at: finished,
          production_success: !failed,
        });
      }
      if (first) {
        firsts.push({
          entity_ref: service.entityRef,
          deployment_id: id,
          deployed_at: finished,
        });
        first = false;
      }
      if (failed) {
        // The fix ships the same commits again, soon.
        at += around(random, profile.fixHours) * HOUR_MS + 10 * 60_000;
      } else {
        pending = [];
        at +=
          continuous && at >= continuousSince
            ? (fromHours + random() * (toHours - fromHours)) * HOUR_MS
            : around(random, 7 / profile.deploysPerWeek) * DAY_MS;
        // Of an older service, only its first deployment predates the window.
        at = Math.max(at, since + random() * 7 * DAY_MS);
      }
    }
  }
  return { deployments, commits, firsts };
}

/** The demo's services from the catalog: golden path when created from one. */
export function demoServices(components: Entity[]): DemoService[] {
  return components.map(entity => {
    const annotations = entity.metadata.annotations ?? {};
    const created = Date.parse(annotations['flywheel.dev/created-at'] ?? '');
    const owner = (entity.relations ?? []).find(
      r => r.type === RELATION_OWNED_BY,
    )?.targetRef;
    return {
      entityRef: stringifyEntityRef(entity),
      goldenPath: Boolean(annotations['flywheel.dev/template-ref']),
      ...(Number.isNaN(created) ? {} : { createdAt: new Date(created) }),
      ...(owner ? { owner: owner.toLocaleLowerCase('en-US') } : {}),
    };
  });
}

/**
 * Example instance only: six months of made-up production deployments of
 * every demo service, written as Flywheel's deployment store keeps them
 * (there is no way for a module of the example backend to post them with a
 * service token of its own), once: nothing is written when any demo
 * deployment exists. Waits for Flywheel's tables.
 */
export async function seedDemoDeployments(
  db: Knex,
  services: DemoService[],
  now: Date,
): Promise<{ status: 'waiting' | 'exists' | 'done'; deployments: number }> {
  if (!(await db.schema.hasTable(VERSIONS))) {
    return { status: 'waiting', deployments: 0 };
  }
  const seeded = await db(DEPLOYMENTS)
    .where('deployment_id', 'like', 'demo-%')
    .first('deployment_id');
  if (seeded) {
    return { status: 'exists', deployments: 0 };
  }
  const { deployments, commits, firsts } = demoDeployments(services, now);
  await db.transaction(async trx => {
    // Raised as the store raises it, so running backends read the new rows.
    const row = await trx(VERSIONS)
      .where('name', DEPLOYMENTS_VERSION)
      .first('version');
    const version = (row ? Number(row.version) : 0) + 1;
    if (row) {
      await trx(VERSIONS)
        .where('name', DEPLOYMENTS_VERSION)
        .update({ version });
    } else {
      await trx(VERSIONS).insert({ name: DEPLOYMENTS_VERSION, version });
    }
    await trx.batchInsert(
      DEPLOYMENTS,
      deployments.map(d => ({ ...d, ingest_version: version })),
      INSERT_ROWS,
    );
    await trx.batchInsert(COMMITS, commits, INSERT_ROWS);
    // A service someone deployed for real before the seeding keeps its own first.
    for (const first of firsts) {
      await trx(FIRSTS).insert(first).onConflict('entity_ref').ignore();
    }
  });
  return { status: 'done', deployments: deployments.length };
}

/**
 * Example only (`flywheelExample.demoDeployments: true`): seeds the demo's
 * deployment history once the catalog holds the demo components.
 */
export const flywheelModuleDemoDeployments = createDemoSeedModule({
  moduleId: 'example-demo-deployments',
  flag: 'demoDeployments',
  label: 'Demo deployments',
  initialDelay: { seconds: 15 },
  seeder: () => {
    let lastSeen = -1;
    return async ({ knex, catalog, credentials }) => {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'Component' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
            'relations',
          ],
        },
        { credentials: await credentials() },
      );
      // Seeded once the catalog stops growing, so no service is left out.
      if (items.length === 0 || items.length !== lastSeen) {
        lastSeen = items.length;
        return {
          status: 'waiting',
          reason: `the catalog: ${items.length} components`,
        };
      }
      const result = await seedDemoDeployments(
        knex,
        demoServices(items),
        new Date(),
      );
      if (result.status === 'waiting') {
        return { status: 'waiting', reason: 'Flywheel has not migrated yet' };
      }
      return {
        status: 'done',
        message:
          result.status === 'done'
            ? `wrote ${result.deployments} production deployments of the last ${DEMO_DEPLOYMENT_DAYS} days`
            : 'already seeded',
      };
    };
  },
});
