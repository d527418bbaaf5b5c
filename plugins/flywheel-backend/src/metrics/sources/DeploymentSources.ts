import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { FlywheelDeploymentSource } from '@flywheel/plugin-flywheel-node';
import { Knex } from 'knex';
import { DeploymentIngest } from '../deployments/DeploymentIngest';

const CURSORS = 'metric_source_cursors';
const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Pulls the deployment sources backend modules added, each on its own
 * schedule (once across replicas), from where its last pull left off. A
 * pull that fails, or returns a deployment the ingest refuses, stores
 * nothing and keeps the cursor, so the next pull tries the same again.
 */
export class DeploymentSources {
  constructor(
    private readonly deps: {
      db: Knex;
      ingest: Pick<DeploymentIngest, 'ingestFromSource'>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Checks the ids: a bad or repeated one stops the backend at start. */
  static validate(sources: FlywheelDeploymentSource[]): void {
    const seen = new Set<string>();
    for (const { id } of sources) {
      if (!SOURCE_ID.test(id)) {
        throw new Error(
          `Deployment source id '${id}' must be lowercase letters, digits and dashes`,
        );
      }
      if (seen.has(id)) {
        throw new Error(`Deployment source '${id}' is added twice`);
      }
      seen.add(id);
    }
  }

  async schedule(
    scheduler: SchedulerService,
    sources: FlywheelDeploymentSource[],
  ): Promise<void> {
    DeploymentSources.validate(sources);
    for (const source of sources) {
      await scheduler.scheduleTask({
        id: `flywheel-metrics-source-${source.id}`,
        ...(source.schedule ?? {
          frequency: { minutes: 15 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 45 },
        }),
        fn: async signal => {
          await this.pull(source, signal);
        },
      });
    }
  }

  /** One pull of one source; what it stored, or undefined when it failed. */
  async pull(source: FlywheelDeploymentSource, signal?: AbortSignal) {
    const logger = this.deps.logger.child({ deploymentSource: source.id });
    const row = await this.deps
      .db(CURSORS)
      .where('source_id', source.id)
      .first('cursor');
    try {
      const { deployments, cursor } = await source.pull({
        cursor: row?.cursor ?? undefined,
        logger,
        signal,
      });
      const stored = await this.deps.ingest.ingestFromSource(deployments);
      await this.deps
        .db(CURSORS)
        .insert({
          source_id: source.id,
          cursor: cursor ?? row?.cursor ?? null,
          pulled_at: this.deps.now?.() ?? new Date(),
        })
        .onConflict('source_id')
        .merge();
      logger.info(
        `Pulled ${stored.received} deployments: ${stored.created} new, ${stored.updated} changed, ${stored.unchanged} unchanged`,
      );
      return stored;
    } catch (error) {
      logger.warn(
        `Deployment source ${source.id} failed; nothing stored, the next pull starts from the same cursor: ${error}`,
      );
      return undefined;
    }
  }
}
