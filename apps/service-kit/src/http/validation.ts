/**
 * Request validation with Fastify's own Ajv compiler, in two flavours. Query strings, path
 * parameters and headers arrive as text, so they are coerced to the schema's types ("5" → 5).
 * A JSON body already carries its types: coercing it would accept `{"password": 12345678}` or
 * `{"pace": ["relaxed"]}` as if the client had sent the right type, where the contract says 400.
 * A public route's body refuses a property its schema does not name (400 naming it, as Stripe's API
 * answers "Received unknown parameter"): dropped silently, a misspelt optional field (`replanDat`)
 * turned a re-plan into a full schedule. So every object of a public body schema must be closed
 * (additionalProperties: false), checked when the route is compiled. An internal route's body (a
 * service's call to another) keeps dropping unknown properties, as a consumer ignores a message's
 * unknown fields (catalog queues.ts): during a rollout a newer caller may send a field the previous
 * release of the callee does not know yet. Query strings keep dropping them (docs/api.md).
 * After Ajv, what it lets through but no service can store is refused (unstorableValue): a number
 * that is not finite, and a string (or property name) PostgreSQL cannot hold: a lone surrogate or NUL.
 * Every route of every service gets this; a schema's own pattern need not repeat it.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { IsUuid } from 'typebox/format';
import { INTERNAL_ROUTE_ROOT } from '@tripgen/catalog';
import { MALFORMED_PARAMETERS } from './query-string.ts';
import { unstorableValue, type AjvError } from './storable.ts';

export { unstorableValue, VISIBLE_TEXT } from './storable.ts';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildValidator = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;

const fromPool = AjvCompiler();

const AJV_OPTIONS = { coerceTypes: 'array', removeAdditional: true, allErrors: false } as const;

/**
 * Fastify's `ajv` option for every service. The `uuid` format is typebox's (RFC 9562's hyphenated
 * hex, which PostgreSQL's uuid type reads; the queue messages' schemas use it too): ajv-formats'
 * also takes a `urn:uuid:` prefix, which the database refuses, so such an id in a path or a body
 * reached a query and answered 500.
 */
export const AJV_CONFIG = {
  customOptions: AJV_OPTIONS,
  onCreate: (ajv: { addFormat: (name: string, format: (value: string) => boolean) => unknown }): void => {
    ajv.addFormat('uuid', IsUuid);
  },
};

type Validator = ReturnType<ReturnType<BuildValidator>>;

/** Ajv's validator, then unstorableValue; Fastify reads `errors` off the function it called. */
/**
 * The first parameter of a query string that was not percent-encoded UTF-8 (query-string.ts) and that
 * the route's schema names, as an Ajv-shaped error; an unknown parameter is ignored, malformed or not.
 */
const malformedParameter = (data: unknown, named: readonly string[]): AjvError | undefined => {
  const malformed = data !== null && typeof data === 'object' ? (data as { [MALFORMED_PARAMETERS]?: readonly string[] })[MALFORMED_PARAMETERS] : undefined;
  const name = malformed?.find((parameter) => named.includes(parameter));
  return name === undefined ? undefined : { instancePath: `/${name}`, schemaPath: '#/encoding', keyword: 'encoding', params: {}, message: 'must be percent-encoded UTF-8 (a malformed %-escape, or bytes that are not UTF-8)' };
};

/**
 * A number of a query string as JSON writes one (RFC 8259 6), an integer without fraction or exponent.
 * Ajv's coercion reads the text with JavaScript's Number(): `?limit=0x10` was 16, `%201` (" 1") 1,
 * `1e2` 100, `1.0` 1, `+5` 5, `05` 5, so a mistyped or odd parameter was read as another number; such
 * text is refused before Ajv coerces it.
 */
const QUERY_NUMBER = { integer: /^-?(?:0|[1-9]\d*)$/, number: /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/ } as const;
const QUERY_NUMBER_MESSAGE = {
  integer: 'must be an integer in decimal digits, as JSON writes it (no sign +, leading zero, fraction, exponent, hex or space)',
  number: 'must be a number as JSON writes it (RFC 8259 6: no sign +, leading zero, hex or space)',
} as const;
type NumberKind = keyof typeof QUERY_NUMBER;

/** The parameters of a query schema that are numbers, with their kind. */
const numericParameters = (schema: unknown): [string, NumberKind][] =>
  Object.entries((schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {}).flatMap(([name, sub]): [string, NumberKind][] =>
    sub.type === 'integer' || sub.type === 'number' ? [[name, sub.type]] : [],
  );

/** The first numeric parameter whose text (each of a repeated one's) is not written as JSON writes its kind, as an Ajv-shaped error. */
const looseNumber = (data: unknown, numeric: readonly [string, NumberKind][]): AjvError | undefined => {
  if (data === null || typeof data !== 'object') return undefined;
  for (const [name, kind] of numeric) {
    const raw = (data as Record<string, unknown>)[name];
    const texts = Array.isArray(raw) ? raw : [raw];
    if (texts.some((text) => typeof text === 'string' && !QUERY_NUMBER[kind].test(text))) {
      return { instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, keyword: 'type', params: { type: kind }, message: QUERY_NUMBER_MESSAGE[kind] };
    }
  }
  return undefined;
};

const storableOnly = (validate: Validator, queryNames: readonly string[] = [], numeric: readonly [string, NumberKind][] = []): Validator => {
  const checked = ((data: unknown, context?: unknown) => {
    // Before Ajv, whose coercion replaces the text with the number it read.
    const loose = numeric.length > 0 ? looseNumber(data, numeric) : undefined;
    if (loose !== undefined) {
      checked.errors = [loose];
      return false;
    }
    const ok = (validate as (d: unknown, c?: unknown) => unknown)(data, context);
    const found = ok === true ? (malformedParameter(data, queryNames) ?? unstorableValue(data)) : undefined;
    checked.errors = found ? [found] : (validate as { errors?: AjvError[] | null }).errors;
    return found ? false : ok;
  }) as Validator & { errors?: AjvError[] | null };
  // Fastify hands Ajv's validators the request as parent (to coerce a root value) only when it sees this.
  checked.schemaEnv = validate.schemaEnv;
  return checked;
};

/**
 * Where a schema admits properties it does not name (JSON pointer into the schema), or undefined when
 * every object in it is closed. An object without `properties` is a free-form map on purpose.
 */
export const openObjectIn = (schema: unknown, at = ''): string | undefined => {
  if (schema === null || typeof schema !== 'object') return undefined;
  const s = schema as Record<string, unknown>;
  if (s.properties !== undefined && s.additionalProperties !== false) return at || '/';
  const nested: [string, unknown][] = [
    ...Object.entries((s.properties as Record<string, unknown> | undefined) ?? {}).map(([name, sub]): [string, unknown] => [`/properties/${name}`, sub]),
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((key) => (Array.isArray(s[key]) ? (s[key] as unknown[]).map((sub, i): [string, unknown] => [`/${key}/${i}`, sub]) : [])),
    ['/items', s.items],
  ];
  for (const [where, sub] of nested) {
    const found = openObjectIn(sub, `${at}${where}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

const INTERNAL_ROUTES = `${INTERNAL_ROUTE_ROOT}/`;

export const buildValidator: BuildValidator = (externalSchemas, options) => {
  // The compiler pool is keyed by customOptions only: an app without the uuid format would share (or
  // leave) compilers of another's.
  if (options?.onCreate !== AJV_CONFIG.onCreate) throw new Error("buildValidator needs Fastify's ajv option to be the kit's AJV_CONFIG (its uuid format)");
  const textParts = fromPool(externalSchemas, options);
  // JTD schemas (not used by the kit) have no coercion to turn off.
  const json = (removeAdditional: boolean) => (options?.mode === 'JTD' ? textParts : fromPool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false, removeAdditional } }));
  const internalBody = json(true);
  const publicBody = json(false);
  return (route) => {
    if (route.httpPart === 'querystring') return storableOnly(textParts(route), Object.keys((route.schema as { properties?: object }).properties ?? {}), numericParameters(route.schema));
    if (route.httpPart !== 'body') return storableOnly(textParts(route));
    if ((route.url ?? '').startsWith(INTERNAL_ROUTES)) return storableOnly(internalBody(route));
    const open = openObjectIn(route.schema);
    if (open !== undefined) throw new Error(`${route.method} ${route.url}: its body schema admits properties it does not name at ${open}; a public body must set additionalProperties: false on every object (validation.ts)`);
    return storableOnly(publicBody(route));
  };
};
