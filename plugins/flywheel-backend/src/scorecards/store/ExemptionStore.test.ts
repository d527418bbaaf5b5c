import {
  scorecardStoreDatabases,
  T1,
  T2,
  T3,
  countRows,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(120_000);

describe('ScorecardStore exemptions', () => {
  const { databases, createOrgStore } = scorecardStoreDatabases();

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('runs the exemption lifecycle', async () => {
      const { store, knex } = await createOrgStore(databaseId);
      const target = {
        entityRef: 'component:default/c2',
        scorecardId: 'sc',
        checkId: 'b',
      };
      const expiresAt = new Date('2026-12-31T00:00:00.000Z');
      const created = await store.createExemption(
        {
          ...target,
          justification: 'Legacy service, retiring in Q1',
          requestedBy: 'user:default/ada',
          expiresAt,
        },
        T1,
      );
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        entityRef: 'component:default/c2',
        scorecardId: 'sc',
        checkId: 'b',
        justification: 'Legacy service, retiring in Q1',
        requestedBy: 'user:default/ada',
        requestedAt: T1.toISOString(),
        expiresAt: expiresAt.toISOString(),
        status: 'pending',
        decidedBy: undefined,
        decidedAt: undefined,
        decisionNote: undefined,
        revokedBy: undefined,
        revokedAt: undefined,
        revokeNote: undefined,
        expired: false,
      });
      expect(await store.getExemption(created.id, T1)).toEqual(created);

      const request = {
        ...target,
        justification: 'again',
        requestedBy: 'user:default/bob',
        expiresAt,
      };
      await expect(store.createExemption(request, T2)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await expect(
        store.createExemption({ ...request, expiresAt: T1 }, T2),
      ).rejects.toMatchObject({ name: 'InputError' });

      const approved = await store.decideExemption(
        created.id,
        { decision: 'approved', decidedBy: 'user:default/pm', note: 'ok' },
        T2,
      );
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: 'user:default/pm',
        decidedAt: T2.toISOString(),
        decisionNote: 'ok',
      });
      await expect(
        store.decideExemption(
          created.id,
          { decision: 'rejected', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(store.createExemption(request, T3)).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await expect(
        store.decideExemption(
          '00000000-0000-0000-0000-000000000000',
          { decision: 'approved', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const active = await store.activeExemptions(T3);
      expect([...active.keys()]).toEqual([
        'component:default/c2\u0000sc\u0000b',
      ]);
      expect(active.get('component:default/c2\u0000sc\u0000b')?.id).toBe(
        created.id,
      );

      // After expiry: no longer active, and a new request may be made.
      const later = new Date('2027-01-02T00:00:00.000Z');
      expect((await store.activeExemptions(later)).size).toBe(0);
      expect((await store.getExemption(created.id, later))?.expired).toBe(true);
      const renewal = await store.createExemption(
        { ...request, expiresAt: new Date('2027-06-30T00:00:00.000Z') },
        later,
      );
      const rejected = await store.decideExemption(
        renewal.id,
        { decision: 'rejected', decidedBy: 'user:default/pm', note: 'no' },
        later,
      );
      expect(rejected.status).toBe('rejected');
      await expect(
        store.revokeExemption(
          renewal.id,
          { revokedBy: 'user:default/pm' },
          later,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      // Revoking keeps the approval on record; rows are never deleted.
      const revoked = await store.revokeExemption(
        created.id,
        { revokedBy: 'user:default/lead', note: 'service retired' },
        T3,
      );
      expect(revoked).toMatchObject({
        status: 'revoked',
        decidedBy: 'user:default/pm',
        decidedAt: T2.toISOString(),
        revokedBy: 'user:default/lead',
        revokedAt: T3.toISOString(),
        revokeNote: 'service retired',
      });
      expect((await store.activeExemptions(T3)).size).toBe(0);
      await expect(
        store.revokeExemption(created.id, { revokedBy: 'user:default/x' }, T3),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.revokeExemption(
          '00000000-0000-0000-0000-000000000000',
          { revokedBy: 'user:default/x' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      // A pending request that expired undecided blocks nothing and cannot
      // be approved.
      const stale = await store.createExemption(
        {
          entityRef: 'component:default/c5',
          scorecardId: 'sc',
          checkId: 'b',
          justification: 'warns',
          requestedBy: 'user:default/ada',
          expiresAt: T2,
        },
        T1,
      );
      await expect(
        store.decideExemption(
          stale.id,
          { decision: 'approved', decidedBy: 'user:default/pm' },
          T3,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const fresh = await store.createExemption(
        {
          entityRef: 'component:default/c5',
          scorecardId: 'sc',
          checkId: 'b',
          justification: 'warns',
          requestedBy: 'user:default/ada',
          expiresAt,
        },
        T3,
      );

      expect(await countRows(knex, 'scorecard_exemptions')).toBe(4);
      const ids = (e: { id: string }[]) => e.map(x => x.id).sort();
      expect(ids(await store.listExemptions({ status: 'pending' }))).toEqual(
        ids([stale, fresh]),
      );
      expect(
        ids(await store.listExemptions({ entityRef: 'component:default/c2' })),
      ).toEqual(ids([created, renewal]));
      expect(
        ids(await store.listExemptions({ groupRef: 'group:default/platform' })),
      ).toEqual(ids([created, renewal]));
      expect(
        ids(await store.listExemptions({ groupRef: 'group:default/org' })),
      ).toEqual(ids([created, renewal, stale, fresh]));
      expect(
        await store.listExemptions({
          groupRef: 'group:default/sales',
          scorecardId: 'sc',
          status: 'pending',
          now: T3,
        }),
      ).toEqual([
        expect.objectContaining({ id: fresh.id, expired: false }),
        expect.objectContaining({ id: stale.id, expired: true }),
      ]);
    });
  });
});
