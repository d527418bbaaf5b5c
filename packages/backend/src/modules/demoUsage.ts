import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const USAGE_EVENTS = 'usage_events';
const USER_DAYS = 'usage_user_days';
/** The usage store's rollups, which the breakdown reads (created last). */
const ROUTE_USERS = 'usage_route_users';
const ROUTE_DAYS = 'usage_route_days';
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far back the made-up usage goes, today included. */
export const DEMO_USAGE_DAYS = 183;
/**
 * The attributes of every made-up event: how a restart tells the demo's
 * events from real ones. Nothing reads usage attributes for the metrics.
 */
export const DEMO_USAGE_MARKER = '{"demo":true}';
/** Rows per insert: 12 columns, under SQLite's 999 bound values. */
const EVENT_ROWS = 50;
const DAY_ROWS = 400;
const GUEST = 'user:default/guest';

/** A person of the demo catalog. */
export interface DemoPerson {
  /** Lowercase user ref, as the ingest stores it. */
  userRef: string;
  /** Lowercase group refs the person is a member of. */
  teams: string[];
}

/** Entities people visit: components' pages and docs, templates to create from. */
export interface DemoUsageEntities {
  components: string[];
  templates: string[];
}

/** One `usage_events` row, as UsageStore.record writes it. */
export interface DemoUsageEventRow {
  user_ref: string;
  occurred_at: Date;
  day: number;
  action: string;
  subject: string;
  plugin_id: string;
  route_ref: string | null;
  extension: string | null;
  entity_ref: string | null;
  attributes: string;
  value: number | null;
  received_at: Date;
}

/** A deterministic generator per seed, so a reseed writes the same. */
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

type Random = () => number;
type Area =
  | 'home'
  | 'catalog'
  | 'techdocs'
  | 'search'
  | 'scaffolder'
  | 'flywheel'
  | 'notifications';

/** How often the average person goes to each part of the portal. */
const AREA_WEIGHTS: Record<Area, number> = {
  home: 10,
  catalog: 34,
  techdocs: 18,
  search: 10,
  scaffolder: 7,
  flywheel: 8,
  notifications: 4,
};

/** The platform teams look at Flywheel and the templates more than others. */
function teamBias(teams: string[], area: Area): number {
  const platform = teams.some(t => /^group:default\/platform/.test(t));
  if (platform && area === 'flywheel') return 3;
  if (platform && area === 'scaffolder') return 2;
  if (teams.some(t => /data-engineering|ml-insights/.test(t))) {
    return area === 'techdocs' ? 1.6 : 1;
  }
  return 1;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

function weighted<T extends string>(
  random: Random,
  weights: Record<T, number>,
): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** An event as the frontend module sends it, before its person and time. */
interface Visit {
  action: string;
  subject: string;
  pluginId: string;
  routeRef?: string;
  extension?: string;
  entityRef?: string;
  value?: number;
}

/** `component:default/x` -> `default/component/x`, as the app's paths have it. */
const entityPath = (ref: string) => {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return `${namespace}/${kind}/${name}`;
};

/** What a person does in one part of the portal: one to three events. */
function visit(
  random: Random,
  area: Area,
  entities: DemoUsageEntities,
): Visit[] {
  const component = () => pick(random, entities.components);
  switch (area) {
    case 'home':
      return [
        {
          action: 'navigate',
          subject: '/',
          pluginId: 'home',
          routeRef: 'home',
          extension: 'page:home',
        },
      ];
    case 'catalog': {
      const events: Visit[] = [
        {
          action: 'navigate',
          subject: '/catalog',
          pluginId: 'catalog',
          routeRef: 'catalog',
          extension: 'page:catalog',
        },
      ];
      if (entities.components.length > 0 && random() < 0.75) {
        const ref = component();
        events.push({
          action: 'navigate',
          subject: `/catalog/${entityPath(ref)}`,
          pluginId: 'catalog',
          routeRef: 'catalog:entity',
          extension: 'page:catalog/entity',
          entityRef: ref,
        });
        if (random() < 0.35) {
          events.push({
            action: 'click',
            subject: pick(random, ['Scorecards', 'Docs', 'API', 'Metrics']),
            pluginId: 'catalog',
            routeRef: 'catalog:entity',
            extension: 'page:catalog/entity',
            entityRef: ref,
          });
        }
      }
      return events;
    }
    case 'techdocs': {
      if (entities.components.length === 0 || random() < 0.3) {
        return [
          {
            action: 'navigate',
            subject: '/docs',
            pluginId: 'techdocs',
            routeRef: 'techdocs:index-page',
            extension: 'page:techdocs',
          },
        ];
      }
      const ref = component();
      return [
        {
          action: 'navigate',
          subject: `/docs/${entityPath(ref)}`,
          pluginId: 'techdocs',
          routeRef: 'techdocs:reader-page',
          extension: 'page:techdocs/reader',
          entityRef: ref,
        },
      ];
    }
    case 'search':
      // Search terms stay in the browser: the subject is empty.
      return [
        {
          action: 'navigate',
          subject: '/search',
          pluginId: 'search',
          routeRef: 'search',
          extension: 'page:search',
        },
        {
          action: 'search',
          subject: '',
          pluginId: 'search',
          routeRef: 'search',
          extension: 'page:search',
          value: Math.floor(random() * 40),
        },
      ];
    case 'scaffolder': {
      const events: Visit[] = [
        {
          action: 'navigate',
          subject: '/create',
          pluginId: 'scaffolder',
          routeRef: 'scaffolder',
          extension: 'page:scaffolder',
        },
      ];
      if (entities.templates.length > 0 && random() < 0.5) {
        const ref = pick(random, entities.templates);
        const name = ref.split('/')[1];
        events.push({
          action: 'navigate',
          subject: `/create/templates/default/${name}`,
          pluginId: 'scaffolder',
          routeRef: 'scaffolder/selected-template',
          extension: 'page:scaffolder',
          entityRef: ref,
        });
        if (random() < 0.2) {
          events.push({
            action: 'create',
            subject: name,
            pluginId: 'scaffolder',
            routeRef: 'scaffolder/selected-template',
            extension: 'page:scaffolder',
            entityRef: ref,
            value: 60,
          });
        }
      }
      return events;
    }
    case 'flywheel':
      return [
        {
          action: 'navigate',
          subject: pick(random, [
            '/flywheel',
            '/flywheel/metrics',
            '/flywheel/metrics',
            '/flywheel/golden-paths',
            '/flywheel/scorecards',
          ]),
          pluginId: 'flywheel',
          routeRef: 'flywheel',
          extension: 'page:flywheel',
        },
      ];
    default:
      return [
        {
          action: 'navigate',
          subject: '/notifications',
          pluginId: 'notifications',
          routeRef: 'notifications',
          extension: 'page:notifications',
        },
      ];
  }
}

/**
 * Six months of made-up usage of the demo's people, as the usage store
 * keeps it: the events and the days each person was active. Weekdays are
 * busy and weekends quiet; a few people use the portal from the start and
 * the rest come during the half year, so active users grow; some people are
 * there most days and look at many pages, others now and then. The guest
 * is a regular from the start. Never after `now`.
 */
export function demoUsage(
  people: DemoPerson[],
  entities: DemoUsageEntities,
  now: Date,
): { events: DemoUsageEventRow[]; days: { user_ref: string; day: number }[] } {
  const events: DemoUsageEventRow[] = [];
  const days: { user_ref: string; day: number }[] = [];
  const today = Math.floor(now.getTime() / DAY_MS);
  const firstDay = today - DEMO_USAGE_DAYS + 1;
  for (const person of people) {
    const random = prng(person.userRef);
    const guest = person.userRef === GUEST;
    // How much the person uses the portal, 0..1: a few heavy users.
    const engagement = guest ? 0.9 : random() ** 0.8;
    // 40% from the start, the others some day within the half year.
    const adopted =
      guest || random() < 0.4
        ? firstDay
        : firstDay + Math.floor(random() * DEMO_USAGE_DAYS * 0.9);
    const weights = Object.fromEntries(
      (Object.keys(AREA_WEIGHTS) as Area[]).map(area => [
        area,
        AREA_WEIGHTS[area] *
          teamBias(person.teams, area) *
          (0.4 + random() * 1.2),
      ]),
    ) as Record<Area, number>;
    for (let day = adopted; day <= today; day++) {
      const weekday = ![0, 6].includes(new Date(day * DAY_MS).getUTCDay());
      // Habits form over the first two months.
      const settling = Math.min(1, 0.6 + (0.4 * (day - adopted)) / 60);
      const chance =
        (0.12 + 0.78 * engagement) * settling * (weekday ? 1 : 0.07);
      if (random() >= chance) {
        continue;
      }
      const sessions = 1 + Math.floor(random() * (1 + engagement * 2.5));
      const before = events.length;
      for (let s = 0; s < sessions; s++) {
        // Sessions between 07:00 and 18:00 UTC, a page every minute or three.
        let at = day * DAY_MS + (7 + random() * 11) * 60 * MINUTE_MS;
        const pages = 2 + Math.floor(random() * (2 + engagement * 5));
        for (let p = 0; p < pages; p++) {
          for (const v of visit(random, weighted(random, weights), entities)) {
            at += (0.3 + random() * 2.5) * MINUTE_MS;
            if (at > now.getTime()) {
              break;
            }
            events.push({
              user_ref: person.userRef,
              occurred_at: new Date(at),
              day,
              action: v.action,
              subject: v.subject,
              plugin_id: v.pluginId,
              route_ref: v.routeRef ?? null,
              extension: v.extension ?? null,
              entity_ref: v.entityRef ?? null,
              attributes: DEMO_USAGE_MARKER,
              value: v.value ?? null,
              // As if sent a few seconds later, in the module's next batch.
              received_at: new Date(at + 5_000),
            });
          }
        }
      }
      if (events.length > before) {
        days.push({ user_ref: person.userRef, day });
      }
    }
  }
  return { events, days };
}

/** The demo's people from the catalog's User entities, refs lowercased. */
export function demoPeople(users: Entity[]): DemoPerson[] {
  return users.map(user => ({
    userRef: stringifyEntityRef(user).toLocaleLowerCase('en-US'),
    teams: (user.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef.toLocaleLowerCase('en-US'))
      .sort(),
  }));
}

/** The components and templates people visit, refs lowercased. */
export function demoUsageEntities(entities: Entity[]): DemoUsageEntities {
  const refs = (kind: string) =>
    entities
      .filter(e => e.kind.toLocaleLowerCase('en-US') === kind)
      .map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US'))
      .sort();
  return { components: refs('component'), templates: refs('template') };
}

/**
 * Example instance only: six months of made-up platform usage by the demo's
 * people, written as Flywheel's usage store keeps what the analytics module
 * sends (a module of the example backend has no user token to post them
 * with): the events, each marked with DEMO_USAGE_MARKER in its attributes,
 * and the days each person was active. Written once, and never over real
 * usage: nothing is written when demo events exist, or when any event was
 * received before `startedAt` (this start of the backend: an instance
 * that has been used). Events that arrive after the start, e.g. the guest's
 * first clicks while the catalog loads, do not stop the seed; their days
 * are kept as they are. Waits for Flywheel's tables.
 */
export async function seedDemoUsage(
  db: Knex,
  people: DemoPerson[],
  entities: DemoUsageEntities,
  now: Date,
  startedAt: Date,
): Promise<{
  status: 'waiting' | 'exists' | 'used' | 'done';
  events: number;
  people: number;
}> {
  if (!(await db.schema.hasTable(ROUTE_DAYS))) {
    return { status: 'waiting', events: 0, people: 0 };
  }
  const seeded = await db(USAGE_EVENTS)
    .where('attributes', DEMO_USAGE_MARKER)
    .first('id');
  if (seeded) {
    return { status: 'exists', events: 0, people: 0 };
  }
  const used = await db(USAGE_EVENTS)
    .where('received_at', '<', startedAt)
    .first('id');
  if (used) {
    return { status: 'used', events: 0, people: 0 };
  }
  const { events, days } = demoUsage(people, entities, now);
  await db.transaction(async trx => {
    await trx.batchInsert(USAGE_EVENTS, events, EVENT_ROWS);
    for (let i = 0; i < days.length; i += DAY_ROWS) {
      await trx(USER_DAYS)
        .insert(days.slice(i, i + DAY_ROWS))
        .onConflict(['user_ref', 'day'])
        .ignore();
    }
    await addToRollups(trx);
  });
  return {
    status: 'done',
    events: events.length,
    people: new Set(days.map(d => d.user_ref)).size,
  };
}

/**
 * Adds the demo's events to the usage store's rollups as its ingest would:
 * when each person last used each route, and the events per day and route.
 */
async function addToRollups(db: Knex) {
  // The later of two times: SQLite's max(a, b).
  const latest = db.client.config.client === 'pg' ? 'GREATEST' : 'max';
  await db.raw(
    `INSERT INTO ${ROUTE_USERS} (plugin_id, route_ref, user_ref, last_at)
SELECT plugin_id, COALESCE(route_ref, ''), user_ref, MAX(occurred_at)
FROM ${USAGE_EVENTS} WHERE attributes = ?
GROUP BY plugin_id, COALESCE(route_ref, ''), user_ref
ON CONFLICT (plugin_id, route_ref, user_ref)
DO UPDATE SET last_at = ${latest}(${ROUTE_USERS}.last_at, excluded.last_at)`,
    [DEMO_USAGE_MARKER],
  );
  await db.raw(
    `INSERT INTO ${ROUTE_DAYS} (day, plugin_id, route_ref, shard, events)
SELECT day, plugin_id, COALESCE(route_ref, ''), 0, COUNT(*)
FROM ${USAGE_EVENTS} WHERE attributes = ?
GROUP BY day, plugin_id, COALESCE(route_ref, '')
ON CONFLICT (day, plugin_id, route_ref, shard)
DO UPDATE SET events = ${ROUTE_DAYS}.events + excluded.events`,
    [DEMO_USAGE_MARKER],
  );
}

/**
 * Example only (`flywheelExample.demoUsage: true`): seeds the demo's usage
 * history once the catalog holds the demo's people and components.
 */
export const flywheelModuleDemoUsage = createDemoSeedModule({
  moduleId: 'example-demo-usage',
  flag: 'demoUsage',
  label: 'Demo usage',
  initialDelay: { seconds: 20 },
  seeder: () => {
    const startedAt = new Date();
    let lastSeen = '';
    return async ({ knex, catalog, credentials }) => {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: ['User', 'Component', 'Template'] },
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials: await credentials() },
      );
      const users = items.filter(e => e.kind === 'User');
      const entities = demoUsageEntities(items);
      // Seeded once the catalog stops growing, so nobody is left out.
      const seen = `${users.length} users, ${entities.components.length} components, ${entities.templates.length} templates`;
      if (users.length === 0 || seen !== lastSeen) {
        lastSeen = seen;
        return { status: 'waiting', reason: `the catalog: ${seen}` };
      }
      const result = await seedDemoUsage(
        knex,
        demoPeople(users),
        entities,
        new Date(),
        startedAt,
      );
      switch (result.status) {
        case 'waiting':
          return { status: 'waiting', reason: 'Flywheel has not migrated yet' };
        case 'done':
          return {
            status: 'done',
            message: `wrote ${result.events} usage events of ${result.people} people over the last ${DEMO_USAGE_DAYS} days`,
          };
        case 'used':
          return {
            status: 'done',
            message: 'skipped: usage was recorded before this start',
          };
        default:
          return { status: 'done', message: 'already seeded' };
      }
    };
  },
});
