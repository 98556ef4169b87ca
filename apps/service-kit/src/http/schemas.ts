/** Schemas every service's OpenAPI document shares. */
import { Type } from '@fastify/type-provider-typebox';

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
