import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { builtinCheckTypes, checkTypesById } from '../checks';
import { readScorecardsConfig } from './readScorecardsConfig';

const options = {
  checkTypes: checkTypesById(builtinCheckTypes),
  validation: {
    factProviders: new Set(['pagerduty']),
    metrics: new Set(['deploysPerWeek']),
  },
};

function read(scorecards: unknown) {
  return readScorecardsConfig(
    new ConfigReader({ flywheel: { scorecards: scorecards as JsonValue } }),
    options,
  );
}

function errorOf(scorecards: unknown): string {
  try {
    read(scorecards);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const check = (overrides: Record<string, unknown> = {}) => ({
  id: 'has-docs',
  title: 'Has TechDocs',
  type: 'catalog.annotation',
  annotation: 'backstage.io/techdocs-ref',
  ...overrides,
});

const scorecard = (overrides: Record<string, unknown> = {}) => ({
  id: 'production-readiness',
  title: 'Production readiness',
  checks: [check()],
  ...overrides,
});

describe('readScorecardsConfig', () => {
  it('returns nothing when flywheel.scorecards is absent', () => {
    expect(readScorecardsConfig(new ConfigReader({}), options)).toEqual([]);
    expect(
      readScorecardsConfig(new ConfigReader({ flywheel: {} }), options),
    ).toEqual([]);
  });

  it('reads a full scorecard', () => {
    const [result] = read([
      {
        id: 'production-readiness',
        title: 'Production readiness',
        description: 'Ready to take traffic',
        owner: 'platform',
        filter: { kind: 'Component', 'spec.lifecycle': 'production' },
        levels: [
          { id: 'basic', title: 'Basic', description: 'The basics' },
          { id: 'ready', title: 'Ready' },
        ],
        checks: [
          {
            id: 'has-docs',
            title: 'Has TechDocs',
            description: 'Docs in the portal',
            type: 'catalog.annotation',
            annotation: 'backstage.io/techdocs-ref',
            level: 'basic',
            category: 'Documentation',
            weight: 2,
            severity: 'warn',
            howToFix: 'Add `backstage.io/techdocs-ref: dir:.`',
            howToFixUrl: '/docs/default/component/techdocs',
          },
          {
            id: 'in-system',
            title: 'Part of a system',
            type: 'catalog.relation',
            relation: 'partOf',
            targetKind: 'System',
            level: 'ready',
          },
          {
            id: 'on-call',
            title: 'Has on-call',
            type: 'fact',
            provider: 'pagerduty',
            fact: 'serviceId',
            operator: 'exists',
            level: 'ready',
          },
          {
            id: 'deploys',
            title: 'Deploys weekly',
            type: 'metric',
            metric: 'deploysPerWeek',
            operator: '>=',
            threshold: 1,
            level: 'ready',
          },
        ],
      },
    ]);
    expect(result).toEqual({
      id: 'production-readiness',
      title: 'Production readiness',
      description: 'Ready to take traffic',
      owner: 'group:default/platform',
      filter: { kind: 'Component', 'spec.lifecycle': 'production' },
      levels: [
        { id: 'basic', title: 'Basic', description: 'The basics' },
        { id: 'ready', title: 'Ready' },
      ],
      source: 'config',
      checks: [
        {
          id: 'has-docs',
          title: 'Has TechDocs',
          description: 'Docs in the portal',
          type: 'catalog.annotation',
          level: 'basic',
          category: 'Documentation',
          weight: 2,
          severity: 'warn',
          howToFix: 'Add `backstage.io/techdocs-ref: dir:.`',
          howToFixUrl: '/docs/default/component/techdocs',
          params: { annotation: 'backstage.io/techdocs-ref' },
        },
        {
          id: 'in-system',
          title: 'Part of a system',
          type: 'catalog.relation',
          level: 'ready',
          weight: 1,
          severity: 'error',
          params: { relation: 'partOf', targetKind: 'System' },
        },
        {
          id: 'on-call',
          title: 'Has on-call',
          type: 'fact',
          level: 'ready',
          weight: 1,
          severity: 'error',
          params: {
            provider: 'pagerduty',
            fact: 'serviceId',
            operator: 'exists',
          },
        },
        {
          id: 'deploys',
          title: 'Deploys weekly',
          type: 'metric',
          level: 'ready',
          weight: 1,
          severity: 'error',
          params: { metric: 'deploysPerWeek', operator: '>=', threshold: 1 },
        },
      ],
    });
  });

  it('applies defaults', () => {
    const [result] = read([scorecard()]);
    expect(result.filter).toEqual({ kind: 'Component' });
    expect(result.levels.map(l => l.id)).toEqual(['bronze', 'silver', 'gold']);
    expect(result.owner).toBeUndefined();
    expect(result.checks[0]).toEqual({
      id: 'has-docs',
      title: 'Has TechDocs',
      type: 'catalog.annotation',
      level: 'bronze',
      weight: 1,
      severity: 'error',
      params: { annotation: 'backstage.io/techdocs-ref' },
    });
  });

  it('normalises owners', () => {
    expect(read([scorecard({ owner: 'group:ops/sre' })])[0].owner).toBe(
      'group:ops/sre',
    );
    expect(read([scorecard({ owner: 'user:jane' })])[0].owner).toBe(
      'user:default/jane',
    );
  });

  it('names an unknown check type', () => {
    expect(
      errorOf([
        scorecard({
          checks: [
            check({ id: 'a' }),
            check({ id: 'b' }),
            check({ id: 'c', type: 'catalog.anotation' }),
          ],
        }),
      ]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[2].type 'catalog.anotation' is not a check type (known: catalog.annotation, catalog.field, catalog.relation, catalog.filter, goldenPath.created, goldenPath.currentVersion, metric, fact)",
    );
  });

  it('finds duplicate scorecard and check ids', () => {
    expect(errorOf([scorecard({ id: 'x' }), scorecard({ id: 'x' })])).toBe(
      "Invalid scorecard 'x': duplicate scorecard id 'x' (flywheel.scorecards[0] and flywheel.scorecards[1])",
    );
    expect(
      errorOf([
        scorecard({
          id: 'x',
          checks: [check({ id: 'y' }), check({ id: 'y' })],
        }),
      ]),
    ).toBe(
      "Invalid scorecard 'x': duplicate check id 'y' in scorecard 'x' (checks[0] and checks[1])",
    );
  });

  it('finds levels that do not exist', () => {
    expect(
      errorOf([scorecard({ checks: [check({ level: 'platinum' })] })]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[0].level 'platinum' is not one of bronze, silver, gold",
    );
    expect(
      errorOf([
        scorecard({
          levels: [{ id: 'basic', title: 'Basic' }],
          checks: [check({ level: 'gold' })],
        }),
      ]),
    ).toContain("checks[0].level 'gold' is not one of basic");
  });

  it('rejects invalid filters', () => {
    const message = errorOf([
      scorecard({
        filter: { kind: 'Component', 'spec.type': { $regex: 'x' } },
      }),
    ]);
    expect(message).toMatch(
      /^Invalid scorecard 'production-readiness': filter is not a valid filter predicate: /,
    );
    expect(errorOf([scorecard({ filter: 'Component' })])).toContain(
      'filter is not a valid filter predicate',
    );
  });

  it('names unknown fact providers and metrics', () => {
    expect(
      errorOf([
        scorecard({
          checks: [
            check({
              type: 'fact',
              annotation: undefined,
              provider: 'opsgenie',
              fact: 'team',
            }),
          ],
        }),
      ]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[0]: provider 'opsgenie' is not a registered fact provider (registered: pagerduty; backend modules add them through flywheelScorecardsExtensionPoint)",
    );
    expect(
      errorOf([
        scorecard({
          checks: [
            check({
              type: 'metric',
              annotation: undefined,
              metric: 'leadTime',
              operator: '<',
              threshold: 3,
            }),
          ],
        }),
      ]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[0]: metric 'leadTime' is not a known metric (known: deploysPerWeek)",
    );
  });

  it('validates check parameters with the type schema', () => {
    expect(errorOf([scorecard({ checks: [check({ matches: '(' })] })])).toBe(
      "Invalid scorecard 'production-readiness': checks[0].matches: '(' is not a valid regular expression: Invalid regular expression: /(/: Unterminated group (check type catalog.annotation)",
    );
    expect(errorOf([scorecard({ checks: [check({ anotation: 'x' })] })])).toBe(
      "Invalid scorecard 'production-readiness': checks[0] has unknown key 'anotation' (catalog.annotation takes annotation, equals, matches; every check takes id, title, description, type, level, category, weight, severity, howToFix, howToFixUrl)",
    );
    expect(
      errorOf([
        scorecard({
          checks: [{ id: 'a', title: 'A', type: 'catalog.relation' }],
        }),
      ]),
    ).toMatch(/checks\[0\]\.relation: .* \(check type catalog\.relation\)$/);
  });

  it('reads howToFixUrl as an absolute http(s) URL or an app path', () => {
    const urls = [
      'https://wiki.acme.example/oncall/runbooks#new',
      'http://intranet/runbooks',
      '/create',
      '/flywheel/golden-paths',
      '/docs/default/component/checkout?x=1',
    ];
    const [result] = read([
      scorecard({
        checks: urls.map((howToFixUrl, i) =>
          check({ id: `c${i}`, howToFixUrl }),
        ),
      }),
    ]);
    expect(result.checks.map(c => c.howToFixUrl)).toEqual(urls);
    // Without howToFix: the link alone is enough.
    expect(result.checks[0]).not.toHaveProperty('howToFix');
    // Old configurations with a URL in howToFix still load.
    expect(
      read([
        scorecard({
          checks: [check({ howToFix: 'https://wiki.acme.example/oncall' })],
        }),
      ])[0].checks[0],
    ).toMatchObject({ howToFix: 'https://wiki.acme.example/oncall' });
  });

  it('names the scorecard and field of a bad howToFixUrl', () => {
    expect(
      errorOf([
        scorecard({
          checks: [check({ howToFixUrl: 'docs/runbooks' })],
        }),
      ]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[0].howToFixUrl 'docs/runbooks' must be an absolute http(s) URL or a path in the app starting with /, like https://wiki.example.com/runbooks or /create",
    );
    const bad = [
      // eslint-disable-next-line no-script-url
      'javascript:alert(1)',
      'ftp://files.acme.example/runbook',
      '//evil.example/x',
      'https://',
      '/create new',
      'wiki.acme.example/runbooks',
    ];
    const message = errorOf([
      scorecard({
        checks: bad.map((howToFixUrl, i) =>
          check({ id: `c${i}`, howToFixUrl }),
        ),
      }),
    ]);
    expect(message.split('\n')).toEqual([
      `${bad.length} problems in flywheel.scorecards:`,
      ...bad.map(
        (url, i) =>
          `  - Invalid scorecard 'production-readiness': checks[${i}].howToFixUrl '${url}' must be an absolute http(s) URL or a path in the app starting with /, like https://wiki.example.com/runbooks or /create`,
      ),
    ]);
    expect(errorOf([scorecard({ checks: [check({ howToFixUrl: 42 })] })])).toBe(
      "Invalid scorecard 'production-readiness': checks[0].howToFixUrl must be a non-empty string, got number 42",
    );
    expect(
      errorOf([scorecard({ checks: [check({ howToFixUrl: ' ' })] })]),
    ).toBe(
      "Invalid scorecard 'production-readiness': checks[0].howToFixUrl must be a non-empty string, got ' '",
    );
  });

  it('names the scorecard by index when its id is missing, and lists every problem', () => {
    const message = errorOf([
      scorecard(),
      {
        title: 'No id',
        owner: 'group:',
        colour: 'red',
        levels: [{ id: 'Gold', title: 'Gold' }],
        checks: [
          check({ id: 'ok', weight: 0, severity: 'fatal' }),
          { title: 'no id or type' },
        ],
      },
      scorecard({ id: 'Bad Id', checks: [] }),
    ]);
    expect(message.split('\n')).toEqual([
      '10 problems in flywheel.scorecards:',
      '  - Invalid scorecard flywheel.scorecards[1]: id is required',
      "  - Invalid scorecard flywheel.scorecards[1]: unknown key 'colour' (a scorecard has id, title, description, owner, filter, levels, checks)",
      expect.stringMatching(
        /^ {2}- Invalid scorecard flywheel\.scorecards\[1\]: owner 'group:' is not an entity ref/,
      ),
      "  - Invalid scorecard flywheel.scorecards[1]: levels[0].id 'Gold' must be a slug: lowercase letters and digits in dash-separated words, like production-readiness",
      '  - Invalid scorecard flywheel.scorecards[1]: checks[0].weight must be a positive number, got number 0',
      "  - Invalid scorecard flywheel.scorecards[1]: checks[0].severity must be 'error' or 'warn', got 'fatal'",
      '  - Invalid scorecard flywheel.scorecards[1]: checks[1].id is required',
      '  - Invalid scorecard flywheel.scorecards[1]: checks[1].type is required (known: catalog.annotation, catalog.field, catalog.relation, catalog.filter, goldenPath.created, goldenPath.currentVersion, metric, fact)',
      "  - Invalid scorecard flywheel.scorecards[2]: id 'Bad Id' must be a slug: lowercase letters and digits in dash-separated words, like production-readiness",
      '  - Invalid scorecard flywheel.scorecards[2]: checks must be a non-empty list of checks, got an empty list',
    ]);
  });

  it('requires a list', () => {
    expect(errorOf({ id: 'x' })).toBe(
      'Invalid flywheel.scorecards: must be a list of scorecards, got an object',
    );
  });
});
