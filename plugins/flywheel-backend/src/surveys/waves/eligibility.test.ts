import {
  isSampled,
  PromptContext,
  ThrottleSettings,
  whyNotPrompted,
} from './eligibility';

const DAY = 24 * 3600_000;
const NOW = new Date('2026-06-15T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

const settings: ThrottleSettings = {
  minDaysBetweenSurveys: 30,
  minDaysBetweenNps: 90,
  snoozeDays: 3,
};

const WAVE = {
  id: 'wave-7',
  opensAt: ago(5),
  closesAt: new Date(NOW.getTime() + 9 * DAY),
};

/** Someone who should be asked, with some parts replaced. */
function context(overrides: Partial<PromptContext> = {}): PromptContext {
  return {
    surveyId: 'platform-nps',
    wave: WAVE,
    triggers: [{ type: 'wave-open' }],
    samplingPercent: 100,
    asksNps: true,
    userRef: 'user:default/jo',
    inAudience: true,
    answeredThisWave: false,
    recentAnswers: [],
    triggerEvents: new Map(),
    now: NOW,
    ...overrides,
  };
}

/** A user in or out of a wave's sample at `percent`. */
function userWhoIs(sampled: boolean, waveId: string, percent: number) {
  for (let i = 0; ; i++) {
    const ref = `user:default/person-${i}`;
    if (isSampled(ref, waveId, percent) === sampled) {
      return ref;
    }
  }
}

describe('isSampled', () => {
  it('takes everyone at 100%', () => {
    for (let i = 0; i < 200; i++) {
      expect(isSampled(`user:default/u${i}`, 'w', 100)).toBe(true);
    }
  });

  it('gives the same answer every time, whatever the ref case', () => {
    for (let i = 0; i < 200; i++) {
      const ref = `user:default/U${i}`;
      const first = isSampled(ref, 'wave-1', 40);
      expect(isSampled(ref, 'wave-1', 40)).toBe(first);
      expect(isSampled(ref.toLocaleLowerCase('en-US'), 'wave-1', 40)).toBe(
        first,
      );
    }
  });

  it('takes roughly the percentage asked for', () => {
    for (const percent of [1, 10, 30, 50, 90]) {
      let sampled = 0;
      for (let i = 0; i < 10_000; i++) {
        if (isSampled(`user:default/user-${i}`, 'wave-1', percent)) {
          sampled++;
        }
      }
      expect(sampled / 100).toBeGreaterThanOrEqual(percent - 2);
      expect(sampled / 100).toBeLessThanOrEqual(percent + 2);
    }
  });

  it('draws a different sample for each wave', () => {
    const users = Array.from({ length: 1000 }, (_, i) => `user:default/u${i}`);
    const sample = (waveId: string) =>
      users.filter(u => isSampled(u, waveId, 30));
    const a = sample('wave-1');
    const b = sample('wave-2');
    expect(a).not.toEqual(b);
    const both = a.filter(u => b.includes(u)).length;
    // Independent 30% samples share about 9% of people.
    expect(both).toBeGreaterThan(50);
    expect(both).toBeLessThan(150);
  });

  it('keeps everyone sampled when the percentage goes up', () => {
    const users = Array.from({ length: 1000 }, (_, i) => `user:default/u${i}`);
    const at20 = users.filter(u => isSampled(u, 'w', 20));
    expect(at20.length).toBeGreaterThan(0);
    expect(at20.filter(u => !isSampled(u, 'w', 21))).toEqual([]);
    expect(at20.filter(u => !isSampled(u, 'w', 60))).toEqual([]);
  });
});

describe('whyNotPrompted', () => {
  it('asks someone who qualifies', () => {
    expect(whyNotPrompted(context(), settings)).toBeUndefined();
  });

  it('gives the first reason, in order', () => {
    const unsampled = userWhoIs(false, WAVE.id, 50);
    let c = context({
      wave: { ...WAVE, closesAt: ago(1) },
      inAudience: false,
      answeredThisWave: true,
      promptState: { state: 'dismissed' },
      userRef: unsampled,
      samplingPercent: 50,
      triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
      recentAnswers: [
        { waveId: 'other', respondedAt: ago(2), askedNps: false },
      ],
    });
    const reasons: Array<string | undefined> = [];
    for (const fix of [
      (x: PromptContext) => ({ ...x, wave: WAVE }),
      (x: PromptContext) => ({ ...x, inAudience: true }),
      (x: PromptContext) => ({ ...x, answeredThisWave: false }),
      (x: PromptContext): PromptContext => ({
        ...x,
        promptState: { state: 'snoozed', until: new Date(NOW.getTime() + DAY) },
      }),
      (x: PromptContext) => ({ ...x, promptState: undefined }),
      (x: PromptContext) => ({ ...x, samplingPercent: 100 }),
      (x: PromptContext) => ({
        ...x,
        triggerEvents: new Map([['scaffolder.run.completed', ago(1)]]),
      }),
      (x: PromptContext) => ({ ...x, recentAnswers: [] }),
    ]) {
      reasons.push(whyNotPrompted(c, settings));
      c = fix(c);
    }
    reasons.push(whyNotPrompted(c, settings));
    expect(reasons).toEqual([
      'wave-closed',
      'not-in-audience',
      'answered',
      'dismissed',
      'snoozed',
      'not-sampled',
      'not-triggered',
      'throttled',
      undefined,
    ]);
  });

  describe('wave', () => {
    it('is closed before it opens and from the moment it closes', () => {
      expect(
        whyNotPrompted(
          context({ now: new Date(WAVE.opensAt.getTime() - 1) }),
          settings,
        ),
      ).toBe('wave-closed');
      expect(
        whyNotPrompted(context({ now: WAVE.opensAt }), settings),
      ).toBeUndefined();
      expect(whyNotPrompted(context({ now: WAVE.closesAt }), settings)).toBe(
        'wave-closed',
      );
    });
  });

  describe('prompt state', () => {
    it('never asks again after a dismissal', () => {
      expect(
        whyNotPrompted(
          context({ promptState: { state: 'dismissed', until: ago(10) } }),
          settings,
        ),
      ).toBe('dismissed');
    });

    it('asks again once a snooze has passed', () => {
      const snoozed = (until?: Date) =>
        whyNotPrompted(
          context({ promptState: { state: 'snoozed', until } }),
          settings,
        );
      expect(snoozed(new Date(NOW.getTime() + 1))).toBe('snoozed');
      expect(snoozed(NOW)).toBeUndefined();
      expect(snoozed(ago(1))).toBeUndefined();
      expect(snoozed(undefined)).toBeUndefined();
    });
  });

  describe('sampling', () => {
    it('leaves out people outside the sample', () => {
      const out = userWhoIs(false, WAVE.id, 30);
      const inside = userWhoIs(true, WAVE.id, 30);
      expect(
        whyNotPrompted(
          context({ userRef: out, samplingPercent: 30 }),
          settings,
        ),
      ).toBe('not-sampled');
      expect(
        whyNotPrompted(
          context({ userRef: inside, samplingPercent: 30 }),
          settings,
        ),
      ).toBeUndefined();
    });
  });

  describe('triggers', () => {
    const onEvent = (firedAt?: Date, event = 'scaffolder.run.completed') =>
      whyNotPrompted(
        context({
          triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
          triggerEvents: firedAt ? new Map([[event, firedAt]]) : new Map(),
        }),
        settings,
      );

    it('counts an event fired inside the wave window', () => {
      expect(onEvent(ago(1))).toBeUndefined();
      expect(onEvent(WAVE.opensAt)).toBeUndefined();
      expect(onEvent(NOW)).toBeUndefined();
    });

    it('does not count an event before the wave opened, or not yet fired', () => {
      expect(onEvent(new Date(WAVE.opensAt.getTime() - 1))).toBe(
        'not-triggered',
      );
      expect(onEvent(ago(40))).toBe('not-triggered');
      expect(onEvent(new Date(NOW.getTime() + 1))).toBe('not-triggered');
      expect(onEvent(undefined)).toBe('not-triggered');
    });

    it('does not count other events', () => {
      expect(onEvent(ago(1), 'catalog.entity.registered')).toBe(
        'not-triggered',
      );
    });

    it('counts a page under the route prefix', () => {
      const onPage = (path?: string) =>
        whyNotPrompted(
          context({
            triggers: [{ type: 'route', pathPrefix: '/create' }],
            path,
          }),
          settings,
        );
      expect(onPage('/create')).toBeUndefined();
      expect(onPage('/create/templates/default/node')).toBeUndefined();
      expect(onPage('/catalog')).toBe('not-triggered');
      expect(onPage('/docs/create')).toBe('not-triggered');
      expect(onPage('/created-things')).toBe('not-triggered');
      expect(onPage(undefined)).toBe('not-triggered');
    });

    it('asks when any trigger fired', () => {
      const triggers: PromptContext['triggers'] = [
        { type: 'event', event: 'scaffolder.run.completed' },
        { type: 'route', pathPrefix: '/create' },
      ];
      expect(
        whyNotPrompted(context({ triggers, path: '/catalog' }), settings),
      ).toBe('not-triggered');
      expect(
        whyNotPrompted(context({ triggers, path: '/create' }), settings),
      ).toBeUndefined();
      expect(
        whyNotPrompted(
          context({
            triggers,
            path: '/catalog',
            triggerEvents: new Map([['scaffolder.run.completed', ago(1)]]),
          }),
          settings,
        ),
      ).toBeUndefined();
      expect(whyNotPrompted(context({ triggers: [] }), settings)).toBe(
        'not-triggered',
      );
    });
  });

  describe('throttling', () => {
    const answered = (
      days: number,
      askedNps: boolean,
      asksNps: boolean,
      waveId = 'other-wave',
    ) =>
      whyNotPrompted(
        context({
          asksNps,
          recentAnswers: [{ waveId, respondedAt: ago(days), askedNps }],
        }),
        settings,
      );

    it('holds back within minDaysBetweenSurveys of answering another survey', () => {
      expect(answered(10, false, false)).toBe('throttled');
      expect(answered(29.9, false, true)).toBe('throttled');
      expect(answered(31, false, false)).toBeUndefined();
      expect(answered(31, false, true)).toBeUndefined();
    });

    it('holds back an NPS survey within minDaysBetweenNps of answering NPS', () => {
      expect(answered(60, true, true)).toBe('throttled');
      expect(answered(89, true, true)).toBe('throttled');
      expect(answered(91, true, true)).toBeUndefined();
    });

    it('does not apply the NPS limit to a survey without NPS', () => {
      expect(answered(60, true, false)).toBeUndefined();
    });

    it('does not apply the NPS limit after a survey without NPS', () => {
      expect(answered(60, false, true)).toBeUndefined();
    });

    it('does not count answering this same wave', () => {
      expect(answered(1, true, true, WAVE.id)).toBeUndefined();
    });

    it('is throttled by any one recent answer', () => {
      expect(
        whyNotPrompted(
          context({
            asksNps: false,
            recentAnswers: [
              { waveId: WAVE.id, respondedAt: ago(1), askedNps: true },
              { waveId: 'old', respondedAt: ago(200), askedNps: false },
              { waveId: 'recent', respondedAt: ago(3), askedNps: false },
            ],
          }),
          settings,
        ),
      ).toBe('throttled');
    });

    it('follows the configured days', () => {
      const c = context({
        recentAnswers: [
          { waveId: 'other', respondedAt: ago(0.01), askedNps: true },
        ],
      });
      expect(
        whyNotPrompted(c, {
          ...settings,
          minDaysBetweenSurveys: 0,
          minDaysBetweenNps: 0,
        }),
      ).toBeUndefined();
      expect(
        whyNotPrompted(
          context({
            recentAnswers: [
              { waveId: 'other', respondedAt: ago(10), askedNps: false },
            ],
          }),
          { ...settings, minDaysBetweenSurveys: 7 },
        ),
      ).toBeUndefined();
    });
  });
});
