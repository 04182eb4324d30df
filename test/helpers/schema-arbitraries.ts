// fast-check arbitraries from the JSON Schemas the routes publish (their OpenAPI document): values
// that the schema accepts, and values that break it in exactly one place, with the field that a
// 400 must name for it. The subset of JSON Schema that TypeBox writes for Cordon's routes: type,
// enum, const, format, pattern, lengths, ranges, items, properties, required,
// additionalProperties, anyOf.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
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
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  anyOf?: Schema[];
}

/** A value that breaks the schema at one place, and the field that place is called. */
export interface Broken {
  value: unknown;
  field: string;
  how: string;
}

export type Validator = (value: unknown) => boolean;

/** Ajv as the server sets it up for the part: bodies as sent, query strings coerced from text, defaults filled in. */
export function validator(schema: Schema, part: 'body' | 'querystring'): Validator {
  const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: true, coerceTypes: part === 'querystring' ? 'array' : false });
  addFormats.default(ajv);
  const validate: ValidateFunction = ajv.compile(schema);
  // Coercion changes the value in place: validate a copy.
  return (value) => validate(structuredClone(value));
}

const typesOf = (schema: Schema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Text of any Unicode code point (scripts, emoji, controls, right-to-left marks), as the limits count it. */
function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const constraints = { minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) };
  // Without NUL, which the server refuses before any schema (test/integration/nul.test.ts).
  return fc.oneof(fc.string({ unit: 'binary', ...constraints }), fc.string({ unit: 'grapheme', ...constraints })).map((s) => s.replaceAll('\0', ' '));
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1000;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true })
      .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', '+07:00'), `${d.toISOString().slice(0, 19)}Z`));
  }
  if (schema.format === 'date') {
    return fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return text(min, max);
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -MAX_SAFE);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : MAX_SAFE);
  if (integer) {
    const edges = [low, high, 0, 1, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 63 - 1].filter((n) => Number.isSafeInteger(n) && n >= low && n <= high);
    return fc.oneof(fc.integer({ min: Math.max(low, -MAX_SAFE), max: Math.min(high, MAX_SAFE) }), fc.constantFrom(...edges));
  }
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values the schema accepts (most of the time: formats and patterns are checked again by `valid`
 * callers through `validator`).
 * @example fc.sample(accepted({ type: 'integer', minimum: 1 }), 3)
 */
export function accepted(schema: Schema): fc.Arbitrary<unknown> {
  // Built once per schema: breaking a value builds its items' arbitraries again for every case.
  const known = built.get(schema);
  if (known) return known;
  const arbitrary = build(schema);
  built.set(schema, arbitrary);
  return arbitrary;
}

const built = new WeakMap<Schema, fc.Arbitrary<unknown>>();

function build(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(accepted));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => accepted({ ...schema, type })));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = accepted(schema.items ?? {});
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, accepted(sub)]));
      const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      const min = schema.minProperties ?? 0;
      return min > 0 ? record.filter((value) => Object.keys(value).length >= min) : record;
    }
    default:
      return fc.jsonValue();
  }
}

/** JSON values of every type but the ones the schema allows. */
function wrongTypes(schema: Schema): unknown[] {
  const types = typesOf(schema);
  const samples: [string, unknown][] = [
    ['string', 'text'],
    ['integer', 7],
    ['number', 7.5],
    ['boolean', true],
    ['null', null],
    ['array', []],
    ['object', {}],
  ];
  return samples
    .filter(([type, value]) => !types.includes(type) && !(type === 'integer' && types.includes('number')) && !(types.includes('integer') && type === 'number' && !Number.isInteger(value)))
    .map(([, value]) => value)
    .concat(types.includes('integer') ? [1.5] : []);
}

/** Strings a pattern refuses, for the place it is on. */
const NOT_MATCHING = ['', ' ', 'x', 'x y', 'ZZ-bad', '9999-99-99', 'тест', '١٢٣', '\u202eabc', 'a\nb', '00000000-0000-0000-0000-00000000000G'];

/** Every way to break the value at this place alone (not within anyOf, whose errors name the union). */
function breakings(schema: Schema, path: string[]): fc.Arbitrary<{ value: unknown; how: string; field: string[] }>[] {
  const here = path;
  const out: fc.Arbitrary<{ value: unknown; how: string; field: string[] }>[] = [];
  const at = (how: string, values: unknown[]) => {
    if (values.length > 0) out.push(fc.constantFrom(...values).map((value) => ({ value, how, field: here })));
  };
  if (schema.anyOf) return out;
  if (typesOf(schema).length > 0) at('type', wrongTypes(schema));
  if (schema.enum) at('enum', ['not-one-of-them', 'OPEN', ' open'].filter((v) => !schema.enum!.includes(v) && typesOf(schema).includes('string')));
  if (typesOf(schema).includes('string') && !schema.enum) {
    if (schema.maxLength !== undefined) at('maxLength', ['x'.repeat(schema.maxLength + 1), '字'.repeat(schema.maxLength + 1)]);
    if ((schema.minLength ?? 0) > 0) at('minLength', ['']);
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      at('pattern', NOT_MATCHING.filter((s) => !pattern.test(s)));
    } else if (schema.format === 'uuid') at('format', ['not-a-uuid', '12345678-1234-1234-1234-1234567890']);
    else if (schema.format === 'date-time') at('format', ['yesterday', '2023-13-01T00:00:00Z', '2023-02-30T10:00:00Z']);
    else if (schema.format === 'date') at('format', ['2023-02-30', '20231016']);
    else if (schema.format === 'email') at('format', ['not an address', '@example.org']);
  }
  if (typesOf(schema).some((t) => t === 'integer' || t === 'number')) {
    if (schema.minimum !== undefined) at('minimum', [schema.minimum - 1]);
    if (schema.maximum !== undefined) at('maximum', [schema.maximum + 1]);
    if (schema.exclusiveMinimum !== undefined) at('exclusiveMinimum', [schema.exclusiveMinimum]);
    if (schema.exclusiveMaximum !== undefined) at('exclusiveMaximum', [schema.exclusiveMaximum]);
  }
  if (typesOf(schema).includes('array') && schema.items) {
    const items = schema.items;
    if (schema.maxItems !== undefined && schema.maxItems < 2000) {
      const max = schema.maxItems;
      out.push(
        accepted(items).map((item) => ({ value: Array.from({ length: max + 1 }, () => structuredClone(item)), how: 'maxItems', field: here })),
      );
    }
    if ((schema.minItems ?? 0) > 0) at('minItems', [[]]);
    if (schema.uniqueItems && (schema.maxItems ?? 2) >= 2) {
      out.push(accepted(items).map((item) => ({ value: [item, structuredClone(item)], how: 'uniqueItems', field: here })));
    }
  }
  return out;
}

/** The places of a value: each one with its schema, to break one of them. */
function places(schema: Schema, value: unknown, path: string[] = []): { schema: Schema; path: string[]; value: unknown }[] {
  const found = [{ schema, path, value }];
  if (schema.anyOf) return found;
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) found.push(...places(schema.items, item, [...path, String(i)]));
  } else if (value && typeof value === 'object' && schema.properties) {
    for (const [key, item] of Object.entries(value)) {
      const sub = schema.properties[key];
      if (sub) found.push(...places(sub, item, [...path, key]));
    }
  }
  return found;
}

function setAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

const UNKNOWN_KEY = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,15}$/);

/**
 * Values the schema accepts but for one place, with the field a 400 must name: a wrong type, a
 * value off the list, too long, too short, off the pattern or the format, out of range, too many
 * items, a repeated item, a required property missing, a property the schema does not have.
 * `valid` is the schema's own validator: the value it breaks is one the schema accepted.
 * @example fc.assert(fc.asyncProperty(broken(schema, valid), async (b) => …))
 */
export function broken(schema: Schema, valid: Validator, context = 'body'): fc.Arbitrary<Broken> {
  return accepted(schema)
    .filter(valid)
    .chain((base) => {
      const options: fc.Arbitrary<Broken>[] = [];
      for (const place of places(schema, base)) {
        for (const breaking of breakings(place.schema, place.path)) {
          options.push(breaking.map((b) => ({ value: setAt(base, place.path, b.value), how: `${b.how} at ${b.field.join('.') || context}`, field: b.field.join('.') || context })));
        }
        const object = place.schema;
        if (typesOf(object).includes('object') && place.value && typeof place.value === 'object' && !Array.isArray(place.value)) {
          const present = place.value as Record<string, unknown>;
          for (const key of object.required ?? []) {
            if (!(key in present)) continue;
            const { [key]: _dropped, ...rest } = present;
            const field = [...place.path, key].join('.');
            options.push(fc.constant({ value: setAt(base, place.path, rest), how: `missing ${field}`, field }));
          }
          if (object.additionalProperties === false) {
            options.push(
              UNKNOWN_KEY.filter((key) => !(key in (object.properties ?? {}))).map((key) => {
                const field = [...place.path, key].join('.');
                return { value: setAt(base, place.path, { ...present, [key]: 'x' }), how: `unknown ${field}`, field };
              }),
            );
          }
        }
      }
      return options.length > 0 ? fc.oneof(...options) : fc.constant({ value: Symbol('unbreakable'), how: 'none', field: '' });
    })
    .filter((b) => typeof b.value !== 'symbol' && !valid(b.value));
}
