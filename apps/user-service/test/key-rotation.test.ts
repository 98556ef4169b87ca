/**
 * Token-signing key rotation while requests flow (issue 12): two replicas share the key ring
 * through a real user_db, a verifier elsewhere reads the JWKS over HTTP through the kit's remote
 * JWKS cache (as the other services do), and tokens are signed and verified continuously through
 * several rotations on a shortened schedule. No valid token may be rejected: a new key is announced
 * before it signs, and a retired key stays published until its last token has expired. The same
 * run without the overlap is shown rejecting tokens.
 */
import { createServer, type Server } from 'node:http';
import { createCipheriv, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { remoteJwks } from '@tripgen/service-kit';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { SIGNING_ALG } from '../src/domain/signing-key.ts';
import { KEY_RING_TIMING, openKeyRing, publicJwkOf, seal, unseal, type KeyRing, type KeyRingTiming } from '../src/domain/signing-keys.ts';

const SECRET = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const ISSUER = 'https://tripgen.test';
const AUDIENCE = 'tripgen-api';
/**
 * Seconds-scale schedule: rotate every 2 s, announce 1 s ahead, tokens live 2 s. The margins stand
 * to the 100 ms refresh as production's (15 min ahead, 1 min refresh) do, so a loaded machine's
 * late ticks do not count as rotation faults.
 */
const FAST: KeyRingTiming = { rotateEveryMs: 2_000, publishAheadMs: 1_000, tokenTtlMs: 2_000, clockSkewMs: 300, checkEveryMs: 100 };
/** The broken form: no announcement ahead, and a key dropped as soon as it stops signing. */
const NO_OVERLAP: KeyRingTiming = { ...FAST, publishAheadMs: 0, tokenTtlMs: 0, clockSkewMs: 0 };
/** Tokens live as long in both runs (the login route's lifetime is not the ring's to change). */
const TOKEN_TTL_MS = FAST.tokenTtlMs;

const dbs: TestDatabase[] = [];
const prismas: PrismaClient[] = [];
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('user_keys', serviceMigrationsDir('user'));
  dbs.push(db);
});
afterAll(async () => {
  for (const p of prismas) await p.$disconnect();
  for (const d of dbs) await d.drop();
});

/** How far the test's clock moves between two rounds of signing and verifying (a replica refreshes every other round). */
const STEP_MS = 50;

/**
 * Signs and verifies for `durationMs` through two replicas and an HTTP JWKS; returns what went wrong.
 * Time is the test's own: Date, which the rings, jose's exp checks and the verifier's JWKS cache
 * all read, stands still within a round and moves STEP_MS between rounds, and each replica
 * refreshes (tick) every checkEveryMs of it, a round apart from the other. A loaded machine makes
 * a run take longer, never changes what it sees (on the wall clock, a late tick or a slow round
 * made the good run reject tokens, or the broken run reject none).
 */
async function flow(timing: KeyRingTiming, durationMs: number) {
  const own = await createTestDatabase('user_keys', serviceMigrationsDir('user'));
  dbs.push(own);
  const store = () => {
    const p = testPrismaClient(PrismaClient, own.url);
    prismas.push(p);
    return p;
  };
  let a: KeyRing | undefined;
  let b: KeyRing | undefined;
  let served = 0;
  const server: Server = createServer((_req, res) => {
    const ring = served++ % 2 ? a! : b!; // the load balancer alternates between the replicas
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }).end(JSON.stringify(ring.jwks()));
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    a = await openKeyRing({ store: store(), secretPem: SECRET, timing });
    b = await openKeyRing({ store: store(), secretPem: SECRET, timing });
    // Their own timers stop: the rounds below refresh them on the test's clock.
    a.close();
    b.close();
    const replicas = [a, b] as const;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // Another service's view of the keys: cached, refetched on an unknown kid after a cooldown.
    const getKey = remoteJwks(`http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`, { cacheMaxAgeMs: 300, cooldownMs: 100 });
    const live: { token: string; exp: number }[] = [];
    const failures: string[] = [];
    const kids = new Set<string>();
    let maxPublished = 0;
    let verified = 0;
    const verify = async (token: string, when: string) => {
      verified++;
      try {
        await jwtVerify(token, getKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: [SIGNING_ALG] });
      } catch (err) {
        failures.push(`${when}: ${(err as Error).message}`);
      }
    };
    const start = Date.now();
    const refreshEvery = Math.max(1, Math.round(timing.checkEveryMs / STEP_MS));
    for (let i = 0; Date.now() - start < durationMs; i++) {
      vi.setSystemTime(start + i * STEP_MS);
      for (const [n, r] of replicas.entries()) if ((i + n) % refreshEvery === 0) await r.tick();
      // The load balancer alternates; the replica that signs has just refreshed, the other not yet
      // (so a key it has just created may be unknown to the other one's JWKS).
      const ring = replicas[i % 2]!;
      const key = ring.current();
      kids.add(key.kid);
      maxPublished = Math.max(maxPublished, ring.jwks().keys.length);
      const exp = Math.floor((Date.now() + TOKEN_TTL_MS) / 1000);
      const token = await new SignJWT({}).setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' }).setSubject(`u${i}`).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime(exp).sign(key.privateKey);
      if (exp * 1000 > Date.now() + 500) {
        live.push({ token, exp });
        await verify(token, `fresh token ${i} (kid ${key.kid.slice(0, 8)})`);
      }
      // Tokens signed earlier, by keys that may have stopped signing since, are still presented.
      for (const t of live.filter((x) => x.exp * 1000 > Date.now() + 500)) await verify(t.token, `earlier token (exp ${t.exp})`);
    }
    return { failures, kids, maxPublished, verified, published: a.jwks().keys.map((k) => k.kid!) };
  } finally {
    vi.useRealTimers();
    a?.close();
    b?.close();
    if (server.listening) await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('token-signing key rotation', () => {
  it('rotates through several keys while tokens flow, and rejects no valid token', async () => {
    const run = await flow(FAST, 7_000);
    expect(run.failures).toEqual([]);
    expect(run.verified).toBeGreaterThan(100);
    expect(run.kids.size).toBeGreaterThanOrEqual(3);
    // The signing key, at most one predecessor still covering its tokens, and the announced successor.
    expect(run.maxPublished).toBeLessThanOrEqual(3);
    // The first keys are gone once no token of theirs can be valid.
    expect(run.published).not.toContain([...run.kids][0]);
  }, 30_000);

  it('fails without the overlap: a key dropped at rotation rejects the tokens it signed', async () => {
    const run = await flow(NO_OVERLAP, 7_000);
    expect(run.failures.length).toBeGreaterThan(0);
  }, 40_000);

  it('announces a new key longer ahead than any verifier caches the JWKS (kit: 10 min; the endpoint: max-age 300 s)', () => {
    expect(KEY_RING_TIMING.publishAheadMs).toBeGreaterThan(10 * 60_000);
    expect(KEY_RING_TIMING.tokenTtlMs).toBe(15 * 60_000);
  });

  it('keeps private keys sealed in the database: readable only with the mounted secret', async () => {
    const sealed = seal(SECRET, 'private key');
    expect(sealed).not.toContain('private key');
    expect(unseal(SECRET, sealed)).toBe('private key');
    const other = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => unseal(other, sealed)).toThrow();
    const p = testPrismaClient(PrismaClient, db.url);
    prismas.push(p);
    (await openKeyRing({ store: p, secretPem: SECRET, timing: FAST })).close();
    const rows = await p.signingKey.findMany({ orderBy: { generation: 'asc' } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.sealedPrivateKey).not.toMatch(/BEGIN PRIVATE KEY/);
  });

  it('publishes and trusts only the public half of what the secret unseals: a row with another public key beside a copied sealed key stops the ring from loading', async () => {
    const own = await createTestDatabase('user_keys', serviceMigrationsDir('user'));
    dbs.push(own);
    const p = testPrismaClient(PrismaClient, own.url);
    prismas.push(p);
    const ring = await openKeyRing({ store: p, secretPem: SECRET, timing: { ...FAST, checkEveryMs: 60_000 } });
    try {
      const published = ring.jwks();
      // Someone who can write user_db but cannot seal: their own key pair, the first row's sealed blob.
      const [first] = await p.signingKey.findMany({ orderBy: { generation: 'asc' } });
      const attacker = await publicJwkOf(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      await p.signingKey.create({ data: { generation: 99, kid: attacker.kid!, publicJwk: attacker, sealedPrivateKey: first!.sealedPrivateKey, activatesAt: new Date(Date.now() + 3_600_000) } });
      await expect(ring.tick()).rejects.toThrow(/generation 99: its kid or public key is not its sealed private key's/);
      expect(ring.jwks()).toEqual(published);
      expect(JSON.stringify(ring.jwks())).not.toContain(attacker.kid!);
    } finally {
      ring.close();
    }
  });

  it('seals with the key itself, not its text: the same key written with CRLF and a trailing newline opens what was sealed, and a row sealed under the text before still opens', () => {
    const reformatted = `${SECRET.trim().replaceAll('\n', '\r\n')}\r\n`;
    expect(unseal(reformatted, seal(SECRET, 'private key'))).toBe('private key');
    // How rows were sealed before: AES-256-GCM under HKDF of the PEM's text.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', Buffer.from(SECRET, 'utf8'), 'tripgen-token-keys', 'seal v1', 32)), iv);
    const body = Buffer.concat([cipher.update('older key', 'utf8'), cipher.final()]);
    expect(unseal(SECRET, Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'))).toBe('older key');
  });

  it('opened while the database is out of reach: signs with the mounted key alone and is not ready until it has read the ring', async () => {
    const own = await createTestDatabase('user_keys', serviceMigrationsDir('user'));
    dbs.push(own);
    const p = testPrismaClient(PrismaClient, own.url);
    prismas.push(p);
    // Another replica's ring, rotated: its signing key is no longer the mounted one.
    const other = await openKeyRing({ store: p, secretPem: SECRET, timing: FAST });
    other.close();
    const rotated = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const rotatedJwk = await publicJwkOf(rotated);
    await p.signingKey.create({ data: { generation: 2, kid: rotatedJwk.kid!, publicJwk: rotatedJwk, sealedPrivateKey: seal(SECRET, rotated), activatesAt: new Date(Date.now() - 1_000) } });
    await other.tick();
    expect(other.current().kid).toBe(rotatedJwk.kid);
    // This replica starts while user_db does not answer, and keeps failing until `up`.
    let up = false;
    const flaky = { signingKey: new Proxy(p.signingKey, { get: (target, key, receiver) => (up ? Reflect.get(target, key, receiver) : () => Promise.reject(new Error("Can't reach database server"))) }) } as unknown as typeof p;
    const ring = await openKeyRing({ store: flaky, secretPem: SECRET, timing: FAST });
    try {
      expect(ring.current().kid).not.toBe(rotatedJwk.kid);
      await expect(ring.ready()).rejects.toThrow("Can't reach database server");
      up = true;
      await ring.ready();
      expect(ring.current().kid).toBe(rotatedJwk.kid);
      expect(ring.jwks()).toEqual(other.jwks());
    } finally {
      ring.close();
    }
  });
});

