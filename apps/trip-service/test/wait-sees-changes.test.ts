/**
 * A read that waits (`?wait=`) sees what changed the schedule here, not only what the AI service
 * says: a PATCH that fails it (TRIP_CHANGED), a DELETE of its trip. With the AI service out of
 * reach (its status reads answer nothing) the wait answered the row as it was at its start, `queued`,
 * after the whole wait (before the fix: 5 s, for both).
 */
import { expect, it } from 'vitest';
import { call, fileStack, tripBody } from './harness.ts';

const ctx = fileStack({ ai: false });

const scheduleBeingWaitedFor = async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const requested = await call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
  expect(requested.status).toBe(202);
  const location = requested.headers.get('location')!;
  const waiting = call(ctx.base, 'GET', `${location}?wait=5`, { headers });
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
