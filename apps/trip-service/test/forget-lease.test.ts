/**
 * The deleted schedules' forgetting (domain/forgotten.ts) is one replica's at a time: every replica
 * sweeps, and each sent the same first pages of forgotten_schedules to the AI service on every pass
 * (N replicas, N times the same calls during a backlog). Two trip replicas against a stand-in of the
 * AI service's forget route (its wire format: docs/api.md, POST /internal/v1/ai/generations/forget,
 * `{ids}` answered `{forgotten, running}`) that answers every id `running` (so the rows stay and are
 * asked again) and holds each call a moment; PostgreSQL and Redis real. Never two calls in flight.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AI_INTERNAL_PATHS, FORGOTTEN_BACKLOG, METRICS_PATH, internalPrefix } from '@tripgen/catalog';
import { queryRows, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Part, type Stack } from './harness.ts';

const FORGET = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.forget}`;
/** How long the stand-in holds a call: longer than the sweep's period (200 ms here), so two replicas' passes overlap. */
let holdMs = 400;
/** Whether the stand-in answers every id `running` (kept, asked again) or none (forgotten). */
let allRunning = true;

let inFlight = 0;
let mostInFlight = 0;
let calls = 0;
/** How many times each id was sent. */
const sentTimes = new Map<string, number>();
const ai = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== FORGET) return void res.writeHead(404).end();
    const { ids } = JSON.parse(body) as { ids: string[] };
    inFlight += 1;
    calls += 1;
    for (const id of ids) sentTimes.set(id, (sentTimes.get(id) ?? 0) + 1);
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ forgotten: allRunning ? 0 : ids.length, running: allRunning ? ids : [] }));
    }, holdMs);
  });
});

let stack: Stack;
let second: Part;
beforeAll(async () => {
  await new Promise<void>((resolve) => ai.listen(0, '127.0.0.1', resolve));
  stack = await startStack({ ai: false, aiUrl: `http://127.0.0.1:${(ai.address() as AddressInfo).port}` });
  second = await stack.tripReplica();
}, 180_000);

/** A gauge's value on a replica's /metrics; NaN when it exports none. */
const gauge = async (metric: string, replica: Part): Promise<number> => {
  const text = await (await fetch(`${replica.url}${METRICS_PATH}`)).text();
  const sample = new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return sample ? Number(sample[1]) : Number.NaN;
};
/** As the alert reads it: the largest of the replicas (the lease holder reports, the others 0). */
const oldest = async () => Math.max(await gauge(FORGOTTEN_BACKLOG.oldestMetric, stack.trip), await gauge(FORGOTTEN_BACKLOG.oldestMetric, second));
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => ai.close(resolve));
});

describe('forgetting deleted schedules at the AI service', () => {
  it('is done by one replica at a time: the same rows are never asked twice at once', async () => {
    const ids = Array.from({ length: 3 }, () => randomUUID());
    for (const id of ids) {
      await queryRows(stack.trip.db.url, `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after) VALUES ($1, $2, $3, now() + interval '1 hour')`, [id, randomUUID(), randomUUID()]);
    }
    await waitFor(async () => calls >= 10, 'ten forget calls', 60_000, 50);
    expect(mostInFlight).toBe(1);
    // Still asked (running at the AI service): the lease does not stop the forgetting.
    expect((await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules')).map((r) => r.n)).toEqual([3]);
  });

  it('exports the age of the oldest row still to forget, which an alert reads (catalog FORGOTTEN_BACKLOG)', async () => {
    await queryRows(stack.trip.db.url, `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after, deleted_at) VALUES ($1, $2, $3, now() - interval '3 hours', now() - interval '3 hours')`, [randomUUID(), randomUUID(), randomUUID()]);
    let age = Number.NaN;
    await waitFor(async () => ((age = await oldest()), age >= 3 * 3600), `the gauge ${FORGOTTEN_BACKLOG.oldestMetric} at 3 hours`, 30_000, 50);
    expect(age).toBeLessThan(4 * 3600);
    await queryRows(stack.trip.db.url, 'DELETE FROM forgotten_schedules');
    await waitFor(async () => (await oldest()) === 0, 'the gauge back to 0 once none is left', 30_000, 50);
  });

  it('reaches a row due behind more than a pass of rows not yet due (a trip deleted a minute ago)', async () => {
    await queryRows(stack.trip.db.url, 'DELETE FROM forgotten_schedules');
    holdMs = 0;
    allRunning = false;
    // FORGET_PER_PASS (1,000) rows whose deadline is an hour away, all before the due one in key order.
    await queryRows(
      stack.trip.db.url,
      `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
       SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, gen_random_uuid(), gen_random_uuid(), now() + interval '1 hour' FROM generate_series(1, 1001) n`,
    );
    const due = 'ffffffff-0000-4000-8000-000000000000';
    await queryRows(stack.trip.db.url, `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after) VALUES ($1, $2, $3, now() - interval '1 minute')`, [due, randomUUID(), randomUUID()]);
    await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT 1 FROM forgotten_schedules WHERE id = $1', [due])).length === 0, 'the due row forgotten', 15_000, 50);
    // The others stay until their deadline (a queued copy of their request could still be planned).
    expect((await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules')).map((r) => r.n)).toEqual([1001]);
  });

  it('tells a row not yet due once, not on every pass until its deadline (a trip of 1,000 schedules deleted now)', async () => {
    await queryRows(stack.trip.db.url, 'DELETE FROM forgotten_schedules');
    holdMs = 0;
    allRunning = false;
    // A full pass of rows whose deadline is a minute away, answered not running (their completed copies deleted at the first call).
    const ids = (await queryRows<{ id: string }>(
      stack.trip.db.url,
      `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
       SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() + interval '1 minute' FROM generate_series(1, 1000) RETURNING id::text AS id`,
    )).map((r) => r.id);
    await waitFor(async () => ids.every((id) => sentTimes.has(id)), 'every row told once', 15_000, 50);
    const callsBefore = calls;
    // Ten more passes (200 ms here, 2 s by default): before, each sent all 1,000 again (10 calls a pass,
    // 300 calls a minute at the default period, until the deadline), though only the first deleted anything.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect({ extraCalls: calls - callsBefore, mostTimes: Math.max(...ids.map((id) => sentTimes.get(id) ?? 0)) }).toEqual({ extraCalls: 0, mostTimes: 1 });
    // Once due, told again (a queued copy of a request planned meanwhile is forgotten then) and the rows go.
    await queryRows(stack.trip.db.url, `UPDATE forgotten_schedules SET not_after = now() - interval '1 second'`);
    await waitFor(async () => (await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules'))[0]?.n === 0, 'the rows forgotten once due', 15_000, 50);
    expect(new Set(ids.map((id) => sentTimes.get(id)))).toEqual(new Set([2]));
  });
});
