import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CapabilityDirectory } from './capabilities/CapabilityDirectory';
import type { MaturityService } from './MaturityService';
import type { MaturityNotifier } from './notifications';
import { MaturityStore, stateKey } from './store/MaturityStore';

/**
 * The scheduled look at every capability's current exit criteria: records
 * each criterion's status and tells the owners when one that was met
 * starts failing (once, until it is met again).
 */
export class MaturityWatch {
  constructor(
    private readonly deps: {
      service: Pick<MaturityService, 'position' | 'latestOf' | 'evaluator'>;
      directory: CapabilityDirectory;
      store: MaturityStore;
      notifier?: MaturityNotifier;
      credentials: () => Promise<BackstageCredentials>;
      logger?: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Returns how many criteria started failing. */
  async run(): Promise<number> {
    const credentials = await this.deps.credentials();
    const capabilities = await this.deps.directory.list(credentials);
    const [before, attestations, latest] = await Promise.all([
      this.deps.store.criterionStates(),
      this.deps.store.listAttestations(capabilities.map(c => c.entityRef)),
      this.deps.store.latestTransitions(),
    ]);
    const evaluator = this.deps.service.evaluator(credentials);
    let failing = 0;
    for (const capability of capabilities) {
      const { model, index } = this.deps.service.position(
        capability,
        latest.get(capability.entityRef),
      );
      const stage = model.stages[index];
      const criteria = await evaluator.evaluate(
        capability,
        model.id,
        stage,
        attestations,
      );
      const states = criteria.map(c => ({
        capabilityRef: capability.entityRef,
        modelId: model.id,
        stageId: stage.id,
        criterionId: c.id,
        status: c.status,
      }));
      for (const [i, state] of states.entries()) {
        if (before.get(stateKey(state)) === 'met' && state.status === 'unmet') {
          failing++;
          try {
            await this.deps.notifier?.criterionFailing(
              capability,
              stage,
              criteria[i],
            );
          } catch (e) {
            this.deps.logger?.warn(
              `Could not notify the owners of ${capability.entityRef}: ${
                (e as Error).message
              }`,
            );
          }
        }
      }
      await this.deps.store.setCriterionStates(
        states.filter(s => before.get(stateKey(s)) !== s.status),
        this.deps.now?.() ?? new Date(),
      );
    }
    return failing;
  }
}
