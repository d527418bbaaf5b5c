import { factCheck as check, FactParams } from './fact';
import { testContext } from './__testUtils__/testContext';

const context = testContext({
  facts: {
    pagerduty: { serviceId: 'P123', escalationLevels: 2, onCall: null },
    sonar: {
      coverage: 81.5,
      languages: ['typescript', 'go'],
      qualityGate: 'passed',
      enabled: false,
      empty: '',
    },
  },
});

function evaluate(p: FactParams) {
  const parsed = check.params.parse(p);
  return check.evaluate(parsed, context);
}

describe('fact', () => {
  it('tests truthiness by default', () => {
    expect(evaluate({ provider: 'pagerduty', fact: 'serviceId' })).toEqual({
      state: 'pass',
      reason: "pagerduty.serviceId is 'P123'",
      value: 'P123',
    });
    expect(evaluate({ provider: 'sonar', fact: 'enabled' })).toEqual({
      state: 'fail',
      reason:
        'sonar.enabled is false, expected a value (not empty, false or 0)',
      value: false,
    });
    expect(evaluate({ provider: 'sonar', fact: 'empty' }).state).toBe('fail');
  });

  it('is unknown when the fact is not known', () => {
    expect(evaluate({ provider: 'pagerduty', fact: 'policy' })).toEqual({
      state: 'unknown',
      reason: 'Fact pagerduty.policy is not known for this entity',
    });
    expect(
      evaluate({ provider: 'opsgenie', fact: 'team', operator: 'exists' })
        .state,
    ).toBe('unknown');
  });

  it('supports exists, equals, notEquals, in and contains', () => {
    expect(
      evaluate({ provider: 'pagerduty', fact: 'serviceId', operator: 'exists' })
        .state,
    ).toBe('pass');
    expect(
      evaluate({ provider: 'pagerduty', fact: 'onCall', operator: 'exists' }),
    ).toMatchObject({
      state: 'fail',
      reason: 'Fact pagerduty.onCall is empty',
    });
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'qualityGate',
        operator: 'equals',
        value: 'passed',
      }).state,
    ).toBe('pass');
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'qualityGate',
        operator: 'notEquals',
        value: 'passed',
      }),
    ).toMatchObject({
      state: 'fail',
      reason: "sonar.qualityGate is 'passed', expected anything but 'passed'",
    });
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'qualityGate',
        operator: 'in',
        value: ['passed', 'warn'],
      }).state,
    ).toBe('pass');
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'languages',
        operator: 'contains',
        value: 'go',
      }),
    ).toEqual({
      state: 'pass',
      reason: "sonar.languages is ['typescript', 'go']",
      value: 'typescript, go',
    });
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'languages',
        operator: 'contains',
        value: 'java',
      }).state,
    ).toBe('fail');
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'languages',
        operator: 'equals',
        value: ['typescript', 'go'],
      }).state,
    ).toBe('pass');
    expect(
      evaluate({
        provider: 'pagerduty',
        fact: 'serviceId',
        operator: 'contains',
        value: 'P1',
      }).state,
    ).toBe('pass');
  });

  it('compares numbers', () => {
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'coverage',
        operator: '>=',
        value: 80,
      }),
    ).toEqual({ state: 'pass', reason: 'sonar.coverage is 81.5', value: 81.5 });
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'coverage',
        operator: '<',
        value: 80,
      }),
    ).toMatchObject({
      state: 'fail',
      reason: 'sonar.coverage is 81.5, expected < 80',
    });
  });

  it('is unknown, not thrown, on a wrong type', () => {
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'qualityGate',
        operator: '>',
        value: 1,
      }),
    ).toEqual({
      state: 'unknown',
      reason:
        "sonar.qualityGate is 'passed', which is a string; operator '>' needs a number",
      value: 'passed',
    });
    expect(
      evaluate({
        provider: 'pagerduty',
        fact: 'escalationLevels',
        operator: 'contains',
        value: 1,
      }).state,
    ).toBe('unknown');
    expect(
      evaluate({
        provider: 'sonar',
        fact: 'languages',
        operator: 'in',
        value: ['go'],
      }).state,
    ).toBe('unknown');
    const throwing = {
      ...context,
      fact: () => {
        throw new Error('provider down');
      },
    };
    expect(
      check.evaluate({ provider: 'sonar', fact: 'coverage' }, throwing),
    ).toEqual({
      state: 'unknown',
      reason: 'Fact sonar.coverage could not be read: provider down',
    });
  });

  it('validates its parameters', () => {
    const bad = (p: unknown) => {
      const r = check.params.safeParse(p);
      return r.success ? undefined : r.error.issues.map(i => i.message);
    };
    expect(bad({ provider: 'p', fact: 'f' })).toBeUndefined();
    expect(bad({ provider: 'p', fact: 'f', operator: 'equals' })).toEqual([
      "is required for operator 'equals'",
    ]);
    expect(
      bad({ provider: 'p', fact: 'f', operator: '<', value: 'x' }),
    ).toEqual(["must be a number for operator '<', got 'x'"]);
    expect(
      bad({ provider: 'p', fact: 'f', operator: 'in', value: 'x' }),
    ).toEqual(["must be a list for operator 'in', got 'x'"]);
    expect(bad({ provider: 'p', fact: 'f', value: 'x' })).toEqual([
      "is not used by operator 'truthy'; remove it",
    ]);
    expect(bad({ provider: 'p', fact: 'f', operator: 'like' })).toBeDefined();
  });

  it('validates the provider', () => {
    const validation = {
      factProviders: new Set(['sonar', 'pagerduty']),
      metrics: new Set<string>(),
    };
    expect(
      check.validate!({ provider: 'sonar', fact: 'coverage' }, validation),
    ).toBeUndefined();
    expect(
      check.validate!({ provider: 'opsgenie', fact: 'team' }, validation),
    ).toBe(
      "provider 'opsgenie' is not a registered fact provider (registered: pagerduty, sonar; backend modules add them through flywheelScorecardsExtensionPoint)",
    );
  });
});
