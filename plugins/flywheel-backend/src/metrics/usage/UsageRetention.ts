import { LoggerService } from '@backstage/backend-plugin-api';
import { DAY_MS } from './store/usageRows';
import { UsageStore } from './store/UsageStore';

/**
 * Deletes usage older than the retention period
 * (`flywheel.metrics.usage.retentionDays`): the events and the days people
 * were active. Scheduled in plugin.ts, once across replicas.
 */
export class UsageRetention {
  constructor(
    private readonly deps: {
      store: UsageStore;
      retentionDays: number;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async prune(): Promise<{ events: number; days: number }> {
    const now = this.deps.now?.() ?? new Date();
    const cutoff = new Date(now.getTime() - this.deps.retentionDays * DAY_MS);
    const deleted = await this.deps.store.deleteBefore(cutoff);
    if (deleted.events > 0 || deleted.days > 0) {
      this.deps.logger.info(
        `Usage retention: deleted ${deleted.events} events and ${
          deleted.days
        } active days before ${cutoff.toISOString()} (${
          this.deps.retentionDays
        } days)`,
      );
    }
    return deleted;
  }
}
