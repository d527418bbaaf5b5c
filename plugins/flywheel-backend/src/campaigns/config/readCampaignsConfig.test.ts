import { ConfigReader } from '@backstage/config';
import { readCampaignsConfig } from './readCampaignsConfig';

const campaign = {
  id: 'docs-everywhere',
  title: 'TechDocs for every service',
  description: 'Every service publishes TechDocs.',
  ownerRef: 'platform',
  cohort: { types: ['service'] },
  goal: { type: 'check', scorecardId: 'ops', checkId: 'docs' },
  startsAt: '2026-11-01',
  deadline: '2027-01-31',
};

const read = (campaigns: object) =>
  readCampaignsConfig(new ConfigReader({ flywheel: { campaigns } }));

describe('readCampaignsConfig', () => {
  it('has defaults without config', () => {
    const settings = readCampaignsConfig(new ConfigReader({}));
    expect(settings.definitions).toEqual([]);
    expect(settings.languageAnnotation).toBe('flywheel.dev/language');
    expect(settings.schedule.frequency).toEqual({ minutes: 10 });
  });

  it('reads campaigns as code with refs in full', () => {
    const settings = read({
      definitions: [campaign],
      languageAnnotation: 'acme.com/language',
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 5 } },
    });
    expect(settings.definitions[0].ownerRef).toBe('group:default/platform');
    expect(settings.languageAnnotation).toBe('acme.com/language');
    expect(settings.schedule.frequency).toEqual({ minutes: 5 });
  });

  it('names the entry and the field of a bad campaign, and refuses an id twice', () => {
    expect(() =>
      read({ definitions: [campaign, { ...campaign, deadline: 'soon' }] }),
    ).toThrow(
      'Invalid flywheel.campaigns.definitions[1]: deadline must be an ISO 8601 date',
    );
    expect(() => read({ definitions: [campaign, campaign] })).toThrow(
      "flywheel.campaigns.definitions[1]: the id 'docs-everywhere' is used twice",
    );
  });
});
