/**
 * The kit's Entra-authenticated Redis connections across one token rotation, pub/sub included, on a
 * redis-server of this file's own (@tripgen/testing startRedisServer) whose ACL user stands in for
 * the pod's identity, as Azure Cache for Redis / Azure Managed Redis map an Entra identity to a Redis
 * user (username = its object id, password = its access token).
 *
 * What Azure does, as its documentation says ("Use Microsoft Entra for cache authentication",
 * learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication,
 * and learn.microsoft.com/azure/redis/entra-for-authentication): a connection established with a
 * token must be sent AUTH with a refreshed token before that token expires, "to avoid disrupting
 * connections", i.e. the cache drops a connection whose token expired. Modelled here, stricter than
 * Azure where it costs nothing: when the second token is issued the ACL user's only password becomes
 * it (`resetpass`: the first token is refused for every new AUTH from then on; Redis keeps the open
 * connections), and at the first token's expiry the connections still running on it are killed
 * (CLIENT KILL ID): those open at the rotation that sent no AUTH since (MONITOR shows who sent one;
 * the arguments it shows redacted).
 *
 * Asserted, counting and not timing: no connection is left on the expired token (none killed),
 * commands keep working as the identity, the subscriber hears the revocations and cache
 * invalidations another replica publishes after the rotation (each one), what was published while
 * the subscriber reconnected is not lost unnoticed (the revocation read again, the cache's L1
 * cleared), and nothing is logged at warn or error. Each of these fails when its part of the kit is
 * taken out: the subscriber not reconnected at the rotation (killed at the expiry), the cache's L1 not
 * cleared on a reconnect (the old value served: the invalidation sent during the reconnect was lost
 * in each run here), the revocation set not read again on it (the revocation never held).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { Redis } from 'ioredis';
import { cacheChannel, SESSION_REVOCATIONS, TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { capturedLogger, quietLogger, startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenRevocations, type TokenRevocations } from './auth/revocations.ts';
import { createTwoLevelCache, type TwoLevelCache } from './cache.ts';
import { connectRedis, isRedisReady, redisTokenAuth, type RedisTokenAuth, type RenewalReport } from './redis.ts';

/** Renewed at 70 %: about 2.1 s after the first token, once the test has opened the gate. */
const FIRST_LIFETIME_MS = 3_000;
/** The second token outlives the test: one rotation, nothing after it. */
const SECOND_LIFETIME_MS = 3_600_000;
/** Revocations and invalidations the other replica publishes after the rotation. */
const AFTER = 5;

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwtFor = (oid: string, n: number) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ oid, aud: 'https://redis.azure.com', n })}.${randomBytes(16).toString('base64url')}`;

interface ClientEntry {
  readonly id: string;
  readonly addr: string;
  readonly user: string;
}
const clientList = async (admin: Redis): Promise<ClientEntry[]> =>
  String(await admin.call('CLIENT', 'LIST'))
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split(' ').map((f) => f.split('=', 2) as [string, string])))
    .map((f) => ({ id: f.id ?? '', addr: f.addr ?? '', user: f.user ?? '' }));

describe('Entra token rotation on Redis: commands and pub/sub (own redis-server, the identity an ACL user)', () => {
  const oid = randomUUID();
  const tokens = [jwtFor(oid, 1), jwtFor(oid, 2)] as const;
  const names = {
    key: `${TOKEN_REVOCATIONS.key}:test:${randomUUID()}`,
    channel: `${TOKEN_REVOCATIONS.channel}:test:${randomUUID()}`,
    sessions: { key: `${SESSION_REVOCATIONS.key}:test:${randomUUID()}`, channel: `${SESSION_REVOCATIONS.channel}:test:${randomUUID()}` },
  };
  const namespace = `entra-rotation-${randomUUID().slice(0, 8)}`;
  const { logger, lines } = capturedLogger('info');

  let server: OwnRedisServer;
  let admin: Redis;
  let monitor: Redis;
  /** Client addresses MONITOR saw send AUTH since the rotation. */
  const authsSinceRotation = new Set<string>();
  let rotated = false;
  /** Opened by the test once it is ready to watch the rotation. */
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let firstExpiresOn = 0;
  /** Connections the model of Azure dropped at the first token's expiry (resolves once it looked). */
  let enforced!: (killed: Promise<ClientEntry[]>) => void;
  const expiryEnforced = new Promise<ClientEntry[]>((resolve) => (enforced = resolve));
  const renewals: RenewalReport[] = [];

  // The pod's replica, under test: the kit's two connections with Entra tokens, its cache and revocations.
  let auth: RedisTokenAuth;
  let redis: Redis;
  let subscriber: Redis;
  let cache: TwoLevelCache;
  let revocations: TokenRevocations;
  const heard = new Map<string, number>();
  // Another replica (the server's default user): it publishes.
  let otherRedis: Redis;
  let otherSubscriber: Redis;
  let otherCache: TwoLevelCache;
  let other: TokenRevocations;

  /** Workload identity credential's stand-in: the first token, then (the test's gate open) the second, and the ACL with it. */
  const credential: TokenCredential = {
    async getToken(): Promise<AccessToken> {
      if (firstExpiresOn === 0) {
        firstExpiresOn = Date.now() + FIRST_LIFETIME_MS;
        return { token: tokens[0], expiresOnTimestamp: firstExpiresOn };
      }
      if (!rotated) {
        await gate;
        const onFirstToken = (await clientList(admin)).filter((c) => c.user === oid);
        await admin.call('ACL', 'SETUSER', oid, 'resetpass', `>${tokens[1]}`);
        rotated = true;
        enforced(
          (async () => {
          // Azure drops them at the expiry; not before the kit has applied the second token (a slow
          // machine's late renewal is not the kit's), and what it did not renew is still on the first.
            await waitFor(() => renewals.length >= 2, 'the second token applied');
            await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstExpiresOn - Date.now())));
            const open = new Set((await clientList(admin)).map((c) => c.id));
            const stale = onFirstToken.filter((c) => open.has(c.id) && !authsSinceRotation.has(c.addr));
            for (const c of stale) await admin.call('CLIENT', 'KILL', 'ID', c.id);
            return stale;
          })(),
        );
      }
      return { token: tokens[1], expiresOnTimestamp: Date.now() + SECOND_LIFETIME_MS };
    },
  };

  const subscribed = () => isRedisReady(subscriber) && subscriber.mode === 'subscriber';

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
    await admin.call('ACL', 'SETUSER', oid, 'reset', 'on', `>${tokens[0]}`, '~*', '&*', '+@all');
    // Started before any other connection: no monitored line can race MONITOR's OK (redis-entra.test.ts startMonitor).
    monitor = admin.duplicate({ monitor: true });
    await new Promise<void>((resolve, reject) => {
      monitor.once('monitoring', () => resolve());
      monitor.once('error', reject);
    });
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (rotated && args[0]?.toLowerCase() === 'auth') authsSinceRotation.add(source);
    });

    auth = redisTokenAuth({ credential, log: logger, onRenewed: (r) => renewals.push(r) });
    redis = connectRedis(server.url, logger, 'entra-rotation', auth);
    subscriber = connectRedis(server.url, logger, 'entra-rotation:sub', auth, 'subscriber');
    subscriber.on('message', (ch: string) => heard.set(ch, (heard.get(ch) ?? 0) + 1));
    cache = await createTwoLevelCache({ namespace, redis, subscriber, shape: '1' });
    revocations = createTokenRevocations({ redis, subscriber, names, onError: (err, what) => logger.warn({ err }, what) });

    otherRedis = connectRedis(server.url, quietLogger, 'other');
    otherSubscriber = connectRedis(server.url, quietLogger, 'other:sub');
    otherCache = await createTwoLevelCache({ namespace, redis: otherRedis, subscriber: otherSubscriber, shape: '1' });
    other = createTokenRevocations({ redis: otherRedis, subscriber: otherSubscriber, names, onError: () => undefined });
    await Promise.all([revocations.loaded, other.loaded, cache.subscribed, otherCache.subscribed]);
    await waitFor(() => isRedisReady(redis) && subscribed() && isRedisReady(otherRedis), 'every connection ready');
  }, 30_000);

  afterAll(async () => {
    auth?.close();
    revocations?.close();
    other?.close();
    await cache?.close();
    await otherCache?.close();
    for (const c of [redis, subscriber, otherRedis, otherSubscriber, monitor, admin]) c?.disconnect();
    await server?.close();
  });

  it('before the rotation: both connections authenticated as the identity with the first token', async () => {
    expect(await redis.call('ACL', 'WHOAMI')).toBe(oid);
    expect(renewals).toEqual([expect.objectContaining({ username: oid })]);
    const ours = (await clientList(admin)).filter((c) => c.user === oid);
    expect(ours.map((c) => c.addr).sort()).toEqual([redis, subscriber].map((r) => `127.0.0.1:${r.stream.localPort}`).sort());
  });

  it('across the rotation: nothing left on the expired token, what was published during the subscriber’s reconnect not lost unnoticed', async () => {
    expect(await cache.get('during', async () => ({ n: 1 }))).toEqual({ n: 1 });
    expect(await cache.get('during', async () => ({ n: -1 }))).toEqual({ n: 1 }); // from L1
    // The other replica writes while our subscriber is reconnecting with the second token: a
    // revocation and an invalidation it may not hear.
    const revokedDuring = randomUUID();
    let publishedDuring: Promise<unknown> | undefined;
    subscriber.once('close', () => {
      publishedDuring = Promise.all([other.revoke(revokedDuring), otherCache.invalidate('during')]).then(
        () => 'published',
        (err: unknown) => err,
      );
    });
    openGate();

    const killed = await expiryEnforced;
    expect(renewals[1]).toMatchObject({ username: oid, reauthenticated: 1, reconnected: 1, failed: 0 });
    expect(await publishedDuring).toBe('published');
    await waitFor(subscribed, 'the subscriber back, subscribed');
    expect(killed).toEqual([]);

    // The first token is refused for a new AUTH, the second taken: the model is in force.
    const probe = admin.duplicate();
    await expect(probe.call('AUTH', oid, tokens[0])).rejects.toThrow(/WRONGPASS/);
    expect(await probe.call('AUTH', oid, tokens[1])).toBe('OK');
    probe.disconnect();

    // Heard, or read again on the reconnect: refused either way; the cache's L1 no longer serves the old value.
    await waitFor(() => revocations.revokedBefore(revokedDuring) !== undefined, 'the revocation published during the reconnect held');
    expect(await cache.get('during', async () => ({ n: 2 }))).toEqual({ n: 2 });
  });

  it('after the rotation: commands work as the identity, and the subscriber hears every revocation and invalidation published', async () => {
    await waitFor(subscribed, 'the subscriber subscribed');
    expect(await redis.call('ACL', 'WHOAMI')).toBe(oid);
    await redis.set(`${namespace}:probe`, 'ok');
    expect(await redis.get(`${namespace}:probe`)).toBe('ok');

    const keys = Array.from({ length: AFTER }, (_, i) => `after-${i}`);
    for (const key of keys) expect(await cache.get(key, async () => ({ v: 1 }))).toEqual({ v: 1 });
    const revocationsBefore = heard.get(names.channel) ?? 0;
    const invalidationsBefore = heard.get(cacheChannel(namespace)) ?? 0;
    const revoked = Array.from({ length: AFTER }, () => randomUUID());
    for (const id of revoked) await other.revoke(id);
    for (const key of keys) await otherCache.invalidate(key);
    await waitFor(() => (heard.get(names.channel) ?? 0) - revocationsBefore >= AFTER && (heard.get(cacheChannel(namespace)) ?? 0) - invalidationsBefore >= AFTER, 'the messages heard');

    expect((heard.get(names.channel) ?? 0) - revocationsBefore).toBe(AFTER);
    expect((heard.get(cacheChannel(namespace)) ?? 0) - invalidationsBefore).toBe(AFTER);
    expect(revoked.filter((id) => revocations.revokedBefore(id) === undefined)).toEqual([]);
    for (const key of keys) expect(await cache.get(key, async () => ({ v: 2 }))).toEqual({ v: 2 });
    expect(renewals).toHaveLength(2);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});

/**
 * The subscriber dropped (as Azure drops a connection, or an outage) while a renewal is under way:
 * its new connection's handshake sends the old token, the new one arrives before that connection is
 * ready, and on 'ready' the kit brings it up to date: a subscriber by a new connection, never by AUTH
 * (its owners subscribe again on that 'ready', and ioredis marks the connection a subscriber only
 * once a SUBSCRIBE is answered: an AUTH sent meanwhile reaches Redis behind SUBSCRIBE, where RESP2
 * refuses it; before 0d8426f8, ioredis's own resubscription went before 'ready'). Azure takes both
 * tokens until the first expires (both are the ACL user's passwords here); at its expiry the
 * connection still on it is killed.
 */
describe('Entra token renewal racing the subscriber’s reconnect (own redis-server)', () => {
  const oid = randomUUID();
  const tokens = [jwtFor(oid, 1), jwtFor(oid, 2)] as const;
  const namespace = `entra-race-${randomUUID().slice(0, 8)}`;
  const { logger, lines } = capturedLogger('info');
  const renewals: RenewalReport[] = [];
  let server: OwnRedisServer;
  let admin: Redis;
  let asked = 0;
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let firstExpiresOn = 0;
  let auth: RedisTokenAuth;
  let redis: Redis;
  let subscriber: Redis;
  let cache: TwoLevelCache;

  const credential: TokenCredential = {
    async getToken(): Promise<AccessToken> {
      asked += 1;
      if (asked === 1) {
        firstExpiresOn = Date.now() + FIRST_LIFETIME_MS;
        return { token: tokens[0], expiresOnTimestamp: firstExpiresOn };
      }
      await gate;
      return { token: tokens[1], expiresOnTimestamp: Date.now() + SECOND_LIFETIME_MS };
    },
  };

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
    await admin.call('ACL', 'SETUSER', oid, 'reset', 'on', `>${tokens[0]}`, '~*', '&*', '+@all');
    auth = redisTokenAuth({ credential, log: logger, onRenewed: (r) => renewals.push(r) });
    redis = connectRedis(server.url, logger, 'entra-race', auth);
    subscriber = connectRedis(server.url, logger, 'entra-race:sub', auth, 'subscriber');
    cache = await createTwoLevelCache({ namespace, redis, subscriber, shape: '1' });
    await cache.subscribed;
    await waitFor(() => isRedisReady(redis) && isRedisReady(subscriber) && subscriber.mode === 'subscriber', 'both connections ready');
  });

  afterAll(async () => {
    auth?.close();
    await cache?.close();
    for (const c of [redis, subscriber, admin]) c?.disconnect();
    await server?.close();
  });

  it('the subscriber whose handshake used the old token ends on the new one: nothing left on the expired token, nothing at warn', async () => {
    await waitFor(() => asked >= 2, 'the renewal under way');
    // Issued by Entra now: Azure takes it from here on, and the first until it expires.
    await admin.call('ACL', 'SETUSER', oid, `>${tokens[1]}`);
    let onFirstToken: string | undefined;
    subscriber.once('connect', () => {
      // The handshake (AUTH with the first token) is written; the second arrives before the connection is ready.
      onFirstToken = `127.0.0.1:${subscriber.stream.localPort}`;
      openGate();
    });
    const [dropped] = (await clientList(admin)).filter((c) => c.addr === `127.0.0.1:${subscriber.stream.localPort}`);
    await admin.call('CLIENT', 'KILL', 'ID', dropped!.id);
    await waitFor(() => renewals.length >= 2, 'the second token applied');
    expect(renewals[1]).toMatchObject({ username: oid, failed: 0 });

    // Azure at the first token's expiry: refused from then on, its connections dropped.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstExpiresOn - Date.now())));
    await waitFor(() => isRedisReady(subscriber) && subscriber.mode === 'subscriber', 'the subscriber subscribed');
    await admin.call('ACL', 'SETUSER', oid, `<${tokens[0]}`);
    const stale = (await clientList(admin)).filter((c) => c.addr === onFirstToken);
    for (const c of stale) await admin.call('CLIENT', 'KILL', 'ID', c.id);

    expect(stale).toEqual([]);
    // Still heard on the new token.
    let heard = 0;
    subscriber.on('message', (ch: string) => void (ch === cacheChannel(namespace) && (heard += 1)));
    await waitFor(() => isRedisReady(subscriber) && subscriber.mode === 'subscriber', 'the subscriber subscribed');
    await admin.publish(cacheChannel(namespace), 'k');
    await waitFor(() => heard === 1, 'the invalidation heard');
    expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([]);
  });
});
