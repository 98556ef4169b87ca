/**
 * A traveller deletes their own account (DELETE /api/v1/users/me with its current password): the
 * account, its preferences and notifications leave user_db, its cached profile leaves Redis and the
 * in-process cache of every replica in the same request, so its token is a 401 at once on any
 * replica. A wrong password is a 403 counted by the login throttle (a stolen token cannot guess).
 * Two replicas share PostgreSQL and Redis, as pods do.
 */
import { ACCOUNT_TOMBSTONE_RETENTION, LOGIN_THROTTLE, QUEUES, cacheEntryKey, cacheNamespace } from '@tripgen/catalog';
import { REVOKED_TOKEN_DETAIL } from '@tripgen/service-kit';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { quietLogger, testPrismaClient, waitFor } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottle } from '../src/routes/auth.ts';
import { pruneDeletionRecords } from '../src/domain/deleted-accounts.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { USER_CACHE_SHAPE } from '../src/domain/users.ts';
import { signingSecret, startUserService, type RunningUserService } from './harness.ts';

let a: RunningUserService;
let b: RunningUserService;
beforeAll(async () => {
  a = await startUserService();
  b = await startUserService({ db: a.db, bus: a.bus });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const sql = async (text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: a.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
};

const PASSWORD = 'correct horse battery';
const PREFERENCES = { interests: ['museums'], pace: 'normal', travelMode: 'walk' };
let address = 0;
/** A fresh account (its own client address: the per-address limits stay out of the way), with preferences and a notification. */
const account = async () => {
  const email = `leaving-${Math.random().toString(36).slice(2)}@example.com`;
  const headers = { 'x-forwarded-for': `198.51.100.${++address}` };
  expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: PASSWORD, name: 'Leaving' } })).statusCode).toBe(201);
  const { accessToken } = (await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: PASSWORD } })).json<{ accessToken: string }>();
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  expect((await a.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: auth, payload: PREFERENCES })).statusCode).toBe(200);
  const [{ id }] = (await sql('SELECT id FROM users WHERE email = $1', [email])) as [{ id: string }];
  await sql(`INSERT INTO notifications (id, user_id, type, payload) VALUES (gen_random_uuid(), $1, 'schedule.completed', '{}')`, [id]);
  return { id, email, auth };
};
const remove = (replica: RunningUserService, auth: Record<string, string>, payload: unknown = { password: PASSWORD }) =>
  replica.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: auth, payload: payload as object });
const rowsOf = async (id: string) => ({
  users: (await sql('SELECT count(*)::int AS n FROM users WHERE id = $1', [id]))[0].n as number,
  preferences: (await sql('SELECT count(*)::int AS n FROM user_preferences WHERE user_id = $1', [id]))[0].n as number,
  notifications: (await sql('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [id]))[0].n as number,
});

describe('DELETE /api/v1/users/me', () => {
  it('deletes the account and everything of it in user_db, and its token is a 401 at once on every replica, its cached profile gone', async () => {
    const other = await account();
    const leaving = await account();
    // Its profile cached by both replicas (their L1) and in Redis (L2).
    for (const replica of [a, b]) {
      expect((await replica.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: leaving.auth })).statusCode).toBe(200);
      expect((await replica.app.inject({ method: 'GET', url: '/internal/v1/user/preferences', headers: leaving.auth })).json()).toEqual({ preferences: PREFERENCES });
    }
    expect(b.app.kit.cache.peek(`user:${leaving.id}:me`)).toBeDefined();
    expect(await rowsOf(leaving.id)).toEqual({ users: 1, preferences: 1, notifications: 1 });

    const deleted = await remove(a, leaving.auth);
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect(await rowsOf(leaving.id)).toEqual({ users: 0, preferences: 0, notifications: 0 });
    expect(await a.app.kit.redis.exists(cacheEntryKey(cacheNamespace('user'), USER_CACHE_SHAPE, `user:${leaving.id}:me`))).toBe(0);
    // The other replica, asked right after the 204 (no wait): its in-process copy went with the
    // invalidation published in the request (before, with an operator's DELETE: 200 from the cache, for up to 30 minutes).
    for (const replica of [b, a]) {
      for (const url of ['/api/v1/users/me', '/internal/v1/user/preferences', '/api/v1/users/me/notifications']) {
        const res = await replica.app.inject({ method: 'GET', url, headers: leaving.auth });
        // Refused by the kit first now: the deletion revoked its tokens (on every service, not only here).
        expect([res.statusCode, res.json().detail], url).toEqual([401, REVOKED_TOKEN_DETAIL]);
      }
    }
    // Idempotent-ish: the same token again is a 401 (revoked); its password no longer logs in.
    const again = await remove(b, leaving.auth);
    expect([again.statusCode, again.json().detail, again.headers['www-authenticate']]).toEqual([401, REVOKED_TOKEN_DETAIL, 'Bearer error="invalid_token"']);
    expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': '198.51.100.250' }, payload: { email: leaving.email, password: PASSWORD } })).statusCode).toBe(401);
    // Nobody else's data went with it.
    expect(await rowsOf(other.id)).toEqual({ users: 1, preferences: 1, notifications: 1 });
    expect((await b.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: other.auth })).statusCode).toBe(200);
  });

  it('refuses a wrong password with 403 (the account stays), counted by the login throttle: past its limit even the right one is 429, and a right one clears the count', async () => {
    const careful = await account();
    const throttleKey = loginThrottle(a.app.kit.redis, signingSecret()).redisKey(careful.email);
    const wrong = await remove(a, careful.auth, { password: 'not my password' });
    expect([wrong.statusCode, wrong.json().detail]).toEqual([403, 'The password is wrong: the account was not deleted']);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(await rowsOf(careful.id)).toEqual({ users: 1, preferences: 1, notifications: 1 });
    expect(await a.app.kit.redis.exists(throttleKey)).toBe(1);
    // The right password clears the count as a login's does (the email's throttle key is the account's last key in Redis).
    expect((await remove(b, careful.auth)).statusCode).toBe(204);
    expect(await a.app.kit.redis.exists(throttleKey)).toBe(0);

    const guessed = await account();
    for (let i = 0; i < LOGIN_THROTTLE.maxFailures; i++) expect((await remove(i % 2 === 0 ? a : b, guessed.auth, { password: `guess ${i}` })).statusCode).toBe(403);
    const locked = await remove(a, guessed.auth);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // One count with login's: the thief's guesses locked the login too.
    expect((await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': '198.51.100.251' }, payload: { email: guessed.email, password: PASSWORD } })).statusCode).toBe(429);
    expect(await rowsOf(guessed.id)).toEqual({ users: 1, preferences: 1, notifications: 1 });
  });

  it('answers a body without the password 400, no token 401, and evaluates preconditions only once the password is right (RFC 9110 13.2.1)', async () => {
    const user = await account();
    for (const payload of [{}, { password: PASSWORD, extra: 1 }, { password: 7 }]) {
      const res = await remove(a, user.auth, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await a.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: user.auth })).statusCode).toBe(400);
    expect((await a.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: { 'x-forwarded-for': user.auth['x-forwarded-for'] }, payload: { password: PASSWORD } })).statusCode).toBe(401);
    const conditional = (password: string) => a.app.inject({ method: 'DELETE', url: '/api/v1/users/me', headers: { ...user.auth, 'if-match': '"x"' }, payload: { password } });
    expect((await conditional('wrong password')).statusCode).toBe(403);
    expect((await conditional(PASSWORD)).statusCode).toBe(412);
    expect(await rowsOf(user.id)).toEqual({ users: 1, preferences: 1, notifications: 1 });
  });

  it('deletes once when two replicas are asked at the same moment: one 204, the other the 401 of an account gone', async () => {
    const user = await account();
    const answers = (await Promise.all([remove(a, user.auth), remove(b, user.auth)])).map((r) => r.statusCode).sort();
    expect(answers).toEqual([204, 401]);
    expect(await rowsOf(user.id)).toEqual({ users: 0, preferences: 0, notifications: 0 });
  });
});

it('drops a notification that arrives for a deleted account (a schedule it asked finishing after): settled, nothing stored, nothing dead-lettered', { timeout: 30_000 }, async () => {
  const leaving = await account();
  expect((await remove(a, leaving.auth)).statusCode).toBe(204);
  const broker = createServiceBusBroker({ connectionString: a.bus.connectionString, logger: quietLogger });
  const messageId = `late-${leaving.id}`;
  try {
    await broker.publish(QUEUES.notification, [{ messageId, body: { userId: leaving.id, type: 'schedule.completed', payload: { scheduleId: crypto.randomUUID() } } }]);
    await waitFor(async () => (await sql("SELECT 1 FROM processed_messages WHERE consumer = 'user-service.inbox' AND message_id = $1", [messageId])).length === 1, 'the notification settled', 20_000, 50);
  } finally {
    await broker.close();
  }
  expect(await rowsOf(leaving.id)).toEqual({ users: 0, preferences: 0, notifications: 0 });
  expect(a.bus.count(`${QUEUES.notification}/$deadletterqueue`)).toBe(0);
});

describe('POST /internal/v1/user/accounts (the trip service\'s sweep, catalog ACCOUNT_ERASURE)', () => {
  const ask = (payload: unknown) => a.app.inject({ method: 'POST', url: '/internal/v1/user/accounts', payload: payload as object });
  const sorted = (answer: { deleted: string[]; unknown: string[] }) => ({ deleted: [...answer.deleted].sort(), unknown: [...answer.unknown].sort() });
  it('names the accounts deleted by the route or an operator (their deletion records), from PostgreSQL whatever a replica cached; no token asked', async () => {
    const staying = await account();
    const leaving = await account();
    const erased = await account();
    expect((await remove(a, leaving.auth)).statusCode).toBe(204);
    expect((await b.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: erased.auth })).statusCode).toBe(200);
    // An operator's, signed in as a role granted the DELETE alone (b's cache still holds the profile):
    // the record is written with the privileges of the function's owner (SECURITY DEFINER).
    const operator = `erasure_operator_${crypto.randomUUID().replaceAll('-', '')}`;
    await sql(`CREATE ROLE ${operator}`);
    await sql(`GRANT SELECT, DELETE ON users TO ${operator}`);
    try {
      await sql(`DO $$ BEGIN SET LOCAL ROLE ${operator}; DELETE FROM users WHERE id = '${erased.id}'; END $$`);
    } finally {
      await sql(`DROP OWNED BY ${operator}`);
      await sql(`DROP ROLE ${operator}`);
    }
    // Each deletion recorded in its transaction (the trigger), the route's and the operator's alike.
    expect((await sql('SELECT id FROM deleted_accounts WHERE id = ANY($1::uuid[]) AND deleted_at > now() - interval \'1 minute\' ORDER BY id', [[staying.id, leaving.id, erased.id]])).map((r) => r.id)).toEqual([leaving.id, erased.id].sort());
    const res = await b.app.inject({ method: 'POST', url: '/internal/v1/user/accounts', payload: { ids: [staying.id, leaving.id, erased.id, erased.id] } });
    expect([res.statusCode, sorted(res.json())]).toEqual([200, { deleted: [leaving.id, erased.id].sort(), unknown: [] }]);
    // The previous release's field is not answered: its trip service, reading `missing`, erases nothing (catalog AccountsResponse).
    expect(res.json()).not.toHaveProperty('missing');
    expect((await ask({ ids: [staying.id] })).json()).toEqual({ deleted: [], unknown: [] });
  });

  it('never names as deleted an account that is merely absent: never one, or gone without its deletion (a restore, a wrong database)', async () => {
    const restoredAway = await account();
    // What a user_db restored to before this sign-up, or a copy without it, holds: no account, no
    // record. Row triggers do not fire when replicating (pg_restore --disable-triggers, a logical
    // copy), the cascades neither: its rows go child first.
    await sql(`DO $$ BEGIN SET LOCAL session_replication_role = replica; DELETE FROM notifications WHERE user_id = '${restoredAway.id}'; DELETE FROM user_preferences WHERE user_id = '${restoredAway.id}'; DELETE FROM users WHERE id = '${restoredAway.id}'; END $$`);
    expect(await rowsOf(restoredAway.id)).toEqual({ users: 0, preferences: 0, notifications: 0 });
    const never = crypto.randomUUID();
    // Before: {missing: [both]}, and the trip service erased their trips and plans.
    expect(sorted((await ask({ ids: [restoredAway.id, never] })).json())).toEqual({ deleted: [], unknown: [restoredAway.id, never].sort() });
  });

  it('keeps a deletion record for the backups\' retention (ACCOUNT_TOMBSTONE_RETENTION), then prunes it', async () => {
    const leaving = await account();
    expect((await remove(a, leaving.auth)).statusCode).toBe(204);
    const old = crypto.randomUUID();
    const aging = crypto.randomUUID();
    await sql(`INSERT INTO deleted_accounts (id, deleted_at) VALUES ($1, now() - $3 * interval '1 millisecond' - interval '1 minute'), ($2, now() - $3 * interval '1 millisecond' + interval '1 minute')`, [old, aging, ACCOUNT_TOMBSTONE_RETENTION.keepMs]);
    expect(ACCOUNT_TOMBSTONE_RETENTION.keepMs).toBeGreaterThanOrEqual(35 * 24 * 3_600_000); // prod's backupRetentionDays
    const prisma = testPrismaClient(PrismaClient, a.db.url, 1);
    try {
      expect(await pruneDeletionRecords(prisma)).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.$disconnect();
    }
    expect((await sql('SELECT id FROM deleted_accounts WHERE id = ANY($1::uuid[]) ORDER BY id', [[old, aging, leaving.id]])).map((r) => r.id)).toEqual([aging, leaving.id].sort());
  });

  it('answers 400 for a body that is not 1 to 100 account ids', async () => {
    for (const payload of [{}, { ids: [] }, { ids: ['not-a-uuid'] }, { ids: Array.from({ length: 101 }, () => crypto.randomUUID()) }]) {
      const res = await ask(payload);
      expect([res.statusCode, res.headers['content-type']], JSON.stringify(payload).slice(0, 40)).toEqual([400, 'application/problem+json; charset=utf-8']);
    }
  });
});

describe('GET /internal/v1/user/deletions (the trip service\'s sweep, catalog ACCOUNT_ERASURE)', () => {
  const page = (query: string) => b.app.inject({ method: 'GET', url: `/internal/v1/user/deletions${query}` });
  /** Every page from the first, `limit` ids each: the ids in order and how many pages. */
  const walk = async (limit: number) => {
    const ids: string[] = [];
    let pages = 0;
    for (let after: string | null | undefined; after !== null; pages++) {
      const res = await page(`?limit=${limit}${after === undefined ? '' : `&after=${after}`}`);
      expect(res.statusCode, res.body).toBe(200);
      const { deleted, next } = res.json<{ deleted: string[]; next: string | null }>();
      expect(deleted.length).toBeLessThanOrEqual(limit);
      ids.push(...deleted);
      after = next;
    }
    return { ids, pages };
  };

  it('lists every recorded deletion in id order, a page at a time, never an account that exists; no token asked', async () => {
    const leaving = await account();
    const staying = await account();
    expect((await remove(a, leaving.auth)).statusCode).toBe(204);
    const recorded = Array.from({ length: 5 }, () => crypto.randomUUID());
    // Deletions recorded by an operator (docs/runbooks.md#account-erasure), and a record of an account
    // that exists again (a restore brought it back): never deleted, as on the accounts route.
    await sql('INSERT INTO deleted_accounts (id) SELECT unnest($1::uuid[])', [[...recorded, staying.id]]);
    const all = (await sql('SELECT d.id FROM deleted_accounts d WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.id) ORDER BY d.id')).map((r) => r.id as string);
    const { ids, pages } = await walk(2);
    expect(ids).toEqual(all);
    expect(ids).toEqual(expect.arrayContaining([leaving.id, ...recorded]));
    expect(ids).not.toContain(staying.id);
    expect(pages).toBe(Math.floor(all.length / 2) + 1);
    // The default page is the sweep's batch.
    const first = (await page('')).json<{ deleted: string[]; next: string | null }>();
    expect(first).toEqual({ deleted: all.slice(0, 100), next: all.length >= 100 ? all[99] : null });
  });

  it('answers 400 for a page that is not a uuid cursor and 1 to 100 ids', async () => {
    for (const query of ['?after=not-a-uuid', '?limit=0', '?limit=101', '?limit=two']) {
      const res = await page(query);
      expect([res.statusCode, res.headers['content-type']], query).toEqual([400, 'application/problem+json; charset=utf-8']);
    }
  });
});
