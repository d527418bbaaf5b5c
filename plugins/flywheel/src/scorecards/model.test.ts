import { CheckState } from '@flywheel/plugin-flywheel-common';
import {
  checkoutResults,
  commerceRollup,
  counts,
  goldenPathScorecard,
} from '../__testUtils__/testData';
import {
  checksWorstFirst,
  describeLevels,
  formatScore,
  isExemptable,
  levelTitle,
  levelTone,
  nextLevelGap,
  passRateTone,
} from './model';

describe('levels', () => {
  it('names levels, and no level', () => {
    expect(levelTitle(goldenPathScorecard, 'gold')).toBe('Gold');
    expect(levelTitle(goldenPathScorecard, undefined)).toBe('No level');
    expect(levelTitle(goldenPathScorecard, 'none')).toBe('No level');
    expect(levelTitle(goldenPathScorecard, 'platinum')).toBe('platinum');
  });

  it('colours metals by name and other ladders by position', () => {
    expect(levelTone(goldenPathScorecard, 'silver')).toBe('silver');
    const ladder = {
      levels: [
        { id: 'basic', title: 'Basic' },
        { id: 'solid', title: 'Solid' },
      ],
    };
    expect(levelTone(ladder, 'basic')).toBe('step1');
    expect(levelTone(ladder, 'solid')).toBe('step2');
    expect(levelTone(ladder, undefined)).toBe('none');
  });

  it('describes a distribution lowest level first', () => {
    expect(describeLevels(goldenPathScorecard, { gold: 2, none: 1 })).toBe(
      'No level: 1, Bronze: 0, Silver: 0, Gold: 2',
    );
  });
});

describe('nextLevelGap', () => {
  it('lists the failing and unknown checks up to the next level', () => {
    const { next, blocking } = nextLevelGap(
      goldenPathScorecard,
      checkoutResults.results[0],
    );
    expect(next?.id).toBe('gold');
    expect(blocking.map(b => b.check.id)).toEqual(['current-template-version']);
  });

  it('has no next level at the top', () => {
    expect(
      nextLevelGap(goldenPathScorecard, { level: 'gold', checks: [] }),
    ).toEqual({ blocking: [] });
  });
});

describe('pass rates', () => {
  it('bands rates for colour', () => {
    expect(passRateTone(0.8)).toBe('good');
    expect(passRateTone(0.5)).toBe('fair');
    expect(passRateTone(0.49)).toBe('poor');
    expect(passRateTone(null)).toBe('none');
  });

  it('orders checks worst first, unscored last, then in ladder order', () => {
    const ordered = checksWorstFirst(goldenPathScorecard, [
      ...commerceRollup.rollups[0].checks,
      { checkId: 'gone', counts: counts({ fail: 1 }), passRate: 0 },
      {
        checkId: 'has-owner',
        counts: counts({ 'not-applicable': 1 }),
        passRate: null,
      },
    ]);
    expect(ordered.map(c => `${c.checkId}:${c.passRate}`)).toEqual([
      'current-template-version:0.25',
      'has-techdocs:0.4',
      'from-golden-path:0.75',
      'in-system:0.8',
      'has-owner:1',
      'has-owner:null',
    ]);
  });
});

describe('formatting', () => {
  it('formats scores and says which states can be exempted', () => {
    expect(formatScore(66.666)).toBe('66.7%');
    expect(formatScore(null)).toBe('—');
    expect(
      ['pass', 'warn', 'fail', 'unknown', 'exempt', 'not-applicable'].filter(
        s => isExemptable(s as CheckState),
      ),
    ).toEqual(['warn', 'fail', 'unknown']);
  });
});
