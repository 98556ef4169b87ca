/**
 * Token revocations outlive what Redis loses (catalog TOKEN_REVOCATIONS; docs/runbooks.md
 * redis-memory): the set evicted or flushed after a sign-out, and a deletion's revocation asked of a
 * replica cut off from Redis that stops before Redis answers again. The user service records each
 * revocation in user_db and writes back what Redis lacks, so a replica started after the loss (a
 * fresh kit, as any service's pod) refuses the token again within the republish period. Real
 * PostgreSQL and Redis; the flush is FLUSHDB of this file's own database (the stack's one Redis
 * server is shared by every test process: FLUSHALL would empty the others' too), which loses the
 * set exactly as an eviction of its key, a FLUSHALL or a restart without persistence does.
 */
import { Writable } from 'node:stream';
import { TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { createTokenRevocations, isRedisReady, issuedAtMs, type TokenRevocations } from '@tripgen/service-kit';
import { queryRows, redisUrl, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIALS_LOCK_WAIT_MS } from '../src/domain/users.ts';
import { startUserService, type RunningUserService } from './harness.ts';

const PASSWORD = 'durable-password';
const REPUBLISH_MS = 500;

let a: RunningUserService;
let relay: TcpRelay;
const closing: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  relay = await startTcpRelay({ target: redisUrl() });
  a = await startUserService({ revocationRepublishEveryMs: REPUBLISH_MS });
});
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await a?.close();
  await relay?.close();
});

const account = async (via: RunningUserService) => {
  const email = `durable-${Math.random().toString(36).slice(2)}@example.com`;
  const registered = await via.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: PASSWORD, name: 'D' } });
  const login = await via.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  return { id: registered.json<{ id: string }>().id, headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` } };
};

/** A token's `iat` in ms, as the kit reads it. */
const issuedAtOf = (token: string): number => issuedAtMs((JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number }).iat)!;

/** A replica of any service started now: the kit's revocations on connections of its own, read from Redis. */
const freshReplica = async (): Promise<TokenRevocations> => {
  const redis = a.app.kit.redis.duplicate();
  const subscriber = a.app.kit.redis.duplicate();
  const revocations = createTokenRevocations({ redis, subscriber, onError: () => undefined });
  closing.push(() => (revocations.close(), redis.disconnect(), subscriber.disconnect()));
  await revocations.loaded;
  return revocations;
};

describe('token revocations Redis lost', () => {
  it('a sign-out everywhere whose set was flushed: a replica started after refuses the token within the republish period', { timeout: 30_000 }, async () => {
    const user = await account(a);
    expect((await a.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: user.headers })).statusCode).toBe(204);
    const at = a.app.kit.revocations.revokedBefore(user.id)!;
    expect(at).toBeGreaterThan(0);
    await a.app.kit.redis.flushdb();
    const flushed = Date.now();
    const fresh = await freshReplica();
    // Both: the channel is heard by every test process, whatever its database, and a replica of another
    // file that heard this revocation can write it into its own database and publish it again, so the
    // fresh replica may hear it before this file's database has it back.
    await waitFor(
      async () => fresh.revokedBefore(user.id) === at && Number(await a.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, user.id)) === at,
      'the revocation written back and heard by the replica started after the flush',
      REPUBLISH_MS * 6,
    );
    expect(fresh.revoked({ id: user.id, issuedAtMs: at - 1 })).toBe(true);
    expect(fresh.revoked({ id: user.id, issuedAtMs: at + 1 })).toBe(false);
    expect(Number(await a.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, user.id))).toBe(at);
    expect(await a.app.kit.redis.pttl(TOKEN_REVOCATIONS.key)).toBeGreaterThan(TOKEN_REVOCATIONS.lifetimeMs - 60_000);
    // The record it came back from: the sign-out's instant, in user_db.
    expect(await queryRows(a.db.url, 'SELECT (extract(epoch FROM revoked_at) * 1000)::bigint::text AS at FROM token_revocations WHERE user_id = $1', [user.id])).toEqual([{ at: String(at) }]);
    console.info(`revocation back ${Date.now() - flushed} ms after the flush (republish every ${REPUBLISH_MS} ms)`);
  });

  it('a deletion on a replica cut off from Redis that stops before Redis answers: a pod started later writes it back', { timeout: 40_000 }, async () => {
    // An observer that republishes only when its connection is (re)established, which this one's never is again.
    // Its own user_db: `a`, which republishes every REPUBLISH_MS, must not be the one writing it back.
    const observer = await startUserService({ revocationRepublishEveryMs: 3_600_000 });
    closing.push(() => observer.close());
    const logged: { level: number; msg: string; err?: { stack?: string } }[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(...chunk.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as (typeof logged)[number])), done()) });
    const cut = await startUserService({ db: observer.db, env: { REDIS_URL: relay.via(redisUrl()) }, revocationRepublishEveryMs: 3_600_000, logger: { level: 'warn', stream: sink } });
    const leaving = await account(cut);
    relay.hangUp();
    try {
      await waitFor(() => !isRedisReady(cut.app.kit.redis), 'the replica cut off from Redis');
      expect((await cut.app.inject({ method: 'DELETE', url: USER_PATHS.me, headers: leaving.headers, payload: { password: PASSWORD } })).statusCode).toBe(204);
      await cut.close();
    } finally {
      relay.mend();
    }
    // A handled outage (Redis has its own alert; the revocation waits in user_db): a warning with its error's stack, nothing at error level.
    expect(logged.find((l) => l.msg === 'a token revocation is recorded in user_db but Redis cannot take it yet: other pods refuse the token once it does')).toMatchObject({ level: 40, err: { stack: expect.stringContaining('    at ') } });
    expect(logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    // Nobody wrote it: the replica that was asked is gone with what it held in memory.
    expect(await observer.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, leaving.id)).toBeNull();
    expect(observer.app.kit.revocations.revokedBefore(leaving.id)).toBeUndefined();
    const restarted = await startUserService({ db: observer.db, env: { REDIS_URL: relay.via(redisUrl()) }, revocationRepublishEveryMs: 3_600_000 });
    closing.push(() => restarted.close());
    await waitFor(() => observer.app.kit.revocations.revokedBefore(leaving.id) !== undefined, 'the deletion\'s revocation written back by the pod started after and heard by the other replica', 10_000);
    expect(observer.app.kit.revocations.revoked({ id: leaving.id, issuedAtMs: observer.app.kit.revocations.revokedBefore(leaving.id)! - 1 })).toBe(true);
    expect((await freshReplica()).revokedBefore(leaving.id)).toBe(observer.app.kit.revocations.revokedBefore(leaving.id));
  });

  it('an account an operator deletes in SQL: its tokens are revoked on every service within the republish period, no revocation written by hand', { timeout: 30_000 }, async () => {
    const user = await account(a);
    const token = user.headers.authorization.slice('Bearer '.length);
    const issuedAtMs = issuedAtOf(token);
    // docs/runbooks.md#account-erasure step 1, as an operator runs it.
    await queryRows(a.db.url, 'DELETE FROM users WHERE id = $1', [user.id]);
    const fresh = await freshReplica();
    await waitFor(() => a.app.kit.revocations.revokedBefore(user.id) !== undefined && fresh.revokedBefore(user.id) !== undefined, 'the deletion\'s revocation in Redis and heard', REPUBLISH_MS * 6);
    expect(a.app.kit.revocations.revoked({ id: user.id, issuedAtMs })).toBe(true);
    expect(fresh.revoked({ id: user.id, issuedAtMs })).toBe(true);
  });

  it('an account an operator deletes in a transaction left open: a login made before its commit waits for it and is refused, its revocation recorded all the same', { timeout: 30_000 }, async () => {
    const user = await account(a);
    const email = (await queryRows<{ email: string }>(a.db.url, 'SELECT email FROM users WHERE id = $1', [user.id]))[0]!.email;
    const operator = new pg.Client({ connectionString: a.db.url });
    await operator.connect();
    const signIn = () => a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    let login: ReturnType<typeof signIn> | undefined;
    await (async () => {
      try {
        await operator.query('BEGIN');
        await operator.query('DELETE FROM users WHERE id = $1', [user.id]);
        // The deletion not committed yet: the login waits on the account's row (users.credentialsRead),
        // where it read the account as it was and signed a token the deletion's revocation had to refuse.
        login = signIn();
        await waitFor(async () => (await queryRows(a.db.url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'")).length > 0, 'the login waits on the row');
        await operator.query('COMMIT');
      } finally {
        await operator.end();
      }
    })();
    // Before (an unlocked read): 200, a token of the account being deleted.
    expect((await login!).statusCode).toBe(401);
    const fresh = await freshReplica();
    await waitFor(() => fresh.revokedBefore(user.id) !== undefined, 'the deletion\'s revocation in Redis and heard', REPUBLISH_MS * 6);
  });

  it('a transaction left open longer than a login waits: the login is a 503 to retry, no token', { timeout: 30_000 }, async () => {
    const user = await account(a);
    const email = (await queryRows<{ email: string }>(a.db.url, 'SELECT email FROM users WHERE id = $1', [user.id]))[0]!.email;
    const operator = new pg.Client({ connectionString: a.db.url });
    await operator.connect();
    try {
      await operator.query('BEGIN');
      await operator.query('DELETE FROM users WHERE id = $1', [user.id]);
      const started = Date.now();
      const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
      const waitedMs = Date.now() - started;
      expect([login.statusCode, Number(login.headers['retry-after']) > 0, login.json<{ detail: string }>().detail]).toEqual([503, true, 'The account is being changed; try again shortly']);
      expect(waitedMs).toBeGreaterThanOrEqual(CREDENTIALS_LOCK_WAIT_MS - 50);
      await operator.query('ROLLBACK');
    } finally {
      await operator.end();
    }
    expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } })).statusCode).toBe(200);
  });

  // The change and its revocation were two statements: the new hash committed, then the record in
  // its own (a pod stopped, or user_db failing that INSERT, in between). The INSERT made to fail here
  // for this account alone, as a crash right after the first commit leaves it.
  it('a password change whose revocation user_db cannot record changes nothing: never the new password without the old tokens\' revocation', { timeout: 30_000 }, async () => {
    const user = await account(a);
    const email = (await queryRows<{ email: string }>(a.db.url, 'SELECT email FROM users WHERE id = $1', [user.id]))[0]!.email;
    const constraint = `refuse_${user.id.replaceAll('-', '')}`;
    await queryRows(a.db.url, `ALTER TABLE token_revocations ADD CONSTRAINT ${constraint} CHECK (user_id <> '${user.id}') NOT VALID`);
    let status: number;
    try {
      status = (await a.app.inject({ method: 'PUT', url: USER_PATHS.password, headers: user.headers, payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } })).statusCode;
    } finally {
      await queryRows(a.db.url, `ALTER TABLE token_revocations DROP CONSTRAINT ${constraint}`);
    }
    const recorded = await queryRows(a.db.url, 'SELECT 1 FROM token_revocations WHERE user_id = $1', [user.id]);
    const oldPassword = (await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } })).statusCode;
    // Before: 204, the new password set, no revocation recorded (Redis alone had it, at this pod's clock).
    expect({ status: status >= 500, oldPassword, recorded: recorded.length }).toEqual({ status: true, oldPassword: 200, recorded: 0 });
  });

  it('a password an operator resets in SQL: the account\'s tokens are revoked on every service within the republish period', { timeout: 30_000 }, async () => {
    const user = await account(a);
    const issuedAtMs = issuedAtOf(user.headers.authorization.slice('Bearer '.length));
    await queryRows(a.db.url, "UPDATE users SET password_hash = 'reset by an operator' WHERE id = $1", [user.id]);
    const fresh = await freshReplica();
    await waitFor(() => fresh.revokedBefore(user.id) !== undefined, 'the reset\'s revocation in Redis and heard', REPUBLISH_MS * 6);
    expect(fresh.revoked({ id: user.id, issuedAtMs })).toBe(true);
    // An UPDATE that leaves the hash as it was (a name change) revokes nothing.
    const other = await account(a);
    await queryRows(a.db.url, "UPDATE users SET name = 'E', password_hash = password_hash WHERE id = $1", [other.id]);
    expect(await queryRows(a.db.url, 'SELECT 1 FROM token_revocations WHERE user_id = $1', [other.id])).toEqual([]);
  });

  it('keeps a record one token lifetime: an older one is pruned and never written back, a later instant is never replaced by an earlier', { timeout: 30_000 }, async () => {
    const [old, kept] = [crypto.randomUUID(), crypto.randomUUID()];
    const now = Date.now();
    await queryRows(a.db.url, 'INSERT INTO token_revocations (user_id, revoked_at) VALUES ($1, $2), ($3, $4)', [old, new Date(now - TOKEN_REVOCATIONS.lifetimeMs - 1_000), kept, new Date(now)]);
    await waitFor(async () => (await a.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, kept)) !== null, 'the unexpired record written back', REPUBLISH_MS * 6);
    await waitFor(async () => (await queryRows(a.db.url, 'SELECT 1 FROM token_revocations WHERE user_id = $1', [old])).length === 0, 'the expired record pruned', REPUBLISH_MS * 6);
    expect(await a.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, old)).toBeNull();
    expect(a.app.kit.revocations.revokedBefore(old)).toBeUndefined();
    // An earlier instant written after (a replica's clock behind) keeps the later one in Redis.
    await a.app.kit.revocations.revoke(kept, now - 5_000);
    expect(Number(await a.app.kit.redis.zscore(TOKEN_REVOCATIONS.key, kept))).toBe(now);
  });
});
