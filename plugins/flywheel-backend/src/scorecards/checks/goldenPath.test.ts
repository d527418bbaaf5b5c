import { goldenPathCreatedCheck } from './goldenPathCreated';
import { goldenPathCurrentVersionCheck } from './goldenPathCurrentVersion';
import { testContext } from './__testUtils__/testContext';

const templateRef = 'template:default/typescript-service';

describe('goldenPath.created', () => {
  const check = goldenPathCreatedCheck;

  it('passes for entities from a golden path', () => {
    expect(
      check.evaluate(
        {},
        testContext({
          goldenPath: { templateRef, isGoldenPath: true, drifted: false },
        }),
      ),
    ).toEqual({
      state: 'pass',
      reason: `Created from the golden path ${templateRef}`,
      value: templateRef,
    });
  });

  it('fails for entities without a template or from another template', () => {
    expect(check.evaluate({}, testContext())).toEqual({
      state: 'fail',
      reason: 'Not created from a golden path',
    });
    expect(
      check.evaluate(
        {},
        testContext({
          goldenPath: {
            templateRef: 'template:default/old-thing',
            isGoldenPath: false,
            drifted: false,
          },
        }),
      ).reason,
    ).toBe(
      'Created from template template:default/old-thing, which is not a golden path',
    );
  });

  it('takes no parameters', () => {
    expect(check.params.safeParse({}).success).toBe(true);
    expect(check.params.safeParse({ template: 'x' }).success).toBe(false);
  });
});

describe('goldenPath.currentVersion', () => {
  const check = goldenPathCurrentVersionCheck;
  const gp = (v: {
    templateVersion?: string;
    currentVersion?: string;
    drifted?: boolean;
  }) =>
    testContext({
      goldenPath: {
        templateRef,
        isGoldenPath: true,
        drifted: false,
        ...v,
      },
    });

  it('passes on the current version', () => {
    expect(
      check.evaluate(
        {},
        gp({ templateVersion: '1.2.0', currentVersion: '1.2.0' }),
      ),
    ).toEqual({
      state: 'pass',
      reason: "On 1.2.0, the golden path's current version",
      value: '1.2.0',
    });
  });

  it('fails when drifted', () => {
    expect(
      check.evaluate(
        {},
        gp({
          templateVersion: '1.1.0',
          currentVersion: '1.2.0',
          drifted: true,
        }),
      ),
    ).toEqual({
      state: 'fail',
      reason: 'Created from 1.1.0; the golden path is on 1.2.0',
      value: '1.1.0',
    });
  });

  it('is unknown when a version is unknown', () => {
    const noVersion = check.evaluate({}, gp({ currentVersion: '1.2.0' }));
    expect(noVersion.state).toBe('unknown');
    expect(noVersion.reason).toMatch(/template version .* is unknown/);
    const noCurrent = check.evaluate({}, gp({ templateVersion: '1.0.0' }));
    expect(noCurrent).toMatchObject({ state: 'unknown', value: '1.0.0' });
    expect(noCurrent.reason).toMatch(/current template version is unknown/);
  });

  it('does not apply outside golden paths', () => {
    expect(check.evaluate({}, testContext())).toEqual({
      state: 'not-applicable',
      reason: 'Not created from a golden path',
    });
    expect(
      check.evaluate(
        {},
        testContext({
          goldenPath: { templateRef, isGoldenPath: false, drifted: false },
        }),
      ).state,
    ).toBe('not-applicable');
  });
});
