import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/**
 * A fact value a provider reports for an entity.
 *
 * @public
 */
export type FlywheelFactValue = string | number | boolean | null | string[];

/**
 * Supplies custom facts that scorecard checks of type `fact` read, e.g. from
 * an on-call tool, a code scanner or a spreadsheet export. Facts are fetched
 * for batches of entities during each evaluation; an entity or fact missing
 * from the answer makes the checks that need it `unknown`, never failed.
 *
 * @public
 */
export interface FlywheelFactProvider {
  /** Referenced by checks as `provider:`; lowercase letters, digits and dashes. */
  id: string;
  /** Shown next to results that use the provider's facts. */
  title?: string;
  /**
   * Facts for a batch of entities, keyed by entity ref
   * (`component:default/checkout`), then by fact name.
   */
  getFacts(
    entities: Entity[],
    options: { logger: LoggerService },
  ): Promise<Map<string, Record<string, FlywheelFactValue>>>;
}

/**
 * Lets backend modules add fact providers to Flywheel's scorecards:
 * `deps: { scorecards: flywheelScorecardsExtensionPoint }`, then
 * `scorecards.addFactProvider(provider)` in `init`.
 *
 * @public
 */
export interface FlywheelScorecardsExtensionPoint {
  addFactProvider(...providers: FlywheelFactProvider[]): void;
}

/**
 * The extension point of Flywheel's scorecards.
 *
 * @public
 */
export const flywheelScorecardsExtensionPoint =
  createExtensionPoint<FlywheelScorecardsExtensionPoint>({
    id: 'flywheel.scorecards',
  });

/**
 * Events-service topic on which `@flywheel/plugin-catalog-backend-module-flywheel`
 * announces changed entities, for incremental scorecard evaluation.
 *
 * @public
 */
export const FLYWHEEL_ENTITY_CHANGED_TOPIC = 'flywheel.catalog.entity-changed';

/**
 * Payload of {@link FLYWHEEL_ENTITY_CHANGED_TOPIC}.
 *
 * @public
 */
export interface FlywheelEntityChangedEvent {
  entityRef: string;
}
