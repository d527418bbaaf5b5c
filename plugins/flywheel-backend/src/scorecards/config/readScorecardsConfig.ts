import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { FilterPredicate } from '@backstage/filter-predicates';
import { JsonObject } from '@backstage/types';
import { ScorecardLevel } from '@flywheel/plugin-flywheel-common';
import { z } from 'zod';
import { CheckType } from '../checks/CheckType';
import { filterPredicateSchema } from '../checks/catalogFilter';
import { SLUG_PATTERN } from '../checks/util';
import {
  CheckDefinition,
  ScorecardDefinition,
  ValidationContext,
} from '../definitions';

/** Options of {@link readScorecardsConfig}. */
export interface ReadScorecardsOptions {
  /** The check types scorecards may use, by `type`. */
  checkTypes: Map<string, CheckType>;
  /** What the installation knows: registered fact providers, metrics. */
  validation: ValidationContext;
}

/** The level ladder of a scorecard that does not set `levels`. */
export const DEFAULT_LEVELS: ScorecardLevel[] = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

/** Which entities a scorecard that does not set `filter` applies to. */
export const DEFAULT_FILTER: FilterPredicate = { kind: 'Component' };

const SCORECARD_KEYS = new Set([
  'id',
  'title',
  'description',
  'owner',
  'filter',
  'levels',
  'checks',
]);

/** Keys every check has; all others are parameters of its type. */
export const COMMON_CHECK_KEYS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'description',
  'type',
  'level',
  'category',
  'weight',
  'severity',
  'howToFix',
  'howToFixUrl',
]);

const LEVEL_KEYS = new Set(['id', 'title', 'description']);

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return value.length ? 'a list' : 'an empty list';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return typeof value === 'string'
    ? `'${value}'`
    : `${typeof value} ${String(value)}`;
}

/** The parameter names of a check type, when its schema is an object. */
function paramNames(checkType: CheckType): string[] {
  const shape = (checkType.params as { shape?: unknown }).shape;
  return isObject(shape) ? Object.keys(shape) : [];
}

/** Formats a check type's zod issues as `checks[2].field: message`. */
function paramProblems(
  prefix: string,
  checkType: CheckType,
  error: z.ZodError,
): string[] {
  return error.issues.map(issue => {
    let path = prefix;
    for (const key of issue.path) {
      path += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    }
    if (issue.code === 'unrecognized_keys') {
      const names = paramNames(checkType);
      return `${path} has unknown ${
        issue.keys.length === 1 ? 'key' : 'keys'
      } ${issue.keys.map(k => `'${k}'`).join(', ')} (${checkType.type} takes ${
        names.length ? names.join(', ') : 'no parameters'
      }; every check takes ${[...COMMON_CHECK_KEYS].join(', ')})`;
    }
    return `${path}: ${issue.message} (check type ${checkType.type})`;
  });
}

/**
 * Collects problems for one scorecard; `report` prefixes them with the
 * scorecard's name once it is known.
 */
class Problems {
  readonly lines: string[] = [];
  label: string;

  constructor(index: number) {
    this.label = `flywheel.scorecards[${index}]`;
  }

  add(problem: string) {
    this.lines.push(`Invalid scorecard ${this.label}: ${problem}`);
  }
}

function readString(
  obj: Obj,
  key: string,
  path: string,
  problems: Problems,
  options: { required?: boolean; pattern?: RegExp; patternHint?: string } = {},
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (options.required) {
      problems.add(`${path} is required`);
    }
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(`${path} must be a non-empty string, got ${describe(value)}`);
    return undefined;
  }
  if (options.pattern && !options.pattern.test(value)) {
    problems.add(`${path} '${value}' ${options.patternHint}`);
    return undefined;
  }
  return value;
}

/**
 * Whether a `howToFixUrl` is an absolute http(s) URL or a path in the app
 * (`/create`). Protocol-relative `//host` and other schemes are not.
 */
export function isHowToFixUrl(value: string): boolean {
  if (/\s/.test(value)) {
    return false;
  }
  if (value.startsWith('/')) {
    return !value.startsWith('//') && !value.startsWith('/\\');
  }
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && !!url.host
    );
  } catch {
    return false;
  }
}

const SLUG_HINT =
  'must be a slug: lowercase letters and digits in dash-separated words, like production-readiness';

function readLevels(
  raw: unknown,
  problems: Problems,
): ScorecardLevel[] | undefined {
  if (raw === undefined || raw === null) {
    return DEFAULT_LEVELS;
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(
      `levels must be a non-empty list like [{ id: bronze, title: Bronze }], lowest first`,
    );
    return undefined;
  }
  const levels: ScorecardLevel[] = [];
  const seen = new Set<string>();
  let ok = true;
  raw.forEach((level, i) => {
    const path = `levels[${i}]`;
    if (!isObject(level)) {
      problems.add(`${path} must be an object like { id: gold, title: Gold }`);
      ok = false;
      return;
    }
    for (const key of Object.keys(level)) {
      if (!LEVEL_KEYS.has(key)) {
        problems.add(`${path} has unknown key '${key}'`);
        ok = false;
      }
    }
    const id = readString(level, 'id', `${path}.id`, problems, {
      required: true,
      pattern: SLUG_PATTERN,
      patternHint: SLUG_HINT,
    });
    const title = readString(level, 'title', `${path}.title`, problems, {
      required: true,
    });
    const description = readString(
      level,
      'description',
      `${path}.description`,
      problems,
    );
    if (!id || !title) {
      ok = false;
      return;
    }
    if (seen.has(id)) {
      problems.add(`duplicate level id '${id}' (${path})`);
      ok = false;
      return;
    }
    seen.add(id);
    levels.push({ id, title, ...(description ? { description } : {}) });
  });
  return ok ? levels : undefined;
}

function readCheck(
  raw: unknown,
  index: number,
  levels: ScorecardLevel[] | undefined,
  options: ReadScorecardsOptions,
  problems: Problems,
): CheckDefinition | undefined {
  const path = `checks[${index}]`;
  if (!isObject(raw)) {
    problems.add(
      `${path} must be an object like { id: has-docs, title: Has docs, type: catalog.annotation, annotation: backstage.io/techdocs-ref }`,
    );
    return undefined;
  }
  const before = problems.lines.length;
  const id = readString(raw, 'id', `${path}.id`, problems, {
    required: true,
    pattern: SLUG_PATTERN,
    patternHint: SLUG_HINT,
  });
  const title = readString(raw, 'title', `${path}.title`, problems, {
    required: true,
  });
  const description = readString(
    raw,
    'description',
    `${path}.description`,
    problems,
  );
  const category = readString(raw, 'category', `${path}.category`, problems);
  const howToFix = readString(raw, 'howToFix', `${path}.howToFix`, problems);
  let howToFixUrl = readString(
    raw,
    'howToFixUrl',
    `${path}.howToFixUrl`,
    problems,
  );
  if (howToFixUrl !== undefined && !isHowToFixUrl(howToFixUrl)) {
    problems.add(
      `${path}.howToFixUrl '${howToFixUrl}' must be an absolute http(s) URL or a path in the app starting with /, like https://wiki.example.com/runbooks or /create`,
    );
    howToFixUrl = undefined;
  }

  let weight = 1;
  if (raw.weight !== undefined && raw.weight !== null) {
    if (
      typeof raw.weight !== 'number' ||
      !Number.isFinite(raw.weight) ||
      raw.weight <= 0
    ) {
      problems.add(
        `${path}.weight must be a positive number, got ${describe(raw.weight)}`,
      );
    } else {
      weight = raw.weight;
    }
  }

  let severity: 'error' | 'warn' = 'error';
  if (raw.severity !== undefined && raw.severity !== null) {
    if (raw.severity !== 'error' && raw.severity !== 'warn') {
      problems.add(
        `${path}.severity must be 'error' or 'warn', got ${describe(
          raw.severity,
        )}`,
      );
    } else {
      severity = raw.severity;
    }
  }

  let level = levels?.[0]?.id;
  if (raw.level !== undefined && raw.level !== null) {
    const levelIds = levels?.map(l => l.id);
    if (typeof raw.level !== 'string') {
      problems.add(
        `${path}.level must be a level id, got ${describe(raw.level)}`,
      );
    } else if (levelIds && !levelIds.includes(raw.level)) {
      problems.add(
        `${path}.level '${raw.level}' is not one of ${levelIds.join(', ')}`,
      );
    } else {
      level = raw.level;
    }
  }

  const rawParams: Obj = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!COMMON_CHECK_KEYS.has(key) && value !== undefined) {
      rawParams[key] = value;
    }
  }

  let params: JsonObject | undefined;
  const type = raw.type;
  const checkType =
    typeof type === 'string' ? options.checkTypes.get(type) : undefined;
  if (type === undefined || type === null) {
    problems.add(
      `${path}.type is required (known: ${[...options.checkTypes.keys()].join(
        ', ',
      )})`,
    );
  } else if (!checkType) {
    problems.add(
      `${path}.type ${describe(type)} is not a check type (known: ${[
        ...options.checkTypes.keys(),
      ].join(', ')})`,
    );
  } else {
    const parsed = checkType.params.safeParse(rawParams);
    if (!parsed.success) {
      for (const line of paramProblems(path, checkType, parsed.error)) {
        problems.add(line);
      }
    } else {
      const message = checkType.validate?.(parsed.data, options.validation);
      if (message) {
        problems.add(`${path}: ${message}`);
      } else {
        params = (parsed.data ?? {}) as JsonObject;
      }
    }
  }

  if (
    problems.lines.length > before ||
    !id ||
    !title ||
    !level ||
    !checkType ||
    !params
  ) {
    return undefined;
  }
  return {
    id,
    title,
    ...(description ? { description } : {}),
    type: checkType.type,
    level,
    ...(category ? { category } : {}),
    weight,
    severity,
    ...(howToFix ? { howToFix } : {}),
    ...(howToFixUrl ? { howToFixUrl } : {}),
    params,
  };
}

function readScorecard(
  raw: unknown,
  options: ReadScorecardsOptions,
  source: ScorecardDefinition['source'],
  problems: Problems,
): ScorecardDefinition | undefined {
  if (!isObject(raw)) {
    problems.add(
      `must be an object with id, title and checks, got ${describe(raw)}`,
    );
    return undefined;
  }
  const before = problems.lines.length;
  const id = readString(raw, 'id', 'id', problems, {
    required: true,
    pattern: SLUG_PATTERN,
    patternHint: SLUG_HINT,
  });
  if (id) {
    problems.label = `'${id}'`;
  }
  for (const key of Object.keys(raw)) {
    if (!SCORECARD_KEYS.has(key)) {
      problems.add(
        `unknown key '${key}' (a scorecard has ${[...SCORECARD_KEYS].join(
          ', ',
        )})`,
      );
    }
  }
  const title = readString(raw, 'title', 'title', problems, {
    required: true,
  });
  const description = readString(raw, 'description', 'description', problems);

  let owner: string | undefined;
  const rawOwner = readString(raw, 'owner', 'owner', problems);
  if (rawOwner) {
    try {
      owner = stringifyEntityRef(
        parseEntityRef(rawOwner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      problems.add(
        `owner '${rawOwner}' is not an entity ref like group:default/platform (${
          (e as Error).message
        })`,
      );
    }
  }

  let filter: FilterPredicate = DEFAULT_FILTER;
  if (raw.filter !== undefined && raw.filter !== null) {
    const parsed = filterPredicateSchema.safeParse(raw.filter);
    if (parsed.success) {
      filter = parsed.data;
    } else {
      problems.add(
        `filter is not a valid filter predicate: ${parsed.error.issues
          .map(i => i.message)
          .join('; ')}`,
      );
    }
  }

  const levels = readLevels(raw.levels, problems);

  const checks: CheckDefinition[] = [];
  if (!Array.isArray(raw.checks) || raw.checks.length === 0) {
    problems.add(
      raw.checks === undefined || raw.checks === null
        ? 'checks is required: a non-empty list of checks'
        : `checks must be a non-empty list of checks, got ${describe(
            raw.checks,
          )}`,
    );
  } else {
    const seen = new Map<string, number>();
    raw.checks.forEach((rawCheck, i) => {
      const checkId = isObject(rawCheck) ? rawCheck.id : undefined;
      if (typeof checkId === 'string') {
        const first = seen.get(checkId);
        if (first !== undefined) {
          problems.add(
            `duplicate check id '${checkId}' in scorecard ${problems.label} (checks[${first}] and checks[${i}])`,
          );
        } else {
          seen.set(checkId, i);
        }
      }
      const check = readCheck(rawCheck, i, levels, options, problems);
      if (check) {
        checks.push(check);
      }
    });
  }

  if (problems.lines.length > before || !id || !title || !levels) {
    return undefined;
  }
  return {
    id,
    title,
    ...(description ? { description } : {}),
    ...(owner ? { owner } : {}),
    filter,
    levels,
    checks,
    source,
  };
}

/**
 * Parses and validates a list of scorecards as written in config. Throws one
 * `InputError` listing every problem, one per line, each naming the
 * scorecard and the field.
 */
export function parseScorecards(
  raw: unknown,
  options: ReadScorecardsOptions,
  source: ScorecardDefinition['source'] = 'config',
): ScorecardDefinition[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw new InputError(
      `Invalid flywheel.scorecards: must be a list of scorecards, got ${describe(
        raw,
      )}`,
    );
  }
  const lines: string[] = [];
  const scorecards: ScorecardDefinition[] = [];
  const seen = new Map<string, number>();
  raw.forEach((rawScorecard, i) => {
    const problems = new Problems(i);
    const id = isObject(rawScorecard) ? rawScorecard.id : undefined;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        problems.label = `'${id}'`;
        problems.add(
          `duplicate scorecard id '${id}' (flywheel.scorecards[${first}] and flywheel.scorecards[${i}])`,
        );
      } else {
        seen.set(id, i);
      }
    }
    const scorecard = readScorecard(rawScorecard, options, source, problems);
    lines.push(...problems.lines);
    if (scorecard && problems.lines.length === 0) {
      scorecards.push(scorecard);
    }
  });
  if (lines.length === 1) {
    throw new InputError(lines[0]);
  }
  if (lines.length > 1) {
    throw new InputError(
      `${lines.length} problems in flywheel.scorecards:\n${lines
        .map(l => `  - ${l}`)
        .join('\n')}`,
    );
  }
  return scorecards;
}

/**
 * Reads `flywheel.scorecards`: a list of scorecards, each with its level
 * ladder and checks whose type-specific parameters sit inline next to the
 * common keys. Throws an `InputError` at startup for bad config, naming the
 * scorecard and the field; returns `[]` when the key is absent.
 */
export function readScorecardsConfig(
  config: Config,
  options: ReadScorecardsOptions,
): ScorecardDefinition[] {
  return parseScorecards(config.getOptional('flywheel.scorecards'), options);
}
