/**
 * Entra token auth for PostgreSQL, against the real local PostgreSQL (scram-sha-256): a login role
 * stands in for the pod's managed identity, and a fake TokenCredential sets that role's password to
 * each token it issues (the server then accepts only the newest one), with lifetimes of seconds, the
 * way redis-entra.test.ts does it for Redis.
 */
import { randomBytes } from 'node:crypto';
import type { AccessToken, TokenCredential } from '@azure/identity';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, waitFor } from '@tripgen/testing';
import { entraTokenPassword, poolConfigWithPassword, POSTGRES_ENTRA_SCOPE } from './postgres-entra.ts';

const LIFETIME_MS = 3_000; // refreshed at 70 %: about every 2.1 s

class RotatingCredential implements TokenCredential {
  readonly issued: string[] = [];
  constructor(
    private readonly admin: pg.Client,
    private readonly role: string,
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    expect(scopes).toBe(POSTGRES_ENTRA_SCOPE);
    const token = `eyJ${randomBytes(24).toString('base64url')}`;
    await this.admin.query(`ALTER ROLE "${this.role}" PASSWORD '${token}'`);
    this.issued.push(token);
    return { token, expiresOnTimestamp: Date.now() + LIFETIME_MS };
  }
}

describe('PostgreSQL with Entra tokens (rotating role password on the local PostgreSQL)', () => {
  const role = `tripgen_entra_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  let credential: RotatingCredential;
  let url: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE ROLE "${role}" LOGIN`);
    const u = new URL(adminUrl());
    u.username = role;
    u.password = '';
    url = u.toString();
    credential = new RotatingCredential(admin, role);
  });

  afterAll(async () => {
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  });

  it('signs in with the token as the role\'s password; past 70 % of its lifetime new connections get the next token while old sessions go on', async () => {
    const password = entraTokenPassword(credential);
    await password(); // the kit fetches the first token at startup
    expect(credential.issued).toHaveLength(1);
    const start = Date.now();
    const pool = new pg.Pool({ ...poolConfigWithPassword(url, password), max: 4 });
    try {
      const first = await pool.connect();
      expect((await first.query<{ who: string }>('SELECT current_user AS who')).rows[0]?.who).toBe(role);

      // Past the refresh point the callback still answers with the valid token and fetches the
      // next one in the background; the fake credential makes that the role's only password.
      await waitFor(() => Date.now() > start + LIFETIME_MS * 0.75, 'the refresh point of the first token', 10_000);
      expect(await password()).toBe(credential.issued[0]);
      await waitFor(() => credential.issued.length === 2, 'the background refresh', 10_000);

      const second = await pool.connect();
      expect((await second.query('SELECT 1 AS ok')).rows[0]).toEqual({ ok: 1 });
      // The first session, opened with the old token, still works: the server checked it once.
      expect((await first.query('SELECT 1 AS ok')).rows[0]).toEqual({ ok: 1 });
      first.release();
      second.release();

      // The old token no longer opens a connection: the second connection really used the new one.
      const stale = new pg.Client(poolConfigWithPassword(url, async () => credential.issued[0]!));
      await expect(stale.connect()).rejects.toThrow(/password authentication failed/);
    } finally {
      await pool.end();
    }
  });

  it('asks Entra ID once, however many connections ask for a password at once', async () => {
    const before = credential.issued.length;
    const password = entraTokenPassword(credential);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => password()));
    expect(credential.issued.length - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('while Entra ID gives no token, fails connections at once and asks again only after 1 s, 2 s, 4 s, ... 30 s; then signs in', async () => {
    let clock = 0;
    let down = true;
    let asked = 0;
    const outage: TokenCredential = {
      getToken: async (scopes) => {
        asked += 1;
        if (down) throw new Error('AADSTS: the token endpoint does not answer');
        return credential.getToken(scopes);
      },
    };
    const password = entraTokenPassword(outage, { now: () => clock });
    const askedAt: number[] = [];
    // A connection (a readiness probe, a request) every 100 ms for 70 s.
    for (; clock <= 70_000; clock += 100) {
      const before = asked;
      await expect(password()).rejects.toThrow('the token endpoint does not answer');
      if (asked > before) askedAt.push(clock);
    }
    expect(askedAt).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 61_000]);
    down = false;
    clock = 91_000; // the next retry after 30 s more
    const token = await password();
    expect(token).toBe(credential.issued.at(-1));
    const pool = new pg.Pool({ ...poolConfigWithPassword(url, password), max: 1 });
    try {
      expect((await pool.query<{ who: string }>('SELECT current_user AS who')).rows[0]?.who).toBe(role);
    } finally {
      await pool.end();
    }
  });

  it('a static password (the form before: DATABASE_URL from Key Vault) fails once the identity\'s token is the only credential', async () => {
    await credential.getToken(POSTGRES_ENTRA_SCOPE);
    const fixed = new pg.Client(poolConfigWithPassword(url, async () => 'static-secret-from-key-vault'));
    await expect(fixed.connect()).rejects.toThrow(/password authentication failed/);
  });
});
