import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Collects refs of changed entities and evaluates them together after a
 * short delay: the catalog announces a change while it processes an entity,
 * and the stitched entity is readable a moment later. Bursts (a location
 * refresh changing hundreds of entities) become one evaluation.
 */
export class EntityChangeQueue {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      delayMs: number;
      evaluate: (entityRefs: string[]) => Promise<unknown>;
      logger: LoggerService;
    },
  ) {}

  add(entityRef: string) {
    this.pending.add(entityRef);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.running = this.running.then(() => this.flush());
      }, this.options.delayMs);
    }
  }

  /** Evaluates what is pending now; runs one evaluation at a time. */
  async flush(): Promise<void> {
    const entityRefs = [...this.pending];
    this.pending.clear();
    if (entityRefs.length === 0) {
      return;
    }
    try {
      await this.options.evaluate(entityRefs);
    } catch (error) {
      // The scheduled full evaluation will catch these entities up.
      this.options.logger.warn(
        `Could not re-evaluate ${entityRefs.length} changed entities: ${error}`,
      );
    }
  }

  async stop(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.running;
  }
}
