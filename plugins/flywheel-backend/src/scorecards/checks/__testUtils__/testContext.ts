import { Entity } from '@backstage/catalog-model';
import { EvaluationContext, FactValue } from '../../definitions';

/** An entity for check tests; `overrides` are merged one level deep. */
export function testEntity(
  overrides: {
    metadata?: Partial<Entity['metadata']>;
    spec?: Entity['spec'];
    relations?: Entity['relations'];
    kind?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: overrides.kind ?? 'Component',
    metadata: { name: 'checkout-api', ...overrides.metadata },
    spec: overrides.spec ?? {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/checkout',
    },
    ...(overrides.relations ? { relations: overrides.relations } : {}),
  };
}

/** An evaluation context for check tests. */
export function testContext(
  options: {
    entity?: Entity;
    goldenPath?: EvaluationContext['goldenPath'];
    facts?: Record<string, Record<string, FactValue>>;
    metrics?: Record<string, number>;
  } = {},
): EvaluationContext {
  const entity = options.entity ?? testEntity();
  return {
    entity,
    entityRef: `component:default/${entity.metadata?.name}`,
    goldenPath: options.goldenPath,
    fact: (provider, fact) => options.facts?.[provider]?.[fact],
    metric: id => options.metrics?.[id],
  };
}
