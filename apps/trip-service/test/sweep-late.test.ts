/**
 * The sweep asks the AI service of every schedule failed here alone that it may still complete
 * (correctable: README "Failure cases"), however many: after an AI outage they may be hundreds. Before,
 * a pass asked the newest 100 alone, so the 101st and older waited for newer ones to leave the set
 * (a pass each time the AI service answered the newest, for good while 100 newer stayed unanswered)
 * before their plan was shown and their traveller told.
 *
 * The real trip service and AI service on real PostgreSQL. The schedules are put in trip_db as the
 * trip service fails them at their deadline (AI_UNREACHABLE) and their plans in ai_db as the AI
 * service completes them; nobody reads them. A trip replica started after they are stored, with a
 * sweep period of 10 minutes, sweeps once at its start: that one pass must correct every one.
 */
import { SCHEDULE_NOTIFICATIONS, scheduleNotificationId } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SWEEP_PAGE } from '../src/domain/schedules.ts';
import { storeCorrectableFailures } from './correctable.ts';
import { notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';

/** Longer than the test: a replica sweeps once, at its start. */
const ONE_PASS_PERIOD_MS = 600_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: String(ONE_PASS_PERIOD_MS) } });
});
afterAll(async () => stack?.close());

const LATE = SWEEP_PAGE + 50;

it(`one pass of the sweep corrects every one of ${LATE} schedules failed here alone whose plan the AI service has, the ${SWEEP_PAGE + 1}st newest and older too`, { timeout: 120_000 }, async () => {
  const ids = await storeCorrectableFailures(stack, LATE);
  const completed = async () => (await queryRows<{ n: number }>(stack.trip.db.url, "SELECT count(*)::int AS n FROM schedules WHERE status = 'completed' AND told_at IS NOT NULL"))[0]!.n;
  expect(await completed()).toBe(0);

  // One pass: the replica's first, at its start (the first replica's next is 10 minutes away).
  await stack.tripReplica();
  // Before: 'the sweep to correct every one' timed out at 100 (the newest 100), the oldest 50 still failed.
  await waitFor(async () => (await completed()) === LATE, 'the sweep to correct every one', 30_000, 100).catch(async (err: unknown) => {
    throw new Error(`${String(err)}: ${await completed()} of ${LATE} corrected`);
  });
  // The oldest (the last one a pass of the newest 100 never reached) was told once, by the trip service.
  expect((await notificationsWritten(stack, ids[0]!)).map((n) => [n.by, n.messageId])).toEqual([['trip', scheduleNotificationId(ids[0]!, SCHEDULE_NOTIFICATIONS.completed)]]);
});
