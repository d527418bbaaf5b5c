import { Entity } from '@backstage/catalog-model';
import { evaluateFilterPredicate } from '@backstage/filter-predicates';
import {
  CheckState,
  levelReached,
  scorePercent,
} from '@flywheel/plugin-flywheel-common';
import { builtinCheckTypes, checkTypesById } from '../checks';
import { EvaluationContext } from '../definitions';
import { defaultScorecard } from './defaultScorecard';
import { parseScorecards } from './readScorecardsConfig';

const checkTypes = checkTypesById(builtinCheckTypes);

function component(
  name: string,
  options: {
    type?: string;
    lifecycle?: string;
    system?: string;
    owner?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  const owner = options.owner ?? 'group:default/checkout';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      description: `The ${name}`,
      annotations: options.annotations,
    },
    spec: {
      type: options.type ?? 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner,
      system: options.system,
    },
    relations: [
      { type: 'ownedBy', targetRef: owner },
      ...(options.system
        ? [{ type: 'partOf', targetRef: `system:default/${options.system}` }]
        : []),
    ],
  };
}

/** What the engine does, in a few lines: evaluate, apply severity, level. */
function evaluate(
  entity: Entity,
  goldenPath?: EvaluationContext['goldenPath'],
) {
  const scorecard = defaultScorecard();
  if (!evaluateFilterPredicate(scorecard.filter, entity)) {
    return undefined;
  }
  const context: EvaluationContext = {
    entity,
    entityRef: `component:default/${entity.metadata.name}`,
    goldenPath,
    fact: () => undefined,
    metric: () => undefined,
  };
  const results = scorecard.checks.map(check => {
    const outcome = checkTypes.get(check.type)!.evaluate(check.params, context);
    const state: CheckState =
      outcome.state === 'fail' && check.severity === 'warn'
        ? 'warn'
        : outcome.state;
    return { ...check, state, reason: outcome.reason };
  });
  return {
    level: levelReached(scorecard.levels, results),
    score: scorePercent(results),
    states: Object.fromEntries(results.map(r => [r.id, r.state])),
    reasons: Object.fromEntries(results.map(r => [r.id, r.reason])),
  };
}

const tsService = 'template:default/typescript-service';

describe('defaultScorecard', () => {
  it('is a valid scorecard whose params parse unchanged', () => {
    const scorecard = defaultScorecard();
    expect(scorecard).toMatchObject({
      id: 'golden-path-adoption',
      title: 'Golden path adoption',
      source: 'default',
    });
    expect(scorecard.levels.map(l => l.id)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    const { source, checks, ...rest } = scorecard;
    const [reparsed] = parseScorecards(
      [
        {
          ...rest,
          checks: checks.map(({ params, ...check }) => ({
            ...check,
            ...params,
          })),
        },
      ],
      {
        checkTypes,
        validation: { factProviders: new Set(), metrics: new Set() },
      },
      source,
    );
    expect(reparsed).toEqual(scorecard);
    for (const check of scorecard.checks) {
      expect(check.description).toBeTruthy();
      expect(check.howToFix).toBeTruthy();
      expect(check.howToFixUrl).toBeTruthy();
    }
  });

  it('links every check to a page that exists', () => {
    // App paths must be routes the example app mounts: the scaffolder and
    // Flywheel's Golden Paths tab; the rest is Backstage's own documentation.
    expect(
      Object.fromEntries(
        defaultScorecard().checks.map(c => [c.id, c.howToFixUrl]),
      ),
    ).toEqual({
      'has-owner':
        'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required',
      'in-system':
        'https://backstage.io/docs/features/software-catalog/descriptor-format#specsystem-optional',
      'has-description':
        'https://backstage.io/docs/features/software-catalog/descriptor-format#description-optional',
      'from-golden-path': '/create',
      'current-template-version': '/flywheel/golden-paths',
      'has-techdocs':
        'https://backstage.io/docs/features/techdocs/creating-and-publishing',
    });
  });

  it('applies to services and websites that are not deprecated', () => {
    const { filter } = defaultScorecard();
    const matches = (e: Entity) => evaluateFilterPredicate(filter, e);
    expect(matches(component('a'))).toBe(true);
    expect(matches(component('a', { type: 'website' }))).toBe(true);
    expect(matches(component('a', { lifecycle: 'experimental' }))).toBe(true);
    expect(matches(component('a', { type: 'library' }))).toBe(false);
    expect(matches(component('a', { type: 'worker' }))).toBe(false);
    expect(matches(component('a', { lifecycle: 'deprecated' }))).toBe(false);
    expect(matches({ ...component('a'), kind: 'API' })).toBe(false);
  });

  it('gives gold to a service on the current golden-path version', () => {
    const result = evaluate(component('cart-service', { system: 'checkout' }), {
      templateRef: tsService,
      isGoldenPath: true,
      templateVersion: '1.2.0',
      currentVersion: '1.2.0',
      drifted: false,
    });
    expect(result).toMatchObject({
      level: 'gold',
      states: {
        'has-owner': 'pass',
        'in-system': 'pass',
        'has-description': 'pass',
        'from-golden-path': 'pass',
        'current-template-version': 'pass',
        'has-techdocs': 'warn',
      },
    });
    expect(result!.score).toBe(85.7);
  });

  it('gives silver to a drifted or backfilled golden-path service', () => {
    const drifted = evaluate(
      component('checkout-api', { system: 'checkout' }),
      {
        templateRef: tsService,
        isGoldenPath: true,
        templateVersion: '1.1.0',
        currentVersion: '1.2.0',
        drifted: true,
      },
    );
    expect(drifted?.level).toBe('silver');
    expect(drifted?.reasons['current-template-version']).toBe(
      'Created from 1.1.0; the golden path is on 1.2.0',
    );
    const backfilled = evaluate(
      component('ledger-service', { system: 'payments' }),
      {
        templateRef: tsService,
        isGoldenPath: true,
        currentVersion: '1.2.0',
        drifted: false,
      },
    );
    expect(backfilled?.level).toBe('silver');
    expect(backfilled?.states['current-template-version']).toBe('unknown');
  });

  it('gives bronze to a hand-made service with owner and system', () => {
    const result = evaluate(
      component('payment-gateway', {
        system: 'payments',
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      }),
    );
    expect(result).toMatchObject({
      level: 'bronze',
      states: {
        'from-golden-path': 'fail',
        'current-template-version': 'not-applicable',
        'has-techdocs': 'pass',
      },
      reasons: { 'from-golden-path': 'Not created from a golden path' },
    });
  });

  it('gives no level to a service without a system, whatever else it has', () => {
    const result = evaluate(
      component('incident-bot', { owner: 'group:default/sre' }),
      {
        templateRef: tsService,
        isGoldenPath: true,
        templateVersion: '1.2.0',
        currentVersion: '1.2.0',
        drifted: false,
      },
    );
    expect(result?.level).toBeUndefined();
    expect(result?.reasons['in-system']).toBe('No partOf relation to a System');
  });

  it('does not crash on an entity with no annotations or relations', () => {
    const bare: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'bare' },
      spec: { type: 'service' },
    };
    const result = evaluate(bare);
    expect(result?.level).toBeUndefined();
    expect(result?.states).toEqual({
      'has-owner': 'fail',
      'in-system': 'fail',
      'has-description': 'fail',
      'from-golden-path': 'fail',
      'current-template-version': 'not-applicable',
      'has-techdocs': 'warn',
    });
  });
});
