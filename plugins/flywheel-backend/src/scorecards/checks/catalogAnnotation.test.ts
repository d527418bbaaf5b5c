import { Entity } from '@backstage/catalog-model';
import { catalogAnnotationCheck as check } from './catalogAnnotation';
import { testContext, testEntity } from './__testUtils__/testContext';

const withAnnotations = (annotations: Record<string, string>) =>
  testContext({ entity: testEntity({ metadata: { annotations } }) });

describe('catalog.annotation', () => {
  it('passes when the annotation is present', () => {
    const outcome = check.evaluate(
      { annotation: 'backstage.io/techdocs-ref' },
      withAnnotations({ 'backstage.io/techdocs-ref': 'dir:.' }),
    );
    expect(outcome).toEqual({
      state: 'pass',
      reason: "Has backstage.io/techdocs-ref annotation ('dir:.')",
      value: 'dir:.',
    });
  });

  it('fails when the annotation is missing, empty, or the entity has no annotations', () => {
    const params = { annotation: 'backstage.io/techdocs-ref' };
    expect(check.evaluate(params, withAnnotations({}))).toEqual({
      state: 'fail',
      reason: 'No backstage.io/techdocs-ref annotation',
    });
    expect(
      check.evaluate(
        params,
        withAnnotations({ 'backstage.io/techdocs-ref': ' ' }),
      ),
    ).toMatchObject({
      state: 'fail',
      reason: 'backstage.io/techdocs-ref annotation is empty',
    });
    expect(check.evaluate(params, testContext()).state).toBe('fail');
    const odd = { kind: 'Component' } as unknown as Entity;
    expect(check.evaluate(params, testContext({ entity: odd })).state).toBe(
      'fail',
    );
  });

  it('compares with equals', () => {
    const params = { annotation: 'backstage.io/x', equals: 'b' };
    expect(
      check.evaluate(params, withAnnotations({ 'backstage.io/x': 'b' })).state,
    ).toBe('pass');
    expect(
      check.evaluate(params, withAnnotations({ 'backstage.io/x': 'a' })),
    ).toEqual({
      state: 'fail',
      reason: "backstage.io/x is 'a', expected 'b'",
      value: 'a',
    });
  });

  it('matches a regular expression', () => {
    const params = { annotation: 'github.com/project-slug', matches: '^acme/' };
    expect(
      check.evaluate(
        params,
        withAnnotations({ 'github.com/project-slug': 'acme/checkout' }),
      ).state,
    ).toBe('pass');
    expect(
      check.evaluate(
        params,
        withAnnotations({ 'github.com/project-slug': 'other/checkout' }),
      ),
    ).toMatchObject({
      state: 'fail',
      reason:
        "github.com/project-slug is 'other/checkout', which does not match the pattern '^acme/'",
    });
  });

  it('validates its parameters', () => {
    expect(check.params.safeParse({ annotation: 'a' }).success).toBe(true);
    expect(check.params.safeParse({}).success).toBe(false);
    const badRegex = check.params.safeParse({ annotation: 'a', matches: '(' });
    expect(badRegex.success).toBe(false);
    expect(badRegex.error?.issues[0].message).toMatch(
      /'\(' is not a valid regular expression/,
    );
    expect(
      check.params.safeParse({ annotation: 'a', equals: 'x', matches: 'y' })
        .success,
    ).toBe(false);
    expect(
      check.params.safeParse({ annotation: 'a', anotation: 'b' }).success,
    ).toBe(false);
  });
});
