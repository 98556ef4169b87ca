/**
 * The AI service's nudge (catalog SCHEDULE_OUTCOME_CHANNEL) reaches every trip replica subscribed:
 * each read the schedule's row and asked the AI service's status route for it, so one outcome cost
 * as many status calls and trip_db round trips as there were replicas (prod: 3 to 10, the trip
 * HPA), of which one update won. Now the replica whose Redis claim (catalog SCHEDULE_NUDGE_CLAIM,
 * `SET NX PX`) takes the key reads it, the others leave it; a claimer that never reads leaves the
 * schedule to the sweep, as a lost nudge.
 *
 * Every service real (the location service with the shipped data), real PostgreSQL and Redis, three
 * trip replicas (one trip_db) calling the AI service through a proxy that counts the status calls
 * naming each schedule. The replicas sweep once at their start and then every 10 minutes: only the
 * nudge records the outcome within a test, unless a test starts a replica that sweeps. Nobody
 * reads the schedules.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AI_INTERNAL_PATHS, SCHEDULE_NOTIFICATIONS, SCHEDULE_NUDGE_CLAIM, SCHEDULE_NUDGE_READS, internalPrefix, scheduleNotificationId, scheduleNudgeClaimKey, scheduleOutcomeChannel } from '@tripgen/catalog';
import { SERVED_SINCE } from '@tripgen/ai-service/served-since';
import { queryRows, redisUrl, startMonitor } from '@tripgen/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { askSchedule, notificationsWritten, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

const STATUS_PATH = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}`;
/**
 * How long the proxy holds each status answer (a busy AI pod): in prod the replicas hear a nudge at
 * the same instant, each on its own CPU; here the three share one event loop, and the held answer
 * keeps the first update from landing before the others have read the row.
 */
const STATUS_HELD_MS = 100;
/** Status calls through the proxy naming each schedule id. */
const statusCalls = new Map<string, number>();
let target = '';
const proxy: Server = createServer((req, res) => {
  const body: Buffer[] = [];
  req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
    void (async () => {
      const sent = Buffer.concat(body);
      try {
        if (req.url === STATUS_PATH) {
          for (const id of (JSON.parse(sent.toString()) as { ids: string[] }).ids) statusCalls.set(id, (statusCalls.get(id) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, STATUS_HELD_MS));
        }
        const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'GET' ? undefined : sent });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.writeHead(502).end(); // the AI service stopped by a test
      }
    })();
  });
});

let stack: Stack;
beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const aiVia = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  stack = await startStack({ location: startLocation, tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: '600000', AI_SERVICE_URL: aiVia } });
  target = stack.ai!.url;
  // stack.trip and two more: three replicas of one trip_db.
  await stack.tripReplica();
  await stack.tripReplica();
});
afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => proxy.close(resolve));
});

const toldAt = async (id: string) => (await queryRows<{ told_at: Date | null }>(stack.trip.db.url, 'SELECT told_at FROM schedules WHERE id = $1', [id]))[0]?.told_at ?? null;
const finishedAt = async (id: string) => (await queryRows<{ finished_at: Date | null }>(stack.ai!.db.url, 'SELECT finished_at FROM generations WHERE id = $1', [id]))[0]?.finished_at ?? null;
const claimKey = (scheduleId: string) => scheduleNudgeClaimKey(new URL(stack.trip.db.url).pathname.slice(1), scheduleId);
// redis-cli, as @tripgen/testing reads this process's Redis database.
const redis = (...args: string[]) => execFileSync('redis-cli', ['-u', redisUrl(), ...args], { encoding: 'utf8' }).trim();
// The outcome channel of this file's Redis database, as the services derive it from their connection.
const outcomeChannel = scheduleOutcomeChannel(Number(new URL(redisUrl()).pathname.slice(1)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Each case's time limit. */
const CASE_TIMEOUT_MS = 120_000;
const onceCompletedByTrip = (scheduleId: string) => [['trip', scheduleNotificationId(scheduleId, SCHEDULE_NOTIFICATIONS.completed)]];

/**
 * The AI service's run of service (ai-service served-since.ts) begun longer than the clock margin ago:
 * a request enqueued before it, or less than SERVED_SINCE.clockSkewMs after, is sent round the queue
 * once, and the copy's commit is a nudge of its own before the outcome's (the case after this one).
 */
const aiRunBegun = async () =>
  (await queryRows(stack.ai!.db.url, `SELECT 1 FROM ai_pods WHERE clock_timestamp() > served_since + $1::float8 * interval '1 millisecond'`, [SERVED_SINCE.clockSkewMs])).length > 0;

it('one replica of three reads a nudged schedule: one status call for its outcome, told once', { timeout: CASE_TIMEOUT_MS }, async () => {
  // Only the outcome's nudge: the request goes straight to its plan.
  await waitFor(aiRunBegun, 'the AI service\'s run of service begun', 30_000, 50);
  const { scheduleId } = await askSchedule(stack);
  await waitFor(async () => (await toldAt(scheduleId)) !== null, 'the outcome recorded and told', 30_000, 20);
  const lag = (await toldAt(scheduleId))!.getTime() - (await finishedAt(scheduleId))!.getTime();
  // The others' reads, had they read, come within a status call's time of the first.
  await sleep(1_000);
  const calls = statusCalls.get(scheduleId) ?? 0;
  console.log(`outcome-nudge-replicas: 3 replicas, ${calls} status call(s) for the outcome, told ${lag} ms after the AI service finished it`);
  // Before: 3 (every replica read it).
  expect(calls).toBe(1);
  expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.messageId])).toEqual(onceCompletedByTrip(scheduleId));
  // The claim goes by itself: a claimer that died holds nothing for longer.
  const left = Number(redis('PTTL', claimKey(scheduleId)));
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThanOrEqual(SCHEDULE_NUDGE_CLAIM.ttlMs);
});

/**
 * A nudge can come before the outcome: the AI service publishes after each delivery of a schedule
 * that committed, and the first of them may find nothing final there (a request taken past its
 * deadline goes to the back of the queue first, `.late`, and is failed when taken again), or the
 * claimer's status call may fail. The claim held for its whole TTL then made every replica leave
 * the outcome's own nudge: told only at the next sweep (for a schedule failed here alone, a late
 * page of LATE_PER_PASS a pass).
 */
it('a nudge whose read found no outcome leaves the next nudge of the schedule to be read: the outcome told at once', { timeout: CASE_TIMEOUT_MS }, async () => {
  const { scheduleId } = await askSchedule(stack, () => stack.ai!.stop());
  const before = statusCalls.get(scheduleId) ?? 0;
  // The claim's give-back (nudge-claim.ts: an EVAL of the kit's lease release naming its key) is the last step of a
  // read that found no outcome, after anything it recorded: seen, the read has ended. Not the key's absence, which
  // its TTL brings too. Before, a sleep of 500 ms, which a replica slowed by the load could outrun.
  const observer = new Redis(redisUrl());
  const monitor = await startMonitor(observer);
  const givenBack: string[][] = [];
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (args[0]?.toLowerCase() === 'eval' && args.includes(claimKey(scheduleId))) givenBack.push(args);
  });
  try {
    // A nudge before any outcome (here while the AI service cannot answer): one replica claims and reads it, to no outcome.
    redis('PUBLISH', outcomeChannel, scheduleId);
    await waitFor(async () => (statusCalls.get(scheduleId) ?? 0) > before, 'the claimer\'s status call', 10_000, 20);
    await waitFor(() => givenBack.length > 0, "the claimer's read ended, its claim given back", 10_000, 20);
  } finally {
    monitor.disconnect();
    observer.disconnect();
  }
  expect(await toldAt(scheduleId)).toBeNull();
  await releaseToAi(stack);
  await waitFor(async () => (await finishedAt(scheduleId)) !== null, 'the AI service\'s outcome', 30_000, 20);
  // Sweeps are 10 minutes apart: only the outcome's nudge can tell it now. Before: never read (the claim of the first nudge held it).
  await waitFor(async () => (await toldAt(scheduleId)) !== null, 'the outcome recorded and told on its nudge', 5_000, 20);
  expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.messageId])).toEqual(onceCompletedByTrip(scheduleId));
});

it('a nudge claimed by a replica that never reads it is left to the sweep, which records and tells it once', { timeout: CASE_TIMEOUT_MS }, async () => {
  const { scheduleId } = await askSchedule(stack, () => stack.ai!.stop());
  // A replica took the claim and died before reading: the claim, and no reader. Held for the case's
  // length, not SCHEDULE_NUDGE_CLAIM.ttlMs: the outcome's nudge comes once the AI service has started
  // again, which under CI's load took longer than that, and the claim gone by then was taken on it
  // (the outcome read and told at its nudge: 'expected 1 to be +0', 2 with the copy sent round's).
  expect(redis('SET', claimKey(scheduleId), 'a replica gone', 'PX', String(CASE_TIMEOUT_MS), 'NX')).toBe('OK');
  await releaseToAi(stack);
  await waitFor(async () => (await finishedAt(scheduleId)) !== null, 'the AI service\'s outcome', 30_000, 20);
  // Checked once the replicas could have read it. Before, after a 1 s sleep, which a replica slowed
  // by the load could outrun (the case passing however the replicas treated the claim). A replica reads
  // at most SCHEDULE_NUDGE_READS.atOnce nudges at once, the next one heard waiting for one of them to
  // end (nudge-gate.ts): after atOnce nudges of this schedule, a control schedule's nudge is read, by
  // the replica that claims it, only once that replica is done with one of this schedule's nudges,
  // status call included had it read it. All replicas run the same code: the control's claimer answers
  // for the others. The control is asked while the AI service is stopped (no outcome, no nudge of its
  // own); its read makes a status call whatever the AI service answers.
  await stack.ai!.stop();
  const control = (await askSchedule(stack)).scheduleId;
  for (let i = 0; i < SCHEDULE_NUDGE_READS.atOnce; i++) redis('PUBLISH', outcomeChannel, scheduleId);
  redis('PUBLISH', outcomeChannel, control);
  await waitFor(() => (statusCalls.get(control) ?? 0) > 0, "the control's status call, made after a replica dealt with the schedule's nudge", 30_000, 20);
  // Before: told by the replicas that heard the nudge (each read it).
  expect(statusCalls.get(scheduleId) ?? 0).toBe(0);
  expect(await toldAt(scheduleId)).toBeNull();
  await stack.ai!.start();
  // Any replica's sweep (here one started now, sweeping at once and every 200 ms) finds it.
  const started = Date.now();
  await stack.tripReplica({ SCHEDULE_SWEEP_INTERVAL_MS: '200' });
  await waitFor(async () => (await toldAt(scheduleId)) !== null, 'the outcome recorded and told by the sweep', 10_000, 20);
  console.log(`outcome-nudge-replicas: a claimed nudge never read, told by the sweep ${Date.now() - started} ms after a sweeping replica started`);
  expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.messageId])).toEqual(onceCompletedByTrip(scheduleId));
});
