/**
 * The AI service as built for production (buildAiService on a throwaway ai_db, Redis and the Service
 * Bus emulator): a pod that starts alone begins its run of service (ai_pods.served_since,
 * served-since.ts) when the trip service can reach its withdraw route, that is at its first readiness
 * 200 (the kubelet's probe, after which the pod joins its Service's endpoints), not when it listens.
 * The cluster probes every PROBE_TIMING.periodSeconds (startup, then readiness: up to a minute after
 * listen, k8s microservice.ts); a cancel meanwhile found nobody, its withdrawal went behind the request
 * on the queue, and a request enqueued after listen was planned for a plan then dropped. Kubernetes
 * documents that only a pod whose readiness succeeds is an endpoint of its Service ("Configure
 * Liveness, Readiness and Startup Probes"). A draining pod (out of the endpoints) no longer counts, nor
 * one whose ai_db was out of its reach (readiness 503) until its next readiness 200. ai_db slow rather
 * than gone (a stalled relay: every query and sign-in outruns its limit) ends the run only once a
 * cancel may have gone untold: a withdraw call failed, or readiness answered 503 as many times in a row
 * as the kubelet takes the pod out of its endpoints at; a withdraw call failed on one pod ends the
 * others' runs too (they hear it on Redis). The order of events is checked, not a duration.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { AI_INTERNAL_PATHS, HEALTH_PATHS, PROBE_TIMING, QUEUE_NAMES, aiRunEndedChannel, internalPrefix } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { freePort } from '@tripgen/dev-tools/processes';
import type { App } from '@tripgen/service-kit';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, queryRows, redisUrl, startTcpRelay, testPrismaClient, waitFor, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAiService } from '../src/app.ts';
import { SERVED_SINCE, joinService } from '../src/domain/served-since.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

let db: TestDatabase;
let bus: ServiceBusEmulator;
let app: App | undefined;

beforeAll(async () => {
  [db, bus] = await Promise.all([createTestDatabase('ai_served_reachable', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await bus?.stop();
  await db?.drop();
});

const moments = async () => (await queryRows<{ since_ms: number | null }>(db.url, 'SELECT extract(epoch FROM served_since) * 1000 AS since_ms FROM ai_pods')).map((r) => (r.since_ms === null ? null : Number(r.since_ms)));

const aiEnv = (databaseUrl: string) => ({
  NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVICE_NAME: 'ai', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
  JWKS_URL: 'http://127.0.0.1:1/jwks.json', LOCATION_SERVICE_URL: 'http://127.0.0.1:1', USER_SERVICE_URL: 'http://127.0.0.1:1', MAX_EVENT_LOOP_DELAY_MS: '0',
});

it('a pod started alone begins its run of service at its first readiness 200, not when it listens', { timeout: 60_000 }, async () => {
  app = await buildAiService({ env: aiEnv(db.url), logger: false });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  // Listening, not probed yet (the kubelet's next probe up to a period away): the trip service cannot reach it.
  // Two refreshes of its row, so that a moment written at listen has long been written.
  await new Promise((resolve) => setTimeout(resolve, 2 * SERVED_SINCE.refreshEveryMs));
  // Before: [a moment] written at listen.
  expect(await moments(), 'no run of service before the first readiness 200').toEqual([null]);
  const probedAt = Date.now();
  expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`)).status).toBe(200);
  await waitFor(async () => (await moments())[0] !== null, 'the run of service begun at the first readiness 200', 10_000, 20);
  const [since] = await moments();
  expect(since).toBeGreaterThanOrEqual(probedAt - SERVED_SINCE.clockSkewMs);
});

it('a draining pod no longer counts as serving: a pod starting meanwhile, alone, begins a new run', { timeout: 60_000 }, async () => {
  expect((await moments()).length, 'the pod of the case before, serving').toBe(1);
  // SIGTERM's first step (the kit's drain): readiness says draining, the Service drops the pod.
  app!.kit.drain();
  // Before: its row kept (refreshed) until the shutdown's end, up to terminationGracePeriodSeconds later.
  await waitFor(async () => (await moments()).length === 0, 'the draining pod\'s row gone', 10_000, 20);
  const prisma = testPrismaClient(PrismaClient, db.url, 2);
  try {
    const starting = await joinService(prisma, () => undefined);
    expect(starting.since(), 'no run inherited from a pod nobody can reach').toBe(Number.POSITIVE_INFINITY);
    await starting.close();
  } finally {
    await prisma.$disconnect();
  }
  // Its shutdown's end: drained, it still heard the pods' news on Redis (a later case counts who hears it).
  await app!.close();
  app = undefined;
});

it('ai_db out of a running pod\'s reach (readiness 503) ends its run: the next readiness 200 begins a new one', { timeout: 90_000 }, async () => {
  // The pod's every connection to ai_db through a relay: cut, the database is out of its reach, the pod alive.
  const { relay, warnings, pod, readiness, before } = await podBehindRelay();
  try {
    relay.cut();
    await waitFor(async () => (await readiness()) === 503, 'readiness 503 with ai_db out of reach', 20_000, 100);
    await waitFor(() => warnings.some((msg) => msg.includes('could not be refreshed')), 'a refresh failed', 20_000, 50);
    const mendedAt = Date.now();
    relay.mend();
    // ai_db answers the pod again; until the kubelet's next readiness probe the pod is out of its Service's endpoints.
    // Before: the moment of before the outage kept (refreshed), the requests enqueued during it planned as after the run began.
    await waitFor(async () => (await moments()).length === 1 && (await moments())[0] === null, 'no run of service between the outage and the next readiness 200', 20_000, 50);
    expect(await readiness()).toBe(200);
    await waitFor(async () => (await moments())[0] !== null, 'a new run begun at the readiness 200', 10_000, 20);
    const [since] = await moments();
    expect(since).toBeGreaterThan(before);
    expect(since).toBeGreaterThanOrEqual(mendedAt - SERVED_SINCE.clockSkewMs);
  } finally {
    await pod.close();
    await relay.close();
  }
});

/** The AI service behind a relay to ai_db, its warnings collected, listening. */
const podBehindRelay = async () => {
  const relay = await startTcpRelay({ target: db.url });
  const warnings: string[] = [];
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) warnings.push(String((JSON.parse(line) as { msg?: unknown }).msg));
      done();
    },
  });
  const pod = await buildAiService({ env: aiEnv(relay.via(db.url)), logger: { level: 'warn', stream: lines } });
  const port = await freePort();
  await pod.listen({ port, host: '127.0.0.1' });
  const readiness = () => fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`).then((res) => res.status);
  expect(await readiness()).toBe(200);
  await waitFor(async () => (await moments()).some((m) => m !== null), 'its run of service begun', 10_000, 20);
  const [before] = (await moments()).filter((m) => m !== null);
  return { relay, warnings, pod, port, readiness, before: before! };
};

/** The pod's run ended (its row without a moment) after `what`, and a new one, later than `before`, begun at its next readiness 200. */
const runEndsThenBeginsAgain = async (what: string, readiness: () => Promise<number>, before: number) => {
  await waitFor(async () => (await moments())[0] === null, `no run of service ${what}, until the next readiness 200`, 20_000, 50);
  await waitFor(async () => (await readiness()) === 200, 'readiness 200', 20_000, 200);
  await waitFor(async () => (await moments())[0] !== null, 'a new run begun at the readiness 200', 10_000, 20);
  expect((await moments())[0]).toBeGreaterThan(before);
};

it('ai_db slow (a stalled relay), a withdraw call failing on the pod ends its run: a cancel went untold; refreshes failing in time alone end nothing', { timeout: 90_000 }, async () => {
  expect(await moments(), 'the pods of the cases before gone').toEqual([]);
  const { relay, warnings, pod, port, readiness, before } = await podBehindRelay();
  try {
    relay.stall();
    await waitFor(() => warnings.some((msg) => msg.includes('could not be refreshed in time')), 'a refresh failed for ai_db\'s slowness', 30_000, 50);
    expect(warnings.filter((msg) => msg.includes('run of service ends')), 'the slow refresh ended no run').toEqual([]);
    // The trip service's cancel: its withdraw call fails here (ai_db does not answer in time).
    const withdraw = await fetch(`http://127.0.0.1:${port}${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ id: randomUUID(), tripId: randomUUID(), userId: randomUUID(), error: 'the schedule was deleted', notify: false }] }),
    });
    expect(withdraw.status).toBe(503);
    relay.mend();
    // Without the withdraw route's failure told: the moment of before kept, the request behind which the cancel waits planned.
    await runEndsThenBeginsAgain('after the failed withdraw call', readiness, before);
  } finally {
    relay.mend();
    await pod.close();
    await relay.close();
  }
});

it(`ai_db slow, readiness 503 ${PROBE_TIMING.failureThreshold.readiness} times in a row (the kubelet takes the pod out of its endpoints) ends its run; once, it goes on`, { timeout: 90_000 }, async () => {
  expect(await moments(), 'the pods of the cases before gone').toEqual([]);
  const { relay, pod, readiness, before } = await podBehindRelay();
  try {
    relay.stall();
    expect(await readiness()).toBe(503);
    relay.mend();
    // One 503 leaves the pod among its Service's endpoints: its run goes on, its row refreshed with the moment.
    expect(await readiness()).toBe(200);
    await waitFor(async () => (await moments())[0] === before, 'the run kept after a lone 503', 20_000, 50);
    relay.stall();
    for (let i = 0; i < PROBE_TIMING.failureThreshold.readiness; i += 1) expect(await readiness()).toBe(503);
    relay.mend();
    await runEndsThenBeginsAgain('once out of the endpoints', readiness, before);
  } finally {
    relay.mend();
    await pod.close();
    await relay.close();
  }
});

it('two pods, ai_db slow for both (a stalled relay): a withdraw call failing on one ends the run of the other too, whose own refreshes only failed in time', { timeout: 120_000 }, async () => {
  expect(await moments(), 'the pods of the cases before gone').toEqual([]);
  // Both pods' connections to ai_db through one relay: stalled, ai_db is slow for every pod.
  const relay = await startTcpRelay({ target: db.url });
  const warnings = { a: [] as string[], b: [] as string[] };
  const start = async (pod: 'a' | 'b') => {
    const lines = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) warnings[pod].push(String((JSON.parse(line) as { msg?: unknown }).msg));
        done();
      },
    });
    const built = await buildAiService({ env: aiEnv(relay.via(db.url)), logger: { level: 'warn', stream: lines } });
    const port = await freePort();
    await built.listen({ port, host: '127.0.0.1' });
    expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`)).status).toBe(200);
    return { app: built, port };
  };
  const pods: App[] = [];
  try {
    const a = await start('a');
    pods.push(a.app);
    await waitFor(async () => (await moments()).some((m) => m !== null), 'pod a\'s run of service begun', 10_000, 20);
    const b = await start('b');
    pods.push(b.app);
    await waitFor(async () => (await moments()).filter((m) => m !== null).length === 2, 'pod b\'s run begun (a\'s moment inherited)', 10_000, 20);
    relay.stall();
    await waitFor(() => warnings.b.some((msg) => msg.includes('could not be refreshed in time')), 'a refresh of pod b failed for ai_db\'s slowness', 30_000, 50);
    expect(warnings.b.filter((msg) => msg.includes('run of service ends')), 'pod b\'s slow refresh ended no run').toEqual([]);
    // The trip service's cancel reaches pod a (its Service picks one pod) and fails there: the cancel
    // stands (the traveller was answered, the trip service does not call again), its withdrawal waits
    // behind the request on the queue, and pod b may be the one that takes the request.
    const withdraw = await fetch(`http://127.0.0.1:${a.port}${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ id: randomUUID(), tripId: randomUUID(), userId: randomUUID(), error: 'the schedule was deleted', notify: false }] }),
    });
    expect(withdraw.status).toBe(503);
    relay.mend();
    // Before: pod b's moment kept (refreshed), the request behind which the cancel waits planned by b.
    await waitFor(async () => {
      const now = await moments();
      return now.length === 2 && now.every((m) => m === null);
    }, 'no run of service on either pod between the failed withdraw call and their next readiness 200', 20_000, 50);
    expect(warnings.b.filter((msg) => msg.includes('run of service ends')), 'pod b\'s run ended by pod a\'s news alone').toEqual([expect.stringContaining('a withdraw call failed on another pod')]);
    // Each pod's next readiness 200 begins a run of its own.
    for (const { port } of [a, b]) expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`)).status).toBe(200);
    await waitFor(async () => (await moments()).every((m) => m !== null), 'new runs begun at the readiness 200s', 10_000, 20);
  } finally {
    relay.mend();
    for (const pod of pods) await pod.close();
    await relay.close();
  }
});

it('a withdraw call shed before its handler ran (under-pressure\'s 503: the event loop held past MAX_EVENT_LOOP_DELAY_MS) ends the run: the cancel went untold as well', { timeout: 90_000 }, async () => {
  expect(await moments(), 'the pods of the cases before gone').toEqual([]);
  const pod = await buildAiService({ env: { ...aiEnv(db.url), MAX_EVENT_LOOP_DELAY_MS: '200' }, logger: false });
  try {
    const port = await freePort();
    await pod.listen({ port, host: '127.0.0.1' });
    expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`)).status).toBe(200);
    await waitFor(async () => (await moments()).some((m) => m !== null), 'its run of service begun', 10_000, 20);
    const [before] = await moments();
    const withdraw = () =>
      fetch(`http://127.0.0.1:${port}${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ id: randomUUID(), tripId: randomUUID(), userId: randomUUID(), error: 'the schedule was deleted', notify: false }] }),
      });
    // The pod's event loop (this process's) held past the limit until under-pressure's next sample has seen it (its interval, 1 s): the call is shed.
    let shed: { status: number; detail?: unknown } | undefined;
    await waitFor(async () => {
      const until = Date.now() + 1_500;
      while (Date.now() < until);
      const answer = await withdraw();
      const body = (await answer.json()) as { detail?: unknown };
      if (answer.status === 503) shed = { status: answer.status, detail: body.detail };
      return shed !== undefined;
    }, 'a withdraw call shed for the event loop\'s delay', 30_000, 0);
    expect(shed).toEqual({ status: 503, detail: expect.stringContaining('under pressure') });
    // Before: the moment of before kept, the request behind which the cancel waits planned.
    await runEndsThenBeginsAgain('after the shed withdraw call', () => fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`).then((res) => res.status), before!);
  } finally {
    await pod.close();
  }
});

it('a pod still starting (its join to ai_pods in flight) hears that a withdraw call failed on another pod: it inherits none of the moment the news ended (before: it joined with that moment, and a request whose cancel went untold was planned)', { timeout: 120_000 }, async () => {
  expect(await moments(), 'the pods of the cases before gone').toEqual([]);
  const channel = aiRunEndedChannel(decodeURIComponent(new URL(db.url).pathname.slice(1)));
  // Pod a, up, its ai_db through a relay; its lease longer than production's so that a loaded
  // machine's slow start of pod c does not outlast it (a row counts up for SERVED_SINCE.leaseMs).
  const relay = await startTcpRelay({ target: db.url });
  const aDb = testPrismaClient(PrismaClient, relay.via(db.url), 2);
  let told: Promise<unknown> | undefined;
  let c: App | undefined;
  const locker = testPrismaClient(PrismaClient, db.url, 1);
  let release = (): void => undefined;
  try {
    c = await buildAiService({ env: aiEnv(db.url), logger: false });
    const redis = c.kit.redis;
    const a = await joinService(aDb, () => undefined, { leaseMs: 30_000, news: { tell: (podId) => (told = redis.publish(channel, podId)), hearing: () => true } });
    await a.listening();
    const moment = a.since();
    expect(await moments()).toEqual([moment]);
    // ai_db slow for pod a alone: its row keeps the moment (its refreshes fail in time) until its lease runs out.
    relay.stall();
    // Pod c's join held on a lock of ai_pods, then let go once the news is out.
    const released = new Promise<void>((resolve) => (release = resolve));
    const locked = new Promise<void>((resolve, reject) => {
      locker.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE ai_pods IN SHARE MODE');
        resolve();
        await released;
      }, { timeout: 60_000 }).catch(reject);
    });
    await locked;
    const port = await freePort();
    const listening = c.listen({ port, host: '127.0.0.1' });
    await waitFor(async () => (await queryRows<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM ai_pods%'"))[0]?.n === 1, 'pod c\'s join waiting on the lock', 60_000, 20);
    // The trip service's cancel fails on pod a: its run ends, and it tells every pod.
    const failedAt = Date.now();
    a.withdrawFailed(new Error('ai_db slow'));
    // Pod c, still starting, is the one subscriber (pod a is a joinService alone): it heard the news.
    expect(await told, 'the news heard by pod c').toBe(1);
    release();
    await listening;
    expect((await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`)).status).toBe(200);
    await waitFor(async () => (await moments()).length === 2 && (await moments()).every((m) => m !== null), 'pod c\'s run begun at its readiness 200', 10_000, 20);
    // Before: both moments pod a's, pod c's run the one the news ended.
    const [aMoment, cMoment] = (await moments()).sort((x, y) => x! - y!);
    expect({ aMoment, cAfterTheNews: cMoment! >= failedAt - SERVED_SINCE.clockSkewMs }, `pod c's moment ${cMoment}, the news at ${failedAt}`).toEqual({ aMoment: moment, cAfterTheNews: true });
    relay.mend();
    await a.close();
  } finally {
    release();
    relay.mend();
    await c?.close();
    await locker.$disconnect();
    await aDb.$disconnect();
    await relay.close();
  }
});
