/**
 * Revocations of an account's tokens between replicas, on the real Redis (auth/revocations.ts): heard
 * by another replica within about a second and then a lookup in memory; a token signed after the
 * revocation, in the same second, still accepted; what a replica cut off from Redis missed, read in
 * full when its subscription comes back; a revocation asked while Redis is out of reach written once it
 * answers; what a Redis restart lost written back; entries gone from memory and Redis once older than a token's lifetime.
 * A session signed out (the login's `sid`): its token refused on every replica, the account's other sessions not.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SESSION_REVOCATIONS, TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { quietLogger, redisUrl, startMonitor, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import { connectRedis, isRedisReady } from '../redis.ts';
import { createTokenRevocations, issuedAtMs, type TokenRevocations } from './revocations.ts';

/** This file's own key and channel: a channel is heard in every Redis database, and a shortened lifetime must not trim the services' set. */
const names = {
  key: `${TOKEN_REVOCATIONS.key}:test:${randomUUID()}`,
  channel: `${TOKEN_REVOCATIONS.channel}:test:${randomUUID()}`,
  sessions: { key: `${SESSION_REVOCATIONS.key}:test:${randomUUID()}`, channel: `${SESSION_REVOCATIONS.channel}:test:${randomUUID()}` },
};
const connections: Redis[] = [];
const relays: TcpRelay[] = [];
const opened: TokenRevocations[] = [];
afterEach(() => {
  for (const r of opened.splice(0)) r.close();
});
afterAll(async () => {
  for (const c of connections) c.disconnect();
  for (const r of relays) await r.close();
});

const replica = async (opts: { url?: string; lifetimeMs?: number; names?: typeof names; writeBackCheckMs?: number } = {}): Promise<{ revocations: TokenRevocations; redis: Redis; subscriber: Redis }> => {
  const url = opts.url ?? redisUrl();
  const redis = connectRedis(url, quietLogger, 'revocations-test');
  const subscriber = connectRedis(url, quietLogger, 'revocations-test:sub');
  connections.push(redis, subscriber);
  const revocations = createTokenRevocations({ redis, subscriber, names: opts.names ?? names, lifetimeMs: opts.lifetimeMs, writeBackCheckMs: opts.writeBackCheckMs, onError: () => undefined });
  opened.push(revocations);
  await revocations.loaded;
  return { revocations, redis, subscriber };
};

/** Two replicas, the second reaching Redis through a relay that has just hung up (its subscription lost). */
const cutOffPair = async () => {
  const relay = await startTcpRelay({ target: redisUrl() });
  relays.push(relay);
  const a = await replica();
  const b = await replica({ url: relay.via(redisUrl()) });
  await waitFor(() => isRedisReady(b.subscriber) && isRedisReady(b.redis), 'the cut-off replica connected');
  relay.hangUp();
  await waitFor(() => !isRedisReady(b.subscriber), 'the subscription lost');
  return { a, b, relay };
};

describe('token revocations', () => {
  it('reach another replica within a second; a token signed after them, in the same second, is accepted', async () => {
    const [a, b] = [await replica(), await replica()];
    const id = randomUUID();
    const signedBefore = Date.now() - 1;
    const at = await a.revocations.revoke(id);
    // Here at once, there by its subscription (before: nothing revoked a token anywhere): a PING on
    // that connection, sent after the revocation was published, is answered behind its message.
    expect(a.revocations.revoked({ id, issuedAtMs: signedBefore })).toBe(true);
    await b.subscriber.ping();
    expect(b.revocations.revoked({ id, issuedAtMs: signedBefore })).toBe(true);
    // A login right after, within the same second: its `iat` to the millisecond is after the revocation.
    expect(b.revocations.revoked({ id, issuedAtMs: issuedAtMs((at + 1) / 1000) })).toBe(false);
    // A token of the same second signed with a whole-second `iat` (before the login signed milliseconds) is one before it.
    expect(b.revocations.revoked({ id, issuedAtMs: issuedAtMs(Math.floor(at / 1000)) })).toBe(true);
    expect(b.revocations.revoked({ id })).toBe(true);
    expect(b.revocations.revoked({ id: randomUUID(), issuedAtMs: signedBefore })).toBe(false);
  });

  it('a session signed out: its token refused on every replica within a second, the account\'s other sessions and a token without one accepted', async () => {
    const [a, b] = [await replica(), await replica()];
    const id = randomUUID();
    const issuedAt = Date.now() - 1;
    const [phone, laptop] = [{ id, issuedAtMs: issuedAt, sessionId: randomUUID() }, { id, issuedAtMs: issuedAt, sessionId: randomUUID() }];
    const at = await a.revocations.revokeSession(laptop.sessionId);
    expect(a.revocations.revoked(laptop)).toBe(true);
    // Heard by the other replica's subscription: a PING there after the publish is answered behind it.
    await b.subscriber.ping();
    expect(b.revocations.revoked(laptop)).toBe(true);
    expect(b.revocations.sessionRevokedAt(laptop.sessionId)).toBe(at);
    // Before: one revocation per account, so signing out the laptop signed out the phone too.
    expect(a.revocations.revoked(phone)).toBe(false);
    expect(b.revocations.revoked(phone)).toBe(false);
    expect(b.revocations.revoked({ id, issuedAtMs: issuedAt })).toBe(false);
    expect(b.revocations.revokedBefore(id)).toBeUndefined();
    expect(await a.redis.zscore(names.sessions.key, laptop.sessionId)).toBe(String(at));
    // Everywhere: the account's revocation refuses both.
    await a.revocations.revoke(id);
    await waitFor(() => b.revocations.revoked(phone), 'signed out everywhere');
    // Written back and published from a durable record, as the accounts' are.
    const lost = randomUUID();
    expect(await a.revocations.restoreSessions([{ sessionId: lost, at: Date.now() }, { sessionId: laptop.sessionId, at }])).toBe(1);
    await waitFor(() => b.revocations.sessionRevokedAt(lost) !== undefined, 'the restored session heard');
  });

  it('a session signed out while a replica was cut off is read when its subscription comes back', { timeout: 30_000 }, async () => {
    const { a, b, relay } = await cutOffPair();
    const sessionId = randomUUID();
    await a.revocations.revokeSession(sessionId);
    relay.mend();
    await waitFor(() => b.revocations.sessionRevokedAt(sessionId) !== undefined, 'the signed-out session read at the reconnect', 15_000);
  });

  it('restore writes back and publishes only what the set lacks or holds earlier, never an expired one', async () => {
    const [a, b] = [await replica(), await replica()];
    const [held, lost, later, expired] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const now = Date.now();
    await a.revocations.revoke(held, now);
    await a.revocations.revoke(later, now - 2_000);
    await a.redis.zrem(names.key, held, later); // as if lost
    await a.redis.zadd(names.key, now, held, now - 2_000, later); // back from an older copy: `later` behind
    const restored = await a.revocations.restore([
      { userId: held, at: now },
      { userId: lost, at: now - 1_000 },
      { userId: later, at: now },
      { userId: expired, at: now - TOKEN_REVOCATIONS.lifetimeMs - 1 },
    ]);
    expect(restored).toBe(2);
    expect((await a.redis.zmscore(names.key, held, lost, later, expired)).map((v) => (v === null ? null : Number(v)))).toEqual([now, now - 1_000, now, null]);
    // Published: heard by the other replica's subscription (a PING there after the restore is answered behind them).
    await b.subscriber.ping();
    expect([b.revocations.revokedBefore(lost), b.revocations.revokedBefore(later)]).toEqual([now - 1_000, now]);
    expect(await a.revocations.restore([{ userId: lost, at: now - 1_000 }])).toBe(0);
    expect(b.revocations.revokedBefore(expired)).toBeUndefined();
  });

  it('restore writes back 50,000 sessions signed out (one account signing in and out over and over makes one each) while the connection keeps answering, and a replica started after refuses them all', { timeout: 60_000 }, async () => {
    // A set of its own: the other tests' replicas would each read these 50,000.
    const many = { ...names, sessions: { key: `${names.sessions.key}:many`, channel: `${names.sessions.channel}:many` } };
    const a = await replica({ names: many });
    await waitFor(() => isRedisReady(a.redis), 'connected');
    const at = Date.now();
    const lost = Array.from({ length: 50_000 }, () => ({ sessionId: randomUUID(), at }));
    const watcher = connectRedis(redisUrl(), quietLogger, 'revocations-test:watch');
    connections.push(watcher);
    await waitFor(() => isRedisReady(watcher), 'the watcher connected');
    const restoring = a.revocations.restoreSessions(lost);
    // Another command of the replica once the write-back is writing (its rate limit, its cache): not held behind all of it.
    await waitFor(async () => (await watcher.zcard(many.sessions.key)) > 0, 'the write-back writing', 10_000, 1);
    const settled: string[] = [];
    const pinged = a.redis.ping().then((pong) => (settled.push('ping'), pong));
    void restoring.then(() => settled.push('write-back'), () => settled.push('write-back failed'));
    // Before: one transaction each, all sent at once: the write-back rejected 'Command timed out' (the kit's 1 s)
    // and this PING waited behind all of it. Now it waits for one batch at most: answered before the write-back ends.
    await expect(pinged).resolves.toBe('PONG');
    expect(await restoring).toBe(lost.length);
    expect(settled).toEqual(['ping', 'write-back']);
    const started = await replica({ names: many });
    expect(lost.filter(({ sessionId }) => started.revocations.sessionRevokedAt(sessionId) !== at)).toEqual([]);
    expect(await a.revocations.restoreSessions(lost)).toBe(0);
    await a.redis.del(many.sessions.key);
  });

  it('are read in full when a subscription cut off comes back', { timeout: 30_000 }, async () => {
    const { a, b, relay } = await cutOffPair();
    const id = randomUUID();
    await a.revocations.revoke(id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.revocations.revokedBefore(id)).toBeUndefined(); // published while it was away: never heard
    relay.mend();
    await waitFor(() => b.revocations.revokedBefore(id) !== undefined, 'the revocation read at the reconnect', 15_000);
    expect(b.revocations.revokedBefore(id)).toBe(a.revocations.revokedBefore(id));
  });

  it('read once the command connection is up when the subscriber came up first, no failure reported (before: "Stream isn\'t writeable and enableOfflineQueue options is false", and a read again 500 ms later)', { timeout: 30_000 }, async () => {
    const a = await replica();
    const id = randomUUID();
    await a.revocations.revoke(id);
    // The command connection's handshake held at a relay, the subscriber straight to Redis: the race a pod's start can lose.
    const relay = await startTcpRelay({ target: redisUrl() });
    relays.push(relay);
    relay.stall();
    const redis = connectRedis(relay.via(redisUrl()), quietLogger, 'revocations-test');
    const subscriber = connectRedis(redisUrl(), quietLogger, 'revocations-test:sub');
    connections.push(redis, subscriber);
    const errors: string[] = [];
    const late = createTokenRevocations({ redis, subscriber, names, onError: (err) => errors.push(String(err)) });
    opened.push(late);
    await waitFor(() => isRedisReady(subscriber), 'the subscriber ready');
    expect(redis.status).toBe('connect');
    relay.mend();
    await waitFor(() => late.revokedBefore(id) !== undefined, 'the revocation read once the command connection is up');
    expect(errors).toEqual([]);
  });

  it('asked while Redis is out of reach: rejected (the user service\'s record in user_db then carries it), held here, and written once Redis answers', { timeout: 30_000 }, async () => {
    const relay = await startTcpRelay({ target: redisUrl() });
    relays.push(relay);
    const a = await replica({ url: relay.via(redisUrl()) });
    const b = await replica();
    await waitFor(() => isRedisReady(a.redis), 'connected');
    relay.hangUp();
    await waitFor(() => !isRedisReady(a.redis), 'Redis out of reach');
    const id = randomUUID();
    const signedBefore = Date.now() - 1;
    await expect(a.revocations.revoke(id)).rejects.toThrow();
    expect(a.revocations.revoked({ id, issuedAtMs: signedBefore })).toBe(true);
    relay.mend();
    await waitFor(() => b.revocations.revokedBefore(id) === a.revocations.revokedBefore(id), 'the revocation written and heard once Redis answers', 15_000);
  });

  it('lost by a Redis restart: written back by the replicas that held them, so a pod started after refuses them too', { timeout: 30_000 }, async () => {
    const relay = await startTcpRelay({ target: redisUrl() });
    relays.push(relay);
    const a = await replica({ url: relay.via(redisUrl()) });
    const id = randomUUID();
    const signedBefore = Date.now() - 1;
    await a.revocations.revoke(id);
    // The restart as the replica meets it: its connections dropped, and Redis back without the set
    // (dev's runs without persistence). The shared test Redis itself cannot be restarted here.
    relay.hangUp();
    await waitFor(() => !isRedisReady(a.subscriber), 'the connection lost');
    const direct = (await replica()).redis;
    await direct.del(names.key);
    relay.mend();
    await waitFor(async () => (await direct.zscore(names.key, id)) !== null, 'the revocation written back', 15_000);
    // Before: the set stayed empty, and a replica started now accepted the token until it expired.
    const started = await replica();
    expect(started.revocations.revoked({ id, issuedAtMs: signedBefore })).toBe(true);
    expect(await direct.pttl(names.key)).toBeGreaterThan(0);
  });

  // One replica writes back what a restart lost (the first to take `<key>:write-back`), not each: a
  // replica that finds it taken looks again later and writes what only it held. Here the writer was
  // started after an earlier loss of `x` (an eviction no replica reconnected for) and never heard it.
  it('lost by a Redis restart: one replica writes back, another writes what only it held when it looks again', { timeout: 30_000 }, async () => {
    const own = { ...names, key: `${names.key}:one-writer`, channel: `${names.channel}:one-writer` };
    const writeBackCheckMs = 300;
    const a = await replica({ names: own, writeBackCheckMs });
    const x = randomUUID();
    await a.revocations.revoke(x);
    await a.redis.del(own.key);
    const c = await replica({ names: own, writeBackCheckMs });
    expect(c.revocations.revokedBefore(x)).toBeUndefined();
    const y = randomUUID();
    await c.revocations.revoke(y);
    await waitFor(() => a.revocations.revokedBefore(y) !== undefined, 'y heard by a');
    // The restart as the two meet it, c first: the set gone, the write-back key with it.
    await a.redis.del(own.key, `${own.key}:write-back`);
    c.subscriber.disconnect(true);
    await waitFor(async () => (await a.redis.zscore(own.key, y)) !== null, 'y written back by c', 15_000);
    expect(await a.redis.get(`${own.key}:write-back`)).not.toBeNull(); // c's, for WRITE_BACK_LEASE_MS
    a.subscriber.disconnect(true);
    // a finds the write-back taken: x comes when it looks again.
    await waitFor(async () => (await a.redis.zscore(own.key, x)) !== null, 'x written back by a when it looks again', 15_000);
    const started = await replica({ names: own });
    expect(started.revocations.revokedBefore(x)).toBe(a.revocations.revokedBefore(x));
    expect(started.revocations.revokedBefore(y)).toBe(c.revocations.revokedBefore(y));
    await a.redis.del(own.key, `${own.key}:write-back`);
  });

  // The look again of a replica that found the write-back taken, when its command connection is down
  // at that moment (dropped alone, as by its socket timeout behind a slow Redis, its subscription
  // staying up: no reconnect of the subscription reads again) or a command of it fails.
  it('lost by a Redis restart: a replica whose look again finds its connection cut off looks again later', { timeout: 30_000 }, async () => {
    const own = { ...names, key: `${names.key}:look-again`, channel: `${names.channel}:look-again` };
    const writeBackKey = `${own.key}:write-back`;
    const writeBackCheckMs = 1_000;
    const relay = await startTcpRelay({ target: redisUrl() });
    relays.push(relay);
    // a: commands through the relay, its subscription direct.
    const aRedis = connectRedis(relay.via(redisUrl()), quietLogger, 'revocations-test');
    const aSub = connectRedis(redisUrl(), quietLogger, 'revocations-test:sub');
    connections.push(aRedis, aSub);
    const a = createTokenRevocations({ redis: aRedis, subscriber: aSub, names: own, writeBackCheckMs, onError: () => undefined });
    opened.push(a);
    await a.loaded;
    const x = randomUUID();
    await a.revoke(x);
    const direct = connectRedis(redisUrl(), quietLogger, 'revocations-test');
    connections.push(direct);
    await waitFor(() => isRedisReady(direct), 'connected');
    await direct.del(own.key); // lost without a reconnect: c, started now, never hears x
    const c = await replica({ names: own, writeBackCheckMs });
    const y = randomUUID();
    await c.revocations.revoke(y);
    await waitFor(() => a.revokedBefore(y) !== undefined, 'y heard by a');
    // The restart as the two meet it: c takes the write-back and writes y.
    await direct.del(own.key, writeBackKey);
    c.subscriber.disconnect(true);
    await waitFor(async () => (await direct.zscore(own.key, y)) !== null && (await direct.get(writeBackKey)) !== null, 'y written back by c');
    // a reads again, finds the write-back taken (its GET of the key): cut off right after, before it looks again.
    const monitor = await startMonitor(direct);
    let asked = false;
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0]?.toLowerCase() === 'get' && args[1] === writeBackKey) asked = true;
    });
    aSub.disconnect(true);
    await waitFor(() => asked, "a's read after its reconnect");
    relay.cut();
    await monitor.disconnect();
    await waitFor(() => !isRedisReady(aRedis), "a's command connection cut off");
    // Its look again (1-2 s after its read) comes while it is cut off.
    await new Promise((resolve) => setTimeout(resolve, 2.5 * writeBackCheckMs));
    relay.mend();
    // Before: it gave up (the next reconnect of its subscription would read again, and none came): x missing for good.
    await waitFor(async () => (await direct.zscore(own.key, x)) !== null, 'x written back by a when it looks again once connected', 10_000);
    await direct.del(own.key, writeBackKey);
  });

  it('are dropped from memory and from Redis once older than a token\'s lifetime', async () => {
    const lifetimeMs = 600;
    const [a, b] = [await replica({ lifetimeMs }), await replica({ lifetimeMs })];
    const id = randomUUID();
    await a.revocations.revoke(id);
    await waitFor(() => b.revocations.revokedBefore(id) !== undefined, 'heard');
    expect(await a.redis.zscore(names.key, id)).not.toBeNull();
    expect(await a.redis.pttl(names.key)).toBeGreaterThan(0);
    await a.revocations.revokeSession(id);
    await waitFor(() => b.revocations.sessionRevokedAt(id) !== undefined, 'the session heard');
    await waitFor(() => a.revocations.size + b.revocations.size + a.revocations.sessions + b.revocations.sessions === 0, 'forgotten by both replicas', 3_000);
    await waitFor(async () => (await a.redis.exists(names.sessions.key)) === 0, 'the sessions key expired in Redis', 3_000);
    await waitFor(async () => (await a.redis.exists(names.key)) === 0, 'the key expired in Redis', 3_000);
    // A later revocation trims what is older than the lifetime, whatever the key's expiry.
    const other = randomUUID();
    await a.revocations.revoke(other);
    await new Promise((resolve) => setTimeout(resolve, lifetimeMs + 50));
    await a.revocations.revoke(randomUUID());
    expect(await a.redis.zscore(names.key, other)).toBeNull();
  });
});
