import { ingestScenario } from './ingestScenario';
import { MetricsScenario, ScenarioId } from './results';
import { seriesScenario } from './seriesScenario';

/**
 * The metrics benchmark's scenarios, in the order they run on one backend
 * (the series read what the ingest posted, plus the seeded rest). A new
 * scenario is one more file exporting a MetricsScenario, listed here with
 * its id added to ScenarioId.
 */
export const SCENARIOS: MetricsScenario<any>[] = [
  ingestScenario,
  seriesScenario,
];

export const SCENARIO_IDS = SCENARIOS.map(s => s.id) as ScenarioId[];

/**
 * Scenarios still to be written: listed under the figures as not measured,
 * never simulated.
 */
export const PLANNED_SCENARIOS = [
  {
    id: 'usage',
    title: 'usage-event ingest, 50 concurrent clients',
    target: '≥ 2,000 events/s, zero lost',
    waitingFor:
      'its scenario for POST /api/flywheel/usage/events is not written yet',
    // usageScenario.ts, like ingestScenario.ts: the endpoint takes a
    // signed-in person's events (at most 500 a post; service tokens get
    // 403), so the backend needs `userTokens` (withMetricsBackend) and each
    // client its people's tokens (`run.backend.tokens.issue`); events posted
    // once by 50 clients (`runLoad`, once, keepAnswers), events/s from the
    // load's duration, then the `usage_events` rows counted against the
    // events accepted.
  },
];
