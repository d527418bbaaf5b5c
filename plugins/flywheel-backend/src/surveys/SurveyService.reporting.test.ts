import { mockCredentials } from '@backstage/backend-test-utils';
import { flywheelSurveysOwnTeamResultsReadPermission } from '@flywheel/plugin-flywheel-common';
import {
  surveyServiceDatabases,
  SCORES,
  answer,
  npsSurvey,
  pm,
  ref,
} from './__testUtils__/serviceFixtures';
import { memberNames } from './__testUtils__/testOrg';

jest.setTimeout(120_000);

describe('SurveyService reporting', () => {
  const { databases, setup } = surveyServiceDatabases();

  it.each(databases.eachSupportedId())(
    'computes NPS, hides small teams and the sibling that would reveal them, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      await answer(service, 'nps', SCORES);

      const results = await service.results('nps', {}, pm);
      expect(results.responses).toBe(14);
      expect(results.audienceSize).toBe(14);
      expect(results.responseRate).toBe(1);
      const nps = results.questions.find(q => q.questionId === 'nps')!.nps!;
      // P = 8, Pa = 2, D = 4: 100 × (8 − 4) / 14 = 28.6. Everyone answered,
      // so the finite-population correction collapses the interval.
      expect(nps).toMatchObject({ promoters: 8, passives: 2, detractors: 4 });
      expect(nps.nps).toEqual({ value: 28.6, low: 28.6, high: 28.6 });
      expect(nps.distribution).toEqual([1, 0, 1, 1, 0, 0, 1, 1, 1, 4, 4]);

      const team = (name: string) =>
        results.teams.find(t => t.groupRef === `group:default/${name}`)!;
      // team-c has 2 < 5 responses; eng − team-b would then give team-a +
      // team-c = 8, but eng − team-a − team-b would give team-c alone: so
      // team-a (the smaller by ref of two equal teams) is hidden too.
      expect(team('team-c')).toMatchObject({ hidden: 'below-minimum' });
      expect(team('team-c').nps).toBeUndefined();
      expect(team('team-c').responses).toBeUndefined();
      expect(team('team-a')).toMatchObject({
        hidden: 'protects-another-group',
      });
      expect(team('team-a').nps).toBeUndefined();
      // team-b: 100 × (4 − 1) / 6 = 50, a census of its 6 people.
      expect(team('team-b')).toMatchObject({
        responses: 6,
        responseRate: 1,
        nps: { value: 50, low: 50, high: 50 },
      });
      expect(team('eng')).toMatchObject({ responses: 14, depth: 0 });
      expect(team('team-b')).toMatchObject({
        depth: 1,
        parentRef: 'group:default/eng',
      });
      // What is shown never isolates fewer than 5 people.
      const shownChildren = results.teams
        .filter(t => t.parentRef === 'group:default/eng' && !t.hidden)
        .reduce((sum, t) => sum + (t.responses ?? 0), 0);
      expect(14 - shownChildren).toBeGreaterThanOrEqual(5);

      // Asking for a hidden team directly reveals nothing either.
      const teamA = await service.results(
        'nps',
        { groupRef: 'group:default/team-a' },
        pm,
      );
      expect(teamA).toMatchObject({
        hidden: 'protects-another-group',
        responses: 0,
        questions: [],
      });
      const teamC = await service.results(
        'nps',
        { groupRef: 'group:default/team-c' },
        pm,
      );
      expect(teamC).toMatchObject({ hidden: 'below-minimum', questions: [] });

      const csv = await service.resultsCsv('nps', {}, pm);
      const rows = csv.trim().split('\r\n');
      expect(rows[0]).toMatch(/^wave,group,parent,depth,audience,responses/);
      expect(rows.find(r => r.includes('team-c'))).toMatch(/,below-minimum$/);
      // Its audience (2) is public; its responses are not.
      expect(rows.find(r => r.includes('team-c'))!.split(',')[5]).toBe('');
      expect(rows.find(r => r.includes('team-b'))).toContain(',6,100,50,');
    },
  );

  it.each(databases.eachSupportedId())(
    'narrows the interval with the finite-population correction, on %p',
    async databaseId => {
      const { service } = await setup(databaseId);
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      // 10 of the 14 answer: a1–a6 and b1–b4, P = 7, Pa = 1, D = 2.
      const { c1, c2, b5, b6, ...some } = SCORES;
      await answer(service, 'nps', some);
      const results = await service.results('nps', {}, pm);
      const nps = results.questions[0].nps!;
      expect(nps.nps.value).toBe(50);
      expect(nps.finitePopulationCorrected).toBe(true);
      // Adjusted Wald: n' = 13, p' = 7.75/13 = 0.5962, d' = 2.75/13 =
      // 0.2115, centre 38.46; Var = p' + d' − (p' − d')² = 0.6598;
      // MoE = 196 × √(0.6598/13) = 44.16, × √((14 − 10)/13) = 24.49
      // → 14.0 … 63.0.
      expect(nps.nps.low).toBeCloseTo(14.0, 0);
      expect(nps.nps.high).toBeCloseTo(63.0, 0);
      expect(results.responseRate).toBe(0.714);
    },
  );

  it.each(databases.eachSupportedId())(
    'checks permissions: manage, all results, own team only, comments, on %p',
    async databaseId => {
      const { service, allowed } = await setup(databaseId, {
        config: { minCommentGroupSize: 10 },
      });
      await service.createSurvey({ id: 'nps', ...npsSurvey() }, pm);
      await answer(service, 'nps', SCORES, {
        b1: 'Great <b>templates</b>',
        b6: 'CI is slow',
        c2: 'Nobody answers our tickets',
      });

      const results = await service.results('nps', {}, pm);
      expect(results.questions[0]).toMatchObject({
        questionId: 'nps',
        comments: 3,
      });

      // Comments: 14 responses overall ≥ 10, but no team below eng has 10,
      // so every comment is labelled with eng, the nearest team listed.
      const inbox = await service.comments('nps', {}, pm);
      expect(inbox.items.map(c => c.text).sort()).toEqual([
        'CI is slow',
        'Great <b>templates</b>',
        'Nobody answers our tickets',
      ]);
      expect(inbox.items.map(c => c.groupRef)).toEqual([
        'group:default/eng',
        'group:default/eng',
        'group:default/eng',
      ]);
      const teamInbox = await service.comments(
        'nps',
        { groupRef: 'group:default/team-b' },
        pm,
      );
      // team-b's numbers are shown (6 ≥ 5), so how many it withholds is too.
      expect(teamInbox).toEqual({
        items: [],
        totalCount: 0,
        withheld: 2,
        withheldReason: 'below-minimum',
      });
      const tagged = await service.updateComment(
        'nps',
        inbox.items[0].id,
        { tags: ['ci', 'ci', ' '], resolved: true },
        pm,
        ref('pm'),
      );
      expect(tagged).toMatchObject({
        tags: ['ci'],
        resolved: true,
        resolvedBy: ref('pm'),
      });

      allowed.clear();
      allowed.add(flywheelSurveysOwnTeamResultsReadPermission.name);
      const b1 = mockCredentials.user(ref('b1'));
      const own = await service.results('nps', {}, b1, ref('b1'));
      expect(own.groupRef).toBe('group:default/team-b');
      expect(own.responses).toBe(6);
      await expect(
        service.results(
          'nps',
          { groupRef: 'group:default/eng' },
          b1,
          ref('b1'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.results(
          'nps',
          { groupRef: 'group:default/team-a' },
          b1,
          ref('b1'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.comments('nps', {}, b1, ref('b1')),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.createSurvey({ id: 'x', ...npsSurvey() }, b1),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(service.preview('nps', b1)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });

      allowed.clear();
      await expect(
        service.results('nps', {}, b1, ref('b1')),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    },
  );

  it.each(databases.eachSupportedId())(
    'shows a trend over waves with a significance flag, on %p',
    async databaseId => {
      const { service, advance } = await setup(databaseId);
      await service.createSurvey(
        {
          id: 'nps',
          ...npsSurvey({
            audience: { type: 'everyone' },
            schedule: {
              opensAt: '2026-11-20T00:00:00Z',
              recurrence: 'monthly',
              waveDays: 10,
            },
          }),
        },
        pm,
      );
      const everyone = [
        ...memberNames('team-a'),
        ...memberNames('team-b'),
        ...memberNames('team-c'),
        ...memberNames('ops'),
      ];
      // Wave 1: all detractors; wave 2: all promoters.
      await answer(
        service,
        'nps',
        Object.fromEntries(everyone.map(n => [n, 2])),
      );
      advance(30);
      await service.syncWaves();
      await answer(
        service,
        'nps',
        Object.fromEntries(everyone.map(n => [n, 10])),
      );
      const results = await service.results('nps', {}, pm);
      expect(results.wave.number).toBe(2);
      expect(results.trend.map(p => [p.number, p.nps?.value])).toEqual([
        [1, -100],
        [2, 100],
      ]);
      expect(results.trend[1].change).toMatchObject({
        delta: 200,
        significant: true,
      });
      const first = await service.results(
        'nps',
        { waveId: results.trend[0].waveId },
        pm,
      );
      expect(first.trend).toHaveLength(1);
      expect(first.wave.status).toBe('closed');
    },
  );
});
