import { builtinCheckTypes, checkTypesById } from '.';

describe('check registry', () => {
  it('lists every built-in check type once', () => {
    expect([...checkTypesById(builtinCheckTypes).keys()]).toEqual([
      'catalog.annotation',
      'catalog.field',
      'catalog.relation',
      'catalog.filter',
      'goldenPath.created',
      'goldenPath.currentVersion',
      'metric',
      'fact',
    ]);
  });

  it('refuses two types with the same id', () => {
    expect(() =>
      checkTypesById([builtinCheckTypes[0], builtinCheckTypes[0]]),
    ).toThrow("Duplicate scorecard check type 'catalog.annotation'");
  });

  it('gives every type a description', () => {
    for (const type of builtinCheckTypes) {
      expect(type.description.length).toBeGreaterThan(10);
    }
  });
});
