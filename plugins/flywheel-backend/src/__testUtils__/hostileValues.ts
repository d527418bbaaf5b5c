import fc from 'fast-check';
import { DeepJson, deref, Schema } from './hostileSpec';

/** An object with its own `__proto__` key, as JSON.parse makes it. */
const protoKey = (value: object) =>
  JSON.parse(`{"__proto__":${JSON.stringify(value)}}`);

/**
 * Text an attacker or a careless client sends. Each is valid JSON text; none
 * starts or ends with white space, so a service that trims may still be
 * expected to keep it verbatim.
 */
export const HOSTILE_TEXT: readonly string[] = [
  // SQL injection.
  "' OR 1=1 --",
  "'; DROP TABLE flywheel_surveys; --",
  '" OR ""="',
  "1' UNION SELECT name FROM sqlite_master --",
  "x'); DELETE FROM flywheel_campaigns; --",
  '$1::text',
  '%_\\%',
  // Scripts and markup.
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // eslint-disable-next-line no-script-url -- sent as data, never run
  'javascript:alert(document.cookie)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '=HYPERLINK("http://evil.example","x")',
  // Unicode edge cases.
  'nul\u0000byte',
  'lone\ud800surrogate',
  'low\udc00first',
  'rtl\u202eoverride\u202c',
  'emoji 🧑🏽‍💻🇺🇳',
  'combining e\u0301\u0302\u0303\u0304\u0305\u0306',
  'zero\u200bwidth\ufeffbom',
  'line\u2028separator\u2029paragraph',
  'cr\r\nlf\ttab',
  '\u0007bell\u001bescape\u007f',
  // Property names that mean something to JavaScript.
  '__proto__',
  'constructor',
  'hasOwnProperty',
];

/** Entity refs of odd shapes, for every string that may hold one. */
export const ODD_ENTITY_REFS: readonly string[] = [
  'component:',
  ':default/x',
  'a:b:c/d',
  'component:default/',
  'component:default/x/y',
  `component:default/${'x'.repeat(300)}`,
  'COMPONENT:DEFAULT/CHECKOUT',
  'component:default%2Fcheckout',
  'component:default/check out',
  ' component:default/checkout',
  'component:default/checkout\n',
  'group:default/../../etc/passwd',
  'user:default/mallory\u0000',
  'component:default/chéckout',
  '/',
  ':',
];

/** What a number field may receive as text: none of them a number. */
const NUMBER_LIKE_TEXT = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  '',
  ' ',
  '12abc',
  'null',
  'true',
  '[object Object]',
];

/** Date-times the spec's `date-time` allows, at its edges. */
export const EDGE_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2026-12-31T23:59:60Z',
  '2026-06-30T23:59:60+00:00',
  '2026-12-01T10:00:00+23:59',
  '2026-12-01T10:00:00-23:59',
  '2024-02-29T12:00:00z',
];

/** Date-times it does not. */
export const BAD_DATE_TIMES = [
  'yesterday',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T10:00:00',
  '2026-12-01',
  '2026-12-01T10:00:00+24:00',
  '+275760-09-13T00:00:00Z',
  '1764547200000',
  '2026-12-01 10:00:00Z extra',
];

const typesOf = (schema: Schema): string[] => {
  if (schema.type !== undefined) {
    return Array.isArray(schema.type) ? schema.type : [schema.type];
  }
  if (schema.enum) {
    return [...new Set(schema.enum.map(v => typeof v))];
  }
  return [];
};

/** A value of every JSON type, each in a few shapes. */
const EVERY_TYPE: Record<string, unknown[]> = {
  string: ['text', ''],
  number: [1.5, -1, 0, 1e308, -1e308],
  integer: [42, -1, 0, Number.MAX_SAFE_INTEGER + 2],
  boolean: [true, false],
  null: [null],
  array: [[], [1, 'a', null], [{}]],
  object: [{}, { a: 1 }, protoKey({ polluted: true })],
};

/** Values of JSON types the schema does not take. */
function wrongTypes(schema: Schema): unknown[] {
  const types = typesOf(schema);
  if (types.length === 0) {
    return [];
  }
  const allowsNumber = types.includes('number');
  return Object.entries(EVERY_TYPE)
    .filter(([type]) => !types.includes(type))
    .filter(([type]) => !(type === 'integer' && allowsNumber))
    .flatMap(([type, values]) =>
      // 1.5 and 0 are integers' neighbours; a number field takes them.
      type === 'number' && types.includes('integer')
        ? values.filter(v => !Number.isInteger(v))
        : values,
    );
}

/** `length` code points, each `unit` (one code point). */
const stringOf = (length: number, unit: string) => unit.repeat(length);

function lengthEdges(schema: Schema): fc.Arbitrary<string>[] {
  const edges: fc.Arbitrary<string>[] = [];
  const unit = fc.constantFrom('x', 'é', '🧑', '\u0000', "'");
  if (schema.maxLength !== undefined) {
    const max = schema.maxLength;
    edges.push(
      unit.map(u => stringOf(max, u)),
      unit.map(u => stringOf(max + 1, u)),
      fc.constant('x'.repeat(max * 4 + 10)),
    );
  } else {
    // No limit in the spec: only the body limit stops it.
    edges.push(fc.constantFrom('x'.repeat(5_000), 'ab'.repeat(40_000)));
  }
  if (schema.minLength !== undefined && schema.minLength > 0) {
    edges.push(
      fc.constant('x'.repeat(schema.minLength - 1)),
      fc.constant(' '.repeat(schema.minLength)),
    );
  }
  return edges;
}

function patternNeighbours(schema: Schema): fc.Arbitrary<string>[] {
  if (!schema.pattern) {
    return [];
  }
  return [
    fc.constantFrom(
      'UPPER-case',
      'with space',
      'trailing-newline\n',
      '-leading-dash',
      'dots..and/slashes',
      '../../etc/passwd',
      '%2e%2e%2f',
      'ｆｕｌｌｗｉｄｔｈ',
      'prompts',
      'triggers',
      'a'.repeat(101),
      'a'.repeat(201),
      'ok.id',
      'ok-id',
      'x',
      '*',
    ),
  ];
}

/** The spec's own value next to the ones it refuses: other case, spaces. */
function enumNeighbours(schema: Schema): fc.Arbitrary<unknown>[] {
  const options = (schema.enum ?? []).filter(
    (v): v is string => typeof v === 'string',
  );
  if (options.length === 0) {
    return [];
  }
  return [
    fc.constantFrom(...options),
    fc
      .constantFrom(...options)
      .chain(option =>
        fc.constantFrom(
          option.toUpperCase(),
          ` ${option}`,
          `${option}\u0000`,
          `${option},${option}`,
          `${option}s`,
          '',
        ),
      ),
  ];
}

function numbers(schema: Schema, integer: boolean): fc.Arbitrary<unknown> {
  const edges: unknown[] = [0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308];
  if (schema.minimum !== undefined) {
    edges.push(schema.minimum, schema.minimum - 1, schema.minimum - 0.5);
  }
  if (schema.maximum !== undefined) {
    edges.push(schema.maximum, schema.maximum + 1, schema.maximum + 0.5);
  }
  if (integer) {
    edges.push(1.5, 0.1);
  }
  return fc.oneof(
    fc.constantFrom(...edges),
    integer
      ? fc.integer()
      : fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(...NUMBER_LIKE_TEXT),
  );
}

/**
 * Hostile values for one place of a request, from what the spec says it
 * takes: wrong types, lengths past the limits, injection and script text,
 * Unicode edge cases, odd entity refs, numbers out of range and text that
 * looks like a number, arrays past their bounds, deep nesting.
 */
export function hostileValue(
  schema: Schema,
  item?: unknown,
): fc.Arbitrary<unknown> {
  const s = deref(schema);
  const branches = [...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  if (branches.length > 0) {
    return fc.oneof(
      ...branches.map(branch => hostileValue(branch, item)),
      fc.constantFrom(null, 'text', 42, []),
    );
  }
  const types = typesOf(s);
  const arbitraries: fc.Arbitrary<unknown>[] = [];
  const wrong = wrongTypes(s);
  if (wrong.length > 0) {
    arbitraries.push(fc.constantFrom(...wrong));
  }
  if (types.includes('string') || types.length === 0) {
    arbitraries.push(...strings(s));
  }
  if (types.includes('integer') || types.includes('number')) {
    arbitraries.push(numbers(s, !types.includes('number')));
  }
  if (types.includes('boolean')) {
    arbitraries.push(fc.constantFrom('true', 'false', 1, 0, 'yes'));
  }
  if (types.includes('array')) {
    arbitraries.push(arrays(s, item));
  }
  if (types.includes('object') || types.length === 0) {
    arbitraries.push(objects());
  }
  return fc.oneof(...arbitraries);
}

function strings(s: Schema): fc.Arbitrary<unknown>[] {
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...HOSTILE_TEXT),
    fc.constantFrom(...ODD_ENTITY_REFS),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    ...lengthEdges(s),
    ...patternNeighbours(s),
    ...enumNeighbours(s),
  ];
  if (s.format === 'date-time' || s.format === 'date') {
    arbitraries.push(
      fc.constantFrom(...EDGE_DATE_TIMES),
      fc.constantFrom(...BAD_DATE_TIMES),
    );
  }
  return arbitraries;
}

function arrays(s: Schema, item: unknown): fc.Arbitrary<unknown> {
  const items = s.items ? deref(s.items) : {};
  const element = item === undefined ? hostileValue(items) : fc.constant(item);
  const sizes = [0, 1];
  if (s.minItems !== undefined) {
    sizes.push(s.minItems - 1, s.minItems);
  }
  if (s.maxItems !== undefined) {
    sizes.push(s.maxItems, s.maxItems + 1);
  } else {
    sizes.push(2_000);
  }
  return fc.oneof(
    fc
      .constantFrom(...sizes.filter(n => n >= 0))
      .chain(size => fc.array(element, { minLength: size, maxLength: size })),
    fc.array(hostileValue(items), { minLength: 1, maxLength: 3 }),
    fc.constant(new DeepJson(10_000, 'array')),
  );
}

function objects(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      {},
      protoKey({ isAdmin: true }),
      { constructor: { prototype: { polluted: true } } },
      { toString: 'x', valueOf: 1 },
      Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
      new DeepJson(10_000, 'object'),
      new DeepJson(10_000, 'array'),
    ),
    fc.dictionary(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom<unknown>(...HOSTILE_TEXT, 1, null, true),
      { maxKeys: 4 },
    ),
  );
}
