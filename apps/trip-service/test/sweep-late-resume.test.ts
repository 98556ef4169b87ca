/**
 * A pass of the sweep that fails part-way (trip_db refused one write) takes the correctable schedules
 * (failed here alone, AI_UNREACHABLE) up again where it stood, at the next pass. The sweep reads its
 * pages ahead of their refreshes (SCHEDULE_STATUS_CONCURRENCY at once), and moved its position on as
 * each page was read: a page whose refresh failed was passed over until the walk came round to it
 * again, ceil(correctable / LATE_PER_PASS) + 1 passes later, its traveller told that much later.
 *
 * The trip service's schedules on real PostgreSQL and the real AI service; the fault is PostgreSQL's
 * own (a trigger refusing the newest schedule's update once), the passes are the service's own
 * `sweep`, called one after the other.
 */
import type { OperationBudget } from '@tripgen/service-kit';
import { onceTrigger, queryRows, testPrismaClient, unreachableHttpUrl } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peers as createPeers } from '../src/clients/peers.ts';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { tripEvents } from '../src/domain/events.ts';
import { REFRESH_EVERY_MS, SWEEP_PAGE, scheduleService } from '../src/domain/schedules.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { storeCorrectableFailures } from './correctable.ts';
import { startStack, type Stack } from './harness.ts';

/** Longer than the test: the stack's own replica sweeps once at its start, before the rows exist. */
const ONE_PASS_PERIOD_MS = 600_000;
let stack: Stack;
let prisma: PrismaClient;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: String(ONE_PASS_PERIOD_MS) } });
  prisma = testPrismaClient(PrismaClient, stack.trip.db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await stack?.close();
});

/** More pages than are read at once, fewer than a pass asks (LATE_PER_PASS): one pass walks them all. */
const LATE = 5 * SWEEP_PAGE + 50;

it('a pass that failed on its first page of correctable schedules asks that page again at the next pass', { timeout: 120_000 }, async () => {
  const ids = await storeCorrectableFailures(stack, LATE);
  // The newest (the first page's first row) cannot be written once: a sequence, as a failed
  // transaction rolls back any row that would remember the refusal.
  const newest = ids.at(-1)!;
  await onceTrigger((sql) => queryRows(stack.trip.db.url, sql), {
    name: 'refuse_once',
    event: 'BEFORE UPDATE',
    table: 'schedules',
    condition: `OLD.id = '${newest}'`,
    action: "RAISE EXCEPTION 'trip_db refused this write once';",
  });

  const schedules = scheduleService({
    prisma,
    peers: createPeers({ user: unreachableHttpUrl(), location: unreachableHttpUrl(), ai: stack.ai!.url }),
    config: { scheduleDeadlineMs: 120_000, scheduleGraceMs: 30_000, sweepIntervalMs: SWEEP_INTERVAL_DEFAULT_MS },
    // A sweep spends no budget: only a request does.
    budget: {} as OperationBudget,
    onEnqueued: () => undefined,
    events: tripEvents(false),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const statusOf = async (id: string) => (await queryRows<{ status: string }>(stack.trip.db.url, 'SELECT status FROM schedules WHERE id = $1', [id]))[0]!.status;

  await expect(schedules.sweep()).rejects.toThrow(/refused this write once/);
  expect(await statusOf(newest)).toBe('failed');
  // Past the pause between two asks of one schedule.
  await new Promise((r) => setTimeout(r, 2 * REFRESH_EVERY_MS));
  const next = await schedules.sweep();
  // Before: the second pass began after the pages the first had read ahead (4 at once), and the newest stayed failed.
  expect({ late: next.late > 0, newest: await statusOf(newest) }).toEqual({ late: true, newest: 'completed' });
});
