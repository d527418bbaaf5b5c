import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Collects refs of changed entities and evaluates them together after a
 * short delay: the catalog announces a change while it processes an entity,
 * and the stitched entity is readable a moment later. Bursts (a location
 * refresh changing hundreds of entities) become one evaluation.
 */
export class EntityChangeQueue {
  private readonly pending = new Set<string>();
  /** Refs the catalog could not serve yet, with how often we asked. */
  private readonly attempts = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      delayMs: number;
      /** Evaluates and returns the refs the catalog does not have (yet). */
      evaluate: (entityRefs: string[]) => Promise<{ missing?: string[] }>;
      logger: LoggerService;
      /** How often to ask again for an entity the catalog has not stitched yet. */
      maxRetries?: number;
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
      const { missing = [] } = await this.options.evaluate(entityRefs);
      for (const ref of entityRefs) {
        if (!missing.includes(ref)) {
          this.attempts.delete(ref);
        }
      }
      // The catalog announces an entity while processing it; on first
      // ingestion it becomes readable only once stitched. Ask again later.
      for (const ref of missing) {
        const attempt = (this.attempts.get(ref) ?? 0) + 1;
        if (attempt <= (this.options.maxRetries ?? 3)) {
          this.attempts.set(ref, attempt);
          this.add(ref);
        } else {
          this.attempts.delete(ref);
        }
      }
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
