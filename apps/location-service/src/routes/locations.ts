/** The public location routes (docs/api.md), behind a user's access token like every /api route. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PLACE_TIME_ZONE } from '@tripgen/catalog';
import { CURRENT_TARGET, HttpProblem, ProblemSchema, REFUSED_TARGET } from '@tripgen/service-kit';
import type { FastifyRequest } from 'fastify';
import { addDays, daysBetween } from '../domain/opening-hours.ts';
import type { PlaceRepository } from '../domain/places.ts';
import { LIMITS, OpenIntervalsAnswer, OpenIntervalsQuery, Place, PlaceParams, SearchAnswer, SearchQuery } from '../domain/schemas.ts';

export interface LocationRoutesOptions {
  readonly places: PlaceRepository;
}

const tags = ['locations'];

export const locationRoutes: FastifyPluginAsyncTypebox<LocationRoutesOptions> = async (app, { places }) => {
  // For the preconditions (the kit's config.target): an unknown place is the route's 404, and they are then ignored (RFC 9110 13.2.1).
  const place = { target: async (request: FastifyRequest) => ((await places.byId((request.params as { id: string }).id)) ? CURRENT_TARGET : REFUSED_TARGET) };
  app.get(
    '/api/v1/locations/search',
    { schema: { tags, querystring: SearchQuery, response: { 200: SearchAnswer, 400: ProblemSchema } } },
    async (request) => {
      const { q, lat, lng, radiusKm } = request.query;
      if ((lat === undefined) !== (lng === undefined)) throw new HttpProblem(400, 'lat and lng go together: give both or neither');
      if (radiusKm !== undefined && lat === undefined) throw new HttpProblem(400, 'radiusKm needs lat and lng');
      if (q === undefined && lat === undefined) throw new HttpProblem(400, 'Give q (text), or lat and lng (a centre), or both');
      return places.search({ ...request.query, limit: request.query.limit ?? LIMITS.searchLimit.default });
    },
  );

  app.get(
    '/api/v1/locations/:id',
    { config: place, schema: { tags, params: PlaceParams, response: { 200: Place, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema } } },
    async (request) => {
      const place = await places.byId(request.params.id);
      if (!place) throw new HttpProblem(404, `No place ${request.params.id}`);
      return place;
    },
  );

  app.get(
    '/api/v1/locations/:id/open-intervals',
    {
      config: place,
      schema: {
        tags,
        description: `The real opening of each date from..to (at most ${LIMITS.maxDays} days), public holidays and weekly closing days applied, with a note saying why a date is closed or different`,
        params: PlaceParams,
        querystring: OpenIntervalsQuery,
        response: { 200: OpenIntervalsAnswer, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const span = daysBetween(from, to);
      if (span < 0) throw new HttpProblem(400, `to (${to}) is before from (${from})`);
      if (span >= LIMITS.maxDays) throw new HttpProblem(400, `from..to covers ${span + 1} days; at most ${LIMITS.maxDays}`);
      const dates = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
      const days = await places.openIntervals(request.params.id, dates);
      if (!days) throw new HttpProblem(404, `No place ${request.params.id}`);
      return { id: request.params.id, timeZone: PLACE_TIME_ZONE as typeof PLACE_TIME_ZONE, days };
    },
  );
};
