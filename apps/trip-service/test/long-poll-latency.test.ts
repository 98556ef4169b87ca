/**
 * A read that waits for its schedule (`?wait=`, docs/api.md: the traveller's normal way to follow
 * it) holds the request for the traveller: that wait is not the service's latency. The duration
 * histogram every response-time alert, SLO rule and rollout analysis reads counts the read's own
 * time (markHeld). Before, it counted the whole wait: a read held 2 s was in le="2.5" and not in
 * le="0.2", one of the three requests of a traveller's normal flow was "slow", and a healthy release
 * failed its rollout analysis (p95 under 200 ms).
 */
import { METRICS_PATH, RESPONSE_TIME_SLO } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { call, fileStack, tripBody } from './harness.ts';

// Without the AI service the schedule stays queued: the read waits out its whole `wait`.
const ctx = fileStack({ ai: false });

const ROUTE = '/api/v1/trips/:id/schedules/:scheduleId';
const SLO_BOUND = String(RESPONSE_TIME_SLO.request.p95Ms / 1000);

/** The read route's GET 200 series: how many, and how many within the bound. */
const readSeries = async () => {
  const text = await (await fetch(`${ctx.base}${METRICS_PATH}`)).text();
  const value = (name: string, le?: string) => {
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && l.includes(`route="${ROUTE}"`) && l.includes('method="GET"') && l.includes('status_code="200"') && (le === undefined || l.includes(`le="${le}"`)));
    return Number(line?.split(' ').at(-1) ?? 0);
  };
  return { count: value('http_request_duration_seconds_count'), withinBound: value('http_request_duration_seconds_bucket', SLO_BOUND) };
};

it(`counts a read that waited 2 s for its queued schedule at its own time, within ${RESPONSE_TIME_SLO.request.p95Ms} ms`, async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const requested = await call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
  expect(requested.status).toBe(202);
  const before = await readSeries();
  const started = performance.now();
  const read = await call(ctx.base, 'GET', `${requested.headers.get('location')!}?wait=2`, { headers });
  // The traveller was held the whole wait, and answered the schedule as it still is.
  expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
  expect([read.status, read.json.status]).toEqual([200, 'queued']);
  const after = await readSeries();
  expect({ count: after.count - before.count, withinBound: after.withinBound - before.withinBound }).toEqual({ count: 1, withinBound: 1 });
});
