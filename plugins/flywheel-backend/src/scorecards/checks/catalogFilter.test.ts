import {
  catalogFilterCheck as check,
  describePredicate,
} from './catalogFilter';
import { testContext, testEntity } from './__testUtils__/testContext';

const context = testContext({
  entity: testEntity({
    metadata: { tags: ['typescript', 'service'] },
    spec: { type: 'service', lifecycle: 'experimental' },
  }),
});

function parse(filter: unknown) {
  const result = check.params.safeParse({ filter });
  if (!result.success) {
    throw new Error(result.error.issues.map(i => i.message).join('; '));
  }
  return result.data;
}

describe('catalog.filter', () => {
  it('passes when the entity matches', () => {
    const outcome = check.evaluate(
      parse({ 'metadata.tags': { $contains: 'TypeScript' } }),
      context,
    );
    expect(outcome).toEqual({
      state: 'pass',
      reason: "Matches metadata.tags a list containing 'TypeScript'",
    });
  });

  it('explains which part does not match', () => {
    expect(
      check.evaluate(
        parse({ 'spec.type': 'service', 'spec.lifecycle': 'production' }),
        context,
      ),
    ).toEqual({
      state: 'fail',
      reason: "spec.lifecycle is 'experimental', expected 'production'",
    });
    expect(
      check.evaluate(
        parse({
          $all: [
            { 'spec.lifecycle': { $in: ['production', 'deprecated'] } },
            { 'spec.system': { $exists: true } },
          ],
        }),
        context,
      ).reason,
    ).toBe(
      "spec.lifecycle is 'experimental', expected one of 'production' or 'deprecated'; spec.system is not set, expected set",
    );
    expect(
      check.evaluate(parse({ $not: { 'spec.type': 'service' } }), context),
    ).toEqual({
      state: 'fail',
      reason: "Does not match not (spec.type 'service')",
    });
  });

  it('never throws on odd entities', () => {
    const odd = testContext({ entity: {} as never });
    expect(
      check.evaluate(parse({ 'metadata.tags': { $contains: 'java' } }), odd)
        .state,
    ).toBe('fail');
  });

  it('rejects invalid filters', () => {
    expect(check.params.safeParse({ filter: 'service' }).success).toBe(false);
    expect(
      check.params.safeParse({ filter: { 'spec.type': { $regex: 'x' } } })
        .success,
    ).toBe(false);
    expect(
      check.params.safeParse({ filter: { $all: [], kind: 'Component' } })
        .success,
    ).toBe(false);
    expect(check.params.safeParse({}).success).toBe(false);
  });

  it('describes predicates', () => {
    expect(
      describePredicate({
        $any: [{ 'spec.type': { $hasPrefix: 'web' } }, { kind: 'API' }],
      }),
    ).toBe("any of (spec.type starting with 'web'; kind 'API')");
  });
});
