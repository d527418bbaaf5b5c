import { kindsOf, kindsToRead } from './entityKinds';

describe('kindsOf', () => {
  it('reads a pinned kind, a $in list, and kinds inside $all and $any', () => {
    expect(kindsOf({ kind: 'Component', 'spec.type': 'service' })).toEqual([
      'component',
    ]);
    expect(kindsOf({ kind: { $in: ['Component', 'API'] } })).toEqual([
      'component',
      'api',
    ]);
    expect(
      kindsOf({ $all: [{ 'spec.type': 'service' }, { kind: 'Component' }] }),
    ).toEqual(['component']);
    expect(
      kindsOf({ $any: [{ kind: 'Component' }, { kind: 'System' }] }),
    ).toEqual(['component', 'system']);
  });

  it('gives up when the kind is not pinned', () => {
    expect(kindsOf({ 'spec.type': 'service' })).toBeUndefined();
    expect(
      kindsOf({ $any: [{ kind: 'Component' }, { 'spec.type': 'x' }] }),
    ).toBeUndefined();
    expect(kindsOf({ $not: { kind: 'Component' } })).toBeUndefined();
  });
});

describe('kindsToRead', () => {
  it('unites the kinds of all scorecards, or reads everything', () => {
    expect(kindsToRead([{ kind: 'Component' }, { kind: 'API' }])).toEqual([
      'api',
      'component',
    ]);
    expect(
      kindsToRead([{ kind: 'Component' }, { 'metadata.name': 'x' }]),
    ).toBeUndefined();
  });
});
