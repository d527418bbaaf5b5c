import fc from 'fast-check';
import { BODY_LIMITS } from '../http/createRouter';
import { ExampleRequest } from './exampleRequests';
import {
  conforms,
  DeepJson,
  deref,
  OperationInput,
  Parameter,
  parameterVerdict,
  Schema,
  Verdict,
} from './hostileSpec';
import {
  BAD_DATE_TIMES,
  EDGE_DATE_TIMES,
  HOSTILE_TEXT,
  hostileValue,
  ODD_ENTITY_REFS,
} from './hostileValues';
import { SpecOperation } from './specOperations';

/** What was changed in a valid request to make it hostile. */
export type MutationKind =
  | 'path-value'
  | 'path-malformed'
  | 'query-value'
  | 'query-missing'
  | 'query-repeated'
  | 'query-nested'
  | 'query-unknown'
  | 'body-value'
  | 'body-missing'
  | 'body-extra'
  | 'body-duplicate-key'
  | 'body-not-json'
  | 'body-empty'
  | 'body-content-type'
  | 'body-huge'
  | 'body-deep'
  | 'body-not-object';

export type HostileCase = {
  kind: MutationKind;
  /** Where, and what: for the report of a failure. */
  label: string;
  method: SpecOperation['method'];
  /** Under /api/flywheel, with the query string, encoded. */
  url: string;
  contentType?: string;
  /** The body as sent, or none. */
  body?: string;
  /** Whether the spec allows the request (`unclear`: it does not say). */
  verdict: Verdict;
  /**
   * Hostile text sent where the spec takes text, behind a marker: wherever
   * the marker is stored or answered, the whole text must be there too.
   */
  marked?: { marker: string; text: string };
  toString(): string;
  [fc.toStringMethod](): string;
};

type Query = [name: string, value: string | { raw: string }][];

/** The example request of an operation, taken apart. */
type Base = {
  operation: SpecOperation;
  input: OperationInput;
  pathParams: Record<string, string>;
  query: Query;
  body?: unknown;
};

type Location = {
  pointer: (string | number)[];
  schema: Schema;
  present: boolean;
  required: boolean;
  /** The example's first element, for arrays. */
  item?: unknown;
};

/** A place named for an entity ref: refs are normalised (lower case), not text. */
const isRefPlace = (pointer: (string | number)[]) =>
  pointer.some(key => typeof key === 'string' && /Refs?$/.test(key));

const pointerText = (pointer: (string | number)[]) =>
  pointer.length ? `/${pointer.join('/')}` : '(the body)';

function parseBase(
  operation: SpecOperation,
  input: OperationInput,
  example: ExampleRequest,
  fill: (path: string) => string,
): Base {
  const [pathname, search = ''] = fill(example.path).split('?');
  const template = operation.path.split('/');
  const actual = pathname.split('/');
  if (template.length !== actual.length) {
    throw new Error(
      `${operation.route}: the example path ${pathname} does not fit the spec's`,
    );
  }
  const pathParams: Record<string, string> = {};
  template.forEach((segment, i) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name) {
      pathParams[name] = decodeURIComponent(actual[i]);
    }
  });
  const query: Query = [...new URLSearchParams(search).entries()];
  return { operation, input, pathParams, query, body: example.body };
}

function urlOf(
  base: Base,
  pathParams: Record<string, string | { raw: string }>,
  query: Query,
): string {
  const path = base.operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const value = pathParams[name];
    return typeof value === 'string' ? encodeURIComponent(value) : value.raw;
  });
  const search = query
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name)}=${
          typeof value === 'string' ? encodeURIComponent(value) : value.raw
        }`,
    )
    .join('&');
  return `/api/flywheel${path}${search ? `?${search}` : ''}`;
}

/** The body limit of the route, in bytes (express's 100 kB unless larger). */
function bodyLimit(path: string): number {
  const limit = BODY_LIMITS[path];
  const m = limit ? /^(\d+)(kb|mb)$/.exec(limit) : undefined;
  if (!m) {
    return 100 * 1024;
  }
  return Number(m[1]) * (m[2] === 'mb' ? 1024 * 1024 : 1024);
}

/** JSON text of a value that may hold DeepJson, which is spliced in as text. */
export function jsonText(value: unknown): string {
  const deep: DeepJson[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof DeepJson) {
      deep.push(v);
      return `\u0001deep${deep.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001deep(\d+)\\u0001"/g, (_, i) =>
    deep[Number(i)].text(),
  );
}

function setAt(root: unknown, pointer: (string | number)[], value: unknown) {
  if (pointer.length === 0) {
    return value;
  }
  const copy = structuredClone(root) as any;
  let node = copy;
  for (const key of pointer.slice(0, -1)) {
    node = node[key];
  }
  const last = pointer[pointer.length - 1];
  if (value === undefined && Array.isArray(node)) {
    node.splice(Number(last), 1);
  } else if (value === undefined) {
    delete node[last];
  } else {
    // Own property, even for `__proto__`.
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Every place of a body the spec describes, down the example's values. */
function locations(schema: Schema, example: unknown): Location[] {
  const found: Location[] = [];
  const walk = (
    sub: Schema,
    value: unknown,
    pointer: (string | number)[],
  ): void => {
    let s = deref(sub);
    const branches = [...(s.oneOf ?? []), ...(s.anyOf ?? [])];
    if (branches.length > 0) {
      const branch = branches.find(b => conforms(b, value));
      if (!branch) {
        return;
      }
      s = deref(branch);
    }
    if (Array.isArray(value) && s.items && value.length > 0) {
      found.push({
        pointer: [...pointer, 0],
        schema: s.items,
        present: true,
        required: true,
      });
      walk(s.items, value[0], [...pointer, 0]);
      return;
    }
    if (value && typeof value === 'object' && s.properties) {
      for (const [name, property] of Object.entries(s.properties)) {
        const present = name in (value as object);
        const child = present ? (value as any)[name] : undefined;
        found.push({
          pointer: [...pointer, name],
          schema: property,
          present,
          required: Boolean(s.required?.includes(name)),
          item: Array.isArray(child) ? child[0] : undefined,
        });
        if (present) {
          walk(property, child, [...pointer, name]);
        }
      }
    }
  };
  found.push({ pointer: [], schema, present: true, required: true });
  walk(schema, example, []);
  return found;
}

/** Text for a path or query parameter, from what the spec says it takes. */
function parameterText(parameter: Parameter): fc.Arbitrary<string> {
  const schema = deref(parameter.schema);
  return hostileValue(schema).map(value => {
    if (typeof value === 'string') {
      return value;
    }
    if (value instanceof DeepJson) {
      return value.text().slice(0, 2_000);
    }
    return typeof value === 'number' ? String(value) : JSON.stringify(value);
  });
}

function makeCase(
  base: Base,
  fields: Omit<HostileCase, 'method' | 'toString' | typeof fc.toStringMethod>,
): HostileCase {
  const { method, route } = base.operation;
  const text = () =>
    `${route} ← ${fields.kind} ${fields.label} (${fields.verdict})`;
  return {
    method,
    ...fields,
    toString: text,
    [fc.toStringMethod]: text,
  };
}

/** A request with the example's path and query, and this body. */
function bodyCase(
  base: Base,
  kind: MutationKind,
  label: string,
  body: unknown,
  marked?: HostileCase['marked'],
): HostileCase {
  const text = jsonText(body);
  const limit = bodyLimit(base.operation.path);
  let verdict: Verdict = conforms(base.input.body!.schema, body)
    ? 'valid'
    : 'invalid';
  if (Buffer.byteLength(text) > limit) {
    verdict = 'invalid';
  }
  return makeCase(base, {
    kind,
    label,
    url: urlOf(base, base.pathParams, base.query),
    contentType: 'application/json',
    body: text,
    verdict,
    marked,
  });
}

/** The rest of a request as the example has it: path, query, body. */
function withParams(
  base: Base,
  kind: MutationKind,
  label: string,
  pathParams: Record<string, string | { raw: string }>,
  query: Query,
  verdict: Verdict,
): HostileCase {
  return makeCase(base, {
    kind,
    label,
    url: urlOf(base, pathParams, query),
    contentType: base.body === undefined ? undefined : 'application/json',
    body: base.body === undefined ? undefined : jsonText(base.body),
    verdict,
  });
}

/** The verdict on a whole set of parameters, the body being the example's. */
function parametersVerdict(
  base: Base,
  pathParams: Record<string, string | { raw: string }>,
  query: Query,
): Verdict {
  const verdicts: Verdict[] = [];
  for (const parameter of base.input.parameters) {
    if (parameter.in === 'path') {
      const value = pathParams[parameter.name];
      verdicts.push(
        typeof value === 'string'
          ? parameterVerdict(parameter, value)
          : 'invalid',
      );
    } else {
      const values = query.filter(([name]) => name === parameter.name);
      const raw = values.map(([, v]) => (typeof v === 'string' ? v : v.raw));
      // Given twice, express reads an array.
      const value = raw.length > 1 ? raw : raw[0];
      verdicts.push(parameterVerdict(parameter, value));
    }
  }
  const known = new Set(base.input.parameters.map(p => p.name));
  if (query.some(([name]) => !known.has(name))) {
    // The spec does not forbid other query parameters; the router does.
    verdicts.push('unclear');
  }
  if (verdicts.includes('invalid')) {
    return 'invalid';
  }
  return verdicts.includes('unclear') ? 'unclear' : 'valid';
}

export type HostileCases = {
  /** Sent every run: each structural mutation at each place it applies. */
  examples: HostileCase[];
  /** Values at every place of the request, drawn at random. */
  arbitrary: fc.Arbitrary<HostileCase>;
  /** How many places of the request the cases reach. */
  places: number;
};

/**
 * The hostile requests for one operation, derived from its spec: its path
 * and query parameters and every place of its body, and the body as a whole
 * (not JSON, another content type, over the size limit, nested 10,000 deep).
 */
export function hostileCases(
  operation: SpecOperation,
  input: OperationInput,
  example: ExampleRequest,
  fill: (path: string) => string,
): HostileCases {
  const base = parseBase(operation, input, example, fill);
  const examples: HostileCase[] = [];
  const arbitraries: fc.Arbitrary<HostileCase>[] = [];
  let places = 0;

  for (const parameter of input.parameters) {
    places++;
    const { name } = parameter;
    if (parameter.in === 'path') {
      const malformed = { ...base.pathParams, [name]: { raw: '%E0%A4%A' } };
      examples.push(
        withParams(
          base,
          'path-malformed',
          `${name}=%E0%A4%A`,
          malformed,
          base.query,
          'invalid',
        ),
      );
      arbitraries.push(
        parameterText(parameter)
          // An empty segment, `.` or `..` names another route.
          .filter(v => v !== '' && v !== '.' && v !== '..')
          .map(value => {
            const params = { ...base.pathParams, [name]: value };
            return withParams(
              base,
              'path-value',
              `${name}=${JSON.stringify(value).slice(0, 120)}`,
              params,
              base.query,
              parametersVerdict(base, params, base.query),
            );
          }),
      );
      continue;
    }
    const others = base.query.filter(([n]) => n !== name);
    const present = base.query.find(([n]) => n === name)?.[1] ?? 'x';
    const structural: [MutationKind, string, Query][] = [
      ['query-missing', `without ${name}`, others],
      [
        'query-repeated',
        `${name} twice`,
        [...others, [name, present], [name, present]],
      ],
      ['query-nested', `${name}[a]=x`, [...others, [`${name}[a]`, 'x']]],
      ['query-nested', `${name}[]=x`, [...others, [`${name}[]`, 'x']]],
      ['query-value', `${name}=(empty)`, [...others, [name, '']]],
      [
        'query-value',
        `${name}=%E0%A4%A`,
        [...others, [name, { raw: '%E0%A4%A' }]],
      ],
    ];
    for (const [kind, label, query] of structural) {
      const nested = kind === 'query-nested';
      examples.push(
        withParams(
          base,
          kind,
          label,
          base.pathParams,
          query,
          // qs reads `a[b]=x` as an object, which no parameter here takes.
          nested ? 'invalid' : parametersVerdict(base, base.pathParams, query),
        ),
      );
    }
    arbitraries.push(
      parameterText(parameter).map(value => {
        const query: Query = [...others, [name, value]];
        return withParams(
          base,
          'query-value',
          `${name}=${JSON.stringify(value).slice(0, 120)}`,
          base.pathParams,
          query,
          parametersVerdict(base, base.pathParams, query),
        );
      }),
    );
  }
  // Parameters the spec does not name; the only random part of a route
  // that has no parameters and no body.
  arbitraries.push(
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('evil', '__proto__', 'constructor', 'a[b]', '$where'),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
        ),
        fc.oneof(
          fc.constantFrom(...HOSTILE_TEXT),
          fc.string({ unit: 'binary', maxLength: 12 }),
        ),
      )
      .filter(([name]) => !input.parameters.some(p => p.name === name))
      .map(([name, value]) =>
        withParams(
          base,
          'query-unknown',
          `${JSON.stringify(name)}=${JSON.stringify(value)}`,
          base.pathParams,
          [...base.query, [name, value]],
          'unclear',
        ),
      ),
  );
  for (const parameter of input.parameters.filter(
    p => p.in === 'query' && /ref/i.test(p.name),
  )) {
    const others = base.query.filter(([n]) => n !== parameter.name);
    for (const ref of ODD_ENTITY_REFS) {
      const query: Query = [...others, [parameter.name, ref]];
      examples.push(
        withParams(
          base,
          'query-value',
          `${parameter.name}=${JSON.stringify(ref).slice(0, 80)}`,
          base.pathParams,
          query,
          parametersVerdict(base, base.pathParams, query),
        ),
      );
    }
  }

  if (input.body) {
    const body = base.body ?? {};
    const schema = input.body.schema;
    const spots = locations(schema, body);
    places += spots.length;
    for (const spot of spots) {
      const where = pointerText(spot.pointer);
      if (spot.present && spot.pointer.length > 0) {
        examples.push(
          bodyCase(
            base,
            'body-missing',
            `without ${where}`,
            setAt(body, spot.pointer, undefined),
          ),
        );
      }
      const target = spot.present ? getAt(body, spot.pointer) : undefined;
      if (spot.pointer.length > 0 && takesStructure(spot.schema)) {
        examples.push(
          bodyCase(
            base,
            'body-deep',
            `${where} nested 10,000 deep`,
            setAt(body, spot.pointer, new DeepJson(10_000, 'object')),
          ),
        );
      }
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        for (const [key, value] of [
          ['unexpected', 'x'],
          ['__proto__', { isAdmin: true }],
          ['constructor', { prototype: { polluted: true } }],
          // Where the spec lets other properties in, anything may come.
          ['deep', new DeepJson(10_000, 'array')],
        ] as const) {
          examples.push(
            bodyCase(
              base,
              'body-extra',
              `${where} + ${key}`,
              setAt(body, [...spot.pointer, key], value),
            ),
          );
        }
      }
      arbitraries.push(
        fc
          .tuple(
            hostileValue(spot.schema, spot.item),
            fc.integer({ min: 10_000, max: 99_999 }),
          )
          .map(([value, n]) => {
            let sent = value;
            let marked: HostileCase['marked'];
            if (
              typeof value === 'string' &&
              HOSTILE_TEXT.includes(value) &&
              !isRefPlace(spot.pointer)
            ) {
              const marker = `hx${n}_`;
              sent = `${marker}${value}`;
              marked = { marker, text: sent as string };
            }
            return bodyCase(
              base,
              'body-value',
              `${where}=${describeValue(sent)}`,
              setAt(body, spot.pointer, sent),
              marked,
            );
          }),
      );
    }
    examples.push(...everywhereCases(base, body, spots));
    examples.push(...wholeBodyCases(base, body, spots));
  }
  return {
    examples,
    arbitrary: fc.oneof(...arbitraries),
    places,
  };
}

function getAt(root: unknown, pointer: (string | number)[]): unknown {
  return pointer.reduce((node: any, key) => node?.[key], root);
}

function describeValue(value: unknown): string {
  if (value instanceof DeepJson) {
    return `${value.kind} nested ${value.depth} deep`;
  }
  if (typeof value === 'string' && value.length > 120) {
    return `${JSON.stringify(value.slice(0, 20))}… (${
      value.length
    } characters)`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160
    ? `${text.slice(0, 160)}… (${text.length} characters of JSON)`
    : text;
}

/** Places that take an object or an array (or anything): where depth may go. */
function takesStructure(schema: Schema): boolean {
  const s = deref(schema);
  if (s.oneOf || s.anyOf) {
    return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some(takesStructure);
  }
  const types = s.type === undefined ? [] : [s.type].flat();
  return (
    types.length === 0 || types.includes('object') || types.includes('array')
  );
}

/** Places of the body that hold free text: a string with no pattern, format or enum. */
function isText(schema: Schema): boolean {
  const s = deref(schema);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return (
    types.includes('string') && !s.pattern && !s.format && !s.enum && !s.oneOf
  );
}

/** The texts most likely to break storage: NUL, a lone surrogate, quotes, markup. */
const STORAGE_BREAKERS = [
  'nul\u0000byte',
  'lone\ud800surrogate',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
].filter(text => HOSTILE_TEXT.includes(text));

/**
 * Each hostile text in every text field of the body at once, where the
 * spec lets it fit, behind one marker: what the spec allows must be stored
 * and answered verbatim, or refused. The texts most likely to break
 * storage in each text field alone; odd refs in each field named for refs;
 * date-times at and past the edges of their format.
 */
function everywhereCases(
  base: Base,
  body: unknown,
  spots: Location[],
): HostileCase[] {
  const cases: HostileCase[] = [];
  const textSpots = spots.filter(
    spot =>
      spot.present &&
      spot.pointer.length > 0 &&
      isText(spot.schema) &&
      !isRefPlace(spot.pointer),
  );
  HOSTILE_TEXT.forEach((text, i) => {
    const marker = `hx${i}e_`;
    const sent = `${marker}${text}`;
    const fits = textSpots.filter(spot => conforms(spot.schema, sent));
    if (fits.length === 0) {
      return;
    }
    const mutated = fits.reduce(
      (b, spot) => setAt(b, spot.pointer, sent),
      body,
    );
    cases.push(
      bodyCase(
        base,
        'body-value',
        `every text field=${JSON.stringify(sent)}`,
        mutated,
        {
          marker,
          text: sent,
        },
      ),
    );
  });
  // The texts most likely to break storage, one field at a time: a service
  // that refuses one field's value would hide what another does with it.
  for (const spot of textSpots) {
    for (const text of STORAGE_BREAKERS) {
      const marker = `hx${HOSTILE_TEXT.indexOf(text)}f_`;
      const sent = `${marker}${text}`;
      cases.push(
        bodyCase(
          base,
          'body-value',
          `${pointerText(spot.pointer)}=${JSON.stringify(sent)}`,
          setAt(body, spot.pointer, sent),
          { marker, text: sent },
        ),
      );
    }
  }
  const refSpots = spots.filter(
    spot => spot.present && isText(spot.schema) && isRefPlace(spot.pointer),
  );
  for (const spot of refSpots) {
    for (const ref of [...ODD_ENTITY_REFS, ...STORAGE_BREAKERS]) {
      cases.push(
        bodyCase(
          base,
          'body-value',
          `${pointerText(spot.pointer)}=${JSON.stringify(ref).slice(0, 80)}`,
          setAt(body, spot.pointer, ref),
        ),
      );
    }
  }
  // Date-times at the edges of the spec's format, and just past them.
  const dateSpots = spots.filter(spot => {
    const s = deref(spot.schema);
    return s.format === 'date-time' || s.format === 'date';
  });
  for (const spot of dateSpots) {
    for (const value of [...EDGE_DATE_TIMES, ...BAD_DATE_TIMES]) {
      cases.push(
        bodyCase(
          base,
          'body-value',
          `${pointerText(spot.pointer)}=${value}`,
          setAt(body, spot.pointer, value),
        ),
      );
    }
  }
  return cases;
}

function wholeBodyCases(
  base: Base,
  body: unknown,
  spots: Location[],
): HostileCase[] {
  const { schema, required } = base.input.body!;
  const cases: HostileCase[] = [];
  const raw = (
    kind: MutationKind,
    label: string,
    text: string | undefined,
    contentType: string | undefined,
    verdict: Verdict,
  ) =>
    cases.push(
      makeCase(base, {
        kind,
        label,
        url: urlOf(base, base.pathParams, base.query),
        contentType,
        body: text,
        verdict,
      }),
    );
  const example = jsonText(body);
  for (const text of [
    example.slice(0, Math.max(1, example.length - 2)),
    "{'single': 'quotes'}",
    '{"a":1,}',
    'NaN',
    '\u0000',
    `${example}garbage`,
    '{"a":"\\ud800\\u"}',
  ]) {
    raw(
      'body-not-json',
      JSON.stringify(text.slice(0, 40)),
      text,
      'application/json',
      'invalid',
    );
  }
  // No body: the router reads it as {}, which the spec does not say.
  let empty: Verdict = 'valid';
  if (required) {
    empty = conforms(schema, {}) ? 'unclear' : 'invalid';
  }
  raw('body-empty', 'no body', undefined, undefined, empty);
  raw('body-empty', 'empty JSON body', '', 'application/json', empty);
  for (const [contentType, text] of [
    ['text/plain', example],
    ['application/x-www-form-urlencoded', 'title=x&anonymous=true'],
    [
      'application/xml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
    ['multipart/form-data', example],
    ['application/json; charset=utf-16', example],
    ['application/json-patch+json', example],
  ]) {
    raw('body-content-type', contentType, text, contentType, 'invalid');
  }
  for (const value of [[], [body], 'text', 42, null, true]) {
    raw(
      'body-not-object',
      JSON.stringify(value).slice(0, 40),
      JSON.stringify(value),
      'application/json',
      conforms(schema, value) ? 'valid' : 'invalid',
    );
  }
  raw(
    'body-deep',
    'the body nested 10,000 deep',
    new DeepJson(10_000, 'object').text(),
    'application/json',
    'invalid',
  );
  raw(
    'body-deep',
    'the body an array nested 10,000 deep',
    new DeepJson(10_000, 'array').text(),
    'application/json',
    'invalid',
  );

  // 1 MB: in the first text field of the example, else beside it.
  const textSpot = spots.find(
    spot => spot.present && typeof getAt(body, spot.pointer) === 'string',
  );
  const huge = 'A'.repeat(1_000_000);
  cases.push(
    bodyCase(
      base,
      'body-huge',
      `1 MB in ${textSpot ? pointerText(textSpot.pointer) : '/huge'}`,
      setAt(body, textSpot ? textSpot.pointer : ['huge'], huge),
    ),
  );
  cases.push(
    bodyCase(base, 'body-huge', '20,000 extra properties', {
      ...(body as object),
      ...Object.fromEntries(
        Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]),
      ),
    }),
  );

  // The same key twice: JSON.parse keeps the last.
  const first = Object.keys(body as object)[0];
  if (first) {
    const text = `{${JSON.stringify(first)}:42,${example.slice(1)}`;
    const parsed = JSON.parse(text);
    raw(
      'body-duplicate-key',
      `${first} twice`,
      text,
      'application/json',
      conforms(schema, parsed) ? 'valid' : 'invalid',
    );
    const last = `${example.slice(0, -1)}${
      example.length > 2 ? ',' : ''
    }${JSON.stringify(first)}:42}`;
    raw(
      'body-duplicate-key',
      `${first} twice, the last wrong`,
      last,
      'application/json',
      conforms(schema, JSON.parse(last)) ? 'valid' : 'invalid',
    );
  }
  return cases;
}
