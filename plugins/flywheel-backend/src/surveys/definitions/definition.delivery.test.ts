import {
  WHERE,
  withFields,
  withSchedule,
  errorOf,
} from '../__testUtils__/definitionFixtures';
import { parseSurveyDefinition } from './definition';

/**
 * What parseSurveyDefinition refuses in who is asked and when: audience,
 * schedule, triggers, sampling and template.
 */

describe('parseSurveyDefinition', () => {
  describe('rejects', () => {
    it('an unknown audience type', () => {
      expect(errorOf(withFields({ audience: { type: 'admins' } }))).toMatch(
        /audience\.type: |audience: /,
      );
    });

    it('audiences with no or too many refs', () => {
      expect(
        errorOf(withFields({ audience: { type: 'groups', groupRefs: [] } })),
      ).toMatch(/audience\.groupRefs: /);
      expect(errorOf(withFields({ audience: { type: 'groups' } }))).toMatch(
        /audience\.groupRefs: /,
      );
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'golden-path-owners',
              templateRefs: Array.from({ length: 101 }, (_, i) => `t${i}`),
            },
          }),
        ),
      ).toMatch(/audience\.templateRefs: /);
    });

    it('refs of the wrong kind', () => {
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'groups',
              groupRefs: ['group:default/a', 'user:default/jo'],
            },
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': audience.groupRefs[1]: must be a group ref",
      );
      expect(
        errorOf(
          withFields({
            audience: {
              type: 'golden-path-owners',
              templateRefs: ['component:default/api'],
            },
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': audience.templateRefs[0]: must be a template ref",
      );
    });

    it('refs that do not parse', () => {
      expect(
        errorOf(
          withFields({
            audience: { type: 'groups', groupRefs: ['team-a', 'group:'] },
          }),
        ),
      ).toBe(
        `Survey 'platform-nps': audience.groupRefs[1]: Entity reference "group:" was not on the form [<kind>:][<namespace>/]<name>`,
      );
      expect(
        errorOf(withFields({ audience: { type: 'groups', groupRefs: [''] } })),
      ).toMatch(/audience\.groupRefs\[0\]: /);
    });

    it('fields another audience type has', () => {
      expect(
        errorOf(
          withFields({ audience: { type: 'everyone', groupRefs: ['team-a'] } }),
        ),
      ).toMatch(/audience: /);
    });

    it('dates that are not ISO date-times', () => {
      for (const opensAt of [
        'next monday',
        '2026-13-01T00:00:00Z',
        '',
        5,
        // luxon reads these two; RFC 3339 has neither.
        '2026-12-01T24:00:00Z',
        '2026-12-01T10:00:00+24:00',
      ]) {
        expect(
          errorOf(withSchedule({ opensAt, recurrence: 'monthly' })),
        ).toMatch(/schedule\.opensAt: /);
      }
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '31/01/2026',
            recurrence: 'none',
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.closesAt: must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z",
      );
    });

    it('an unknown recurrence', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            recurrence: 'weekly',
          }),
        ),
      ).toMatch(/schedule\.recurrence: /);
    });

    it('a closing date on a recurring survey', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2026-01-15T00:00:00Z',
            recurrence: 'monthly',
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.closesAt: only one-off surveys (recurrence none) close on a date; recurring waves last waveDays",
      );
    });

    it('a one-off survey closing when or before it opens', () => {
      for (const closesAt of [
        '2026-01-01T00:00:00Z',
        '2025-12-31T00:00:00Z',
        // 08:00Z, an hour before it opens.
        '2026-01-01T10:00:00+02:00',
      ]) {
        expect(
          errorOf(
            withSchedule({
              opensAt: '2026-01-01T09:00:00Z',
              closesAt,
              recurrence: 'none',
            }),
          ),
        ).toBe(
          "Survey 'platform-nps': schedule.closesAt: must be after opensAt",
        );
      }
    });

    it('wave lengths that are not 1–90 whole days', () => {
      for (const waveDays of [0, 91, 2.5, '14']) {
        expect(
          errorOf(
            withSchedule({
              opensAt: '2026-01-01T00:00:00Z',
              recurrence: 'none',
              waveDays,
            }),
          ),
        ).toMatch(/schedule\.waveDays: /);
      }
    });

    it('recurring waves long enough to overlap the next one', () => {
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-01-01T00:00:00Z',
            recurrence: 'monthly',
            waveDays: 29,
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.waveDays: monthly waves can stay open at most 28 days, so they do not overlap",
      );
      // Jan 31 → Apr 30 and Feb 1 → May 1 are only 89 days apart.
      expect(
        errorOf(
          withSchedule({
            opensAt: '2026-02-01T00:00:00Z',
            recurrence: 'quarterly',
            waveDays: 90,
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': schedule.waveDays: quarterly waves can stay open at most 89 days, so they do not overlap",
      );
    });

    it('unknown trigger types and bad trigger fields', () => {
      expect(errorOf(withFields({ triggers: [{ type: 'cron' }] }))).toMatch(
        /triggers\[0\]/,
      );
      expect(
        errorOf(
          withFields({
            triggers: [
              { type: 'wave-open' },
              { type: 'event', event: 'Bad Event' },
            ],
          }),
        ),
      ).toBe(
        "Survey 'platform-nps': triggers[1].event: e.g. scaffolder.run.completed",
      );
      expect(errorOf(withFields({ triggers: [{ type: 'event' }] }))).toMatch(
        /triggers\[0\]\.event: /,
      );
      expect(
        errorOf(
          withFields({ triggers: [{ type: 'route', pathPrefix: 'create' }] }),
        ),
      ).toBe(
        "Survey 'platform-nps': triggers[0].pathPrefix: must start with '/'",
      );
      expect(
        errorOf(
          withFields({
            triggers: [{ type: 'route', pathPrefix: `/${'x'.repeat(500)}` }],
          }),
        ),
      ).toMatch(/triggers\[0\]\.pathPrefix: /);
      expect(
        errorOf(
          withFields({ triggers: [{ type: 'wave-open', event: 'x.y' }] }),
        ),
      ).toMatch(/triggers\[0\]/);
    });

    it('more than 10 triggers', () => {
      const triggers = Array.from({ length: 11 }, () => ({
        type: 'wave-open',
      }));
      expect(errorOf(withFields({ triggers }))).toMatch(/triggers: /);
      expect(
        parseSurveyDefinition(
          withFields({ triggers: triggers.slice(1) }),
          WHERE,
        ).triggers,
      ).toHaveLength(10);
    });

    it('sampling outside 1–100 or not whole', () => {
      for (const samplingPercent of [0, 101, 12.5, '50']) {
        expect(errorOf(withFields({ samplingPercent }))).toMatch(
          /samplingPercent: /,
        );
      }
      for (const samplingPercent of [1, 100]) {
        expect(
          parseSurveyDefinition(withFields({ samplingPercent }), WHERE)
            .samplingPercent,
        ).toBe(samplingPercent);
      }
    });

    it('an overlong template name', () => {
      expect(errorOf(withFields({ template: 'x'.repeat(101) }))).toMatch(
        /template: /,
      );
    });
  });
});
