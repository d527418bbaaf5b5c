import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BenchBackend,
  log,
  Profile,
  secs,
  sleep,
  StatementTotal,
  statementTotals,
} from '../harness';
import {
  makeComponent,
  ownersOf,
  REVISION_ANNOTATION,
  SyntheticCatalog,
} from '../scorecards/catalogData';
import {
  apiCounts,
  BENCH_CAMPAIGNS,
  expectedCounts,
  sameCounts,
} from './campaigns';
import { CampaignsInProcess } from './flywheel';
import { CAMPAIGN_OWNER } from './setupPhase';
import { Counts, IncrementalRound } from './results';

/** How long the API may take to show the new counts before the round counts as missed. */
const VISIBLE_WITHIN_MS = 30_000;

/**
 * Changes 100 components in the catalog (a delta mutation, revision
 * `variant`), as the scorecards benchmark's incremental step does, and waits
 * until the catalog serves them with their owners.
 */
async function changeComponents(
  backend: BenchBackend,
  synthetic: SyntheticCatalog,
  entities: number,
  variant: number,
): Promise<Entity[]> {
  const credentials = await backend.flywheel.auth.getOwnServiceCredentials();
  const owners = ownersOf(synthetic);
  const step = Math.max(1, Math.floor(entities / 100));
  const changed: Entity[] = [];
  for (let i = 0; i < entities && changed.length < 100; i += step) {
    changed.push(makeComponent(i, owners.teams, owners.departments, variant));
  }
  const refs = changed.map(e => stringifyEntityRef(e));
  await backend.provider.update(changed);
  const started = performance.now();
  for (;;) {
    const { items } = await backend.flywheel.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    if (
      items.every(
        e =>
          e?.metadata.annotations?.[REVISION_ANNOTATION] === String(variant) &&
          e.relations?.some(r => r.type === RELATION_OWNED_BY),
      )
    ) {
      break;
    }
    await sleep(250);
  }
  log(
    `catalog: ${
      changed.length
    } changed components (revision ${variant}) readable after ${secs(
      performance.now() - started,
    )}`,
  );
  await sleep(3000); // let the catalog finish stitching the owners
  return changed;
}

/**
 * `rounds` times: 100 components change in the catalog, then
 * evaluateEntities of those 100 — the scorecards re-evaluate them and the
 * campaigns' refreshEntities runs inside it — timed in whole and in its
 * campaigns part, and until the API shows both campaigns' new counts
 * (checked against the stored scorecard results).
 */
export async function runIncremental(
  backend: BenchBackend,
  flywheel: CampaignsInProcess,
  options: {
    synthetic: SyntheticCatalog;
    entities: number;
    /** The catalog's current components by ref; updated with the changes. */
    components: Map<string, Entity>;
    rounds: number;
    profile: Profile;
  },
): Promise<{ rounds: IncrementalRound[]; refreshSql: StatementTotal[] }> {
  const token = backend.tokens.issue(CAMPAIGN_OWNER);
  const rounds: IncrementalRound[] = [];
  let refreshSql: StatementTotal[] = [];
  for (let variant = 1; variant <= options.rounds; variant++) {
    const changed = await changeComponents(
      backend,
      options.synthetic,
      options.entities,
      variant,
    );
    const refs = changed.map(e => stringifyEntityRef(e));
    const before = await Promise.all(
      BENCH_CAMPAIGNS.map(c => apiCounts(backend.baseUrl, token, c.id)),
    );

    flywheel.timing.lastMs = NaN;
    flywheel.timing.lastChanged = 0;
    flywheel.sql.start();
    const started = performance.now();
    const evaluate = () => flywheel.engine.evaluateEntities(refs);
    const stats = await (variant === 1
      ? options.profile('incremental', evaluate)
      : evaluate());
    const evaluateMs = performance.now() - started;
    const queries = flywheel.sql.stop().queries;
    const refreshMs = flywheel.timing.lastMs;
    if (variant === 1) {
      // The refresh's statements: those sent after the scorecards' part.
      const refreshFrom = started + (evaluateMs - refreshMs);
      refreshSql = statementTotals(
        queries.filter(q => q.from >= refreshFrom),
      ).slice(0, 8);
    }

    for (const entity of changed) {
      options.components.set(stringifyEntityRef(entity), entity);
    }
    const expected = await Promise.all(
      BENCH_CAMPAIGNS.map(c =>
        expectedCounts(flywheel, c, options.components.values()),
      ),
    );
    // The API's counts, from evaluateEntities' start until they are right.
    let after: Counts[] = [];
    let reflected = false;
    let untilVisibleMs = NaN;
    // Reading the expectation above is the bench's own work: not counted.
    const checkStarted = performance.now();
    for (;;) {
      after = await Promise.all(
        BENCH_CAMPAIGNS.map(c => apiCounts(backend.baseUrl, token, c.id)),
      );
      reflected = after.every((a, i) => sameCounts(a, expected[i]));
      if (reflected) {
        untilVisibleMs = evaluateMs + (performance.now() - checkStarted);
        break;
      }
      if (performance.now() - checkStarted > VISIBLE_WITHIN_MS) {
        break;
      }
      await sleep(100);
    }
    const round: IncrementalRound = {
      variant,
      changed: refs.length,
      evaluateMs,
      refreshMs,
      untilVisibleMs,
      membersChanged: flywheel.timing.lastChanged,
      resultsWritten: stats.entitiesWritten,
      met: BENCH_CAMPAIGNS.map((c, i) => ({
        id: c.id,
        before: before[i].met,
        after: after[i]?.met ?? NaN,
        expected: expected[i].met,
      })),
      reflected,
    };
    rounds.push(round);
    log(
      `evaluateEntities(${refs.length} changed, revision ${variant}): ${secs(
        evaluateMs,
      )}, of which the campaigns' refreshEntities ${secs(refreshMs)} (${
        round.membersChanged
      } member rows changed); API counts ${
        reflected
          ? `right after ${secs(untilVisibleMs)}`
          : `NOT right within ${VISIBLE_WITHIN_MS / 1000} s`
      }; met ${round.met
        .map(m => `${m.id} ${m.before} → ${m.after} (expected ${m.expected})`)
        .join(', ')}`,
    );
  }
  return { rounds, refreshSql };
}
