/**
 * An AI service outage in the trip service's logs: twenty travellers waiting on their schedules
 * while nothing answers at the AI service's address (each status call refused at once, so about
 * one call per read) make a few warnings, not one per read. The trip service's lines are read
 * through the kit's logger option (a level and a stream).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OUTAGE_WARN_EVERY_MS, STATES_UNAVAILABLE } from '../src/domain/schedules.ts';
import { call, startStack, tripBody, type Stack } from './harness.ts';

let stack: Stack;
const lines: { msg?: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { msg?: string });
    done();
  },
});

beforeAll(async () => {
  // No AI service; the deadline far off, so that no schedule expires while the travellers wait.
  stack = await startStack({ ai: false, tripEnv: { SCHEDULE_DEADLINE_MS: '600000' }, tripLogger: { level: 'warn', stream: sink } });
});
afterAll(async () => stack?.close());

it('makes a few warnings of twenty travellers waiting through an AI outage, not one per read', async () => {
  const started = Date.now();
  const waiting = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const headers = { authorization: (await stack.traveller()).authorization };
      const trip = (await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json;
      const schedule = await call(stack.trip.url, 'POST', `/api/v1/trips/${trip.id}/schedules`, { body: {}, headers });
      expect(schedule.status).toBe(202);
      return { headers, url: `/api/v1/trips/${trip.id}/schedules/${schedule.json.id}?wait=3` };
    }),
  );
  const reads = await Promise.all(waiting.map((w) => call(stack.trip.url, 'GET', w.url, { headers: w.headers })));
  expect(reads.map((r) => r.json.status)).toEqual(Array(20).fill('queued'));
  // Stopped, the service has ended every call it made (the background sweep's too) and logged it.
  await stack.trip.stop();
  const warned = lines.filter((l) => l.msg === STATES_UNAVAILABLE).length;
  // The first failed call at once, then one a OUTAGE_WARN_EVERY_MS (one, unless this machine is very slow).
  expect(warned).toBeGreaterThanOrEqual(1);
  expect(warned).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / OUTAGE_WARN_EVERY_MS));
});
