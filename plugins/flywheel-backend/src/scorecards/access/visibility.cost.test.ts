import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { countStates } from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from '../../catalog/CatalogReader';
import { connectDatabase } from '../../database/migrate';
import { EntityEvaluation, ScorecardStore } from '../store/ScorecardStore';
import { EntityVisibility } from '../../catalog/EntityVisibility';
import { conditionalCatalogRead } from '../../__testUtils__/catalogViews';

/*
 * What honouring catalog visibility costs at 20,000 entities. Not part of
 * the suite: run with FLYWHEEL_MEASURE=1; figures are in docs/scorecards.md.
 */
const run = process.env.FLYWHEEL_MEASURE ? describe : describe.skip;
jest.setTimeout(600_000);

const ENTITIES = 20_000;
const CHECKS = 20;
const TEAMS = 200;

function evaluations(): EntityEvaluation[] {
  const states = ['pass', 'fail', 'warn', 'unknown'] as const;
  return Array.from({ length: ENTITIES }, (_, i) => {
    const checks = Array.from({ length: CHECKS }, (__, c) => ({
      checkId: `check-${c}`,
      state: states[(i * 7 + c) % states.length],
      reason: 'measured',
    }));
    return {
      entityRef: `component:default/service-${String(i).padStart(5, '0')}`,
      scorecardId: 'sc',
      ownerRef: `group:default/team-${i % TEAMS}`,
      level: ['bronze', 'silver', 'gold'][i % 3],
      levelRank: i % 3,
      score: (i % 100) + 0.5,
      counts: countStates(checks),
      checks,
    };
  });
}

function tree() {
  // 200 teams under 20 departments under one org.
  const edges = [];
  for (let t = 0; t < TEAMS; t++) {
    const dept = `group:default/dept-${t % 20}`;
    edges.push({
      ancestorRef: dept,
      descendantRef: `group:default/team-${t}`,
      depth: 1,
    });
    edges.push({
      ancestorRef: 'group:default/org',
      descendantRef: `group:default/team-${t}`,
      depth: 2,
    });
  }
  for (let d = 0; d < 20; d++) {
    edges.push({
      ancestorRef: 'group:default/org',
      descendantRef: `group:default/dept-${d}`,
      depth: 1,
    });
  }
  return edges;
}

async function time<T>(label: string, fn: () => Promise<T>, runs = 5) {
  await fn(); // warm
  const start = process.hrtime.bigint();
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    result = await fn();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  // eslint-disable-next-line no-console
  console.log(`${label}: ${ms.toFixed(1)} ms`);
  return result as T;
}

run('cost of catalog visibility at 20,000 entities', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('reads the visible refs from the catalog', async () => {
    const entities: Entity[] = evaluations().map(e => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: e.entityRef.split('/')[1],
        namespace: 'default',
        annotations: { 'a.example/x': 'y'.repeat(200) },
      },
      spec: { owner: e.ownerRef, type: 'service', lifecycle: 'production' },
    }));
    const reader = new CatalogReader(catalogServiceMock({ entities }));
    let now = 0;
    const visibility = new EntityVisibility({
      catalog: reader,
      // A policy with conditions: the refs are read from the catalog.
      permissions: mockServices.permissions.mock({
        authorizeConditional: async () => [
          conditionalCatalogRead(['group:default/x']),
        ],
      }),
      kinds: ['component'],
      now: () => now,
    });
    const credentials = mockCredentials.user();
    const cold = await time(
      'visible refs, cold (in-memory catalog mock, 20 pages)',
      async () => {
        now += 60_000; // expire the cache every time
        return visibility.visibleTo(credentials);
      },
    );
    expect(cold.has('component:default/service-19999')).toBe(true);
    await time('visible refs, cached', () => visibility.visibleTo(credentials));
  });

  it.each(databases.eachSupportedId())('reads on %p', async databaseId => {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const store = new ScorecardStore(db);
    await store.replaceGroupAncestry(tree());
    await store.applyEvaluations(evaluations(), new Date());
    await store.analyze();
    const refs = await store.scoredEntityRefs('sc');
    expect(refs).toHaveLength(ENTITIES);
    // eslint-disable-next-line no-console
    console.log(`--- ${databaseId}`);
    await time('scored refs (cached per results version)', () =>
      store.scoredEntityRefs('sc'),
    );
    const visible = new Set(refs.slice(0, ENTITIES - 100));
    await time('hidden = scored minus visible (20,000 lookups)', async () =>
      refs.filter(r => !visible.has(r)),
    );
    for (const hidden of [0, 1, 100, 2_000, 10_000]) {
      const list = refs
        .filter((_, i) => i % Math.max(1, Math.floor(ENTITIES / hidden)) === 0)
        .slice(0, hidden);
      // A fresh store: no cached answers.
      const fresh = () => new ScorecardStore(db);
      await time(`rollup org, ${hidden} hidden, uncached`, () =>
        fresh().rollup('group:default/org', 'sc', list),
      );
      await time(`rollup catalog, ${hidden} hidden, uncached`, () =>
        fresh().rollup(undefined, 'sc', list),
      );
      await time(`leaderboard, ${hidden} hidden, uncached`, () =>
        fresh().leaderboard('sc', list),
      );
      await time(`entities page of 100, ${hidden} hidden`, () =>
        store.listEntityResults({
          scorecardId: 'sc',
          limit: 100,
          offset: 0,
          hidden: list,
        }),
      );
      await time(`count in scope, ${hidden} hidden`, () =>
        store.countInScope('sc', 'group:default/dept-3', list),
      );
    }
  });
});
