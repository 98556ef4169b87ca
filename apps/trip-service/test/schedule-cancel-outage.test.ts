/**
 * docs/api.md, DELETE /api/v1/trips/{id}/schedules/{scheduleId}, a schedule cancelled while the AI
 * service is down: its withdraw route unreachable, the withdrawal waits on the queue behind the
 * request. Once the AI service is back, the request is sent round once unplanned (the AI service's
 * behindMessageId: it was put on the queue while no AI pod was up, served-since.ts), so the
 * withdrawal is taken first and the schedule fails there with SCHEDULE_DELETED without the engine
 * ever running for it.
 * Before: taken first, it was claimed and planned (up to ENGINE_TIME_LIMIT_MS of CPU, 3 s here),
 * the plan then dropped. Every service real (location with the shipped Seoul data), PostgreSQL,
 * Redis and the Service Bus emulator. The trip service sweeps once at its start, then every 10
 * minutes: its forget call (which also stops a plan: forgotten_generations) reached the AI service
 * first in some runs, and in others not (schedule-cancel.test.ts), so here only the queue decides.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '@tripgen/testing';
import { SCHEDULE_DELETED } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    location: startLocation,
    tripEnv: { SCHEDULE_DEADLINE_MS: '15000', SCHEDULE_GRACE_MS: '2000', SCHEDULE_SWEEP_INTERVAL_MS: '600000' },
    aiEnv: { SCHEDULE_CONCURRENCY: '1', ENGINE_TIME_LIMIT_MS: '3000', ENGINE_MAX_ITERATIONS: '10000000' },
  });
  // Every state a generation row took, in order: a plan claims its row first (claimed_by), so a
  // claim recorded is an engine run begun, whatever the row's end.
  for (const sql of [
    'CREATE TABLE test_generation_states (seq bigserial PRIMARY KEY, id uuid NOT NULL, status text NOT NULL, claimed boolean NOT NULL, engine_ms int)',
    `CREATE FUNCTION test_record_generation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       INSERT INTO test_generation_states (id, status, claimed, engine_ms) VALUES (NEW.id, NEW.status::text, NEW.claimed_by IS NOT NULL, NEW.engine_ms);
       RETURN NULL;
     END $$`,
    'CREATE TRIGGER test_record_generation AFTER INSERT OR UPDATE ON generations FOR EACH ROW EXECUTE FUNCTION test_record_generation()',
  ]) await queryRows(stack.ai!.db.url, sql);
}, 180_000);
afterAll(async () => stack?.close());

const settled = (messageId: string) =>
  waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1, `${messageId} settled by the AI service`, 60_000, 100);

it('cancelled while the AI service is down: once back, the withdrawal is taken before any plan: failed unplanned, nobody notified', { timeout: 120_000 }, async () => {
  const t = await askSchedule(stack, () => stack.ai!.stop());
  const deleted = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}/schedules/${t.scheduleId}`, { headers: t.headers });
  expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
  await releaseToAi(stack);
  await settled(t.scheduleId);
  await settled(`${t.scheduleId}.withdrawn`);
  // The request's copy sent round (this release), when one was written, taken too.
  const behind = `${t.scheduleId}.behind`;
  await waitFor(
    async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM outbox_messages WHERE message_id = $1', [behind])).length === (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [behind])).length,
    'the request\'s copy settled',
    60_000,
    100,
  );
  const states = await queryRows<{ status: string; claimed: boolean; engine_ms: number | null }>(stack.ai!.db.url, 'SELECT status, claimed, engine_ms FROM test_generation_states WHERE id = $1 ORDER BY seq', [t.scheduleId]);
  console.log(`schedule-cancel-outage: the cancelled schedule's states at the AI service: ${JSON.stringify(states)}`);
  // Before: [{ running, claimed }, ..., { completed, engine_ms ~3000 }]: planned, then dropped.
  expect(states.filter((r) => r.claimed || r.status === 'completed'), 'a plan begun').toEqual([]);
  expect((await queryRows<{ status: string; error: string | null }>(stack.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [t.scheduleId]))[0]).toEqual({ status: 'failed', error: SCHEDULE_DELETED });
  expect(await notificationsWritten(stack, t.scheduleId)).toEqual([]);
  expect((await queryRows(stack.trip.db.url, 'SELECT 1 FROM schedules WHERE id = $1', [t.scheduleId])).length).toBe(0);
});

it('a request made while the AI service is up goes straight to its plan: nothing sent round', { timeout: 120_000 }, async () => {
  // The AI service back for longer than the clock margin (served-since.ts SERVED_SINCE.clockSkewMs) since the case above.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const pods = await queryRows<{ served_since: Date | null }>(stack.ai!.db.url, 'SELECT served_since FROM ai_pods');
  // Reachable (its first readiness 200, which the harness asks as the kubelet does): its run of service has begun; before it, every request went round.
  expect(pods.map((p) => p.served_since === null)).toEqual([false]);
  const t = await askSchedule(stack);
  await settled(t.scheduleId);
  expect(await queryRows(stack.ai!.db.url, 'SELECT 1 FROM outbox_messages WHERE message_id = $1', [`${t.scheduleId}.behind`])).toEqual([]);
  expect((await queryRows<{ status: string }>(stack.ai!.db.url, 'SELECT status::text FROM generations WHERE id = $1', [t.scheduleId]))[0]?.status).toBe('completed');
});
