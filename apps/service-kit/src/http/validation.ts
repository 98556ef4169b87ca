/**
 * Request validation with Fastify's own Ajv compiler, in two flavours. Query strings, path
 * parameters and headers arrive as text, so they are coerced to the schema's types ("5" → 5).
 * A JSON body already carries its types: coercing it would accept `{"password": 12345678}` or
 * `{"pace": ["relaxed"]}` as if the client had sent the right type, where the contract says 400.
 * Unknown properties are still dropped (removeAdditional), never stored.
 * After Ajv, what it lets through but no service can store is refused (unstorableValue): a number
 * that is not finite, and a string (or property name) PostgreSQL cannot hold: a lone surrogate or NUL.
 * Every route of every service gets this; a schema's own pattern need not repeat it.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildValidator = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;

const fromPool = AjvCompiler();

export const AJV_OPTIONS = { coerceTypes: 'array', removeAdditional: true, allErrors: false } as const;

type Validator = ReturnType<ReturnType<BuildValidator>>;
type AjvError = { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message: string };

// In a /u pattern a surrogate pair is one code point, so only a lone surrogate is of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL cannot store this text (text and jsonb alike), or undefined when it can. */
const unstorableText = (text: string): string | undefined => {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone surrogate)';
  // text: 22021 invalid byte sequence; jsonb: 22P05 unsupported Unicode escape sequence.
  if (text.includes('\u0000')) return 'must not contain NUL (U+0000)';
  return undefined;
};

/**
 * The first value a schema let through that must not reach a handler, as an Ajv-shaped error:
 * - a number that is not finite: Ajv coerces the text "Infinity" or "1e400" to Infinity and then
 *   checks minimum and maximum on finite numbers only (ajv 8.20), so `?limit=Infinity` passed a
 *   maximum of 100 (a JSON body cannot carry one: Ajv's type check already refuses it there);
 * - a string with a lone UTF-16 surrogate (`"\ud800"` is valid JSON) or a NUL (`"\u0000"`, or
 *   `%00` in a query): PostgreSQL refuses both in JSON and text alike, so it would be a 500 at the
 *   write (or a lone surrogate stored changed, U+FFFD), or a message no consumer can store. A
 *   property name is checked too: a schema that allows free-form objects would store it in jsonb.
 */
export const unstorableValue = (data: unknown, path = ''): AjvError | undefined => {
  if (typeof data === 'number' && !Number.isFinite(data)) return { instancePath: path, schemaPath: '#/finite', keyword: 'finite', params: {}, message: 'must be a finite number' };
  if (typeof data === 'string') {
    const why = unstorableText(data);
    return why === undefined ? undefined : { instancePath: path, schemaPath: '#/storable', keyword: 'storable', params: {}, message: why };
  }
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const keyWhy = unstorableText(key);
      if (keyWhy !== undefined) return { instancePath: path, schemaPath: '#/storable', keyword: 'storable', params: {}, message: `property names ${keyWhy}` };
      const found = unstorableValue(value, `${path}/${key}`);
      if (found) return found;
    }
  }
  return undefined;
};

/** Ajv's validator, then unstorableValue; Fastify reads `errors` off the function it called. */
const storableOnly = (validate: Validator): Validator => {
  const checked = ((data: unknown, context?: unknown) => {
    const ok = (validate as (d: unknown, c?: unknown) => unknown)(data, context);
    const found = ok === true ? unstorableValue(data) : undefined;
    checked.errors = found ? [found] : (validate as { errors?: AjvError[] | null }).errors;
    return found ? false : ok;
  }) as Validator & { errors?: AjvError[] | null };
  // Fastify hands Ajv's validators the request as parent (to coerce a root value) only when it sees this.
  checked.schemaEnv = validate.schemaEnv;
  return checked;
};

export const buildValidator: BuildValidator = (externalSchemas, options) => {
  const textParts = fromPool(externalSchemas, options);
  // JTD schemas (not used by the kit) have no coercion to turn off.
  const body = options?.mode === 'JTD' ? textParts : fromPool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } });
  return (route) => storableOnly((route.httpPart === 'body' ? body : textParts)(route));
};
