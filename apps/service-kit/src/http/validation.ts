/**
 * Request validation with Fastify's own Ajv compiler, in two flavours. Query strings, path
 * parameters and headers arrive as text, so they are coerced to the schema's types ("5" → 5).
 * A JSON body already carries its types: coercing it would accept `{"password": 12345678}` or
 * `{"pace": ["relaxed"]}` as if the client had sent the right type, where the contract says 400.
 * Unknown properties are still dropped (removeAdditional), never stored.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildValidator = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;

const fromPool = AjvCompiler();

export const AJV_OPTIONS = { coerceTypes: 'array', removeAdditional: true, allErrors: false } as const;

export const buildValidator: BuildValidator = (externalSchemas, options) => {
  const textParts = fromPool(externalSchemas, options);
  // JTD schemas (not used by the kit) have no coercion to turn off.
  const body = options?.mode === 'JTD' ? textParts : fromPool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } });
  return (route) => (route.httpPart === 'body' ? body : textParts)(route);
};
