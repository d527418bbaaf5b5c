import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  FlywheelFactProvider,
  FlywheelFactValue,
} from '@flywheel/plugin-flywheel-node';

/** Facts of one batch: provider → entity ref → fact → value. */
export type BatchFacts = Map<
  string,
  Map<string, Record<string, FlywheelFactValue>>
>;

/**
 * Asks the providers that checks use for the facts of a batch of entities,
 * all providers at once. A provider that throws is logged and its facts are
 * unknown for the batch: checks say `unknown` rather than fail.
 */
export class FactCollector {
  constructor(
    private readonly providers: FlywheelFactProvider[],
    private readonly logger: LoggerService,
  ) {}

  async collect(entities: Entity[]): Promise<BatchFacts> {
    const facts: BatchFacts = new Map();
    if (entities.length === 0) {
      return facts;
    }
    await Promise.all(
      this.providers.map(async provider => {
        try {
          facts.set(
            provider.id,
            await provider.getFacts(entities, { logger: this.logger }),
          );
        } catch (error) {
          this.logger.warn(
            `Fact provider '${provider.id}' failed for ${entities.length} entities; their checks are unknown: ${error}`,
          );
        }
      }),
    );
    return facts;
  }
}
