/**
 * docs/api.md, DELETE /api/v1/trips/{id}/schedules/{scheduleId} and "Schedules kept": a traveller at
 * their trip's limit of schedules (here 3, SCHEDULES_PER_TRIP_MAX) frees a place by deleting an ended
 * schedule, not the trip; a queued or running one is cancelled (204, its withdrawal for the AI service
 * written, nobody told; schedule-cancel.test.ts with the AI service planning it); another traveller's trip or
 * an unknown schedule 404; a deleted schedule's Idempotency-Key makes a new schedule. Real stack
 * (PostgreSQL, Redis, the user service, the emulators); the AI service down, so a schedule stays queued.
 */
import { randomUUID } from 'node:crypto';
import { queryRows } from '@tripgen/testing';
import { describe, expect, it } from 'vitest';
import { QUEUES, QUEUE_NAMES, TRIP_EVENT_TYPES } from '@tripgen/catalog';
import { SCHEDULE_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { call, fileStack, tripBody, tripEventsOf, waitFor } from './harness.ts';

const LIMIT = 3;
const ctx = fileStack({ ai: false, tripEnv: { SCHEDULES_PER_TRIP_MAX: String(LIMIT) } });

const ask = (authorization: string, tripId: string, key?: string) =>
  call(ctx.base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers: { authorization, ...(key === undefined ? {} : { 'idempotency-key': key }) } });
const remove = (authorization: string, tripId: string, scheduleId: string) => call(ctx.base, 'DELETE', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers: { authorization } });
const count = async (tripId: string) => (await queryRows<{ n: number }>(ctx.stack.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1', [tripId]))[0]!.n;

/** A new traveller's trip with `n` ended schedules (failed), written as the trip service stores them; their ids, oldest first. */
const tripWith = async (n: number) => {
  const t = await ctx.stack.traveller();
  const created = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization: t.authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const tripId = created.json.id as string;
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    ctx.stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     SELECT s, $2, $3, 'failed', 'the schedule could not be generated', '{}', 'h', '{}'::jsonb, c + interval '2 minutes', c, c, c
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o), LATERAL (SELECT now() - (100 - o) * interval '1 minute' AS c) AS at`,
    [ids, tripId, t.userId],
  );
  return { ...t, tripId, ids };
};

describe('DELETE /api/v1/trips/{id}/schedules/{scheduleId}', () => {
  it('frees a place at the trip\'s limit: the next request is 202, the one after (its schedule ended) 409 again', async () => {
    const { authorization, tripId, ids } = await tripWith(LIMIT);
    expect((await ask(authorization, tripId)).status).toBe(409);
    const deleted = await remove(authorization, tripId, ids[0]!);
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${tripId}/schedules/${ids[0]!}`, { headers: { authorization } })).status).toBe(404);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${tripId}/schedules`, { headers: { authorization } })).json.items.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const asked = await ask(authorization, tripId);
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    await queryRows(ctx.stack.trip.db.url, "UPDATE schedules SET status = 'failed', error = 'x', finished_at = now() WHERE id = $1", [asked.json.id]);
    const past = await ask(authorization, tripId);
    expect([past.status, past.json.limit]).toEqual([409, LIMIT]);
    expect(await count(tripId)).toBe(LIMIT);
  });

  it('cancels a queued schedule: 204, its withdrawal for the AI service and its row to forget written, nobody told; the trip takes a new request at once', async () => {
    const { authorization, tripId } = await tripWith(0);
    const asked = await ask(authorization, tripId);
    expect(asked.status).toBe(202);
    const id = asked.json.id as string;
    // Before: 409 naming it, kept until it ended.
    const deleted = await remove(authorization, tripId, id);
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
    expect(await count(tripId)).toBe(0);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${tripId}/schedules/${id}`, { headers: { authorization } })).status).toBe(404);
    const outbox = await queryRows<{ queue: string; body: { scheduleId: string; withdrawn?: unknown; notAfter: string } }>(
      ctx.stack.trip.db.url,
      'SELECT queue, body FROM outbox_messages WHERE message_id = $1',
      [withdrawalMessageId(id)],
    );
    expect(outbox.map((m) => [m.queue, m.body.scheduleId, m.body.withdrawn])).toEqual([[QUEUES.aiScheduleGeneration, id, { error: SCHEDULE_DELETED, notify: false }]]);
    expect(QUEUE_NAMES).toContain(outbox[0]!.queue);
    // No notification of it written by this service.
    expect(await queryRows(ctx.stack.trip.db.url, "SELECT 1 FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", [QUEUES.notification, id])).toEqual([]);
    expect(await queryRows(ctx.stack.trip.db.url, 'SELECT id::text FROM forgotten_schedules WHERE id = $1', [id])).toEqual([{ id }]);
    // The trip has no active schedule any more: the next request is 202, another schedule.
    const again = await ask(authorization, tripId);
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    expect(again.json.id).not.toBe(id);
  });

  it('answers a request while one is active with a 409 that says it can be cancelled, and following it the request is 202', async () => {
    const { authorization, tripId } = await tripWith(0);
    const first = await ask(authorization, tripId);
    expect(first.status).toBe(202);
    const id = first.json.id as string;
    const replan = await call(ctx.base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: tripBody().startDate, locked: [] }, headers: { authorization } });
    expect([replan.status, replan.json.scheduleId]).toEqual([409, id]);
    // Before: 'Schedule <id> of this trip is still queued; request again when it has finished' (up to its deadline and grace).
    const path = `/api/v1/trips/${tripId}/schedules/${id}`;
    expect(replan.json.detail).toContain(`cancel it (DELETE ${path})`);
    expect((await call(ctx.base, 'DELETE', path, { headers: { authorization } })).status).toBe(204);
    expect((await ask(authorization, tripId)).status).toBe(202);
  });

  it('records a cancel as the schedule\'s outcome trip event (docs/events.md: one outcome event a schedule), once; an ended schedule\'s DELETE records none', async () => {
    const { authorization, tripId, ids } = await tripWith(1);
    const asked = await ask(authorization, tripId);
    expect(asked.status).toBe(202);
    const id = asked.json.id as string;
    expect((await remove(authorization, tripId, id)).status).toBe(204);
    expect((await remove(authorization, tripId, ids[0]!)).status).toBe(204);
    // Before: the trip's events stopped at schedule.requested, which read as a schedule never ended.
    await waitFor(() => tripEventsOf(ctx.stack, tripId).length >= 3, 'the trip events on the hub', 20_000);
    const events = tripEventsOf(ctx.stack, tripId);
    expect(events.map((e) => [e.type, e.id])).toEqual([
      [TRIP_EVENT_TYPES.tripCreated, expect.any(String)],
      [TRIP_EVENT_TYPES.scheduleRequested, `${id}.requested`],
      [TRIP_EVENT_TYPES.scheduleCancelled, `${id}.cancelled`],
    ]);
    expect(events[2]!.data).toEqual({ scheduleId: id, tripId, userId: expect.any(String), replan: false, durationMs: expect.any(Number) });
    expect(events[2]!.data.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('cancels once across replicas: the same DELETE on two replicas at once, one 204 and one 404, one withdrawal', async () => {
    const replica = await ctx.stack.tripReplica();
    const { authorization, tripId } = await tripWith(0);
    const asked = await ask(authorization, tripId);
    const id = asked.json.id as string;
    const both = await Promise.all([remove(authorization, tripId, id), call(replica.url, 'DELETE', `/api/v1/trips/${tripId}/schedules/${id}`, { headers: { authorization } })]);
    expect(both.map((a) => a.status).sort()).toEqual([204, 404]);
    expect((await queryRows<{ n: number }>(ctx.stack.trip.db.url, 'SELECT count(*)::int AS n FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(id)]))[0]!.n).toBe(1);
    expect((await remove(authorization, tripId, id)).status).toBe(404);
  });

  it('withdraws a completed schedule requested by a trip pod of the release before (no notifiedBy), so that the AI service holds back its notify; not one this service told', async () => {
    // docs/api.md, POST /internal/v1/ai/schedules/withdraw: the notification of an outcome not yet sent
    // (a request of the release before: the AI service tells it one pass through its queue after
    // recording it) becomes none with `notify: false`, and only a withdrawal does that. This service
    // may read the outcome (completed) and the traveller delete the schedule before that pass.
    const withdrawalOf = async (id: string) =>
      (await queryRows<{ body: { withdrawn?: unknown } }>(ctx.stack.trip.db.url, 'SELECT body FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(id)])).map((m) => m.body.withdrawn);
    const completedAs = async (releaseBefore: boolean) => {
      const { authorization, tripId } = await tripWith(0);
      const asked = await ask(authorization, tripId);
      expect(asked.status).toBe(202);
      const id = asked.json.id as string;
      // As the trip service records an outcome; a pod of the release before stored its request without notifiedBy.
      await queryRows(
        ctx.stack.trip.db.url,
        `UPDATE schedules SET status = 'completed', result = '{"days": [], "unscheduled": []}'::jsonb, finished_at = now(), told_at = CASE WHEN $2 THEN NULL ELSE now() END,
                request = CASE WHEN $2 THEN request - 'notifiedBy' ELSE request END
          WHERE id = $1`,
        [id, releaseBefore],
      );
      const deleted = await remove(authorization, tripId, id);
      expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
      return withdrawalOf(id);
    };
    // Before: [] (only a queued or running one was withdrawn), and the AI service's notify told schedule.completed after the DELETE.
    expect(await completedAs(true)).toEqual([{ error: SCHEDULE_DELETED, notify: false }]);
    // Told by this service when it recorded it (notifiedBy `trip`): the AI service tells nothing of it, nothing to hold back.
    expect(await completedAs(false)).toEqual([]);
  });

  it('answers 404 for another traveller\'s trip, a schedule of another trip and an unknown one, deleting nothing', async () => {
    const mine = await tripWith(1);
    const theirs = await tripWith(1);
    const other = await tripWith(1);
    const trip404 = await remove(theirs.authorization, mine.tripId, mine.ids[0]!);
    expect([trip404.status, trip404.json.detail]).toEqual([404, 'No such trip']);
    // The other trip is the traveller's own, the schedule is not of it.
    const sameOwner = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization: mine.authorization } });
    const notOfIt = await remove(mine.authorization, sameOwner.json.id as string, mine.ids[0]!);
    expect([notOfIt.status, notOfIt.json.detail]).toEqual([404, 'No such schedule of this trip']);
    expect((await remove(mine.authorization, mine.tripId, randomUUID())).status).toBe(404);
    expect((await remove(mine.authorization, mine.tripId, 'not-a-uuid')).status).toBe(400);
    expect([await count(mine.tripId), await count(other.tripId)]).toEqual([1, 1]);
  });

  it('frees the deleted schedule\'s Idempotency-Key: the same key then makes a new schedule', async () => {
    const { authorization, tripId } = await tripWith(0);
    const key = randomUUID();
    const first = await ask(authorization, tripId, key);
    expect(first.status).toBe(202);
    await queryRows(ctx.stack.trip.db.url, "UPDATE schedules SET status = 'failed', error = 'x', finished_at = now() WHERE id = $1", [first.json.id]);
    expect((await remove(authorization, tripId, first.json.id as string)).status).toBe(204);
    const again = await ask(authorization, tripId, key);
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    expect(again.json.id).not.toBe(first.json.id);
  });
});
