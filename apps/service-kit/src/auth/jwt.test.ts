/**
 * Token verification against a remote JWKS, as every service but the issuer does it: a key set
 * served over HTTP (counting its fetches) stands in for the user service.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearerToken, createTokenVerifier, remoteJwks, remoteTokenVerifier } from './jwt.ts';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'tripgen-test';
// The key set's refetch cooldown in the first test (whose clock stands still: any length would do).
const COOLDOWN_MS = 2_000;

interface Key {
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}
const newKey = async (kid: string): Promise<Key> => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
};
const sign = (key: Key, kid = key.jwk.kid!) =>
  new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid }).setSubject('user-1').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(key.privateKey);

let server: Server;
let url: string;
let published: JWK[] = [];
let fetches = 0;
let answer: 'keys' | 'error' = 'keys';

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    if (answer === 'error') return void res.writeHead(500).end('upstream exploded at /srv/secret/path');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('remote JWKS verification', () => {
  it('refetches the key set for an unknown kid at most once per cooldown, and so picks up a new key', async () => {
    const current = await newKey('k1');
    const stranger = await newKey('unused');
    const flood = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(stranger, `made-up-${i}`)));
    const next = await newKey('k2');
    const nextToken = await sign(next);
    published = [current.jwk];
    fetches = 0;
    // The clock (Date, which the key set's cooldown reads) stands still while the flood runs, however
    // long it takes on a slow machine, and moves past the cooldown only when the test says so.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const verifier = createTokenVerifier(remoteJwks(url, { cooldownMs: COOLDOWN_MS }), ISSUER, AUDIENCE);
      expect(await verifier.verify(await sign(current))).toEqual({ id: 'user-1', email: undefined });
      expect(fetches).toBe(1);

      // A flood of tokens with made-up kids: every one refused, the issuer asked nothing more.
      for (const token of flood) await expect(verifier.verify(token)).rejects.toMatchObject({ statusCode: 401 });
      expect(fetches).toBe(1);

      // The issuer publishes a second key: just within the cooldown a token with it asks nothing;
      // once the cooldown is over, the first token with it refetches.
      published = [current.jwk, next.jwk];
      vi.setSystemTime(Date.now() + COOLDOWN_MS - 100);
      await expect(verifier.verify(nextToken)).rejects.toMatchObject({ statusCode: 401 });
      expect(fetches).toBe(1);
      vi.setSystemTime(Date.now() + 200);
      expect(await verifier.verify(nextToken)).toEqual({ id: 'user-1', email: undefined });
      expect(fetches).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 503, not 401, while the key set cannot be fetched, without leaking why', async () => {
    const key = await newKey('k3');
    published = [key.jwk];
    const token = await sign(key);
    answer = 'error';
    try {
      const verifier = createTokenVerifier(remoteJwks(url), ISSUER, AUDIENCE);
      const refused = await verifier.verify(token).catch((err: unknown) => err);
      expect(refused).toMatchObject({ statusCode: 503, message: 'The token-signing keys are unavailable; try again shortly', extensions: {} });
      // Closed: their background retries would fetch during the tests below and upset their counts.
      verifier.close?.();
      const nobodyThere = createTokenVerifier(remoteJwks('http://127.0.0.1:1/jwks.json'), ISSUER, AUDIENCE);
      await expect(nobodyThere.verify(token)).rejects.toMatchObject({ statusCode: 503 });
      nobodyThere.close?.();
    } finally {
      answer = 'keys';
    }
    // A token is still refused with 401 when the keys are there but do not match it.
    const verifier = createTokenVerifier(remoteJwks(url), ISSUER, AUDIENCE);
    await expect(verifier.verify(await sign(await newKey('other'), 'k3'))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('never having had the keys, answers 503 at once after a failed fetch, saying in Retry-After when it asks again, and asks in the background', async () => {
    const key = await newKey('k6');
    published = [key.jwk];
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map((n) => new SignJWT({ n }).setProtectedHeader({ alg: 'EdDSA', kid: 'k6' }).setSubject('user-1').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(key.privateKey)),
    );
    fetches = 0;
    answer = 'error';
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const verifier = createTokenVerifier(remoteJwks(url, { retryMs: 5_000 }), ISSUER, AUDIENCE);
      await expect(verifier.verify(first!)).rejects.toMatchObject({ statusCode: 503, headers: { 'retry-after': '5' } });
      expect(fetches).toBe(1);
      answer = 'keys'; // the issuer is back, but the service asks again only when its retry is due
      vi.setSystemTime(Date.now() + 3_500);
      await expect(verifier.verify(second!)).rejects.toMatchObject({ statusCode: 503, headers: { 'retry-after': '2' } });
      expect(fetches).toBe(1);
      // Due: the retry goes out in the background, this token is not held for it; the next uses its keys.
      vi.setSystemTime(Date.now() + 1_500);
      await expect(verifier.verify(second!)).rejects.toMatchObject({ statusCode: 503, headers: { 'retry-after': '1' } });
      await vi.waitFor(() => expect(fetches).toBe(2));
      await vi.waitFor(async () => expect(await verifier.verify(third!)).toEqual({ id: 'user-1', email: undefined }));
      expect(fetches).toBe(2);
    } finally {
      vi.useRealTimers();
      answer = 'keys';
    }
  });

  it('keeps verifying with the keys it had while the issuer is down, asking it again only after a cooldown', async () => {
    const key = await newKey('k5');
    published = [key.jwk];
    fetches = 0;
    // Three different tokens (a verified token is remembered, so each must be new to the verifier).
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map((n) => new SignJWT({ n }).setProtectedHeader({ alg: 'EdDSA', kid: 'k5' }).setSubject('user-1').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(key.privateKey)),
    );
    const verifier = createTokenVerifier(remoteJwks(url, { cacheMaxAgeMs: 100, cooldownMs: 60_000 }), ISSUER, AUDIENCE);
    expect(await verifier.verify(first!)).toEqual({ id: 'user-1', email: undefined });
    expect(fetches).toBe(1);
    answer = 'error';
    try {
      await sleep(200); // the cached set is now stale: the next token makes a refresh, which fails
      expect(await verifier.verify(second!)).toEqual({ id: 'user-1', email: undefined });
      expect(fetches).toBe(2);
      expect(await verifier.verify(third!)).toEqual({ id: 'user-1', email: undefined });
      expect(fetches).toBe(2); // within the cooldown: not asked again
    } finally {
      answer = 'keys';
    }
  });

  it('answers a token it verified before without waiting, until it expires, and never one it refused', async () => {
    const key = await newKey('k6');
    published = [key.jwk];
    const verifier = createTokenVerifier(remoteJwks(url), ISSUER, AUDIENCE);
    // The clock (Date, which jose reads for exp) stands still at a whole second: the token expires
    // exactly 2 s after it, is valid however long its verification takes on a slow machine (a
    // moving clock gave it as little as 1 s), and the verified cache keeps it for exactly 2 s of
    // real time (its own timer is performance.now, not faked).
    vi.useFakeTimers({ toFake: ['Date'], now: Math.ceil(Date.now() / 1_000) * 1_000 });
    try {
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k6' }).setSubject('user-6').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('2s').sign(key.privateKey);
      expect(verifier.verified?.(token)).toBeUndefined();
      expect(await verifier.verify(token)).toEqual({ id: 'user-6', email: undefined });
      expect(verifier.verified?.(token)).toEqual({ id: 'user-6', email: undefined });
      const forged = `${token.slice(0, -4)}AAAA`;
      await expect(verifier.verify(forged)).rejects.toMatchObject({ statusCode: 401 });
      expect(verifier.verified?.(forged)).toBeUndefined();
      await sleep(2_100);
      expect(verifier.verified?.(token)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks a token again 5 minutes after its last check, and remembers it as accepted until it expires', async () => {
    const key = await newKey('k7');
    published = [key.jwk];
    // The key set is read again after a minute, so that a key withdrawn shows at the next check.
    const verifier = createTokenVerifier(remoteJwks(url, { cacheMaxAgeMs: 60_000 }), ISSUER, AUDIENCE);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k7' }).setSubject('user-7').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('15m').sign(key.privateKey);
      expect(verifier.acceptedBefore?.(token)).toBe(false);
      await verifier.verify(token);
      vi.setSystemTime(start + 5 * 60_000 - 1);
      expect([verifier.verified?.(token), verifier.acceptedBefore?.(token)]).toEqual([{ id: 'user-7', email: undefined }, true]);
      vi.setSystemTime(start + 5 * 60_000);
      expect([verifier.verified?.(token), verifier.acceptedBefore?.(token)]).toEqual([undefined, true]);
      // The key withdrawn: the next check refuses the token.
      published = [];
      await expect(verifier.verify(token)).rejects.toMatchObject({ statusCode: 401 });
      expect(verifier.acceptedBefore?.(token)).toBe(false);
      // Back, read again once the refetch cooldown (30 s) has passed.
      published = [key.jwk];
      vi.setSystemTime(start + 5 * 60_000 + 31_000);
      expect(await verifier.verify(token)).toEqual({ id: 'user-7', email: undefined });
      expect(verifier.verified?.(token)).toEqual({ id: 'user-7', email: undefined });
      expect(verifier.acceptedBefore?.(`${token.slice(0, -4)}AAAA`)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token that brings its own key in the header (jwk / jku)', async () => {
    const key = await newKey('k4');
    published = [];
    const verifier = createTokenVerifier(remoteJwks(url), ISSUER, AUDIENCE);
    const selfSigned = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', jwk: { kty: key.jwk.kty!, crv: key.jwk.crv!, x: key.jwk.x! }, jku: 'https://evil.example/jwks.json' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(key.privateKey);
    await expect(verifier.verify(selfSigned)).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('remoteTokenVerifier', () => {
  it('needs the issuer\'s JWKS_URL: without it a service cannot verify anyone\'s token and says so', () => {
    expect(() => remoteTokenVerifier({ jwksUrl: undefined, jwtIssuer: 'tripgen-user-service', jwtAudience: 'tripgen' })).toThrow(/JWKS_URL is required/);
    expect(typeof remoteTokenVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks.json', jwtIssuer: 'tripgen-user-service', jwtAudience: 'tripgen' }).verify).toBe('function');
  });
});

describe('bearerToken', () => {
  it('reads the token of every form RFC 6750 allows, the usual one and the others alike, and refuses the rest', () => {
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1MSJ9.c2ln';
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`, `Bearer\t${token}`, `Bearer ${token}  `, `Bearer ${token}\t`]) {
      expect(bearerToken(header), JSON.stringify(header)).toBe(token);
    }
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
    for (const header of ['Bearer', 'Bearer ', `Basic ${token}`, `Bearer ${token} extra`, `Bearer${token}`, `xBearer ${token}`]) {
      expect(() => bearerToken(header), JSON.stringify(header)).toThrow(/Authorization header/);
    }
  });
});
