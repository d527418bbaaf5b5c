import { Entity } from '@backstage/catalog-model';
import { catalogRelationCheck as check } from './catalogRelation';
import { testContext, testEntity } from './__testUtils__/testContext';

const entity = testEntity({
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/checkout' },
    { type: 'partOf', targetRef: 'system:default/checkout' },
    { type: 'dependsOn', targetRef: 'component:default/cart-service' },
    { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
  ],
});
const context = testContext({ entity });

describe('catalog.relation', () => {
  it('passes when the relation is there', () => {
    expect(
      check.evaluate({ relation: 'ownedBy', targetKind: 'Group' }, context),
    ).toEqual({
      state: 'pass',
      reason: 'ownedBy group:default/checkout',
      value: 1,
    });
    expect(
      check.evaluate({ relation: 'dependsOn', minCount: 2 }, context),
    ).toEqual({
      state: 'pass',
      reason:
        '2 dependsOn relations: component:default/cart-service, resource:default/payments-db',
      value: 2,
    });
  });

  it('compares relation types and kinds case-insensitively', () => {
    expect(
      check.evaluate({ relation: 'partof', targetKind: 'system' }, context)
        .state,
    ).toBe('pass');
  });

  it('fails with the relation and kind in the reason', () => {
    expect(
      check.evaluate({ relation: 'ownedBy', targetKind: 'User' }, context),
    ).toEqual({
      state: 'fail',
      reason: 'No ownedBy relation to a User',
      value: 0,
    });
    expect(
      check.evaluate(
        { relation: 'dependsOn', targetKind: 'Component', minCount: 2 },
        context,
      ).reason,
    ).toBe('1 dependsOn relation to a Component, expected at least 2');
    expect(
      check.evaluate({ relation: 'providesApi', targetKind: 'API' }, context)
        .reason,
    ).toBe('No providesApi relation to an API');
  });

  it('treats entities without relations as having none', () => {
    const noRelations = testContext({ entity: testEntity() });
    expect(
      check.evaluate({ relation: 'partOf', targetKind: 'System' }, noRelations),
    ).toEqual({
      state: 'fail',
      reason: 'No partOf relation to a System',
      value: 0,
    });
    const odd = testContext({
      entity: {
        kind: 'Component',
        metadata: { name: 'x' },
        relations: [null, { type: 'partOf' }],
      } as unknown as Entity,
    });
    expect(
      check.evaluate({ relation: 'partOf', targetKind: 'System' }, odd).state,
    ).toBe('fail');
    expect(check.evaluate({ relation: 'partOf' }, odd).state).toBe('pass');
  });

  it('validates its parameters', () => {
    expect(check.params.safeParse({ relation: 'partOf' }).success).toBe(true);
    expect(
      check.params.safeParse({ relation: 'partOf', minCount: 0 }).success,
    ).toBe(false);
    expect(check.params.safeParse({ targetKind: 'System' }).success).toBe(
      false,
    );
  });
});
