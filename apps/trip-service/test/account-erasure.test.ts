/**
 * A deleted account's trips are erased by the trip service (catalog ACCOUNT_ERASURE): its sweep asks
 * the user service which owners of trips have no account and deletes their trips as a trip DELETE
 * does, queued schedules withdrawn, after the AI service erased their finished generations. Two
 * trip replicas sweep (every 200 ms here instead of the catalog's 10 minutes); the user and AI
 * services, their databases and trip_db are real.
 */
import { QUEUES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIP_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { ACCOUNT_ERASURE_INTERVAL_MS: '200' } });
  await stack.tripReplica();
});
afterAll(async () => stack?.close());

const tripsOf = async (userId: string) => (await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id FROM trips WHERE user_id = $1 ORDER BY id', [userId])).map((r) => r.id);
const schedulesOf = async (userId: string) => (await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id FROM schedules WHERE user_id = $1', [userId])).map((r) => r.id);
const createTrip = async (authorization: string) => {
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.id as string;
};
/** A finished generation in ai_db, as the AI service stores a plan (its request and result hold the trip and the preferences). */
const generation = async (userId: string, tripId: string, status: 'completed' | 'failed' | 'running') => {
  const id = randomUUID();
  await queryRows(stack.ai!.db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at) VALUES ($1, $2, $3, $4::"GenerationStatus", '{"trip": {"destination": "Seoul"}}', '{"days": []}', CASE WHEN $4 = 'running' THEN NULL ELSE now() END)`, [id, tripId, userId, status]);
  return id;
};
const generationsOf = async (userId: string) => (await queryRows<{ status: string }>(stack.ai!.db.url, 'SELECT status::text FROM generations WHERE user_id = $1 ORDER BY status', [userId])).map((r) => r.status);
/** Several sweeps of both replicas. */
const sweeps = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('the trips of a deleted account', () => {
  it('are erased after the traveller deletes their account, their queued schedule withdrawn, and nobody else\'s', { timeout: 60_000 }, async () => {
    const leaving = await stack.traveller();
    const staying = await stack.traveller();
    const [first, second] = [await createTrip(leaving.authorization), await createTrip(leaving.authorization)];
    // The broker out of reach: the schedule asked stays queued here (its request in the outbox).
    await stack.bus.interrupt();
    try {
      const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${first}/schedules`, { body: {}, headers: { authorization: leaving.authorization } });
      expect(asked.status, JSON.stringify(asked.json)).toBe(202);
      const kept = await createTrip(staying.authorization);
      expect(await tripsOf(leaving.userId)).toEqual([first, second].sort());
      // Plans the AI service made for the traveller earlier (one of a trip they deleted before), and one it is still making.
      await generation(leaving.userId, second, 'completed');
      await generation(leaving.userId, randomUUID(), 'completed');
      await generation(leaving.userId, second, 'failed');
      await generation(leaving.userId, second, 'running');
      await generation(staying.userId, kept, 'completed');

      const deleted = await fetch(`${stack.user.url}/api/v1/users/me`, { method: 'DELETE', headers: { authorization: leaving.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'correct horse battery' }) });
      expect(deleted.status).toBe(204);
      // Before: they stayed in trip_db for good.
      await waitFor(async () => (await tripsOf(leaving.userId)).length === 0, 'the trips of the deleted account erased', 20_000, 100);
      expect(await schedulesOf(leaving.userId)).toEqual([]);
      // As a trip DELETE: the queued schedule's withdrawal goes to the AI service (its message, the direct call finding nobody).
      expect(await queryRows(stack.trip.db.url, 'SELECT queue FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(asked.json.id as string)])).toEqual([{ queue: QUEUES.aiScheduleGeneration }]);
      // Their finished plans went from ai_db first (before: kept for good). Left: one still being made (its
      // withdrawal fails it), and the withdrawn schedule's failure (ids and reason, the row that recognises its
      // withdrawal message): both go with the failed ones' retention (GENERATION_RETENTION).
      await waitFor(async () => (await generationsOf(leaving.userId)).join() === 'failed,running', "the withdrawal's failure at the AI service (told after the commit)", 10_000, 50);
      expect(await queryRows(stack.ai!.db.url, "SELECT error FROM generations WHERE user_id = $1 AND status = 'failed'", [leaving.userId])).toEqual([{ error: TRIP_DELETED }]);
      expect(await queryRows(stack.ai!.db.url, "SELECT id FROM generations WHERE user_id = $1 AND status = 'failed'", [leaving.userId])).toEqual([{ id: asked.json.id }]);
      expect(await generationsOf(staying.userId)).toEqual(['completed']);
      expect(await tripsOf(staying.userId)).toEqual([kept]);
      expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${kept}`, { headers: { authorization: staying.authorization } })).status).toBe(200);
    } finally {
      await stack.bus.restart();
    }
  });

  it('are kept while the AI service does not answer (its copies could not be erased), and erased with them once it does', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    await stack.ai!.stop();
    try {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      await sweeps();
      expect(await tripsOf(gone.userId)).toEqual([trip]);
    } finally {
      await stack.ai!.start();
    }
    await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip erased once the AI service answers', 20_000, 100);
    expect(await generationsOf(gone.userId)).toEqual([]);
  });

  it('are erased for an account an operator deleted, never while the user service does not answer, then once it answers again', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await stack.user.stop();
    try {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      await sweeps();
      // Nobody said the account is gone: nothing is erased.
      expect(await tripsOf(gone.userId)).toEqual([trip]);
    } finally {
      await stack.user.start();
    }
    await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip of the account deleted in SQL erased', 20_000, 100);
  });

  it('walks every owner in batches: 250 owners with no account lose their trips, an account that exists keeps its own', { timeout: 60_000 }, async () => {
    const staying = await stack.traveller();
    const kept = await createTrip(staying.authorization);
    // Owners the user service never had (an account deleted before this release: its trips stayed).
    await queryRows(
      stack.trip.db.url,
      `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
       SELECT gen_random_uuid(), gen_random_uuid(), 'Orphan', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{museums}', '{}', now() FROM generate_series(1, 250)`,
    );
    await waitFor(async () => (await queryRows(stack.trip.db.url, "SELECT 1 FROM trips WHERE title = 'Orphan'")).length === 0, 'the 250 orphaned trips erased', 30_000, 100);
    expect(await tripsOf(staying.userId)).toEqual([kept]);
  });
});
