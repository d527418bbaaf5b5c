import { ingestScenario } from './ingestScenario';
import { MetricsScenario, ScenarioId } from './results';
import { seriesScenario } from './seriesScenario';
import { usageScenario } from './usageScenario';

/**
 * The metrics benchmark's scenarios, in the order they run on one backend
 * (the series read what the ingest posted, plus the seeded rest; the usage
 * events touch neither). A new scenario is one more file exporting a
 * MetricsScenario, listed here with its id added to ScenarioId.
 */
export const SCENARIOS: MetricsScenario<any>[] = [
  ingestScenario,
  usageScenario,
  seriesScenario,
];

export const SCENARIO_IDS = SCENARIOS.map(s => s.id) as ScenarioId[];

/**
 * Scenarios still to be written: listed under the figures as not measured,
 * never simulated.
 */
export const PLANNED_SCENARIOS: {
  id: string;
  title: string;
  target: string;
  waitingFor: string;
}[] = [];
