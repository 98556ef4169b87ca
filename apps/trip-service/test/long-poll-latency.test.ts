/**
 * A read that waits for its schedule (`?wait=`, docs/api.md: the traveller's normal way to follow
 * it) holds the request for the traveller: that wait is not the service's latency. The duration
 * histogram every response-time alert, SLO rule and rollout analysis reads counts the read's own
 * time (markHeld). Before, it counted the whole wait: a read held 2 s was in le="2.5" and not in
 * le="0.2", one of the three requests of a traveller's normal flow was "slow", and a healthy release
 * failed its rollout analysis (p95 under 200 ms). And the wait ends with the schedule: a read whose
 * schedule fails meanwhile (its trip changed) answers then, not at the end of its wait.
 */
import { METRICS_PATH } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { call, fileStack, tripBody } from './harness.ts';

// Without the AI service the schedule stays queued: the read waits out its whole `wait`.
const ctx = fileStack({ ai: false });

const ROUTE = '/api/v1/trips/:id/schedules/:scheduleId';

/** The read route's GET 200 series: how many, and their summed seconds. */
const readSeries = async () => {
  const text = await (await fetch(`${ctx.base}${METRICS_PATH}`)).text();
  const value = (name: string) => {
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && l.includes(`route="${ROUTE}"`) && l.includes('method="GET"') && l.includes('status_code="200"'));
    return Number(line?.split(' ').at(-1) ?? 0);
  };
  return { count: value('http_request_duration_seconds_count'), seconds: value('http_request_duration_seconds_sum') };
};

const WAIT_S = 2;

/**
 * Measured against the wait, never against a bound of its own: the read's own time (its queries, the
 * status reads) grows on a loaded machine, and an assertion that it stays within the SLO's 200 ms
 * failed there though the wait was left out. What is asserted holds at any load: the traveller was
 * held at least the wait, and what the histogram recorded is the answer's time less at least 90% of
 * the wait (the route reports from its first look at the schedule to the wait's end, which is the
 * whole wait when nothing ends it). Counting the wait, the record is the whole answer: it fails.
 */
it(`counts a read that waited ${WAIT_S} s for its queued schedule at its own time, the wait left out`, async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const requested = await call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
  expect(requested.status).toBe(202);
  const before = await readSeries();
  const started = performance.now();
  const read = await call(ctx.base, 'GET', `${requested.headers.get('location')!}?wait=${WAIT_S}`, { headers });
  const answeredAfterMs = performance.now() - started;
  // The traveller was held the whole wait, and answered the schedule as it still is.
  expect(answeredAfterMs).toBeGreaterThanOrEqual(WAIT_S * 1_000 * 0.95);
  expect([read.status, read.json.status]).toEqual([200, 'queued']);
  const after = await readSeries();
  expect(after.count - before.count).toBe(1);
  const recordedMs = (after.seconds - before.seconds) * 1_000;
  expect(recordedMs).toBeGreaterThan(0);
  expect(answeredAfterMs - recordedMs, `recorded ${recordedMs.toFixed(0)} ms of an answer after ${answeredAfterMs.toFixed(0)} ms`).toBeGreaterThanOrEqual(WAIT_S * 1_000 * 0.9);
});

it('answers a read when its schedule ends, not at the end of its wait', async () => {
  const waitS = 5;
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const ask = async () => {
    const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
    const requested = await call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
    return { id, location: requested.headers.get('location')! };
  };
  const [other, changing] = await Promise.all([ask(), ask()]);
  // Ordered by the service's own waits, not the test's clock: a read of another queued schedule,
  // begun first with the same wait, ends when its wait does; a read waited out would end after it.
  const order: string[] = [];
  const leave = new AbortController();
  const control = fetch(`${ctx.base}${other.location}?wait=${waitS}`, { headers, signal: leave.signal }).then(
    (r) => r.text().then(() => order.push('the other read, at the end of its wait')),
    () => undefined,
  );
  await new Promise((r) => setTimeout(r, 300)); // the other read is waiting
  const waiting = call(ctx.base, 'GET', `${changing.location}?wait=${waitS}`, { headers }).then((r) => (order.push('the read of the changed schedule'), r));
  await new Promise((r) => setTimeout(r, 300)); // the read is waiting
  // Changing what the schedule is for fails it (TRIP_CHANGED): the end of the wait.
  expect((await call(ctx.base, 'PATCH', `/api/v1/trips/${changing.id}`, { body: { startDate: '2026-09-24' }, headers })).status).toBe(200);
  const answer = await waiting;
  expect([answer.status, answer.json.status]).toEqual([200, 'failed']);
  // Waited out, it would have answered 300 ms after the other read; it answered while that one still waited.
  expect(order).toEqual(['the read of the changed schedule']);
  leave.abort();
  await control;
});
