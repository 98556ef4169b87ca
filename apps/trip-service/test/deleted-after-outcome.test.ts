/**
 * A trip deleted after this service read its schedule's outcome, before the AI service told the
 * traveller of it. The AI service records an outcome and tells it one pass later, through its own
 * queue (its `<schedule id>.notify` message, ai-service generations.ts notifyMessageId); behind
 * other schedules' requests (a backlog, here one after another: SCHEDULE_CONCURRENCY 1) that pass
 * takes seconds, and the traveller may read the schedule `completed` and delete the trip meanwhile.
 * Before the fix a deletion withdrew only the schedules without an outcome here, so the notify
 * message then told `schedule.completed` for a trip the traveller had deleted; so did one whose trip
 * had changed first (its notification then `schedule.failed`, TRIP_CHANGED). What must hold: nobody
 * told about a deleted trip. Every service real (the location service with the shipped data).
 */
import { QUEUES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIP_CHANGED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation, aiEnv: { SCHEDULE_CONCURRENCY: '1' } });
});
afterAll(async () => stack?.close());

/** Other travellers' schedules asked after it (the AI service still stopped): the backlog its notify message waits behind. */
const BACKLOG = 8;
const notifyId = (scheduleId: string) => `${scheduleId}.notify`;
const processed = async (messageId: string) => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1;
const settled = (messageId: string) => waitFor(() => processed(messageId), `${messageId} settled by the AI service`, 60_000, 100);
/** The notifications the AI service wrote for the schedule (its outbox, whether or not the inbox has them yet). */
const written = (scheduleId: string) =>
  queryRows<{ type: string; error: string | null }>(stack.ai!.db.url, "SELECT body->>'type' AS type, body->'payload'->>'error' AS error FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", [QUEUES.notification, scheduleId]);
const told = async (headers: Record<string, string>, scheduleId: string) => {
  const res = await call(stack.user.url, 'GET', '/api/v1/users/me/notifications', { headers });
  expect(res.status).toBe(200);
  return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId).map((n) => n.type);
};

/** The schedule asked with the AI service stopped, `between` done, the backlog asked behind it, the AI service started. */
const heldWithBacklog = async (between?: (s: { headers: Record<string, string>; tripId: string; scheduleId: string }) => Promise<void>) => {
  const s = await askSchedule(stack, () => stack.ai!.stop());
  await between?.(s);
  for (let i = 0; i < BACKLOG; i++) await askSchedule(stack);
  await releaseToAi(stack);
  return s;
};

/**
 * The DELETE, then the notify message taken. True when the notify message still waited at the
 * deletion (the case tested); false when it had been taken already (the backlog ahead of it was
 * planned first: the relay sends each schedule's messages apart, so their order on the queue varies),
 * and the caller tries again with a new trip.
 */
const deleteBeforeNotify = async (headers: Record<string, string>, tripId: string, scheduleId: string): Promise<boolean> => {
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
  if (await processed(notifyId(scheduleId))) return false;
  await settled(notifyId(scheduleId));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return true;
};
const TRIES = 3;

describe('a trip deleted after its schedule\'s outcome was read, before the traveller was told of it', () => {
  it('its schedule read completed, then the trip deleted: nobody told', { timeout: 120_000 }, async () => {
    for (let attempt = 1; ; attempt++) {
      const { headers, tripId, scheduleId } = await heldWithBacklog();
      const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}?wait=5`, { headers });
      expect(read.json).toMatchObject({ status: 'completed' });
      if (!(await deleteBeforeNotify(headers, tripId, scheduleId))) {
        expect(attempt, 'the notify message still waiting at the deletion, in one of the tries').toBeLessThan(TRIES);
        continue;
      }
      // Before the fix: [{ type: 'schedule.completed', error: null }].
      expect(await written(scheduleId)).toEqual([]);
      expect(await told(headers, scheduleId)).toEqual([]);
      return;
    }
  });

  it('its trip changed (the schedule failed, TRIP_CHANGED), then deleted before the failure was told: nobody told', { timeout: 120_000 }, async () => {
    for (let attempt = 1; ; attempt++) {
      const { headers, tripId, scheduleId } = await heldWithBacklog(async (s) => {
        const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${s.tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers: s.headers });
        expect(patched.status, JSON.stringify(patched.json)).toBe(200);
      });
      // The request planned and completed, then the change's withdrawal taken (the AI service was down at the change).
      await settled(withdrawalMessageId(scheduleId));
      expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
      if (!(await deleteBeforeNotify(headers, tripId, scheduleId))) {
        expect(attempt, 'the notify message still waiting at the deletion, in one of the tries').toBeLessThan(TRIES);
        continue;
      }
      // Before the fix: [{ type: 'schedule.failed', error: TRIP_CHANGED }].
      expect(await written(scheduleId)).toEqual([]);
      expect(await told(headers, scheduleId)).toEqual([]);
      return;
    }
  });
});
