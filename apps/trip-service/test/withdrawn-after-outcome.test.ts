/**
 * A trip deleted or changed while the AI service is down: the direct withdraw call found nobody, and
 * the request and then the withdrawal message waited on the queue. Until the AI service sent such a
 * request round the queue once (its `.behind` copy, schedule-cancel-outage.test.ts), it was taken and
 * planned, within its deadline, before its withdrawal; now the withdrawal is taken first and the
 * schedule fails there unplanned. The notify message that held the plan's outcome back stays (a
 * withdrawal may still come after a plan: one written while the AI service starts, or by a release
 * before), tested in the AI service's consumer tests. Taken one at a time here
 * (SCHEDULE_CONCURRENCY 1); with more at once the same happens whenever more messages than the
 * consumer takes at once wait between the two (a backlog after an outage). Before the fix the plan
 * completed and notified `schedule.completed` in its delivery's transaction, and the withdrawal then
 * found the schedule final and did nothing: the traveller was told of a schedule for a trip they had
 * deleted, or completed for one the trip service shows failed (TRIP_CHANGED). What must hold: nobody
 * told about a deleted trip; a changed trip's traveller told what the trip service answers (failed,
 * TRIP_CHANGED), once. Every service real (the location service with the shipped data).
 */
import { QUEUES, SCHEDULE_NOTIFICATIONS } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIP_CHANGED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation, aiEnv: { SCHEDULE_CONCURRENCY: '1' } });
});
afterAll(async () => stack?.close());

const settled = (messageId: string) =>
  waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1, `${messageId} settled by the AI service`, 60_000, 100);
const generation = async (scheduleId: string) => (await queryRows<{ status: string; error: string | null }>(stack.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [scheduleId]))[0];
/** The notifications written about the schedule, by either sender (harness notificationsWritten), whether or not the inbox has them yet. */
const written = async (scheduleId: string) => (await notificationsWritten(stack, scheduleId)).map(({ type, error }) => ({ type, error }));
/**
 * Until every message the AI service sent itself about the schedule (to the back of its queue) has
 * been taken and settled: whatever it does after the withdrawal has been done.
 */
const quiet = (scheduleId: string) =>
  waitFor(
    async () =>
      (
        await queryRows(
          stack.ai!.db.url,
          'SELECT 1 FROM outbox_messages o WHERE o.queue = $1 AND o.body->>\'scheduleId\' = $2 AND NOT EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id)',
          [QUEUES.aiScheduleGeneration, scheduleId],
        )
      ).length === 0,
    'the AI service\'s own messages about the schedule settled',
    30_000,
    100,
  );
const told = async (headers: Record<string, string>, scheduleId: string) => {
  const res = await call(stack.user.url, 'GET', '/api/v1/users/me/notifications', { headers });
  expect(res.status).toBe(200);
  return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId).map((n) => ({ type: n.type, error: n.payload.error }));
};

/** A new traveller's trip and its schedule, requested while the AI service is stopped (its deadline far ahead). */
const heldSchedule = () => askSchedule(stack, () => stack.ai!.stop());

describe('a schedule whose withdrawal waited behind its request (the AI service down when the trip went or changed)', () => {
  it('its trip deleted: nobody notified, and the schedule forgotten at the AI service, no plan kept', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await heldSchedule();
    const deleted = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
    // Answered 503 once under a loaded machine: the problem+json says which limit it was.
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
    await releaseToAi(stack);
    await settled(scheduleId);
    await settled(withdrawalMessageId(scheduleId));
    // Failed unplanned by the withdrawal, taken first (before, planned: completed); the trip service's sweep may have had it forgotten first (no row).
    const ended = await generation(scheduleId);
    if (ended !== undefined) expect(ended.status).toBe('failed');
    await quiet(scheduleId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Before the fix: [{ type: 'schedule.completed', error: null }].
    expect(await written(scheduleId)).toEqual([]);
    expect(await told(headers, scheduleId)).toEqual([]);
    // Its trip deleted: the trip service's sweep has the AI service forget it (before 449d6ac its copy was kept until the
    // account's erasure); the forget's transaction records the id, whatever it found (forgotten_generations).
    await waitFor(
      async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM forgotten_generations WHERE id = $1', [scheduleId])).length === 1,
      'the deleted trip\'s schedule forgotten in ai_db',
      30_000,
      100,
    );
    // The forget before the withdrawal: no row, none made after. The withdrawal first (the AI service's consumer
    // ahead of the sweep, as on a loaded machine): its failure stays for GENERATION_RETENTION, as every failure the
    // forget route finds, holding the ids alone (the AI service's WITHDRAWN_REQUEST_KEYS): no plan, nothing of the trip.
    const kept = await queryRows<{ status: string; planned: boolean; keys: string[] }>(
      stack.ai!.db.url,
      'SELECT status::text, result IS NOT NULL AS planned, ARRAY(SELECT jsonb_object_keys(request) ORDER BY 1) AS keys FROM generations WHERE id = $1',
      [scheduleId],
    );
    if (kept.length > 0) expect(kept).toEqual([{ status: 'failed', planned: false, keys: ['notifiedBy', 'requestedAt', 'scheduleId', 'tripId', 'userId'] }]);
  });

  it('its trip changed (its dates): told it failed (TRIP_CHANGED), as the trip service answers, once; never completed', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await heldSchedule();
    const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    const read = () => call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
    expect((await read()).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    await releaseToAi(stack);
    await settled(scheduleId);
    await settled(withdrawalMessageId(scheduleId));
    // Failed unplanned by the withdrawal, taken first (before: completed, then held back by the withdrawal).
    expect(await generation(scheduleId)).toEqual({ status: 'failed', error: TRIP_CHANGED });
    await quiet(scheduleId);
    await waitFor(async () => (await told(headers, scheduleId)).length > 0, 'a notification in the inbox', 30_000, 200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Before the fix: [{ type: 'schedule.completed', error: undefined }], the trip service answering failed.
    expect(await told(headers, scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
    expect(await written(scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
    expect((await read()).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
  });
});
