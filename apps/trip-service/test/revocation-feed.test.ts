/**
 * A trip-service pod started while Redis is out of reach (a rollout, a scale-up, a restart during an
 * outage) refuses the tokens revoked before it started (docs/api.md, Revoked tokens): it reads the
 * user service's record (catalog REVOCATIONS_PATH, the kit's auth/revocation-feed.ts) before it is
 * ready. Before, it knew no revocation and accepted every token signed out, everywhere or on one
 * device, within the last 15 minutes (200) until Redis answered it; and a running pod cut off from
 * Redis reads the revocations made meanwhile each period (before: accepted until Redis answered it).
 * Real user and trip services, PostgreSQL and Redis: the revocations made through the shared Redis,
 * the cut-off pod's own Redis server stopped.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { JWKS_PATH, REVOCATIONS_PATH, TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { isRedisReady } from '@tripgen/service-kit';
import { queryRows, startMonitor, startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { call, startStack, type Stack } from './harness.ts';

let stack: Stack;
let server: OwnRedisServer;
beforeAll(async () => {
  stack = await startStack({ ai: false });
  server = await startRedisServer();
});
afterAll(async () => {
  await stack?.close();
  await server?.close();
});

/**
 * The status of a traveller's trip list on the pod at `base`. An answer neither 200 nor 401 (the two
 * the cases tell apart) is logged with its body: a 503 once failed a case, and only its problem's
 * detail says which dependency the pod found out of reach.
 */
const trips = async (base: string, authorization: string) => {
  const res = await call(base, 'GET', '/api/v1/trips', { headers: { authorization } });
  if (res.status !== 200 && res.status !== 401) console.warn(`GET /api/v1/trips on ${base} answered ${res.status}: ${JSON.stringify(res.json)}`);
  return res.status;
};

/** A replica of the trip service stopped when the case ends, passed or failed: left running, it reads the record each period into the next cases. */
const tripReplica = async (env: NodeJS.ProcessEnv, revocationFeedEveryMs?: number) => {
  const pod = await stack.tripReplica(env, revocationFeedEveryMs);
  onTestFinished(() => pod.stop());
  return pod;
};

/**
 * The user service behind a relay, for a pod given its `jwksUrl`: `onRead` sees each read of the
 * revocations first (its `since`) and says whether it is passed on; not, it is answered 503, as by a
 * user service out of reach.
 */
const issuerRelay = async (onRead: (since: number) => boolean) => {
  const relay = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', stack.user.url);
    if (url.pathname === REVOCATIONS_PATH && !onRead(Number(url.searchParams.get('since')))) {
      res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }));
      return;
    }
    void fetch(new URL(`${url.pathname}${url.search}`, stack.user.url)).then(async (answer) => {
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(relay.address() as { port: number }).port}${JWKS_PATH}`,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
};

it('a trip pod started while Redis is out of reach refuses the tokens revoked before it started (account and session), accepts the others', { timeout: 60_000 }, async () => {
  const everywhere = await stack.traveller();
  const oneDevice = await stack.traveller();
  const kept = await stack.traveller();
  for (const t of [everywhere, oneDevice, kept]) expect(await trips(stack.trip.url, t.authorization)).toBe(200);
  expect((await call(stack.user.url, 'POST', USER_PATHS.logoutEverywhere, { headers: { authorization: everywhere.authorization } })).status).toBe(204);
  expect((await call(stack.user.url, 'POST', USER_PATHS.logout, { headers: { authorization: oneDevice.authorization } })).status).toBe(204);

  await server.stop();
  const started = Date.now();
  const cutOff = await tripReplica({ REDIS_URL: server.url });
  // Ready (listening) within the kit's bounded waits, Redis still down.
  console.log(`trip pod ready ${Date.now() - started} ms after its start, Redis out of reach`);
  expect(await trips(cutOff.url, everywhere.authorization)).toBe(401);
  expect(await trips(cutOff.url, oneDevice.authorization)).toBe(401);
  expect(await trips(cutOff.url, kept.authorization)).toBe(200);
});

it('a running trip pod cut off from Redis refuses within its period a token signed out meanwhile', { timeout: 60_000 }, async () => {
  await server.start();
  const PERIOD_MS = 300;
  const pod = await tripReplica({ REDIS_URL: server.url }, PERIOD_MS);
  const leaving = await stack.traveller();
  expect(await trips(pod.url, leaving.authorization)).toBe(200);
  await server.stop();
  expect((await call(stack.user.url, 'POST', USER_PATHS.logoutEverywhere, { headers: { authorization: leaving.authorization } })).status).toBe(204);
  const signedOut = Date.now();
  await waitFor(async () => (await trips(pod.url, leaving.authorization)) === 401, 'the token signed out refused by the cut-off pod', 5_000, 20);
  console.log(`cut-off trip pod refused the token ${Date.now() - signedOut} ms after the sign-out (period ${PERIOD_MS} ms)`);
});

it('a running trip pod cut off from Redis reads only the revocations since Redis last said it held them all, not a token lifetime of them', { timeout: 60_000 }, async () => {
  // Every running verifier's first read after a cut-off was the whole record: at 100,000 accounts and as
  // many sessions signed out (the user service's own figure), 14.7 MB, 2.1 s for one reader, four at once
  // each past TOKEN_REVOCATIONS.feedTimeoutMs, so none learnt anything. The issuer behind a relay that
  // notes the `since` each read asks; a user-service replica on the pod's Redis writes back there and
  // says up to when (TOKEN_REVOCATIONS.wholeUpToKey), as every replica does on the one Redis in production.
  await server.start();
  const writer = await stack.userReplica({ REDIS_URL: server.url }, 300);
  const asked: { at: number; since: number }[] = [];
  const relay = await issuerRelay((since) => {
    asked.push({ at: Date.now(), since });
    return true;
  });
  const observer = new Redis(server.url);
  try {
    const PERIOD_MS = 300;
    const pod = await tripReplica({ REDIS_URL: server.url, JWKS_URL: relay.jwksUrl }, PERIOD_MS);
    const leaving = await stack.traveller();
    expect(await trips(pod.url, leaving.authorization)).toBe(200);
    // What Redis last told the pod, known: the writer stopped, the key keeps its last value, and the pod
    // asks it again. (Before, the value was taken to be within 3 periods of the cut-off: on CI's loaded
    // 2 cores the writer's write and the pod's read came 1.6-2.2 s late, 61,560 ms for 60,900.) A GET the
    // server executed after the writer stopped answers that value, and its reply reaches the pod before
    // the connection's close, which the read waits for.
    await writer.stop();
    const held = await observer.get(TOKEN_REVOCATIONS.wholeUpToKey);
    expect(held).not.toBeNull();
    const monitor = await startMonitor(observer);
    const commands = pod.app!.kit.redis;
    let askedAgain = false;
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (args[0]?.toLowerCase() === 'get' && args[1] === TOKEN_REVOCATIONS.wholeUpToKey && source.endsWith(`:${commands.stream.localPort}`)) askedAgain = true;
    });
    await waitFor(() => askedAgain, 'the pod asking Redis again up to when it holds every revocation', 10_000);
    monitor.disconnect();
    observer.disconnect();
    const cutOff = Date.now();
    await server.stop();
    expect((await call(stack.user.url, 'POST', USER_PATHS.logoutEverywhere, { headers: { authorization: leaving.authorization } })).status).toBe(204);
    await waitFor(async () => (await trips(pod.url, leaving.authorization)) === 401, 'the token signed out refused by the cut-off pod', 5_000, 20);
    // Before: the first read asked since a token's lifetime back (cutOff - 900,000 ms).
    // The first read after the cut-off (one as the pod got ready, its Redis not yet answering, asks a lifetime back).
    const first = asked.find((a) => a.at >= cutOff);
    expect(first).toBeDefined();
    expect(first!.since, 'the first read after the cut-off starting learnOverlapMs before what Redis last told the pod').toBeGreaterThanOrEqual(Math.floor(Number(held) - TOKEN_REVOCATIONS.learnOverlapMs));
    console.log(`first read after the cut-off since ${cutOff - first!.since} ms before it (Redis last said ${cutOff - Number(held)} ms before it)`);
  } finally {
    observer.disconnect();
    await writer.stop();
    await relay.close();
  }
});

it('a running trip pod whose Redis never got a sign-out the user service recorded over a minute before its cut-off learns it at its first read', { timeout: 120_000 }, async () => {
  // The user service writes to the stack's Redis, never to this pod's: its sign-out is in user_db and not in
  // the pod's Redis, as when the user service's own connection to Redis is cut off while the pod's is not.
  // Before, the pod's first read after its cut-off asked since learnOverlapMs (60 s) before the last
  // period its Redis answered it: a sign-out recorded earlier was accepted until Redis, holding it,
  // answered the pod again. Now it starts where the user service last said Redis held every revocation
  // (TOKEN_REVOCATIONS.wholeUpToKey; none here: a token's lifetime back).
  // The claim is that first read, so the pod must not have read the record since the sign-out. It reads
  // only while its Redis connection is not ready (revocation-feed.ts), but on CI's loaded 2 cores the
  // process stalls: past the kit's socket timeout (3 s) with a command waiting, the connection is dropped
  // and the pod reads the record at its next period, learning the sign-out before its cut-off (the
  // tracker's CI: 401 where 200 was expected; the safer side). The issuer behind a relay that answers no
  // read before the cut-off (503, as a user service out of reach); each read it refused must have come
  // after such a drop (a pod reading while Redis answers it would be a defect of its own).
  await server.start();
  const PERIOD_MS = 300;
  let cutOff: number | undefined;
  const refused: number[] = [];
  const relay = await issuerRelay(() => {
    if (cutOff !== undefined) return true;
    refused.push(Date.now());
    return false;
  });
  try {
    const pod = await tripReplica({ REDIS_URL: server.url, JWKS_URL: relay.jwksUrl }, PERIOD_MS);
    const commands = pod.app!.kit.redis;
    await waitFor(() => isRedisReady(commands), "the pod's Redis connection ready", 10_000);
    const drops: number[] = [];
    commands.on('close', () => drops.push(Date.now()));
    const leaving = await stack.traveller();
    const signingOut = Date.now();
    expect((await call(stack.user.url, 'POST', USER_PATHS.logout, { headers: { authorization: leaving.authorization } })).status).toBe(204);
    // Recorded over a minute before the cut-off as the feed sees it, by revoked_at in user_db: its row made
    // two learnOverlapMs older, rather than the file waiting a minute (61.5 s of its 79 s in CI). Before
    // (de98cbf0^), the first read after the cut-off started learnOverlapMs before the last period Redis
    // answered the pod, one of the periods below (due before that timer, in this process), itself later than
    // this instant by more than learnOverlapMs: the sign-out missed with 60 s of margin, where it had 1.5 s.
    const recorded = await queryRows<{ ms: number }>(
      stack.user.db.url,
      `UPDATE session_revocations SET revoked_at = revoked_at - make_interval(secs => $1::double precision / 1000) WHERE user_id = $2
       RETURNING (extract(epoch FROM revoked_at) * 1000)::float8 AS ms`,
      [2 * TOKEN_REVOCATIONS.learnOverlapMs, leaving.userId],
    );
    expect(recorded).toHaveLength(1);
    const recordedAt = recorded[0]!.ms;
    // Its Redis answering it a few periods, telling it nothing of the sign-out, and the record out of its reach.
    await new Promise((resolve) => setTimeout(resolve, 5 * PERIOD_MS));
    expect(await trips(pod.url, leaving.authorization)).toBe(200);
    const readsSinceSignOut = refused.filter((at) => at >= signingOut);
    expect(readsSinceSignOut.filter((at) => !drops.some((drop) => drop <= at)), "reads of the record before the cut-off, the pod's Redis connection ready and not dropped since").toEqual([]);
    // Counted here: the cut-off's own close comes during the stop, before cutAt.
    const dropsBeforeCutOff = drops.length;
    await server.stop();
    const cutAt = Date.now();
    cutOff = cutAt;
    // Before: still 200 after 5 s (every read since some 60 s before the cut-off, the sign-out recorded 120 s before).
    await waitFor(async () => (await trips(pod.url, leaving.authorization)) === 401, 'the sign-out recorded before the cut-off refused', 5_000, 20);
    console.log(
      `sign-out recorded ${cutAt - recordedAt} ms before the cut-off refused ${Date.now() - cutAt} ms after it (period ${PERIOD_MS} ms; ${readsSinceSignOut.length} reads refused meanwhile, ${dropsBeforeCutOff} drops of the pod's Redis connection before it)`,
    );
  } finally {
    await relay.close();
  }
});

it('a trip pod started while Redis is out of reach, the whole record taking the user service longer than the readiness bound to send, learns it at its next period', { timeout: 60_000 }, async () => {
  // The whole record at 100,000 accounts and as many sessions: 14.7 MB, 2.1 s for one reader, more for
  // several. Before, every read, the readiness one and each period's, was given up at feedTimeoutMs (2 s):
  // the pod accepted the revoked tokens for the whole outage. The issuer behind a relay that holds the
  // revocations' answer 2.5 s.
  const HOLD_MS = TOKEN_REVOCATIONS.feedTimeoutMs + 500;
  const PERIOD_MS = 3_000;
  const relay = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', stack.user.url);
    void fetch(new URL(`${url.pathname}${url.search}`, stack.user.url)).then(async (answer) => {
      const body = Buffer.from(await answer.arrayBuffer());
      if (url.pathname === REVOCATIONS_PATH) await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  try {
    const leaving = await stack.traveller();
    expect(await trips(stack.trip.url, leaving.authorization)).toBe(200);
    expect((await call(stack.user.url, 'POST', USER_PATHS.logoutEverywhere, { headers: { authorization: leaving.authorization } })).status).toBe(204);
    await server.stop();
    const pod = await tripReplica({ REDIS_URL: server.url, JWKS_URL: `http://127.0.0.1:${(relay.address() as { port: number }).port}${JWKS_PATH}` }, PERIOD_MS);
    const ready = Date.now();
    // Before: still 200 after three periods.
    await waitFor(async () => (await trips(pod.url, leaving.authorization)) === 401, 'the token signed out before the pod started refused', PERIOD_MS + HOLD_MS + 2 * PERIOD_MS, 100);
    console.log(`trip pod refused it ${Date.now() - ready} ms after it was ready (period ${PERIOD_MS} ms, the answer held ${HOLD_MS} ms)`);
  } finally {
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  }
});

it('the revocations route refuses a bad `since` with a 400 problem', async () => {
  const res = await call(stack.user.url, 'GET', `${REVOCATIONS_PATH}?since=yesterday`);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
});

it('a trip pod started while Redis and the user service are both out of reach (the issuer accepting and never answering) is ready all the same, the read given up after its bound', { timeout: 60_000 }, async () => {
  await server.stop();
  const held: Socket[] = [];
  const stalled = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(stalled.address() as { port: number }).port}`;
  try {
    const started = Date.now();
    await tripReplica({ REDIS_URL: server.url, JWKS_URL: `${issuer}/jwks.json` });
    const tookMs = Date.now() - started;
    console.log(`trip pod ready ${tookMs} ms after its start, Redis and the issuer out of reach`);
    // The kit's wait for Redis (3 s), then the read's bound; slack for a loaded machine.
    expect(tookMs).toBeLessThan(3_000 + TOKEN_REVOCATIONS.feedTimeoutMs + 3_000);
    expect(held.length).toBeGreaterThan(0); // it did ask the issuer
  } finally {
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => stalled.close(() => resolve()));
  }
});
