/**
 * Redis restarted empty while the user service's replicas are connected (a pod of dev's in-cluster
 * Redis rescheduled, a cache restarted without persistence): a server of this file's own
 * (@tripgen/testing startRedisServer), stopped with SHUTDOWN NOSAVE and started again on the same
 * port, not a relay that only drops the connections (the data stays behind one). After the restart
 * the token revocations are back in Redis (a replica started afterwards refuses the tokens too, not
 * only the replicas that held them in memory), no replica serves a profile written while Redis was
 * down from its L1, the per-user rate limit holds across the replicas, and publications (revocations,
 * invalidations) reach every replica again. Counts, not times: what Redis received after the restart
 * (INFO commandstats, which a restarted server starts from zero) and what a subscriber heard.
 */
import { Writable } from 'node:stream';
import { RATE_LIMIT, SESSION_REVOCATIONS, TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { createTokenRevocations, isRedisReady } from '@tripgen/service-kit';
import { queryRows, startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

const REPLICAS = 3;
/** Revocations of accounts, and as many of sessions, recorded in user_db before the replicas start. */
const RECORDED = 100;
const PASSWORD = 'restart-password';

/** The republish step's line (domain/revocation-records.ts): a replica read every record from user_db. */
const STEP_LINE = 'token revocations read from user_db to compare with Redis';
let steps = 0;
/** Each replica's log at debug, counting the republish steps; the period is an hour, so only starts and reconnects step. */
const options = () => ({
  env: { REDIS_URL: server.url },
  revocationRepublishEveryMs: 3_600_000,
  logger: {
    level: 'debug',
    stream: new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.includes(STEP_LINE)) steps += 1;
        done();
      },
    }),
  },
});

let server: OwnRedisServer;
const replicas: RunningUserService[] = [];
const closing: (() => Promise<unknown> | unknown)[] = [];
beforeAll(async () => {
  server = await startRedisServer();
  const first = await startUserService(options());
  replicas.push(first);
  // Recorded before the others start: the first one's republish (each 'ready') writes them to Redis.
  await queryRows(
    first.db.url,
    `INSERT INTO token_revocations (user_id, revoked_at) SELECT gen_random_uuid(), clock_timestamp() FROM generate_series(1, $1);
     INSERT INTO session_revocations (session_id, user_id, revoked_at) SELECT 'restart-' || n, gen_random_uuid(), clock_timestamp() FROM generate_series(1, $1) n`.replaceAll('$1', String(RECORDED)),
  );
  first.app.kit.redis.disconnect(true); // a reconnect: its republish now (the lease is free)
  await waitFor(() => first.app.kit.revocations.size >= RECORDED && first.app.kit.revocations.sessions >= RECORDED, 'the recorded revocations in Redis');
  for (let i = 1; i < REPLICAS; i++) replicas.push(await startUserService({ db: first.db, bus: first.bus, ...options() }));
}, 60_000);
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  for (const r of replicas.slice(1)) await r.close();
  await replicas[0]?.close();
  await server?.close();
});

const account = async (via: RunningUserService) => {
  const email = `restart-${Math.random().toString(36).slice(2)}@example.com`;
  const registered = await via.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: PASSWORD, name: 'R' } });
  expect(registered.statusCode).toBe(201);
  const login = await via.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  return { id: registered.json<{ id: string }>().id, headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` } };
};
const me = (r: RunningUserService, headers: Record<string, string>) => r.app.inject({ method: 'GET', url: USER_PATHS.me, headers });
const statusesOnEvery = async (headers: Record<string, string>) => Promise.all(replicas.map(async (r) => (await me(r, headers)).statusCode));
const preferencesOn = async (r: RunningUserService, headers: Record<string, string>) => (await me(r, headers)).json<{ preferences: unknown }>().preferences;

/** Pods of other services: the kit's revocations on connections of their own (the kit's options, its retryStrategy too). */
const OTHER_PODS = 4;
/** Less than the kit's command timeout (1 s): commands waiting behind it time out and are sent again. */
const PAUSE_MS = 900;

/** The kit's subscriber connections (`<workload>:sub`) subscribed to the cache's and the revocations' channels. */
const subscribedReplicas = async (r: RunningUserService): Promise<number> =>
  ((await r.app.kit.redis.client('LIST')) as string).split('\n').filter((c) => / name=\S+:sub /.test(c) && Number(/ sub=(\d+)/.exec(c)?.[1]) >= 3).length;

/** The calls of each command Redis ran since it started (INFO commandstats). */
const commandStats = async (r: RunningUserService): Promise<Record<string, number>> => {
  const info = (await r.app.kit.redis.info('commandstats')) as string;
  return Object.fromEntries([...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(([, name, calls]) => [name!, Number(calls)]));
};

describe(`Redis restarted empty under ${REPLICAS} user-service replicas`, () => {
  it('gets the revocations back, serves no stale profile, limits per user and hears publications again', { timeout: 90_000 }, async () => {
    const [a, b, c] = replicas as [RunningUserService, RunningUserService, RunningUserService];
    const signedOut = await account(a);
    const writer = await account(a);
    // Cached on every replica (L1 and Redis) before the restart.
    for (const r of replicas) expect(await preferencesOn(r, writer.headers)).toBeNull();
    expect((await a.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: signedOut.headers })).statusCode).toBe(204);
    await waitFor(async () => (await statusesOnEvery(signedOut.headers)).every((s) => s === 401), 'the sign-out heard by every replica', 5_000);

    // What every subscriber hears of the revocations' channels after the restart.
    const listener = a.app.kit.redis.duplicate().on('error', () => undefined);
    closing.push(() => listener.disconnect());
    let heard = 0;
    listener.on('message', () => (heard += 1));
    // Subscribed again on its reconnect by itself, as each owner of a subscription on the kit's (its
    // connections, duplicates included, leave ioredis's resubscription off).
    const listen = () => listener.subscribe(TOKEN_REVOCATIONS.channel, SESSION_REVOCATIONS.channel);
    listener.on('ready', () => void listen().catch(() => undefined));
    await waitFor(() => listener.status === 'ready', 'the listener connected');
    await listen();

    await server.stop();
    await waitFor(() => replicas.every((r) => !isRedisReady(r.app.kit.redis)), 'every replica cut off');
    // Written while Redis is down: its invalidation cannot be published (each replica clears its L1 on its reconnect).
    const prefs = { interests: ['museums'], pace: 'relaxed', travelMode: 'walk' };
    expect((await b.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: writer.headers, payload: prefs })).statusCode).toBe(200);
    heard = 0;
    await server.start();

    await waitFor(() => replicas.every((r) => isRedisReady(r.app.kit.redis)) && listener.status === 'ready', 'every replica connected again', 15_000);
    // And subscribed again: until its subscriber is back a replica hears no invalidation and keeps its L1
    // (each connection reconnects on its own schedule), as while Redis was down.
    await waitFor(async () => (await subscribedReplicas(a)) === REPLICAS, 'every replica subscribed again', 15_000);
    // A replica started after the restart (any service's pod) reads the set alone.
    const redis = a.app.kit.redis.duplicate().on('error', () => undefined);
    const subscriber = a.app.kit.redis.duplicate().on('error', () => undefined);
    const fresh = createTokenRevocations({ redis, subscriber, onError: () => undefined });
    closing.push(() => (fresh.close(), redis.disconnect(), subscriber.disconnect()));
    await waitFor(
      async () => (await a.app.kit.redis.zcard(TOKEN_REVOCATIONS.key)) >= RECORDED + 1 && (await a.app.kit.redis.zcard(SESSION_REVOCATIONS.key)) >= RECORDED && fresh.revokedBefore(signedOut.id) !== undefined,
      'the revocations written back and read by a replica started after the restart',
      15_000,
    );
    expect(await statusesOnEvery(signedOut.headers)).toEqual(replicas.map(() => 401));
    expect(fresh.revokedBefore(signedOut.id)).toBe(a.app.kit.revocations.revokedBefore(signedOut.id));
    expect(fresh.size).toBeGreaterThanOrEqual(RECORDED + 1);
    expect(fresh.sessions).toBeGreaterThanOrEqual(RECORDED);

    // No replica serves the profile it cached before the write made while Redis was down.
    for (const r of replicas) expect(await preferencesOn(r, writer.headers)).toEqual(prefs);

    // Publications reach every replica again: a sign-out on c, an invalidation from c.
    const later = await account(c);
    for (const r of replicas) expect((await me(r, later.headers)).statusCode).toBe(200);
    const prefs2 = { interests: ['food'], pace: 'packed', travelMode: 'car' };
    expect((await c.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: writer.headers, payload: prefs2 })).statusCode).toBe(200);
    await waitFor(async () => (await Promise.all(replicas.map((r) => preferencesOn(r, writer.headers)))).every((p) => JSON.stringify(p) === JSON.stringify(prefs2)), 'the invalidation heard by every replica', 5_000);
    expect((await c.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: later.headers })).statusCode).toBe(204);
    await waitFor(async () => (await statusesOnEvery(later.headers)).every((s) => s === 401), 'the sign-out after the restart heard by every replica', 5_000);

    // One budget per user across the replicas again.
    const limited = await account(a);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT.max + 20; i++) statuses.push((await me(replicas[i % REPLICAS]!, limited.headers)).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);

    const stats = await commandStats(a);
    console.info(`after the restart, ${REPLICAS} replicas, ${RECORDED} + ${RECORDED} recorded: ${JSON.stringify(stats)}; heard on the revocations' channels: ${heard}`);
  });

  it(`is written back once after a restart, not by each of ${REPLICAS} replicas and ${OTHER_PODS} other pods`, { timeout: 90_000 }, async () => {
    const a = replicas[0]!;
    for (let i = 0; i < OTHER_PODS; i++) {
      const redis = a.app.kit.redis.duplicate().on('error', () => undefined);
      const subscriber = a.app.kit.redis.duplicate().on('error', () => undefined);
      const pod = createTokenRevocations({ redis, subscriber, onError: () => undefined });
      closing.push(() => (pod.close(), redis.disconnect(), subscriber.disconnect()));
      await pod.loaded;
    }
    const accounts = await a.app.kit.redis.zcard(TOKEN_REVOCATIONS.key);
    const sessions = await a.app.kit.redis.zcard(SESSION_REVOCATIONS.key);
    await server.stop();
    await waitFor(() => replicas.every((r) => !isRedisReady(r.app.kit.redis)), 'every replica cut off');
    steps = 0;
    // Down long enough for a few reconnect attempts.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Writes wait (as behind the first write-back of a large set) while the replicas come back and read the set empty.
    await server.start({ pauseWritesMs: PAUSE_MS });
    await waitFor(
      async () => (await a.app.kit.redis.zcard(TOKEN_REVOCATIONS.key).catch(() => 0)) >= accounts && (await a.app.kit.redis.zcard(SESSION_REVOCATIONS.key)) >= sessions,
      'the set written back',
      15_000,
    );
    // What comes of the reconnects in the seconds after (a replica that did not write back looks again only after WRITE_BACK_LEASE_MS).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const stats = await commandStats(a);
    const arrivals = server.accepted();
    const t0 = Math.min(...arrivals);
    const calls = Object.values(stats).reduce((x, y) => x + y, 0);
    console.info(
      `${steps} republish step(s) from user_db; restart under ${REPLICAS} replicas + ${OTHER_PODS} pods holding ${accounts} + ${sessions}, writes paused ${PAUSE_MS} ms: ${calls} commands, ${stats.publish ?? 0} published (each heard by every subscriber), ` +
        `${arrivals.length} connections over ${Math.max(...arrivals) - t0} ms (${arrivals.map((x) => x - t0).join(' ')}); ${JSON.stringify(stats)}`,
    );
    // Once by the kit's writer, once by the user replica that took the republish lease (it compares with
    // what it reads while writes wait). Before: by each pod that read the set empty, up to
    // ${REPLICAS + OTHER_PODS} times, and by each user replica from user_db at its reconnect.
    expect(stats.publish).toBeGreaterThanOrEqual(accounts + sessions);
    expect(stats.publish).toBeLessThanOrEqual(2 * (accounts + sessions));
    // One user replica read user_db's records at the reconnect, not each.
    expect(steps).toBe(1);
  });
});
