/**
 * The token-signing key ring: Ed25519 keys rotated on a schedule with overlap, shared by every
 * replica through user_db (`signing_keys`).
 *
 * - A new generation is created `publishAheadMs` before it starts signing, so every verifier's
 *   cached JWKS (the kit caches 10 minutes; the endpoint says max-age 300) holds it before the
 *   first token signed with it arrives.
 * - The newest activated generation signs; the one before stops signing then, and stays in the
 *   JWKS for `tokenTtlMs + clockSkewMs` more, until the last token it signed has expired.
 * - Replicas race to create a generation; the primary key makes exactly one insert win.
 * - Private keys are stored sealed with AES-256-GCM under a key derived (HKDF-SHA256) from the
 *   mounted secret (JWT_SIGNING_KEY: Key Vault in prod): from its key material (PKCS#8 DER), so the
 *   same key written with other line endings or a trailing newline seals alike (rows sealed from
 *   its PEM text, before, are still opened). The ring's first generation is that very key, so
 *   tokens signed before the ring existed stay valid.
 * - A row's public key and kid are taken from its sealed private key, never from its own columns:
 *   a row written by someone who can write user_db but not seal (an attacker's public key beside a
 *   copied sealed blob) stops the ring from loading instead of being published and trusted.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import { SIGNING_ALG } from './signing-key.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from '@tripgen/catalog';

export interface RingKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

export interface KeyRingTiming {
  /** How long a generation signs before the next one takes over. */
  readonly rotateEveryMs: number;
  readonly publishAheadMs: number;
  /** Access-token lifetime: how long a retired key must still verify. */
  readonly tokenTtlMs: number;
  readonly clockSkewMs: number;
  /** How often each replica reloads the ring and creates a due generation. */
  readonly checkEveryMs: number;
}

/** Lifetime of an access token (the login route signs with it; the ring keeps retired keys this long): the catalog's. */
export { ACCESS_TOKEN_TTL_SECONDS };

/** Production timing: a new key every 30 days, announced 15 minutes ahead (> the 10-minute JWKS caches). */
export const KEY_RING_TIMING: KeyRingTiming = {
  rotateEveryMs: 30 * 24 * 3600_000,
  publishAheadMs: 15 * 60_000,
  tokenTtlMs: ACCESS_TOKEN_TTL_SECONDS * 1000,
  clockSkewMs: 5 * 60_000,
  checkEveryMs: 60_000,
};

/** What the ring needs from the database (a Prisma client in the service, the same in tests). */
export interface SigningKeyStore {
  signingKey: {
    findMany(args: { orderBy: { generation: 'asc' } }): Promise<{ generation: number; kid: string; publicJwk: unknown; sealedPrivateKey: string; activatesAt: Date }[]>;
    createMany(args: { data: { generation: number; kid: string; publicJwk: JWK; sealedPrivateKey: string; activatesAt: Date }[]; skipDuplicates: true }): Promise<unknown>;
    deleteMany(args: { where: { generation: { in: number[] } } }): Promise<unknown>;
  };
}

/** The mounted key's material (PKCS#8 DER): what it is, whatever its PEM's line endings and whitespace. */
const keyMaterial = (secret: string): Buffer => createPrivateKey(secret).export({ format: 'der', type: 'pkcs8' });
/** What a key drawn from the mounted secret is for (HKDF's info): each use its own key, independent of the others (RFC 5869 3.2). */
type SecretUse = 'seal v1' | 'login-throttle v1';
const derivedKey = (material: Buffer, use: SecretUse): Buffer => Buffer.from(hkdfSync('sha256', material, 'tripgen-token-keys', use, 32));
const sealingKey = (material: Buffer): Buffer => derivedKey(material, 'seal v1');
/**
 * The key the login throttle hashes emails and client addresses under (HMAC-SHA-256, login-attempts.ts):
 * the same on every replica, as the secret is, and unknown to whoever reads Redis.
 */
export const loginThrottleKey = (secret: string): Buffer => derivedKey(keyMaterial(secret), 'login-throttle v1');
export function seal(secret: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(keyMaterial(secret)), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

const open = (key: Buffer, raw: Buffer): string => {
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
};

export function unseal(secret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  try {
    return open(sealingKey(keyMaterial(secret)), raw);
  } catch (err) {
    // A row sealed before the key material was the input: under the PEM's text.
    try {
      return open(sealingKey(Buffer.from(secret, 'utf8')), raw);
    } catch {
      throw err;
    }
  }
}

/** A key's public JWK as the ring writes and publishes it (kid: its thumbprint). */
export const publicJwkOf = async (pem: string): Promise<JWK> => {
  const key = await importPKCS8(pem, SIGNING_ALG, { extractable: true });
  const { d: _private, ...publicJwk } = await exportJWK(key);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' };
};

export interface KeyRing {
  /** The key that signs now. */
  current(): RingKey;
  /** Every key a valid token may carry: the signing one, its not yet expired predecessors, the announced successor. */
  jwks(): JSONWebKeySet;
  /** Reload from the database and create the next generation when it is due (every replica runs it on a timer). */
  tick(): Promise<void>;
  /**
   * Resolves once the ring has been read from the database, reading it now if it has not been;
   * rejects while it cannot be. Until then the ring signs with the mounted key alone, which after
   * the first rotation no other replica publishes: readiness waits for this (app.ts).
   */
  ready(): Promise<void>;
  /** Where failures of the background refresh go (the keys loaded before keep serving). */
  onError(handler: (err: unknown) => void): void;
  close(): void;
}

/** A jose key lookup over the ring's current JWKS (rebuilt only when the set changes). */
export function ringJwks(ring: Pick<KeyRing, 'jwks'>): JWTVerifyGetKey {
  let cached: { json: string; getKey: JWTVerifyGetKey } | undefined;
  return (header, token) => {
    const jwks = ring.jwks();
    const json = JSON.stringify(jwks);
    if (cached?.json !== json) cached = { json, getKey: createLocalJWKSet(jwks) };
    return cached.getKey(header, token);
  };
}

interface Row {
  generation: number;
  kid: string;
  jwk: JWK;
  sealed: string;
  activatesAt: number;
}

export async function openKeyRing(opts: {
  store: SigningKeyStore;
  /** The mounted secret: the first generation's key and the sealing secret. */
  secretPem: string;
  timing?: KeyRingTiming;
  now?: () => number;
}): Promise<KeyRing> {
  const timing = opts.timing ?? KEY_RING_TIMING;
  const now = opts.now ?? Date.now;
  const privateKeys = new Map<string, CryptoKey>();
  let onError: (err: unknown) => void = () => undefined;
  let rows: Row[] = [];
  let loaded = false;

  /** Reads the ring; a generation becomes visible to current() only once its private key is imported. */
  const load = async () => {
    const found = await opts.store.signingKey.findMany({ orderBy: { generation: 'asc' } });
    const next: Row[] = [];
    for (const r of found) {
      // Published and trusted: the public half of what the secret unseals (the columns only have to agree with it).
      const pem = unseal(opts.secretPem, r.sealedPrivateKey);
      const jwk = await publicJwkOf(pem);
      const stored = r.publicJwk as JWK;
      if (r.kid !== jwk.kid || stored.kid !== jwk.kid || stored.x !== jwk.x) throw new Error(`signing key generation ${r.generation}: its kid or public key is not its sealed private key's (a row written without the sealing secret?)`);
      if (!privateKeys.has(jwk.kid!)) privateKeys.set(jwk.kid!, await importPKCS8(pem, SIGNING_ALG));
      next.push({ generation: r.generation, kid: jwk.kid!, jwk, sealed: r.sealedPrivateKey, activatesAt: r.activatesAt.getTime() });
    }
    rows = next;
  };
  const insert = async (generation: number, pem: string, activatesAt: number) => {
    const jwk = await publicJwkOf(pem);
    await opts.store.signingKey.createMany({
      data: [{ generation, kid: jwk.kid!, publicJwk: jwk, sealedPrivateKey: seal(opts.secretPem, pem), activatesAt: new Date(activatesAt) }],
      skipDuplicates: true,
    });
  };
  /** Until when a generation's tokens may still be presented: its successor's activation + TTL + skew. */
  const retiresAt = (i: number): number => (rows[i + 1] ? rows[i + 1]!.activatesAt + timing.tokenTtlMs + timing.clockSkewMs : Number.POSITIVE_INFINITY);

  const tick = async () => {
    await load();
    const t = now();
    if (rows.length === 0) {
      // The first generation is the key the service signed with before the ring existed.
      await insert(1, opts.secretPem, t);
      await load();
    }
    const newest = rows.at(-1)!;
    const nextActivation = newest.activatesAt + timing.rotateEveryMs;
    if (nextActivation - timing.publishAheadMs <= t) {
      const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
      await insert(newest.generation + 1, await exportPKCS8(privateKey), Math.max(nextActivation, t + timing.publishAheadMs));
      await load();
    }
    // Generations no token can carry any more leave the table (and so every replica's JWKS).
    const expired = rows.filter((_, i) => retiresAt(i) <= t).map((r) => r.generation);
    if (expired.length > 0) {
      await opts.store.signingKey.deleteMany({ where: { generation: { in: expired } } });
      await load();
    }
    loaded = true;
  };

  try {
    await tick();
  } catch {
    // The database is out of reach at start: sign with the mounted key (the ring's first
    // generation) until a tick reaches the database; the service starts either way.
    const jwk = await publicJwkOf(opts.secretPem);
    privateKeys.set(jwk.kid!, await importPKCS8(opts.secretPem, SIGNING_ALG));
    rows = [{ generation: 0, kid: jwk.kid!, jwk, sealed: '', activatesAt: 0 }];
  }
  const timer = setInterval(() => void tick().catch((err: unknown) => onError(err)), timing.checkEveryMs);
  timer.unref();

  return {
    current() {
      const t = now();
      const active = [...rows].reverse().find((r) => r.activatesAt <= t) ?? rows[0]!;
      return { kid: active.kid, privateKey: privateKeys.get(active.kid)! };
    },
    jwks() {
      const t = now();
      return { keys: rows.filter((_, i) => retiresAt(i) > t).map((r) => ({ ...r.jwk })) };
    },
    tick,
    ready: async () => {
      if (!loaded) await tick();
    },
    onError: (handler) => void (onError = handler),
    close: () => clearInterval(timer),
  };
}
