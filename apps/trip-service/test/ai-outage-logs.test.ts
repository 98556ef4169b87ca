/**
 * An AI service outage seen from the trip service: twenty travellers waiting on their schedules
 * while the AI service answers every status call 503 at once (a stub at its address that counts
 * the calls). The reads still answer (queued) after their wait; the status calls are about one per
 * pause of the shared reader (STATES_PAUSE), not one per read (about 400 in 3 s before the pause);
 * and the logs have a few warnings, not one per read. The trip service's lines are read through
 * the kit's logger option (a level and a stream). A trip changed meanwhile is changed all the same
 * (the withdraw call's 503 leaves the withdrawal to its message).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { AI_INTERNAL_PATHS, internalPrefix } from '@tripgen/catalog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '@tripgen/testing';
import { STATES_UNAVAILABLE, TRIP_CHANGED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';

let stack: Stack;
let ai: Server;
let statusCalls = 0;
const withdrawCalls: string[] = [];
const lines: { msg?: string; failedCalls?: number }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { msg?: string; failedCalls?: number });
    done();
  },
});

beforeAll(async () => {
  // The AI service's address answers 503 to everything, counting the status calls.
  ai = createServer((req, res) => {
    if (req.url === `${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}`) statusCalls++;
    if (req.url === `${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`) {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => withdrawCalls.push(Buffer.concat(body).toString()));
    } else req.resume();
    res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 503, title: 'Service Unavailable', detail: 'stub' }));
  });
  await new Promise<void>((resolve) => ai.listen(0, '127.0.0.1', resolve));
  const aiUrl = `http://127.0.0.1:${(ai.address() as AddressInfo).port}`;
  // The deadline far off, so that no schedule expires while the travellers wait.
  stack = await startStack({ ai: false, aiUrl, tripEnv: { SCHEDULE_DEADLINE_MS: '600000' }, tripLogger: { level: 'warn', stream: sink } });
});
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => ai?.close(resolve));
});

it('answers twenty travellers waiting through an AI outage with about one status call per pause, and a few warnings, not one per read', { timeout: 30_000 }, async () => {
  const waiting = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const headers = { authorization: (await stack.traveller()).authorization };
      const trip = (await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json;
      const schedule = await call(stack.trip.url, 'POST', `/api/v1/trips/${trip.id}/schedules`, { body: {}, headers });
      expect(schedule.status).toBe(202);
      return { headers, url: `/api/v1/trips/${trip.id}/schedules/${schedule.json.id}?wait=3` };
    }),
  );
  const callsBefore = statusCalls;
  const reads = await Promise.all(waiting.map((w) => call(stack.trip.url, 'GET', w.url, { headers: w.headers })));
  const calls = statusCalls - callsBefore;
  console.log(`20 readers waiting 3 s through an AI outage (503): ${calls} status calls`);
  expect(reads.map((r) => [r.status, r.json.status])).toEqual(Array(20).fill([200, 'queued']));
  // Counted, not timed: fewer status calls than the reads' (each read asks every REFRESH_EVERY_MS:
  // without the pause about 64 calls here); the pause's length and doubling (STATES_PAUSE) are
  // state-reader.test.ts's, on its own clock.
  expect(calls).toBeGreaterThanOrEqual(1);
  expect(calls).toBeLessThan(reads.length);
  // Stopped, the service has ended every call it made (the background sweep's too) and logged it.
  await stack.trip.stop();
  const warnings = lines.filter((l) => l.msg === STATES_UNAVAILABLE);
  // The first failed call told at once (the calls failed since: 1); never a line per read (each
  // line is a failed call's, so no more than the calls made); one per OUTAGE_WARN_EVERY_MS after
  // that is state-reader.test.ts's, on its own clock.
  expect(warnings.length).toBeGreaterThanOrEqual(1);
  expect(warnings[0]!.failedCalls).toBe(1);
  expect(warnings.length).toBeLessThanOrEqual(statusCalls);
});

it('changes a trip whose schedule waits through the outage: 200, the schedule failed TRIP_CHANGED, its withdrawal left to the queue when the withdraw call fails', async () => {
  // After the test above, which stops the service to read its last lines.
  await stack.trip.start();
  const headers = { authorization: (await stack.traveller()).authorization };
  const trip = (await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json;
  const schedule = await call(stack.trip.url, 'POST', `/api/v1/trips/${trip.id}/schedules`, { body: {}, headers });
  expect(schedule.status).toBe(202);
  const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${trip.id}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers });
  expect(patched.status, JSON.stringify(patched.json)).toBe(200);
  const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${trip.id}/schedules/${schedule.json.id}`, { headers });
  expect(read.json).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
  // Told at once (the 503 answered), and the message is there for when the AI service is back.
  await waitFor(() => withdrawCalls.some((b) => b.includes(schedule.json.id as string)), 'the withdraw call', 10_000, 20);
  expect(await queryRows(stack.trip.db.url, 'SELECT 1 FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(schedule.json.id as string)])).toHaveLength(1);
});
