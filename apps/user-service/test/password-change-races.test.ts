/**
 * A password change racing a login, a deletion or another change (docs/api.md, Revoked tokens; OWASP ASVS 4.0.3
 * 3.3.3): what the old password buys after the change was asked must not outlive it. The argon2
 * verification (tens of milliseconds) is the window; a gate after it (the real verification, then a
 * wait the test releases) holds one request there while the other runs, on the real PostgreSQL and Redis.
 */
import { AUTH_PATHS, TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { queryRows, waitFor } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

/** Verifications to hold after they answered, and those held now (each released by the test). */
const gate = vi.hoisted(() => ({ hold: 0, held: [] as (() => void)[] }));
vi.mock('../src/domain/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/domain/passwords.ts')>();
  return {
    ...real,
    verifyPassword: async (stored: string, password: string) => {
      const ok = await real.verifyPassword(stored, password);
      if (gate.hold > 0) {
        gate.hold -= 1;
        await new Promise<void>((release) => gate.held.push(release));
      }
      return ok;
    },
  };
});

let svc: RunningUserService;
beforeAll(async () => {
  svc = await startUserService();
});
afterAll(async () => {
  await svc?.close();
});

const OLD = 'the old passphrase here';
const account = async () => {
  const email = `race-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await svc.app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { email, password: OLD, name: 'R' } })).statusCode).toBe(201);
  return { email, headers: await login(email, OLD) };
};
const login = async (email: string, password: string) => {
  const res = await svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password } });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json<{ accessToken: string }>().accessToken}` };
};
const releaseAll = () => gate.held.splice(0).forEach((release) => release());

describe('a password change racing', () => {
  it('a login with the old password: the token it gets is refused once the change answered', async () => {
    const { email, headers } = await account();
    gate.hold = 1;
    // The login reads the old hash and verifies the old password; held before it signs.
    const racing = login(email, OLD);
    await waitFor(() => gate.held.length === 1, 'the login verified the old password');
    const changed = await svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: { currentPassword: OLD, newPassword: 'a brand new passphrase' } });
    expect(changed.statusCode).toBe(204);
    releaseAll();
    const late = await racing;
    // Before: 200, the old password's token working for its 15 minutes after the change.
    expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: late })).statusCode).toBe(401);
    expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: await login(email, 'a brand new passphrase') })).statusCode).toBe(200);
  });

  it('a login slowed after its read: its token expires a lifetime after its iat, before the revocations that refuse it are forgotten', async () => {
    const { email } = await account();
    gate.hold = 1;
    const slow = login(email, OLD);
    await waitFor(() => gate.held.length === 1, 'the login verified the password');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    releaseAll();
    const token = (await slow).authorization.slice('Bearer '.length);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    // A revocation at its iat is kept TOKEN_REVOCATIONS.lifetimeMs: before, exp was a lifetime after the signing (1.5 s later).
    expect(claims.exp * 1000).toBeLessThanOrEqual(claims.iat * 1000 + TOKEN_REVOCATIONS.lifetimeMs);
  });

  it('a deletion with the old password: the account the change secured is kept', async () => {
    const { email, headers } = await account();
    const thief = await login(email, OLD);
    gate.hold = 1;
    const deleting = svc.app.inject({ method: 'DELETE', url: USER_PATHS.me, headers: thief, payload: { password: OLD } });
    await waitFor(() => gate.held.length === 1, 'the deletion verified the old password');
    const changed = await svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: { currentPassword: OLD, newPassword: 'a brand new passphrase' } });
    expect(changed.statusCode).toBe(204);
    releaseAll();
    // Before: 204, the account deleted with the password its owner had just replaced.
    expect((await deleting).statusCode).toBe(403);
    expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: await login(email, 'a brand new passphrase') })).statusCode).toBe(200);
  });

  it('another change with the same current password: one of them is the password, the other refused', async () => {
    const { email, headers } = await account();
    gate.hold = 2;
    const first = svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: { currentPassword: OLD, newPassword: 'the owner new passphrase' } });
    const second = svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: { currentPassword: OLD, newPassword: 'the thief new passphrase' } });
    // Both verified the old password against the hash they read before either wrote.
    await waitFor(() => gate.held.length === 2, 'both changes verified the old password');
    releaseAll();
    const answers = (await Promise.all([first, second])).map((r) => r.statusCode).sort();
    // Before: [204, 204], the later write the password, whoever sent it, with the old password only.
    expect(answers).toEqual([204, 403]);
    const logins = await Promise.all(
      ['the owner new passphrase', 'the thief new passphrase'].map(async (password) => (await svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password } })).statusCode),
    );
    expect(logins.sort()).toEqual([200, 401]);
  });
});

/**
 * The change's revocation is taken by its deferred trigger as the commit begins, and the new hash is
 * seen only once the commit ends: the WAL flush, a synchronous standby's answer (Azure's zone-redundant
 * high availability) between the two. Here a later deferred trigger (fired after
 * users_revoke_password_change_tokens: same event, name order) waits on an advisory lock the test
 * holds, standing for that wait.
 */
describe('a password change whose commit takes a while', () => {
  const COMMIT_LOCK = 7_070_001;
  beforeAll(async () => {
    await queryRows(svc.db.url, `CREATE FUNCTION test_commit_waits() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(${COMMIT_LOCK}); RETURN NULL; END $$`);
    await queryRows(
      svc.db.url,
      'CREATE CONSTRAINT TRIGGER users_zz_commit_waits AFTER UPDATE OF password_hash ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_commit_waits()',
    );
  });
  afterAll(async () => {
    await queryRows(svc.db.url, 'DROP TRIGGER IF EXISTS users_zz_commit_waits ON users').catch(() => undefined);
  });

  /** Runs `during` while a password change of the account is in its commit, its revocation already recorded; the change's answer. */
  const changeWithSlowCommit = async (headers: Record<string, string>, newPassword: string, during: () => Promise<unknown>) => {
    const lock = new pg.Client({ connectionString: svc.db.url });
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [COMMIT_LOCK]);
    const changing = svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: { currentPassword: OLD, newPassword } });
    try {
      await waitFor(async () => (await queryRows(svc.db.url, "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.objid = $1 AND NOT l.granted AND d.datname = current_database()", [COMMIT_LOCK])).length > 0, 'the change waits in its commit');
      // The request's own answer or a second, whichever first: a login waiting on the change's row goes on after.
      await Promise.race([during(), new Promise((resolve) => setTimeout(resolve, 1_000))]);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [COMMIT_LOCK]);
      await lock.end();
    }
    return changing;
  };
  const signIn = (email: string, password: string) => svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password } });

  it('a login with the old password meanwhile: refused, or its token is once the change answered', async () => {
    const { email, headers } = await account();
    let thief: ReturnType<typeof signIn> | undefined;
    const changed = await changeWithSlowCommit(headers, 'a brand new passphrase', () => (thief = signIn(email, OLD)));
    expect(changed.statusCode).toBe(204);
    const late = await thief!;
    const token = late.statusCode === 200 ? late.json<{ accessToken: string }>().accessToken : undefined;
    const answer = token ? (await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: { authorization: `Bearer ${token}` } })).statusCode : late.statusCode;
    // Before: 200, the old password's token (iat after the change's revocation) working for its 15 minutes.
    expect([late.statusCode, answer]).toEqual(token ? [200, 401] : [401, 401]);
  });

  it('a login with the new password meanwhile: its token works', async () => {
    const { email, headers } = await account();
    let owner: ReturnType<typeof signIn> | undefined;
    const changed = await changeWithSlowCommit(headers, 'the owner new passphrase', () => (owner = signIn(email, 'the owner new passphrase')));
    expect(changed.statusCode).toBe(204);
    const signedIn = await owner!;
    // Before: 401, the login read the hash the change had not committed yet.
    expect(signedIn.statusCode).toBe(200);
    const token = signedIn.json<{ accessToken: string }>().accessToken;
    expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });
});
