/** /api/v1/trips/{id}/schedules: ask for a schedule (or the re-plan of one day), read them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { SCHEDULE_LIST_PAGE, SCHEDULES_PER_TRIP, SCHEDULES_ROUTE, TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { CURRENT_TARGET, HttpProblem, markHeld, ProblemSchema, REFUSED_TARGET, withLocation } from '@tripgen/service-kit';
import { scheduleListCursor } from '../domain/list-cursor.ts';
import { toSchedule, toSummary, TripChangedError, type ScheduleService } from '../domain/schedules.ts';
import { IdempotencyHeaders, Schedule, ScheduleAccepted, ScheduleParams, ScheduleQuery, ScheduleListQuery, SchedulePage, ScheduleRequestBody, TripParams } from '../domain/schemas.ts';
import type { TripRepository } from '../domain/trips.ts';
import { TRIP_NOT_FOUND } from './trips.ts';

export interface ScheduleRoutesOptions {
  readonly trips: TripRepository;
  readonly schedules: ScheduleService;
}

/** Reads of the trip a schedule request makes when the trip keeps changing under it (TripChangedError), before its 409. */
const REQUEST_ATTEMPTS = 3;

export const scheduleRoutes: FastifyPluginAsyncTypebox<ScheduleRoutesOptions> = async (app, { trips, schedules }) => {
  const ownTrip = async (userId: string, id: string) => {
    const trip = await trips.get(userId, id);
    if (!trip) throw new HttpProblem(404, TRIP_NOT_FOUND);
    return trip;
  };
  // For the preconditions (the kit's config.target): the trip's schedules are there when the trip is the
  // traveller's, one schedule when it is of that trip; else the route's 404 (RFC 9110 13.2.1 ignores them).
  const scheduleList = { target: async (request: FastifyRequest) => ((await trips.get(request.user!.id, (request.params as { id: string }).id)) ? CURRENT_TARGET : REFUSED_TARGET) };
  const oneSchedule = async (request: FastifyRequest) => {
    const { id, scheduleId } = request.params as { id: string; scheduleId: string };
    return (await schedules.get(request.user!.id, id, scheduleId)) ? CURRENT_TARGET : REFUSED_TARGET;
  };

  app.post(
    SCHEDULES_ROUTE,
    {
      config: scheduleList,
      schema: {
        operationId: 'requestSchedule',
        description: `Asks for a schedule of the trip, or the re-plan of one day (replanDate, locked); answered 202 at once, generated through the AI service. A trip keeps at most ${SCHEDULES_PER_TRIP} schedules (completed and failed ones count): past them 409 (limit; kept, the trip's schedules, counted exactly up to twice the limit, past it the least that is true and atLeast true; mustDelete, how many of its ended schedules to delete for a place: more than one for a trip past the limit, stored while pods of the release before counted nothing), nothing stored or spent, before the places are looked up or the traveller's preferences asked of the user service; an Idempotency-Key replay, or the same request while its schedule is active, is answered as before, at the limit too. While another request holds the trip (its DELETE under way) past ${TRIP_LOCK_WAIT.ms / 1000} s: 409 with Retry-After, nothing stored or spent.`,
        tags: ['schedules'],
        params: TripParams,
        headers: IdempotencyHeaders,
        body: ScheduleRequestBody,
        response: { 202: withLocation(ScheduleAccepted, 'GET /api/v1/trips/{id}/schedules/{scheduleId}, with ?wait= to follow it'), 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 502: ProblemSchema, 503: ProblemSchema },
      },
      // No body at all (a bare POST, no content type) asks for a full schedule, as `{}` does: Ajv
      // would refuse the missing body as "must be object" (an optional root schema is still an object).
      // Only a missing one: a JSON `null` is a body, and not an object (400, as on every other route).
      preValidation: (request, _reply, done) => {
        if (request.body === undefined) request.body = {};
        done();
      },
    },
    async (request, reply) => {
      // A request is made from the trip as read; a PATCH committed before its insert means the trip
      // it was made from is gone: made again from the trip as it is now (which may then refuse it).
      let trip;
      let row;
      for (let attempt = 1; ; attempt++) {
        trip = await ownTrip(request.user!.id, request.params.id);
        try {
          row = await schedules.request(trip, request.body, request.headers['idempotency-key'], request.headers.authorization!);
          break;
        } catch (err) {
          if (!(err instanceof TripChangedError) || attempt >= REQUEST_ATTEMPTS) throw err;
        }
      }
      return reply
        .code(202)
        .header('location', `/api/v1/trips/${trip.id}/schedules/${row.id}`)
        .send({ id: row.id, status: row.status });
    },
  );

  app.get(
    SCHEDULES_ROUTE,
    {
      config: scheduleList,
      schema: {
        operationId: 'listSchedules',
        description: 'The schedules asked for this trip, newest first, a page at a time: `nextCursor` (null on the last page) as `cursor` reads the next page.',
        tags: ['schedules'],
        params: TripParams,
        querystring: ScheduleListQuery,
        response: { 200: SchedulePage, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const trip = await ownTrip(request.user!.id, request.params.id);
      // The cursor is the traveller's and the trip's: another trip's, or another traveller's, is a 400.
      const owners = [trip.userId, trip.id];
      const { limit = SCHEDULE_LIST_PAGE.defaultLimit, cursor } = request.query;
      const page = await schedules.list(trip.id, limit, cursor === undefined ? undefined : scheduleListCursor.decode(owners, cursor));
      return scheduleListCursor.answer(owners, page, toSummary);
    },
  );

  app.get(
    '/api/v1/trips/:id/schedules/:scheduleId',
    {
      // A long poll: what it waits for the schedule is held for the traveller, left out of its duration metric.
      config: { holdsRequests: true, target: oneSchedule },
      schema: {
        operationId: 'getSchedule',
        description: 'One schedule: its status, and when completed its days, stops and meals, and why any place could not be fitted. With `wait`, an unfinished schedule is answered as soon as it ends (or after `wait` seconds).',
        tags: ['schedules'],
        params: ScheduleParams,
        querystring: ScheduleQuery,
        response: { 200: Schedule, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      // A client that leaves stops the wait.
      const left = new AbortController();
      reply.raw.once('close', () => left.abort());
      // The wait is the traveller's long poll, not the service's latency: its metric and span say so (markHeld).
      const row = await schedules.get(request.user!.id, request.params.id, request.params.scheduleId, { ms: (request.query.wait ?? 0) * 1_000, signal: left.signal, waited: (ms) => markHeld(request, ms) });
      if (!row) {
        // Not the traveller's trip: 404 for the trip, as every route answers it; else no such schedule.
        await ownTrip(request.user!.id, request.params.id);
        throw new HttpProblem(404, 'No such schedule of this trip');
      }
      return toSchedule(row);
    },
  );

  app.delete(
    '/api/v1/trips/:id/schedules/:scheduleId',
    {
      config: { target: oneSchedule },
      schema: {
        operationId: 'deleteSchedule',
        description: `Deletes a schedule of the trip: its place among the trip's ${SCHEDULES_PER_TRIP} is free for a new request, and its Idempotency-Key too. A queued or running one is cancelled: withdrawn at the AI service, nobody notified, a plan that ends later dropped (before, a 409 naming it). While another request holds the trip (its DELETE under way) past ${TRIP_LOCK_WAIT.ms / 1000} s: 409 with Retry-After, nothing deleted.`,
        tags: ['schedules'],
        params: ScheduleParams,
        response: { 204: Type.Null(), 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { id, scheduleId } = request.params;
      const outcome = await schedules.remove(request.user!.id, id, scheduleId);
      if (outcome === 'none') {
        await ownTrip(request.user!.id, id);
        throw new HttpProblem(404, 'No such schedule of this trip');
      }
      return reply.code(204).send(null);
    },
  );
};
