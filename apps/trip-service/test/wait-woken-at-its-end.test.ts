/**
 * A read waiting on a schedule (`get` with `ms`, the route's `?wait=`) is woken when the schedule is
 * cancelled or changed (`wake`, here and from the outcome channel), and reads its row at once. A wake
 * that came while the wait's last round was out (its status call, which under load takes a while, or
 * a row read begun before the cancel committed) was lost once that round ended past the wait: the
 * loop checked the wait's end, not the wake, and the read answered the row it had, `queued`, for a
 * schedule cancelled before its wait was over (the defect wait-sees-changes.test.ts fixed, at the
 * wait's very end).
 *
 * The trip service's schedules on real PostgreSQL; the AI service's status route is the test's own,
 * answering or holding each call, and the service's clock is the test's, so that the wait's end comes
 * while a status call is held, no sooner or later than the test says: nothing depends on how fast
 * the machine is.
 */
import type { GenerationState } from '@tripgen/catalog';
import type { OperationBudget } from '@tripgen/service-kit';
import { queryRows, testPrismaClient, unreachableHttpUrl, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peers as createPeers } from '../src/clients/peers.ts';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { tripEvents } from '../src/domain/events.ts';
import { REFRESH_EVERY_MS, scheduleService } from '../src/domain/schedules.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { askSchedule, startStack, type Stack } from './harness.ts';

let stack: Stack;
let prisma: PrismaClient;
beforeAll(async () => {
  stack = await startStack({ ai: false, tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: '600000' } });
  prisma = testPrismaClient(PrismaClient, stack.trip.db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await stack?.close();
});

/** The wait asked for. */
const WAIT_MS = 2_000;

it('a cancel that wakes a wait while its last status call is out is answered (404), not the row read before it', { timeout: 60_000 }, async () => {
  const { tripId, scheduleId } = await askSchedule(stack);
  const userId = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM schedules WHERE id = $1', [scheduleId]))[0]!.user_id;

  const start = Date.now();
  let clock = start;
  /** The status calls made, each answered (nothing known: the schedule stays queued) when the test says. */
  const calls: { answer: (states: GenerationState[]) => void }[] = [];
  const held = new Set<number>([2]);
  const schedules = scheduleService({
    prisma,
    peers: {
      ...createPeers({ user: unreachableHttpUrl(), location: unreachableHttpUrl(), ai: unreachableHttpUrl() }),
      scheduleStates: () =>
        new Promise<GenerationState[]>((resolve) => {
          const n = calls.push({ answer: resolve }) - 1;
          if (!held.has(n)) resolve([]);
        }),
    },
    config: { scheduleDeadlineMs: 120_000, scheduleGraceMs: 30_000, sweepIntervalMs: SWEEP_INTERVAL_DEFAULT_MS },
    budget: {} as OperationBudget,
    onEnqueued: () => undefined,
    events: tripEvents(false),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now: () => clock,
  });

  const answered = schedules.get(userId, tripId, scheduleId, { ms: WAIT_MS });
  // Call 0: the first read's (the wait's start, `start` on its clock). Its answer's turn taken, the clock moves to the wait's
  // second half: the next round asks again (call 1) and reads the row (past a second since the last).
  await waitFor(() => calls.length === 1, 'the first read\'s status call', 10_000, 5);
  await new Promise((r) => setTimeout(r, 0));
  clock = start + WAIT_MS - 500;
  await waitFor(() => calls.length === 2, 'the wait\'s status call in its second half', 10_000, 5);
  // The round after it asks again (call 2, held): its row read is not due (read just now), and the wait ends while it is out.
  clock = start + WAIT_MS - 500 + 2 * REFRESH_EVERY_MS;
  await waitFor(() => calls.length === 3, 'the wait\'s last status call', 10_000, 5);

  // The traveller's cancel, committed and waking the wait, before the wait's end; the end comes while the call is out.
  expect(await schedules.remove(userId, tripId, scheduleId)).toBe('deleted');
  clock = start + WAIT_MS + 100;
  calls[2]!.answer([]);

  const row = await answered;
  // Before: the row read before the cancel ({ status: 'queued' }), for a schedule already deleted.
  expect(row === undefined ? 'none (404)' : { status: row.status }).toBe('none (404)');
});
