import { spec } from '../schema/openapi.generated';
import { SpecOperation } from './specOperations';

/**
 * The part of JSON Schema (OpenAPI 3.1) the spec uses, read by the
 * hostile-input suite: to derive what to send, and to judge on its own,
 * without the router's validator, whether the spec allows what was sent.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

export type Parameter = {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
};

/** What an operation of the spec takes, its `$ref`s resolved. */
export type OperationInput = {
  parameters: Parameter[];
  body?: { schema: Schema; required: boolean };
};

type Loose = Record<string, any>;
const document = spec as unknown as Loose;

function resolve<T>(value: T): T {
  let current: any = value;
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (seen.has(ref)) {
      throw new Error(`A $ref cycle at ${ref}`);
    }
    seen.add(ref);
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: any, key) => node?.[key], document);
    if (!current) {
      throw new Error(`Unresolved $ref ${ref}`);
    }
  }
  return current;
}

/** The schema a `$ref` names (siblings of a `$ref` are only annotations here). */
export function deref(schema: Schema): Schema {
  return resolve(schema);
}

export function operationInput(operation: SpecOperation): OperationInput {
  const item = document.paths[operation.path] as Loose;
  const op = item[operation.method] as Loose;
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .map(p => resolve(p) as Loose)
    .map(p => ({
      name: p.name as string,
      in: p.in as 'path' | 'query',
      required: Boolean(p.required),
      schema: p.schema as Schema,
    }));
  const requestBody = op.requestBody && (resolve(op.requestBody) as Loose);
  const json = requestBody?.content?.['application/json']?.schema;
  return {
    parameters,
    body: json
      ? { schema: json as Schema, required: Boolean(requestBody.required) }
      : undefined,
  };
}

/**
 * A JSON value nested `depth` levels deep (`[[[…]]]` or `{"a":{"a":…}}`),
 * sent as text: too deep for JSON.stringify in the test process.
 */
export class DeepJson {
  constructor(readonly depth: number, readonly kind: 'array' | 'object') {}

  /** Its only element, or the value of its only key `a`. */
  child(): unknown {
    return this.depth <= 1 ? 1 : new DeepJson(this.depth - 1, this.kind);
  }

  text(): string {
    return this.kind === 'array'
      ? `${'['.repeat(this.depth)}1${']'.repeat(this.depth)}`
      : `${'{"a":'.repeat(this.depth)}1${'}'.repeat(this.depth)}`;
  }
}

function jsonType(value: unknown): string {
  if (value instanceof DeepJson) {
    return value.kind;
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  return typeof value === 'number' ? 'number' : typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
  const actual = jsonType(value);
  if (type === 'integer') {
    return actual === 'number' && Number.isInteger(value);
  }
  if (type === 'number') {
    return actual === 'number' && Number.isFinite(value as number);
  }
  return actual === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const isLeapYear = (y: number) =>
  y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date, as JSON Schema's `date` format means it. */
export function isRfc3339Date(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    return false;
  }
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month])
  );
}

/** RFC 3339 date-time (section 5.6), leap second included. */
export function isRfc3339DateTime(value: string): boolean {
  const m =
    /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
      value,
    );
  if (!m || !isRfc3339Date(m[1])) {
    return false;
  }
  const [hour, minute, second] = [+m[2], +m[3], +m[4]];
  const offsetOk = !m[7] || (+m[8] <= 23 && +m[9] <= 59);
  return (
    offsetOk &&
    hour <= 23 &&
    minute <= 59 &&
    (second <= 59 || (second === 60 && minute === 59))
  );
}

/** Characters as JSON Schema counts them: code points. */
const lengthOf = (value: string) => [...value].length;

/** Whether `value` is an instance of `schema`, for the keywords the spec uses. */
export function conforms(schema: Schema, value: unknown): boolean {
  const s = deref(schema);
  if (s.allOf && !s.allOf.every(sub => conforms(sub, value))) {
    return false;
  }
  if (s.anyOf && !s.anyOf.some(sub => conforms(sub, value))) {
    return false;
  }
  if (s.oneOf && s.oneOf.filter(sub => conforms(sub, value)).length !== 1) {
    return false;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some(type => typeMatches(type, value))) {
      return false;
    }
  }
  if (s.enum && !s.enum.some(option => deepEqual(option, value))) {
    return false;
  }
  if ('const' in s && !deepEqual(s.const, value)) {
    return false;
  }
  if (typeof value === 'string') {
    return stringConforms(s, value);
  }
  if (typeof value === 'number') {
    return (
      (s.minimum === undefined || value >= s.minimum) &&
      (s.maximum === undefined || value <= s.maximum) &&
      (s.exclusiveMinimum === undefined || value > s.exclusiveMinimum) &&
      (s.exclusiveMaximum === undefined || value < s.exclusiveMaximum)
    );
  }
  if (value instanceof DeepJson) {
    return deepConforms(s, value);
  }
  if (Array.isArray(value)) {
    return (
      (s.minItems === undefined || value.length >= s.minItems) &&
      (s.maxItems === undefined || value.length <= s.maxItems) &&
      (!s.items || value.every(item => conforms(s.items!, item)))
    );
  }
  if (value && typeof value === 'object') {
    return objectConforms(s, value as Record<string, unknown>);
  }
  return true;
}

function stringConforms(s: Schema, value: string): boolean {
  if (s.minLength !== undefined && lengthOf(value) < s.minLength) {
    return false;
  }
  if (s.maxLength !== undefined && lengthOf(value) > s.maxLength) {
    return false;
  }
  if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) {
    return false;
  }
  if (s.format === 'date-time') {
    return isRfc3339DateTime(value);
  }
  if (s.format === 'date') {
    return isRfc3339Date(value);
  }
  return true;
}

function objectConforms(s: Schema, value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  if (s.required?.some(key => !keys.includes(key))) {
    return false;
  }
  if (s.minProperties !== undefined && keys.length < s.minProperties) {
    return false;
  }
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) {
    return false;
  }
  return keys.every(key => {
    // `__proto__` and `constructor` are keys like any other here.
    const declared =
      s.properties && Object.prototype.hasOwnProperty.call(s.properties, key)
        ? s.properties[key]
        : undefined;
    if (declared) {
      return conforms(declared, value[key]);
    }
    if (s.additionalProperties === false) {
      return false;
    }
    return (
      typeof s.additionalProperties !== 'object' ||
      conforms(s.additionalProperties, value[key])
    );
  });
}

/** `[[[…]]]` or `{"a":{"a":…}}` against a schema, one level at a time. */
function deepConforms(s: Schema, value: DeepJson): boolean {
  if (value.kind === 'array') {
    return (
      (s.minItems === undefined || s.minItems <= 1) &&
      (s.maxItems === undefined || s.maxItems >= 1) &&
      (!s.items || conforms(s.items, value.child()))
    );
  }
  return objectConforms(s, { a: value.child() });
}

/**
 * A path or query parameter arrives as text; the router reads a number or
 * a boolean from it. `unclear` for text a reader may or may not take for
 * the number (` 1`, ` ` for 0, `1e3`, `0x10`, `1.0`): the spec does not say.
 */
export type Verdict = 'valid' | 'invalid' | 'unclear';

export function parameterVerdict(
  parameter: Parameter,
  value: string | string[] | undefined,
): Verdict {
  if (value === undefined) {
    return parameter.required ? 'invalid' : 'valid';
  }
  const schema = deref(parameter.schema);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (Array.isArray(value)) {
    return types.includes('array') && conforms(schema, value)
      ? 'valid'
      : 'invalid';
  }
  if (types.includes('integer') || types.includes('number')) {
    const strict = types.includes('integer')
      ? /^-?(0|[1-9][0-9]*)$/
      : /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
    if (strict.test(value)) {
      return conforms(schema, Number(value)) ? 'valid' : 'invalid';
    }
    const number = Number(value);
    if (value === '' || Number.isNaN(number)) {
      return 'invalid';
    }
    if (!conforms(schema, number)) {
      return 'invalid';
    }
    return 'unclear';
  }
  if (types.includes('boolean')) {
    return value === 'true' || value === 'false' ? 'valid' : 'invalid';
  }
  return conforms(schema, value) ? 'valid' : 'invalid';
}
