import { Entity } from '@backstage/catalog-model';
import {
  cohortCatalogFilter,
  CohortContext,
  matchesCohort,
} from './cohortMatcher';

const entity = (
  overrides: Partial<Entity['metadata']> & {
    kind?: string;
    type?: string;
    owner?: string;
    system?: string;
  },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: overrides.kind ?? 'Component',
  metadata: {
    name: overrides.name ?? 'svc',
    tags: overrides.tags,
    annotations: overrides.annotations,
  },
  spec: { type: overrides.type ?? 'service' },
  relations: [
    ...(overrides.owner
      ? [{ type: 'ownedBy', targetRef: overrides.owner }]
      : []),
    ...(overrides.system
      ? [{ type: 'partOf', targetRef: overrides.system }]
      : []),
  ],
});

const context = (over: Partial<CohortContext> = {}): CohortContext => ({
  fromGoldenPath: () => false,
  languageAnnotation: 'flywheel.dev/language',
  ...over,
});

describe('matchesCohort', () => {
  it('takes Components by default and narrows by every field given', () => {
    expect(matchesCohort(entity({}), {}, context())).toBe(true);
    expect(matchesCohort(entity({ kind: 'API' }), {}, context())).toBe(false);
    expect(
      matchesCohort(entity({ kind: 'API' }), { kinds: ['api'] }, context()),
    ).toBe(true);
    expect(
      matchesCohort(
        entity({ type: 'website' }),
        { types: ['service'] },
        context(),
      ),
    ).toBe(false);
    expect(
      matchesCohort(
        entity({ system: 'system:default/payments' }),
        { systems: ['system:default/payments'] },
        context(),
      ),
    ).toBe(true);
    expect(
      matchesCohort(
        entity({}),
        { systems: ['system:default/payments'] },
        context(),
      ),
    ).toBe(false);
    expect(
      matchesCohort(
        entity({ tags: ['java', 'legacy'] }),
        { tags: ['Legacy'] },
        context(),
      ),
    ).toBe(true);
    expect(
      matchesCohort(entity({ tags: ['go'] }), { tags: ['java'] }, context()),
    ).toBe(false);
  });

  it('reads the language from the configured annotation', () => {
    const java = entity({ annotations: { 'acme.com/lang': 'Java' } });
    expect(matchesCohort(java, { languages: ['java'] }, context())).toBe(false);
    expect(
      matchesCohort(
        java,
        { languages: ['java'] },
        context({ languageAnnotation: 'acme.com/lang' }),
      ),
    ).toBe(true);
  });

  it('takes owners within the subtree only, and leaves out golden-path entities when asked', () => {
    const subtree = new Set([
      'group:default/payments',
      'group:default/payments-core',
    ]);
    expect(
      matchesCohort(
        entity({ owner: 'group:default/Payments-Core' }),
        { owners: ['group:default/payments'] },
        context({ ownerSubtree: subtree }),
      ),
    ).toBe(true);
    expect(
      matchesCohort(
        entity({ owner: 'group:default/platform' }),
        { owners: ['group:default/payments'] },
        context({ ownerSubtree: subtree }),
      ),
    ).toBe(false);
    expect(
      matchesCohort(
        entity({}),
        { notFromGoldenPath: true },
        context({ fromGoldenPath: () => true }),
      ),
    ).toBe(false);
  });
});

describe('cohortCatalogFilter', () => {
  it('asks the catalog for the kinds and types only', () => {
    expect(cohortCatalogFilter({ types: ['service'], tags: ['x'] })).toEqual({
      kind: ['component'],
      'spec.type': ['service'],
    });
  });
});
