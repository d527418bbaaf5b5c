import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { connectDatabase } from '../../database/migrate';
import { DEFAULT_MODEL } from '../config/stageModels';
import { MaturityStore } from './MaturityStore';

jest.setTimeout(60_000);

const CAP = 'resource:default/ci-pipelines';
const at = (iso: string) => new Date(iso);

function transition(from: string, to: string, when: string) {
  return {
    capabilityRef: CAP,
    modelId: 'platform-stages',
    modelVersion: 1,
    from: { id: from, title: from.toUpperCase() },
    to: { id: to, title: to.toUpperCase() },
    direction: 'promotion' as const,
    rationale: `to ${to}`,
    by: 'user:default/ada',
    at: at(when),
    criteria: [
      {
        id: 'c1',
        title: 'C1',
        type: 'manual' as const,
        required: true,
        status: 'met' as const,
        reason: 'Attested',
      },
    ],
  };
}

describe('MaturityStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return new MaturityStore(db);
  }

  it.each(databases.eachSupportedId())(
    'keeps every model version and refuses a changed definition under an old version, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.registerModels([DEFAULT_MODEL], at('2026-01-01T00:00:00Z'));
      await store.registerModels([DEFAULT_MODEL], at('2026-02-01T00:00:00Z'));
      const v2 = { ...DEFAULT_MODEL, version: 2, title: 'Stages v2' };
      await store.registerModels([v2], at('2026-03-01T00:00:00Z'));
      expect((await store.listModels()).map(m => [m.id, m.version])).toEqual([
        ['platform-stages', 1],
        ['platform-stages', 2],
      ]);
      expect((await store.getModel('platform-stages', 1))?.title).toBe(
        'Platform stages',
      );
      await expect(
        store.registerModels(
          [{ ...DEFAULT_MODEL, title: 'Changed silently' }],
          at('2026-04-01T00:00:00Z'),
        ),
      ).rejects.toThrow(/raise its version/);
    },
  );

  it.each(databases.eachSupportedId())(
    'appends transitions with their frozen criteria and refuses a move from a stale stage, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = await store.addTransition(
        transition('mvp', 'prp', '2026-05-01T10:00:00Z'),
        null,
      );
      await store.addTransition(
        {
          ...transition('prp', 'scale', '2026-06-01T10:00:00Z'),
          overrideReason: 'Board decision',
        },
        'prp',
      );
      // Someone still seeing the capability in MVP cannot move it again.
      await expect(
        store.addTransition(
          transition('mvp', 'prp', '2026-06-02T10:00:00Z'),
          null,
        ),
      ).rejects.toThrow(ConflictError);

      const history = await store.listTransitions({ capabilityRefs: [CAP] });
      expect(history.map(t => [t.from?.id, t.to.id, t.overrideReason])).toEqual(
        [
          ['prp', 'scale', 'Board decision'],
          ['mvp', 'prp', undefined],
        ],
      );
      expect(history[1]).toEqual(first);
      expect(history[1].criteria[0].status).toBe('met');
      expect((await store.latestTransitions()).get(CAP)?.to.id).toBe('scale');
      expect(await store.listTransitions({ capabilityRefs: [] })).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets only one of two concurrent moves land, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const results = await Promise.allSettled([
        store.addTransition(
          transition('mvp', 'prp', '2026-05-01T10:00:00Z'),
          null,
        ),
        store.addTransition(
          transition('mvp', 'prp', '2026-05-01T10:00:01Z'),
          null,
        ),
      ]);
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        (results.find(r => r.status === 'rejected') as PromiseRejectedResult)
          .reason,
      ).toBeInstanceOf(ConflictError);
      expect(await store.listTransitions({})).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores attestations and waivers, criterion states and targets, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.addAttestation({
        kind: 'attestation',
        capabilityRef: CAP,
        modelId: 'platform-stages',
        stageId: 'mvp',
        criterionId: 'golden-paths-defined',
        by: 'user:default/ada',
        at: at('2026-05-01T10:00:00Z'),
        evidenceUrl: 'https://wiki.example/golden-paths',
        note: 'Reviewed with checkout',
        expiresAt: '2027-05-01T10:00:00.000Z',
      });
      await store.addAttestation({
        kind: 'waiver',
        capabilityRef: CAP,
        modelId: 'platform-stages',
        stageId: 'mvp',
        criterionId: 'baseline-nps',
        by: 'user:default/ada',
        at: at('2026-05-02T10:00:00Z'),
        note: 'No survey for infrastructure',
      });
      const listed = await store.listAttestations([CAP]);
      expect(listed.map(a => [a.kind, a.criterionId])).toEqual([
        ['waiver', 'baseline-nps'],
        ['attestation', 'golden-paths-defined'],
      ]);
      expect(listed[1]).toMatchObject({
        evidenceUrl: 'https://wiki.example/golden-paths',
        expiresAt: '2027-05-01T10:00:00.000Z',
        at: '2026-05-01T10:00:00.000Z',
      });
      expect(listed[0].evidenceUrl).toBeUndefined();

      const key = {
        capabilityRef: CAP,
        modelId: 'platform-stages',
        stageId: 'mvp',
        criterionId: 'baseline-nps',
      };
      await store.setCriterionStates([{ ...key, status: 'met' }], new Date());
      await store.setCriterionStates([{ ...key, status: 'unmet' }], new Date());
      expect([...(await store.criterionStates()).values()]).toEqual(['unmet']);

      await store.setTarget(
        'goldenPaths.adoption',
        60,
        'user:default/ada',
        at('2026-05-01T00:00:00Z'),
      );
      await store.setTarget(
        'goldenPaths.adoption',
        65.5,
        'user:default/bo',
        at('2026-05-02T00:00:00Z'),
      );
      expect(await store.listTargets()).toEqual(
        new Map([
          [
            'goldenPaths.adoption',
            {
              value: 65.5,
              setBy: 'user:default/bo',
              setAt: '2026-05-02T00:00:00.000Z',
            },
          ],
        ]),
      );
      expect(await store.deleteTarget('goldenPaths.adoption')).toBe(true);
      expect(await store.deleteTarget('goldenPaths.adoption')).toBe(false);
    },
  );
});
