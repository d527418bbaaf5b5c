import { goldenPathLeaderboard } from '../__testUtils__/testData';
import { OrgGroup, orgLevels } from './orgGroups';

function groups(entries: [string, string | undefined][]) {
  return new Map<string, OrgGroup>(
    entries.map(([ref, parentRef]) => [ref, { ref, title: ref, parentRef }]),
  );
}

const org = groups([
  ['group:default/acme', undefined],
  ['group:default/engineering', 'group:default/acme'],
  ['group:default/data', 'group:default/acme'],
  ['group:default/platform', 'group:default/engineering'],
  ['group:default/commerce', 'group:default/engineering'],
  ['group:default/checkout', 'group:default/commerce'],
  ['group:default/payments-core', 'group:default/commerce'],
]);

describe('orgLevels', () => {
  it('finds the root and the teams right under it', () => {
    const { roots, topLevel } = orgLevels(goldenPathLeaderboard.items, org);

    expect(roots.map(r => r.groupRef)).toEqual(['group:default/acme']);
    expect(topLevel.map(r => r.groupRef)).toEqual([
      'group:default/engineering',
      'group:default/data',
    ]);
  });

  it('treats groups whose parent is not in the catalog as roots', () => {
    const { roots } = orgLevels(
      [{ groupRef: 'group:default/orphans', entityCount: 2 }],
      groups([['group:default/orphans', 'group:default/gone']]),
    );

    expect(roots.map(r => r.groupRef)).toEqual(['group:default/orphans']);
  });

  it('uses the roots as top level in a flat org', () => {
    const flat = [
      { groupRef: 'group:default/a', entityCount: 2 },
      { groupRef: 'group:default/b', entityCount: 3 },
    ];
    const { roots, topLevel } = orgLevels(
      flat,
      groups([
        ['group:default/a', undefined],
        ['group:default/b', undefined],
      ]),
    );

    expect(roots).toEqual(flat);
    expect(topLevel).toEqual(flat);
  });

  it('falls back to the largest team as the root without an org chart', () => {
    const { roots, topLevel } = orgLevels(
      goldenPathLeaderboard.items,
      undefined,
    );

    expect(roots.map(r => r.groupRef)).toEqual(['group:default/acme']);
    expect(topLevel).toHaveLength(goldenPathLeaderboard.items.length - 1);
  });
});
