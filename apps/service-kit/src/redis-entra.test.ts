/**
 * Entra token auth of the kit's Redis clients, against the real local Redis: an ACL user stands
 * in for the pod's identity, and a fake TokenCredential rotates that user's password each time it
 * issues a token (the server then accepts only the newest one), with token lifetimes of seconds.
 * MONITOR shows, from the server's side, which connection sent AUTH.
 */
import { randomBytes } from 'node:crypto';
import { AuthenticationRequiredError, type AccessToken, type TokenCredential } from '@azure/identity';
import { Redis } from 'ioredis';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwoLevelCache, type TwoLevelCache } from './cache.ts';
import { REDIS_ENTRA_SCOPE, connectRedis, isRedisReady, redisTokenAuth, wantsEntraAuth, type RedisLogger, type RedisTokenAuth, type RenewalReport } from './redis.ts';
import { capturedLogger, redisUrl, startMonitor, startRedisServer, waitFor } from '@tripgen/testing';

const LIFETIME_MS = 3_000; // renewed at 70 %: about every 2.1 s

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Issues JWT-shaped tokens whose `oid` is the ACL user, and makes each new one the user's only password. */
class RotatingCredential implements TokenCredential {
  readonly issued: string[] = [];
  constructor(
    private readonly admin: Redis,
    private readonly user: string,
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    expect(scopes).toBe(REDIS_ENTRA_SCOPE);
    const token = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ oid: this.user, aud: 'https://redis.azure.com', n: this.issued.length + 1 })}.${randomBytes(16).toString('base64url')}`;
    await this.admin.call('ACL', 'SETUSER', this.user, 'resetpass', `>${token}`);
    this.issued.push(token);
    return { token, expiresOnTimestamp: Date.now() + LIFETIME_MS };
  }
}

describe('Redis with Entra tokens (rotating ACL password on the local Redis)', () => {
  const id = randomBytes(4).toString('hex');
  const user = `tripgen-entra-${id}`;
  const namespace = `${REDIS_TEST_PREFIX}:entra-${id}`;
  const warnings: string[] = [];
  const log: RedisLogger = { info: () => undefined, warn: (_o, msg) => void warnings.push(msg), error: (_o, msg) => void warnings.push(msg) };
  const renewals: RenewalReport[] = [];
  const auths: string[] = []; // client addresses MONITOR saw sending AUTH
  let admin: Redis;
  let monitor: Redis;
  let credential: RotatingCredential;
  let auth: RedisTokenAuth;
  let redis: Redis;
  let subscriber: Redis;
  let cache: TwoLevelCache;

  const local = (r: Redis) => `127.0.0.1:${r.stream.localPort}`;
  const subscribed = () => isRedisReady(subscriber) && subscriber.mode === 'subscriber';

  beforeAll(async () => {
    admin = new Redis(redisUrl());
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', '~*', '&*', '+@all');
    monitor = await startMonitor(admin, warnings);
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (args[0]?.toLowerCase() === 'auth') auths.push(source);
    });
    credential = new RotatingCredential(admin, user);
    auth = redisTokenAuth({ credential, log, onRenewed: (r) => renewals.push(r) });
    redis = connectRedis(redisUrl(), log, `entra-${id}`, auth);
    subscriber = connectRedis(redisUrl(), log, `entra-${id}:sub`, auth, 'subscriber');
    cache = await createTwoLevelCache({ namespace, redis, subscriber, shape: '1' });
  });

  afterAll(async () => {
    auth?.close();
    await cache?.close();
    redis?.disconnect();
    subscriber?.disconnect();
    monitor?.disconnect();
    await admin?.call('ACL', 'DELUSER', user);
    await admin?.keys(`${namespace}:*`).then((keys) => (keys.length ? admin.del(...keys) : 0));
    admin?.disconnect();
  });

  it('connects only once a token is there, as the token’s object id', async () => {
    await waitFor(() => isRedisReady(redis) && subscribed(), 'both connections ready');
    expect(credential.issued.length).toBeGreaterThanOrEqual(1);
    expect(await redis.call('ACL', 'WHOAMI')).toBe(user);
  });

  it('re-authenticates the open connection before the token expires and reconnects the subscriber with the new token', async () => {
    const commandAddress = local(redis);
    const issuedBefore = credential.issued.length;
    await waitFor(() => credential.issued.length > issuedBefore && renewals.length >= credential.issued.length, 'a token renewal');
    const report = renewals.at(-1)!;
    expect(report).toMatchObject({ username: user, reauthenticated: 1, reconnected: 1, failed: 0 });
    // Same socket, and the server saw it send AUTH: re-authenticated in place, not reconnected.
    expect(local(redis)).toBe(commandAddress);
    await waitFor(() => auths.includes(commandAddress), 'AUTH from the open command connection');
    await waitFor(subscribed, 'the subscriber back, subscribed');
    await waitFor(() => auths.includes(local(subscriber)), 'AUTH from the subscriber’s new connection');
    expect(await redis.call('ACL', 'WHOAMI')).toBe(user);
  });

  it('keeps working across rotations: commands, the L2 cache and invalidations through pub/sub', async () => {
    const renewalsBefore = renewals.length;
    await waitFor(() => renewals.length >= renewalsBefore + 2, 'two more renewals');
    await waitFor(subscribed, 'the subscriber back, subscribed');
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('k', load)).toEqual({ n: 1 }); // loader, then L1 and L2
    expect(await cache.get('k', load)).toEqual({ n: 1 }); // L1
    // Another replica's invalidation arrives over the (re-authenticated) subscriber: this replica drops
    // the key from L1 and deletes its own shape's L2 entry (the writer may be another version), so the
    // next read loads.
    await admin.publish(`${namespace}:cache-invalidate`, 'k');
    await waitFor(async () => (await cache.get('k', load)).n === 2, 'the entry invalidated');
    expect(cache.stats.l2Hits).toBe(0);
    await redis.set(`${namespace}:probe`, 'ok');
    expect(await redis.get(`${namespace}:probe`)).toBe('ok');
    expect(renewals.slice(1).every((r) => r.failed === 0)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reconnects with the newest token when the server drops its connections (as on an expired token)', async () => {
    const back = Promise.all([redis, subscriber].map((r) => new Promise((resolve) => r.once('ready', resolve))));
    await admin.call('CLIENT', 'KILL', 'USER', user);
    await back;
    await waitFor(() => isRedisReady(redis) && subscribed(), 'both connections back');
    expect(await redis.call('ACL', 'WHOAMI')).toBe(user);
    expect(await redis.get(`${namespace}:probe`)).toBe('ok');
  });
});

describe('wantsEntraAuth', () => {
  const clientId = '00000000-0000-0000-0000-000000000001';
  it('applies to a TLS URL without a password on a pod with a workload identity (Azure Managed Redis in prod)', () => {
    expect(wantsEntraAuth('rediss://redis-tripgen-prod.koreacentral.redis.azure.net:10000', clientId)).toBe(true);
  });
  it('leaves dev’s in-cluster Redis, password URLs and local runs alone', () => {
    expect(wantsEntraAuth('redis://redis.tripgen.svc.cluster.local:6379', clientId)).toBe(false);
    expect(wantsEntraAuth('rediss://:secret@cache.example:6380', clientId)).toBe(false);
    expect(wantsEntraAuth('rediss://cache.example:6380', undefined)).toBe(false);
    expect(wantsEntraAuth('redis://127.0.0.1:56379', undefined)).toBe(false);
  });
});

describe("Redis's Entra token not given", () => {
  it('warns of Entra out of reach with its error in `outage`, and logs a credential Entra refuses for our configuration at error with its stack', async () => {
    // The errors @azure/identity's WorkloadIdentityCredential (the pods') gives, as measured against a
    // local Entra (ai-service test/azure-openai.test.ts): MSAL's code heading the message, no cause.
    const refusals = [
      new AuthenticationRequiredError({ scopes: [REDIS_ENTRA_SCOPE], message: 'temporarily_unavailable: Error(s): 50196 - Description: AADSTS50196: The server is temporarily unavailable.' }),
      new AuthenticationRequiredError({ scopes: [REDIS_ENTRA_SCOPE], message: "invalid_client: Error(s): 700213 - Description: AADSTS700213: No matching federated identity record found for presented assertion subject 'system:serviceaccount:tripgen:user-service'." }),
    ];
    const said: { level: number; outage?: unknown; err?: { type?: string; stack?: string } }[] = [];
    for (const refusal of refusals) {
      const { logger, lines } = capturedLogger();
      const auth = redisTokenAuth({ credential: { getToken: () => Promise.reject(refusal) }, log: logger, retryMs: 60_000 });
      await waitFor(() => lines.some((l) => l.msg === 'no Entra token for redis; retrying'), 'the failed token request logged');
      auth.close();
      said.push(lines.find((l) => l.msg === 'no Entra token for redis; retrying')!);
    }
    expect(said[0]).toMatchObject({ level: 40, outage: [{ type: 'AuthenticationRequiredError', message: expect.stringMatching(/^temporarily_unavailable: /) }] });
    expect(said[0]!.err).toBeUndefined();
    expect(said[1]).toMatchObject({ level: 50, err: { type: 'AuthenticationRequiredError', stack: expect.stringContaining('    at ') } });
    expect(said[1]!.outage).toBeUndefined();
  });
});

describe("Redis refusing the pod's renewed token", () => {
  it('logs the refusal at error with its stack: our configuration (the identity\'s access policy assignment gone), not an outage', async () => {
    const id = randomBytes(4).toString('hex');
    const user = `tripgen-entra-refused-${id}`;
    const admin = new Redis(redisUrl());
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', '~*', '&*', '+@all');
    // The first token is the user's password; the ones after are not (the server answers WRONGPASS to their AUTH).
    let issued = 0;
    const credential: TokenCredential = {
      async getToken() {
        issued += 1;
        const token = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ oid: user, n: issued })}.${randomBytes(16).toString('base64url')}`;
        if (issued === 1) await admin.call('ACL', 'SETUSER', user, 'resetpass', `>${token}`);
        return { token, expiresOnTimestamp: Date.now() + LIFETIME_MS };
      },
    };
    const { logger, lines } = capturedLogger();
    const auth = redisTokenAuth({ credential, log: logger });
    const redis = connectRedis(redisUrl(), logger, `entra-refused-${id}`, auth);
    try {
      await waitFor(() => isRedisReady(redis), 'the connection ready on the first token');
      await waitFor(() => lines.some((l) => l.msg === 'redis re-authentication failed; retrying with the next token'), 'the refused re-authentication logged');
      const refused = lines.find((l) => l.msg === 'redis re-authentication failed; retrying with the next token')!;
      // Before: a warning (40) with `outage`, as if Redis were out of reach.
      expect(refused).toMatchObject({ level: 50, err: { message: expect.stringMatching(/^WRONGPASS/), stack: expect.stringContaining('    at ') } });
      expect(refused.outage).toBeUndefined();
    } finally {
      auth.close();
      redis.disconnect();
      await admin.call('ACL', 'DELUSER', user);
      admin.disconnect();
    }
  });
});

describe('Redis pausing while the renewed token is sent (a failover\'s hand-over)', () => {
  it('logs the re-authentication that timed out at warn with `outage` (Redis out of reach, not a refusal), and leaves the Entra gauge at 0', async () => {
    // A redis-server of this test's own: CLIENT PAUSE holds every client of the server it is sent to.
    const server = await startRedisServer();
    const admin = new Redis(server.url);
    const user = `tripgen-entra-paused-${randomBytes(4).toString('hex')}`;
    const token = (n: number) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ oid: user, n })}.${randomBytes(16).toString('base64url')}`;
    const tokens = [token(1), token(2)] as const;
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', `>${tokens[0]}`, `>${tokens[1]}`, '~*', '&*', '+@all');
    let issued = 0;
    const credential: TokenCredential = {
      async getToken() {
        issued += 1;
        if (issued === 1) return { token: tokens[0], expiresOnTimestamp: Date.now() + LIFETIME_MS };
        // Redis stops answering for longer than a command's limit (COMMAND_TIMEOUT_MS), shorter than
        // the socket's (socketTimeout): the connection stays, the AUTH sent meanwhile times out.
        await admin.call('CLIENT', 'PAUSE', '2000', 'ALL');
        return { token: tokens[1], expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const { logger, lines } = capturedLogger();
    const auth = redisTokenAuth({ credential, log: logger });
    const redis = connectRedis(server.url, logger, 'entra-paused', auth);
    const said = () => lines.find((l) => l.msg === 'redis re-authentication failed; retrying with the next token');
    try {
      await waitFor(() => isRedisReady(redis), 'the connection ready on the first token');
      await waitFor(() => said() !== undefined, 'the timed-out re-authentication logged', 15_000);
      // Before: at error (50) with `err` and its stack, read as Redis refusing the identity.
      expect(said()).toMatchObject({ level: 40, outage: [expect.objectContaining({ message: 'Command timed out' })] });
      expect(said()!.err).toBeUndefined();
      // Redis back: the connection answers as the identity; Entra never failed, the gauge stays 0.
      await waitFor(async () => (await redis.call('ACL', 'WHOAMI').catch(() => undefined)) === user, 'the connection answering after the pause', 15_000);
      expect(auth.outageSeconds()).toBe(0);
    } finally {
      auth.close();
      redis.disconnect();
      admin.disconnect();
      await server.close();
    }
  });
});
