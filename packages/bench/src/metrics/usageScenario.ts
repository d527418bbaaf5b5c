import { Knex } from 'knex';
import {
  BenchCall,
  fmt,
  LoadResult,
  log,
  pad,
  prng,
  runLoad,
  secs,
  weighted,
  withEventLoopBusy,
} from '../harness';
import { GOLDEN_PATHS } from './catalogData';
import { MAX_BODY_BYTES } from './ingestScenario';
import { MetricsContext, MetricsScenario } from './results';

/** The most events one post may carry (the endpoint's limit). */
export const MAX_USAGE_EVENTS_PER_POST = 500;

const PATH = '/api/flywheel/usage/events';
const DAY_MS = 86_400_000;

export interface UsageResult {
  /** Events in the posts. */
  events: number;
  posts: number;
  clients: number;
  /** People who posted (each post is one person's). */
  people: number;
  /** Mean events per post asked for; each post carries 1 to 2× − 1 of it. */
  batch: number;
  /** Smallest, mean and largest post, in events. */
  perPost: { min: number; mean: number; max: number };
  /** Mean body size, in bytes. */
  meanBytes: number;
  load: LoadResult;
  eventsPerSecond: number;
  /** Summed from the 202 answers. */
  accepted: number;
  /** Posts not answered 202. */
  failed: number;
  rows: {
    events: number;
    /** Distinct people in the stored events. */
    people: number;
    /** Rows of the people's active days, and distinct (person, day) of the events. */
    userDays: number;
    eventDays: number;
    /** Accepted events without a row (negative: more rows than accepted). */
    lost: number;
    ok: boolean;
  };
}

/** A page of the portal as the app's analytics report it. */
export interface Page {
  pluginId: string;
  routeRef: string;
  extension: string;
  /** The path and the entity the page shows, if it shows one. */
  at(rnd: () => number): { path: string; entityRef?: string };
  /** Link texts clicked on the page. */
  clicks: string[];
}

/**
 * Usage events as the analytics module sends them (its UsageEvent shape):
 * mostly page views (`navigate`) and clicks, a few searches (subject
 * removed in the browser) and template runs (`create`), across the
 * catalog, entity pages (popular components far more often), TechDocs,
 * the scaffolder, search and Flywheel's own pages.
 */
export function usagePages(componentRefs: string[]): [number, Page][] {
  // A few components get most of the views (a power law over the list).
  const component = (rnd: () => number) =>
    componentRefs[Math.floor(componentRefs.length * rnd() ** 3)];
  const entityPage = (base: string, suffix = '') => ({
    at: (rnd: () => number) => {
      const entityRef = component(rnd);
      const name = entityRef.split('/')[1];
      return {
        path: `${base}/default/component/${name}${suffix}`,
        entityRef,
      };
    },
  });
  const fixed = (path: string) => ({ at: () => ({ path }) });
  return [
    [
      0.15,
      {
        pluginId: 'catalog',
        routeRef: 'catalog:index',
        extension: 'page:catalog',
        clicks: ['Owned', 'Starred', 'All', 'Next page'],
        ...fixed('/catalog'),
      },
    ],
    [
      0.5,
      {
        pluginId: 'catalog',
        routeRef: 'catalog:entity',
        extension: 'page:catalog/entity',
        clicks: ['View Source', 'View TechDocs', 'Dependencies', 'CI/CD'],
        ...entityPage('/catalog'),
      },
    ],
    [
      0.65,
      {
        pluginId: 'techdocs',
        routeRef: 'techdocs:reader-page',
        extension: 'page:techdocs/reader',
        clicks: ['Getting started', 'Runbook', 'Edit this page'],
        ...entityPage('/docs', '/'),
      },
    ],
    [
      0.73,
      {
        pluginId: 'scaffolder',
        routeRef: 'scaffolder:root',
        extension: 'page:scaffolder',
        clicks: ['Choose', 'Create', 'Next'],
        at: (rnd: () => number) => {
          if (rnd() < 0.5) {
            return { path: '/create' };
          }
          const entityRef =
            GOLDEN_PATHS[Math.floor(rnd() * GOLDEN_PATHS.length)];
          return {
            path: `/create/templates/default/${entityRef.split('/')[1]}`,
            entityRef,
          };
        },
      },
    ],
    [
      0.85,
      {
        pluginId: 'search',
        routeRef: 'search:root',
        extension: 'page:search',
        clicks: ['Component', 'Documentation', 'Load more'],
        ...fixed('/search'),
      },
    ],
    [
      0.93,
      {
        pluginId: 'flywheel',
        routeRef: 'flywheel:scorecards',
        extension: 'page:flywheel/scorecards',
        clicks: ['Checks', 'Export CSV', 'Team'],
        ...fixed('/flywheel/scorecards'),
      },
    ],
    [
      1,
      {
        pluginId: 'flywheel',
        routeRef: 'flywheel:metrics',
        extension: 'page:flywheel/metrics',
        clicks: ['Value stream', 'Usage', '26 weeks'],
        ...fixed('/flywheel/metrics'),
      },
    ],
  ];
}

/** One post's events: a person's session, seconds apart, on a day of the last six. */
export function sessionEvents(
  rnd: () => number,
  pages: [number, Page][],
  count: number,
  now: number,
): object[] {
  // Sessions end at least an hour before now (the posts go out later), and
  // start within the last six days (the endpoint takes seven).
  let at = now - 3_600_000 - Math.floor(rnd() * 6 * DAY_MS) - count * 30_000;
  let page = weighted(rnd(), pages);
  let where = page.at(rnd);
  const events: object[] = [];
  const context = () => ({
    pluginId: page.pluginId,
    routeRef: page.routeRef,
    extension: page.extension,
    ...(where.entityRef ? { entityRef: where.entityRef } : {}),
  });
  for (let i = 0; i < count; i++) {
    at += 1000 + Math.floor(rnd() * 29_000);
    const timestamp = new Date(at).toISOString();
    const roll = rnd();
    if (i === 0 || roll < 0.55) {
      page = weighted(rnd(), pages);
      where = page.at(rnd);
      events.push({
        action: 'navigate',
        subject: where.path,
        context: context(),
        timestamp,
      });
    } else if (roll < 0.92) {
      const text = page.clicks[Math.floor(rnd() * page.clicks.length)];
      events.push({
        action: 'click',
        subject: text,
        context: context(),
        attributes: { to: where.path },
        timestamp,
      });
    } else if (roll < 0.98) {
      // The browser drops a search's terms; the count of results stays.
      events.push({
        action: 'search',
        subject: '',
        context: {
          pluginId: 'search',
          routeRef: 'search:root',
          extension: 'page:search',
        },
        value: Math.floor(rnd() * 200),
        timestamp,
      });
    } else {
      const templateRef = GOLDEN_PATHS[Math.floor(rnd() * GOLDEN_PATHS.length)];
      events.push({
        action: 'create',
        subject: `new service from ${templateRef.split('/')[1]}`,
        context: {
          pluginId: 'scaffolder',
          routeRef: 'scaffolder:root',
          extension: 'page:scaffolder',
          entityRef: templateRef,
        },
        attributes: { templateRef },
        timestamp,
      });
    }
  }
  return events;
}

/**
 * The posts: each one person's session of 1 to 2 × batch − 1 events
 * (at most 500 and 100 kB), with that person's user token; people taken in
 * a shuffled round so each posts about as often.
 */
function usagePosts(
  context: MetricsContext,
  now: number,
): { calls: BenchCall[]; sizes: number[]; posting: number } {
  const { options, catalog, run } = context;
  const rnd = prng(0x05a9e);
  const pages = usagePages(
    catalog.components.map(c => `component:default/${c.metadata.name}`),
  );
  const people = Array.from(
    { length: options.usagePeople },
    (_, i) => `user:default/person-${pad(i + 1)}`,
  );
  const tokens = people.map(ref => run.backend.tokens.issue(ref, [], 4 * 3600));
  const envelope = `{"events":[],"sentAt":"${new Date(now).toISOString()}"}`
    .length;
  const calls: BenchCall[] = [];
  const sizes: number[] = [];
  const posting = new Set<number>();
  let remaining = options.usageEvents;
  let order: number[] = [];
  while (remaining > 0) {
    if (order.length === 0) {
      order = people.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const person = order.pop()!;
    posting.add(person);
    const wanted = Math.min(
      remaining,
      MAX_USAGE_EVENTS_PER_POST,
      1 + Math.floor(rnd() * (2 * options.usageBatch - 1)),
    );
    const parts: string[] = [];
    let bytes = envelope;
    for (const event of sessionEvents(rnd, pages, wanted, now)) {
      const json = JSON.stringify(event);
      if (bytes + json.length + 1 > MAX_BODY_BYTES) {
        break;
      }
      parts.push(json);
      bytes += json.length + 1;
    }
    calls.push({
      method: 'POST',
      path: PATH,
      token: tokens[person],
      body: `{"events":[${parts.join(',')}],"sentAt":"${new Date(
        now,
      ).toISOString()}"}`,
    });
    sizes.push(parts.length);
    remaining -= parts.length;
  }
  return { calls, sizes, posting: posting.size };
}

const count = async (query: Knex.QueryBuilder | Knex.Raw) => {
  const result = (await query) as unknown;
  // A raw query answers rows on PostgreSQL (`.rows`) and an array on SQLite.
  const rows = (
    Array.isArray(result) ? result : (result as { rows: unknown[] }).rows
  ) as { n: unknown }[];
  return Number(rows[0]?.n ?? 0);
};

/**
 * Scenario: `--usage-events` analytics events of `--usage-people` signed-in
 * people (each post one person's session with their own user token, as the
 * analytics module sends them) posted once to `POST /usage/events` by
 * `--usage-clients` concurrent clients; events/s over the whole load, then
 * the `usage_events` rows counted against the events the answers accepted.
 */
export const usageScenario: MetricsScenario<UsageResult> = {
  id: 'usage',
  title: 'usage-event ingest',

  async run(context) {
    const { options, run, knex } = context;
    const now = Date.now();
    const { calls, sizes, posting } = usagePosts(context, now);
    const events = sizes.reduce((a, b) => a + b, 0);
    const meanBytes =
      calls.reduce((sum, c) => sum + Buffer.byteLength(c.body!), 0) /
      calls.length;
    log(
      `usage: ${fmt(events)} events of ${fmt(posting)} people in ${fmt(
        calls.length,
      )} posts (${Math.min(...sizes)}–${Math.max(...sizes)} events, mean ${(
        events / calls.length
      ).toFixed(1)}, ${(meanBytes / 1024).toFixed(1)} kB), ${
        options.usageClients
      } clients`,
    );

    const load = await withEventLoopBusy(() =>
      context.profile('usage-ingest', () =>
        runLoad({
          name: 'usage-ingest',
          baseUrl: run.backend.baseUrl,
          clients: options.usageClients,
          calls,
          once: true,
          warmup: 0,
          keepAnswers: true,
        }),
      ),
    );

    let accepted = 0;
    let failed = 0;
    load.answerByCall!.forEach((text, i) => {
      if (load.statusByCall![i] !== 202) {
        failed++;
        return;
      }
      accepted += (JSON.parse(text) as { received: number }).received;
    });
    const eventsPerSecond = (accepted / load.durationMs) * 1000;
    log(
      `usage-ingest: ${fmt(accepted)} of ${fmt(
        events,
      )} events accepted in ${fmt(load.requests)} posts, ${secs(
        load.durationMs,
      )} = ${fmt(Math.round(eventsPerSecond))} events/s; p50 ${load.p50.toFixed(
        0,
      )} ms, p95 ${load.p95.toFixed(
        0,
      )} ms per post; ${failed} failed; event loop busy ${Math.round(
        (load.eventLoopBusy ?? 0) * 100,
      )}%`,
    );

    const rowCount = await count(knex('usage_events').count({ n: '*' }));
    const rowPeople = await count(
      knex('usage_events').countDistinct({ n: 'user_ref' }),
    );
    const userDays = await count(knex('usage_user_days').count({ n: '*' }));
    const eventDays = await count(
      knex
        .from(knex('usage_events').distinct('user_ref', 'day').as('d'))
        .count({ n: '*' }),
    );
    const rows = {
      events: rowCount,
      people: rowPeople,
      userDays,
      eventDays,
      lost: accepted - rowCount,
      ok: false,
    };
    rows.ok =
      failed === 0 &&
      accepted === events &&
      rowCount === accepted &&
      rowPeople === posting &&
      userDays === eventDays;
    log(
      `rows: ${fmt(rowCount)} usage events (accepted ${fmt(accepted)}), ${fmt(
        rowPeople,
      )} people (posted ${fmt(posting)}), ${fmt(
        userDays,
      )} user-day rows (distinct person-days of the events ${fmt(
        eventDays,
      )}): ${rows.ok ? 'OK' : 'MISMATCH'}`,
    );
    return {
      events,
      posts: calls.length,
      clients: options.usageClients,
      people: posting,
      batch: options.usageBatch,
      perPost: {
        min: Math.min(...sizes),
        mean: events / calls.length,
        max: Math.max(...sizes),
      },
      meanBytes,
      load: { ...load, statusByCall: undefined, answerByCall: undefined },
      eventsPerSecond,
      accepted,
      failed,
      rows,
    };
  },

  figures: options => [
    {
      key: 'usage.events',
      label: `usage events / posts (1–${
        2 * options.usageBatch - 1
      } events, ≤ 500, ≤ 100 kB) / people`,
      unit: 'text',
      value: r => `${fmt(r.events)} / ${fmt(r.posts)} / ${fmt(r.people)}`,
    },
    {
      key: 'usage.rate',
      label: `POST /usage/events, ${options.usageClients} clients: events/s`,
      unit: 'rps',
      value: r => r.eventsPerSecond,
      target: { text: '≥ 2,000/s', ok: x => x >= 2000 },
    },
    {
      key: 'usage.time',
      label: '  time for all of them',
      unit: 's',
      digits: 1,
      value: r => r.load.durationMs,
    },
    {
      key: 'usage.latency',
      label: '  per post: p50 / p95 · event loop busy',
      unit: 'text',
      value: r =>
        `${r.load.p50.toFixed(0)} / ${r.load.p95.toFixed(0)} ms · ${Math.round(
          (r.load.eventLoopBusy ?? 0) * 100,
        )}%`,
    },
    {
      key: 'usage.failed',
      label: '  failed posts',
      unit: 'n',
      value: r => r.failed,
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'usage.rows',
      label: '  rows afterwards / events accepted',
      unit: 'text',
      value: r => `${fmt(r.rows.events)} / ${fmt(r.accepted)}`,
    },
    {
      key: 'usage.lost',
      label: '  lost events',
      unit: 'n',
      value: r => r.rows.lost,
      target: { text: '0', ok: x => x === 0 },
    },
    {
      key: 'usage.days',
      label: '  people in the rows / user-day rows / person-days of the events',
      unit: 'text',
      value: r =>
        `${fmt(r.rows.people)} / ${fmt(r.rows.userDays)} / ${fmt(
          r.rows.eventDays,
        )}`,
    },
  ],

  failed: r => !r.rows.ok,
};
