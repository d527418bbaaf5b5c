import { Entity } from '@backstage/catalog-model';
import { catalogFieldCheck as check } from './catalogField';
import { testContext, testEntity } from './__testUtils__/testContext';

const entity = testEntity({
  metadata: {
    description: 'Takes orders',
    tags: [],
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
  },
  spec: { type: 'service', lifecycle: 'production', replicas: 3 },
});
const context = testContext({ entity });

describe('catalog.field', () => {
  it('checks that a field exists by default', () => {
    expect(check.evaluate({ path: 'metadata.description' }, context)).toEqual({
      state: 'pass',
      reason: "metadata.description is 'Takes orders'",
      value: 'Takes orders',
    });
    expect(check.evaluate({ path: 'spec.system' }, context)).toEqual({
      state: 'fail',
      reason: 'spec.system is not set',
    });
    // empty lists and blank strings are not set
    expect(check.evaluate({ path: 'metadata.tags' }, context).state).toBe(
      'fail',
    );
  });

  it('reads keys with dots, such as annotations', () => {
    expect(
      check.evaluate(
        { path: 'metadata.annotations.backstage.io/techdocs-ref' },
        context,
      ).state,
    ).toBe('pass');
  });

  it('checks that a field does not exist', () => {
    expect(
      check.evaluate({ path: 'spec.system', exists: false }, context).state,
    ).toBe('pass');
    expect(
      check.evaluate({ path: 'spec.type', exists: false }, context),
    ).toMatchObject({
      state: 'fail',
      reason: "spec.type is set ('service') but should not be",
    });
  });

  it('compares with equals, in and matches', () => {
    expect(
      check.evaluate({ path: 'spec.lifecycle', equals: 'production' }, context)
        .state,
    ).toBe('pass');
    expect(
      check.evaluate({ path: 'spec.lifecycle', equals: 'Production' }, context),
    ).toEqual({
      state: 'fail',
      reason: "spec.lifecycle is 'production', expected 'Production'",
      value: 'production',
    });
    expect(
      check.evaluate({ path: 'spec.replicas', equals: 3 }, context).state,
    ).toBe('pass');
    expect(
      check.evaluate(
        { path: 'spec.lifecycle', in: ['experimental', 'production'] },
        context,
      ).state,
    ).toBe('pass');
    expect(
      check.evaluate({ path: 'spec.type', in: ['website', 'library'] }, context)
        .reason,
    ).toBe("spec.type is 'service', expected one of 'website' or 'library'");
    expect(
      check.evaluate(
        { path: 'metadata.description', matches: '^Takes' },
        context,
      ).state,
    ).toBe('pass');
    expect(
      check.evaluate({ path: 'spec.system', equals: 'checkout' }, context),
    ).toEqual({
      state: 'fail',
      reason: "spec.system is not set, expected 'checkout'",
    });
    expect(
      check.evaluate({ path: 'metadata.annotations', equals: 'x' }, context),
    ).toMatchObject({
      state: 'fail',
      reason: "metadata.annotations is an object, expected 'x'",
    });
  });

  it('never throws on odd entities', () => {
    const odd = testContext({ entity: {} as unknown as Entity });
    expect(check.evaluate({ path: 'metadata.description' }, odd).state).toBe(
      'fail',
    );
  });

  it('accepts at most one condition', () => {
    expect(check.params.safeParse({ path: 'spec.type' }).success).toBe(true);
    expect(
      check.params.safeParse({ path: 'spec.type', equals: 'a', in: ['b'] })
        .success,
    ).toBe(false);
    expect(
      check.params.safeParse({ path: 'spec.type', matches: '[' }).success,
    ).toBe(false);
    expect(check.params.safeParse({ path: '' }).success).toBe(false);
  });
});
