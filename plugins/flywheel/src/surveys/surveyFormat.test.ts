import {
  audienceSummary,
  formatEstimate,
  formatInterval,
  formatNps,
  hiddenReasonText,
  questionKinds,
  scheduleSummary,
  triggerSummary,
  waveLabel,
} from './surveyFormat';
import { platformNps, waves } from './__testUtils__/surveyAdminData';

describe('surveyFormat', () => {
  it('signs NPS values with a true minus', () => {
    expect(formatNps(23.8)).toBe('+24');
    expect(formatNps(-7.6)).toBe('−8');
    expect(formatNps(0.3)).toBe('0');
    expect(formatEstimate({ value: 23.8, low: 4.6, high: 41.2 }, 'nps')).toBe(
      '+24 ± 18',
    );
    expect(formatInterval({ value: 75, low: 59.8, high: 85.8 }, 'csat')).toBe(
      '60% to 86%',
    );
  });

  it('summarises audience, schedule, triggers and questions', () => {
    expect(
      audienceSummary(
        { type: 'groups', groupRefs: ['group:default/commerce'] },
        new Map([['group:default/commerce', 'Commerce']]),
      ),
    ).toBe('Teams: Commerce (with sub-teams)');
    expect(
      scheduleSummary({
        opensAt: '2026-01-05T00:00:00Z',
        recurrence: 'monthly',
        waveDays: 7,
      }),
    ).toBe('Monthly from Jan 5, 2026, 7 days a wave');
    expect(
      scheduleSummary({
        opensAt: '2026-01-05T00:00:00Z',
        closesAt: '2026-01-19T00:00:00Z',
        recurrence: 'none',
      }),
    ).toBe('Once, Jan 5, 2026 – Jan 19, 2026');
    expect(triggerSummary({ type: 'route', pathPrefix: '/create' })).toBe(
      'On pages under /create',
    );
    expect(questionKinds(platformNps)).toBe(
      'NPS, CSAT, Rating, Multiple choice, Text',
    );
    expect(waveLabel(waves[2])).toBe(
      'Wave 3 · Jul 6, 2026 – Jul 20, 2026 · open',
    );
  });

  it('explains hidden segments', () => {
    expect(hiddenReasonText('below-minimum', 5)).toBe(
      'Hidden: fewer than 5 responses',
    );
    expect(hiddenReasonText('protects-another-group', 5)).toBe(
      'Hidden to protect a smaller team',
    );
  });
});
