/** Schemas every service's OpenAPI document shares. */
import { Type, type TSchema } from 'typebox';
import { TRIP_LIMITS } from '@tripgen/catalog';
import { VISIBLE_TEXT } from './validation.ts';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)', additionalProperties: true },
);

/**
 * The answer schema of a route that creates a resource, with its `Location` header (RFC 9110 10.2.2,
 * 15.3.2) in the OpenAPI document (@fastify/swagger moves `headers` into the response; the serializer
 * ignores it). `reads` is the route that reads what was created.
 */
export const withLocation = <T extends TSchema>(schema: T, reads: string): T => ({
  ...schema,
  headers: { ...(schema as { headers?: object }).headers, location: { type: 'string', description: `Where the created resource is read: ${reads}` } },
});

/**
 * The answer schema of a route that gives its resource's strong entity tag (RFC 9110 8.8.3), its
 * `ETag` header in the OpenAPI document (as withLocation's); If-Match and If-None-Match compare it.
 */
export const withETag = <T extends TSchema>(schema: T): T => ({
  ...schema,
  headers: { ...(schema as { headers?: object }).headers, etag: { type: 'string', description: 'The strong entity tag of the resource as answered (RFC 9110 8.8.3): If-Match (strong comparison) and If-None-Match (weak) compare it' } },
});

/**
 * A traveller's free-text interests as every route takes them (a trip's, the traveller's
 * preferences, the AI service's reading): at most TRIP_LIMITS.interests, each 1 to
 * TRIP_LIMITS.interestLength characters with one that shows (VISIBLE_TEXT). The one schema, so that a
 * list one route takes another cannot refuse. `unique` where the list is stored (the routes refuse
 * near-duplicates too: the catalog's repeatedInterests); `minItems` where an empty list means nothing.
 */
export const InterestList = ({ minItems, unique = false }: { readonly minItems?: number; readonly unique?: boolean } = {}) =>
  Type.Array(Type.String({ minLength: 1, maxLength: TRIP_LIMITS.interestLength, pattern: VISIBLE_TEXT }), {
    ...(minItems === undefined ? {} : { minItems }),
    maxItems: TRIP_LIMITS.interests,
    ...(unique ? { uniqueItems: true } : {}),
  });
