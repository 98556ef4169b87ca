/** /api/v1/trips: a traveller's own trips. Another user's trip is 404, never 403 or 200. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TRIP_LIST_PAGE, TRIP_LOCK_WAIT, TRIPS_PER_TRAVELLER } from '@tripgen/catalog';
import { assertPreconditions, HttpProblem, invalidBody, ProblemSchema, REFUSED_TARGET, withETag, withLocation, type PreconditionTarget } from '@tripgen/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Peers } from '../clients/peers.ts';
import { unavailable } from '../domain/schedules.ts';
import { CreateTripBody, IdempotencyHeaders, PatchTripBody, Trip, TripListQuery, TripPage, TripParams } from '../domain/schemas.ts';
import { tripListCursor } from '../domain/list-cursor.ts';
import { tripProblems, withStoredInterests } from '../domain/trip-rules.ts';
import { toTrip, tripETag, type TripRepository, type TripRow } from '../domain/trips.ts';

export interface TripRoutesOptions {
  readonly trips: TripRepository;
  readonly peers: Peers;
}

export const TRIP_NOT_FOUND = 'No such trip';

const asTarget = (trip: Pick<TripRow, 'updatedAt'>): PreconditionTarget => ({ state: 'current', lastModified: trip.updatedAt, etag: tripETag(trip) });

/**
 * The trip of a request's path, for its preconditions (the kit's `config.target`): not the traveller's
 * is the route's 404, and the preconditions are then ignored (RFC 9110 13.2.1); `updatedAt` is its last
 * modification (If-Unmodified-Since), and its ETag (If-Match, If-None-Match).
 */
export const tripTarget = (trips: TripRepository) => async (request: FastifyRequest): Promise<PreconditionTarget> => {
  const trip = await trips.get(request.user!.id, (request.params as { id: string }).id);
  return trip ? asTarget(trip) : REFUSED_TARGET;
};

/**
 * The preconditions again, on the trip as the write finds it under its row lock (the trip
 * repository's update and remove): the kit's check before the handler read it earlier, and a change
 * committed in between must make If-Unmodified-Since or If-Match false, not be overwritten (RFC 9110 13.1.1, 13.1.4).
 */
const stillHolds = (request: FastifyRequest) => (trip: Pick<TripRow, 'updatedAt'>) => assertPreconditions(request, asTarget(trip));

export const tripRoutes: FastifyPluginAsyncTypebox<TripRoutesOptions> = async (app, { trips, peers }) => {
  const config = { target: tripTarget(trips) };
  /** The whole trip is checked, whichever part changed. */
  const checkWhole = (t: Pick<TripRow, 'startDate' | 'endDate' | 'dayStart' | 'dayEnd'>) => {
    const problems = tripProblems(t);
    if (problems.length) throw invalidBody(problems);
  };
  /** Must-visits against the location service. */
  const checkPlaces = async (mustVisit: readonly string[]) => {
    const unknown = await peers.unknownPlaces(mustVisit).catch(unavailable);
    if (unknown.length) {
      throw new HttpProblem(400, `Unknown location ids in mustVisit: ${unknown.join(', ')}`, { errors: unknown.map((id) => ({ path: 'body/mustVisit', message: `${id} is not a place` })) });
    }
  };

  app.post(
    '/api/v1/trips',
    {
      schema: {
        operationId: 'createTrip',
        description: `Creates a trip of the traveller; the whole trip is checked, must-visits with the location service. Under an Idempotency-Key, the same body again answers the trip created under it (nothing new), another body 422. A traveller keeps at most ${TRIPS_PER_TRAVELLER} trips: past them 409 (limit), nothing stored, until they delete one. Order of the answers: a replay first (at the limit too); then the body's own checks (400); then the limit (409), before the must-visits are looked up, so at the limit the location service is not called (no 400 for an unknown place, no 503 while it is down); then the must-visits (400 naming the unknown ids, 503 when they cannot be checked).`,
        tags: ['trips'],
        headers: IdempotencyHeaders,
        body: CreateTripBody,
        response: { 201: withETag(withLocation(Trip, 'GET /api/v1/trips/{id}')), 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const userId = request.user!.id;
      const key = request.headers['idempotency-key'];
      // A replay is answered before any check: it costs no call to the location service (and is
      // answered while that service is down), as a schedule's replay spends nothing. It is the body as
      // sent that is the request (its hash), not its interests' stored form: a trip created when they
      // were stored as sent (near-duplicates, a trailing space, NFD) is replayed, not 422 or 400.
      let trip = key === undefined ? undefined : await trips.createdUnder(userId, key, request.body);
      if (!trip) {
        const body = withStoredInterests(request.body);
        checkWhole(body);
        // A traveller at the limit is told so before the must-visits are looked up: a 409 they resolve
        // by deleting a trip, not the 503 of a location service down that a retry would meet again.
        await trips.assertRoom(userId);
        await checkPlaces(body.mustVisit ?? []);
        trip = await trips.create(userId, body, key, request.body);
      }
      // Where the new trip is read, as the 202 of a schedule request says where to follow it (RFC 9110 §15.3.2).
      // A replay answers the same: 201, the trip as it is now, its Location (the schedules route's replay is its 202 again).
      const answer = toTrip(trip);
      return reply.code(201).header('location', `/api/v1/trips/${answer.id}`).header('etag', tripETag(trip)).send(answer);
    },
  );

  app.get(
    '/api/v1/trips',
    {
      schema: {
        operationId: 'listTrips',
        description: 'The traveller\'s own trips, newest first, a page at a time: `nextCursor` (null on the last page) as `cursor` reads the next page.',
        tags: ['trips'],
        querystring: TripListQuery,
        response: { 200: TripPage, 400: ProblemSchema },
      },
    },
    async (request) => {
      const userId = request.user!.id;
      const { limit = TRIP_LIST_PAGE.defaultLimit, cursor } = request.query;
      const page = await trips.list(userId, limit, cursor === undefined ? undefined : tripListCursor.decode([userId], cursor));
      return tripListCursor.answer([userId], page, toTrip);
    },
  );

  app.get('/api/v1/trips/:id', { config, schema: { operationId: 'getTrip', description: 'One trip of the traveller (404 for anyone else\'s).', tags: ['trips'], params: TripParams, response: { 200: withETag(Trip), 400: ProblemSchema, 404: ProblemSchema } } }, async (request, reply) => {
    const trip = await trips.get(request.user!.id, request.params.id);
    if (!trip) throw new HttpProblem(404, TRIP_NOT_FOUND);
    return reply.header('etag', tripETag(trip)).send(toTrip(trip));
  });

  app.patch(
    '/api/v1/trips/:id',
    { config, schema: { operationId: 'updateTrip', description: `Changes fields of a trip; the trip as it would be is checked whole, and a refused change changes nothing. While another request holds the trip (its DELETE under way) past ${TRIP_LOCK_WAIT.ms / 1000} s: 409 with Retry-After.`, tags: ['trips'], params: TripParams, body: PatchTripBody, response: { 200: withETag(Trip), 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 503: ProblemSchema } } },
    async (request, reply) => {
      const current = await trips.get(request.user!.id, request.params.id);
      if (!current) throw new HttpProblem(404, TRIP_NOT_FOUND);
      const patch = withStoredInterests(request.body);
      // Checked first on this read, so that an invalid change costs no call to the location service;
      // then again under the row lock on the trip as it is when written (another change may have come between).
      checkWhole(trips.merged(current, patch));
      if (patch.mustVisit !== undefined) await checkPlaces(patch.mustVisit);
      const preconditions = stillHolds(request);
      const saved = await trips.update(request.user!.id, request.params.id, patch, (after, before) => {
        preconditions(before);
        checkWhole(after);
      });
      if (!saved) throw new HttpProblem(404, TRIP_NOT_FOUND);
      return reply.header('etag', tripETag(saved)).send(toTrip(saved));
    },
  );

  app.delete('/api/v1/trips/:id', { config, schema: { operationId: 'deleteTrip', description: `Deletes a trip of the traveller and its schedules. While another request holds the trip (another DELETE under way) past ${TRIP_LOCK_WAIT.ms / 1000} s: 409 with Retry-After, nothing deleted; asked again once that DELETE is done, 404.`, tags: ['trips'], params: TripParams, response: { 204: Type.Null(), 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema } } }, async (request, reply) => {
    if (!(await trips.remove(request.user!.id, request.params.id, stillHolds(request)))) throw new HttpProblem(404, TRIP_NOT_FOUND);
    return reply.code(204).send(null);
  });
};
