import { countStates, levelReached, scorePercent } from './levels';

const ladder = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

describe('levelReached', () => {
  it('is the highest level whose checks and those below all clear', () => {
    expect(
      levelReached(ladder, [
        { level: 'bronze', weight: 1, state: 'pass' },
        { level: 'silver', weight: 1, state: 'warn' },
        { level: 'gold', weight: 1, state: 'fail' },
      ]),
    ).toBe('silver');
  });

  it('does not skip a failed lower level even when higher ones pass', () => {
    expect(
      levelReached(ladder, [
        { level: 'bronze', weight: 1, state: 'fail' },
        { level: 'silver', weight: 1, state: 'pass' },
        { level: 'gold', weight: 1, state: 'pass' },
      ]),
    ).toBeUndefined();
  });

  it('lets exempt and not-applicable checks clear, but not unknown ones', () => {
    expect(
      levelReached(ladder, [
        { level: 'bronze', weight: 1, state: 'exempt' },
        { level: 'silver', weight: 1, state: 'not-applicable' },
        { level: 'gold', weight: 1, state: 'unknown' },
      ]),
    ).toBe('silver');
  });

  it('reaches a level without checks when the ones below clear', () => {
    expect(
      levelReached(ladder, [{ level: 'bronze', weight: 1, state: 'pass' }]),
    ).toBe('gold');
  });
});

describe('scorePercent', () => {
  it('weighs passes against warnings, failures and unknowns', () => {
    expect(
      scorePercent([
        { level: 'bronze', weight: 3, state: 'pass' },
        { level: 'bronze', weight: 1, state: 'warn' },
        { level: 'silver', weight: 1, state: 'fail' },
        { level: 'gold', weight: 1, state: 'unknown' },
      ]),
    ).toBe(50);
  });

  it('leaves exempt and not-applicable checks out', () => {
    expect(
      scorePercent([
        { level: 'bronze', weight: 1, state: 'pass' },
        { level: 'bronze', weight: 5, state: 'exempt' },
        { level: 'silver', weight: 5, state: 'not-applicable' },
        { level: 'silver', weight: 2, state: 'fail' },
      ]),
    ).toBe(33.3);
  });

  it('is null when nothing counts', () => {
    expect(
      scorePercent([{ level: 'bronze', weight: 1, state: 'exempt' }]),
    ).toBeNull();
  });
});

describe('countStates', () => {
  it('counts every state, zero included', () => {
    expect(
      countStates([{ state: 'pass' }, { state: 'pass' }, { state: 'exempt' }]),
    ).toEqual({
      pass: 2,
      warn: 0,
      fail: 0,
      'not-applicable': 0,
      unknown: 0,
      exempt: 1,
    });
  });
});
