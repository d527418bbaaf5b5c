import { parseCampaignDefinition } from './campaignSchema';

const valid = {
  id: 'ts-path-1-2',
  title: 'Services onto the TypeScript path 1.2',
  description: 'Bring every service onto the paved road.',
  ownerRef: 'platform-devex',
  cohort: {
    types: ['service'],
    systems: ['payments'],
    notFromGoldenPath: false,
  },
  goal: {
    type: 'goldenPath',
    templateRef: 'typescript-service',
    minVersion: '1.2.0',
  },
  automation: {
    templateRef: 'adopt-golden-path',
    parameters: { goldenPath: 'template:default/typescript-service' },
  },
  startsAt: '2026-11-01',
  deadline: '2027-01-31T17:00:00Z',
};

describe('parseCampaignDefinition', () => {
  it('fills in the full form of refs', () => {
    expect(parseCampaignDefinition(valid)).toMatchObject({
      ownerRef: 'group:default/platform-devex',
      cohort: { systems: ['system:default/payments'] },
      goal: { templateRef: 'template:default/typescript-service' },
      automation: { templateRef: 'template:default/adopt-golden-path' },
    });
  });

  it.each([
    [
      { ...valid, id: 'Bad Id' },
      'id must be lowercase letters, digits and single dashes',
    ],
    [{ ...valid, id: 'memberships' }, "id 'memberships' is reserved"],
    [{ ...valid, title: ' ' }, 'title must not be empty'],
    [{ ...valid, deadline: '2026-10-01' }, 'deadline must be after startsAt'],
    [{ ...valid, startsAt: 'tomorrow' }, 'startsAt must be an ISO 8601 date'],
    [
      { ...valid, goal: { type: 'vibes' } },
      'goal.type must be check, level or goldenPath',
    ],
    [
      { ...valid, goal: { type: 'check', scorecardId: 'ops' } },
      'goal.checkId must be text',
    ],
    [
      { ...valid, cohort: { tags: [] } },
      'cohort.tags must not be empty when given',
    ],
    [{ ...valid, cohort: { colour: 'red' } }, 'unknown field(s) cohort.colour'],
    [{ ...valid, extra: 1 }, 'unknown field(s) extra'],
    [
      { ...valid, ownerRef: 'group:default/' },
      'ownerRef must be an entity ref',
    ],
    ['nope', 'the body must be a campaign definition'],
  ])('refuses %#: %s', (body, message) => {
    expect(() => parseCampaignDefinition(body)).toThrow(message as string);
  });
});
