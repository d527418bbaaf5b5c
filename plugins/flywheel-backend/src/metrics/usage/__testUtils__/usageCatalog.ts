import { Entity } from '@backstage/catalog-model';
import { testEntities } from '../../../__testUtils__/testCatalog';

const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
  relations: memberOf.map(group => ({
    type: 'memberOf',
    targetRef: `group:default/${group}`,
  })),
});

/**
 * The shared test org with people: ada and dan in payments-core, bob in
 * payments (its parent), cy in platform. Mallory is in no catalog.
 */
export const usageEntities: Entity[] = [
  ...testEntities,
  user('ada', ['payments-core']),
  user('bob', ['payments']),
  user('cy', ['platform']),
  user('dan', ['payments-core']),
];
