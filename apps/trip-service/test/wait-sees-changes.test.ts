/**
 * A read that waits (`?wait=`) sees what changed the schedule here, not only what the AI service
 * says: a PATCH that fails it (TRIP_CHANGED), a DELETE of its trip. With the AI service out of
 * reach (its status reads answer nothing) the wait answered the row as it was at its start, `queued`,
 * after the whole wait (before the fix: 5 s, for both).
 */
import { expect, it } from 'vitest';
import { call, fileStack, tripBody } from './harness.ts';

const ctx = fileStack({ ai: false });

const scheduleBeingWaitedFor = async (waitSeconds = 5, readFrom?: string) => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const requested = await call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
  expect(requested.status).toBe(202);
  const location = requested.headers.get('location')!;
  const waiting = call(readFrom ?? ctx.base, 'GET', `${location}?wait=${waitSeconds}`, { headers });
  await new Promise((r) => setTimeout(r, 300)); // the read is waiting
  return { headers, id, waiting };
};

it('a PATCH that changes what the schedule is for: the waiting read answers it failed', async () => {
  const { headers, id, waiting } = await scheduleBeingWaitedFor();
  expect((await call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { startDate: '2026-09-24' }, headers })).status).toBe(200);
  const answer = await waiting;
  expect([answer.status, answer.json.status, answer.json.error]).toEqual([200, 'failed', expect.stringContaining('the trip changed')]);
});

it('a DELETE of its trip: the waiting read answers 404', async () => {
  const { headers, id, waiting } = await scheduleBeingWaitedFor();
  expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${id}`, { headers })).status).toBe(204);
  expect((await waiting).status).toBe(404);
});

/**
 * docs/api.md, GET ...?wait=: a cancel (the schedule's DELETE) ends the wait at once with the
 * schedule's 404, on the replica that cancelled it and on the others (catalog SCHEDULE_OUTCOME_CHANNEL).
 * Before: the wait saw it at its next row read (every second), so a wait ending first answered
 * 200 `queued` for a schedule already deleted.
 */
const cancelledWhileWaited = async (readFrom?: string) => {
  const { headers, id, waiting } = await scheduleBeingWaitedFor(2, readFrom);
  const schedule = (await call(ctx.base, 'GET', `/api/v1/trips/${id}/schedules`, { headers })).json.items as { id: string }[];
  // Just past the wait's row read of its first second: before, the next came after the 2 s wait had answered.
  await new Promise((r) => setTimeout(r, 900));
  const cancelledAt = Date.now();
  expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${id}/schedules/${schedule[0]!.id}`, { headers })).status).toBe(204);
  const answer = await waiting;
  const afterCancelMs = Date.now() - cancelledAt;
  // Before: 200 `queued` some 0.7 s after the cancel, when the wait ended.
  console.log(`wait-sees-changes: answered ${answer.status} ${afterCancelMs} ms after the cancel's answer${readFrom ? ' (another replica)' : ''}`);
  expect([answer.status, answer.json.detail]).toEqual([404, 'No such schedule of this trip']);
};

it('a DELETE of the schedule itself (its cancel): the waiting read answers 404 at once, not its `queued` of before', async () => {
  await cancelledWhileWaited();
});

it('the same, the read waiting on another replica than the DELETE\'s', async () => {
  await cancelledWhileWaited((await ctx.stack.tripReplica()).url);
});

/**
 * docs/api.md, GET ...?wait=: a PATCH that fails the schedule (TRIP_CHANGED) or a DELETE of its
 * trip ends the wait at once too, on any replica. Before: as the cancel above, seen at the wait's
 * next row read (every second), so a 2 s wait with the change at 0.9 s answered 200 `queued`.
 */
const changedWhileWaited = async (change: (id: string, headers: Record<string, string>) => Promise<number>, expected: unknown[], answered: (a: Awaited<ReturnType<typeof call>>) => unknown[], readFrom?: string) => {
  const { headers, id, waiting } = await scheduleBeingWaitedFor(2, readFrom);
  await new Promise((r) => setTimeout(r, 900));
  expect(await change(id, headers)).toBe(expected[0] === 404 ? 204 : 200);
  // From the change's answer: the wait ends at its 2 s otherwise, some 0.7 s later at most.
  const changedAt = Date.now();
  const answer = await waiting;
  const afterChangeMs = Date.now() - changedAt;
  console.log(`wait-sees-changes: answered ${JSON.stringify(answered(answer))} ${afterChangeMs} ms after the change's answer${readFrom ? ' (another replica)' : ''}`);
  expect(answered(answer)).toEqual(expected);
};
const patched = async (id: string, headers: Record<string, string>) => (await call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { startDate: '2026-09-24' }, headers })).status;
const tripDeleted = async (id: string, headers: Record<string, string>) => (await call(ctx.base, 'DELETE', `/api/v1/trips/${id}`, { headers })).status;
const failedAnswer = (a: Awaited<ReturnType<typeof call>>) => [a.status, a.json.status, a.json.error];
const goneAnswer = (a: Awaited<ReturnType<typeof call>>) => [a.status, ...(a.status === 404 ? [] : [a.json.status, a.json.error])];
const changedTrip = [200, 'failed', expect.stringContaining('the trip changed')];

it('a PATCH that fails the schedule within the wait\'s last second: answered failed at once, not its `queued` of before', async () => {
  await changedWhileWaited(patched, changedTrip, failedAnswer);
});

it('the same, the read waiting on another replica than the PATCH\'s', async () => {
  await changedWhileWaited(patched, changedTrip, failedAnswer, (await ctx.stack.tripReplica()).url);
});

it('a DELETE of its trip within the wait\'s last second: answered 404 at once, on this replica and another', async () => {
  await changedWhileWaited(tripDeleted, [404], goneAnswer);
  await changedWhileWaited(tripDeleted, [404], goneAnswer, (await ctx.stack.tripReplica()).url);
});
