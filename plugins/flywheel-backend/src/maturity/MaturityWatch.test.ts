import { mockCredentials } from '@backstage/backend-test-utils';
import {
  MaturityCriterionState,
  MaturityCriterionStatus,
} from '@flywheel/plugin-flywheel-common';
import { Capability } from './capabilities/Capability';
import { DEFAULT_MODEL } from './config/stageModels';
import { MaturityWatch } from './MaturityWatch';
import { stateKey } from './store/MaturityStore';

const capability: Capability = {
  entityRef: 'resource:default/ci-pipelines',
  title: 'CI pipelines',
  owners: ['group:default/platform-infra'],
  goldenPaths: [],
  teams: [],
};

function watch(statuses: MaturityCriterionState[][]) {
  const states = new Map<string, MaturityCriterionState>();
  const criterionFailing = jest.fn(async () => {});
  let run = 0;
  const w = new MaturityWatch({
    service: {
      position: () => ({ model: DEFAULT_MODEL, index: 0, recorded: null }),
      latestOf: async () => undefined,
      evaluator: () =>
        ({
          evaluate: async () => {
            const now = statuses[run++];
            return now.map(
              (status, i): MaturityCriterionStatus => ({
                id: DEFAULT_MODEL.stages[0].criteria[i].id,
                title: DEFAULT_MODEL.stages[0].criteria[i].title,
                type: 'manual',
                required: true,
                status,
                reason: '',
              }),
            );
          },
        } as any),
    },
    directory: { list: async () => [capability] } as any,
    store: {
      criterionStates: async () => new Map(states),
      listAttestations: async () => [],
      latestTransitions: async () => new Map(),
      setCriterionStates: async (rows: any[]) => {
        for (const row of rows) {
          states.set(stateKey(row), row.status);
        }
      },
    } as any,
    notifier: { transitioned: jest.fn(), criterionFailing },
    credentials: async () => mockCredentials.service(),
  });
  return { w, criterionFailing };
}

describe('MaturityWatch', () => {
  it('tells the owners once when a met criterion starts failing, and again only after it was met again', async () => {
    const { w, criterionFailing } = watch([
      ['met', 'met'],
      ['unmet', 'unknown'],
      ['unmet', 'unknown'],
      ['met', 'met'],
      ['unmet', 'met'],
    ]);
    expect(await w.run()).toBe(0);
    expect(await w.run()).toBe(1); // met → unknown is not failing
    expect(await w.run()).toBe(0);
    expect(await w.run()).toBe(0);
    expect(await w.run()).toBe(1);
    expect(criterionFailing).toHaveBeenCalledTimes(2);
    expect(criterionFailing).toHaveBeenCalledWith(
      capability,
      DEFAULT_MODEL.stages[0],
      expect.objectContaining({ id: 'golden-paths-defined', status: 'unmet' }),
    );
  });
});
