/**
 * Service-to-service routes under internalPrefix('location'): no user token (the AI service answers
 * a queue message and holds none; the mesh admits only the callers of the call graph), outside the
 * per-user rate limit. Shapes: docs/api.md, "internal".
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { internalPrefix, LOCATION_INTERNAL_PATHS } from '@tripgen/catalog';
import { ProblemSchema } from '@tripgen/service-kit';
import type { PlaceRepository } from '../domain/places.ts';
import { BatchAnswer, BatchBody, CandidatesAnswer, CandidatesBody } from '../domain/schemas.ts';

export interface InternalRoutesOptions {
  readonly places: PlaceRepository;
}

const tags = ['internal'];

export const internalRoutes: FastifyPluginAsyncTypebox<InternalRoutesOptions> = async (app, { places }) => {
  const prefix = internalPrefix('location');

  app.post(
    `${prefix}${LOCATION_INTERNAL_PATHS.placesBatch}`,
    { schema: { tags, description: 'Many places by id, with their real opening on the given dates', body: BatchBody, response: { 200: BatchAnswer, 400: ProblemSchema } } },
    async (request) => places.batch(request.body.ids, request.body.dates),
  );

  app.post(
    `${prefix}${LOCATION_INTERNAL_PATHS.candidates}`,
    {
      schema: {
        tags,
        description: "A trip's candidate places in one round trip: nearest first within the radius, plus every `include` place, with distance and real opening",
        body: CandidatesBody,
        response: { 200: CandidatesAnswer, 400: ProblemSchema },
      },
    },
    async (request) => places.candidates(request.body),
  );
};
