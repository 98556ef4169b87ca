/**
 * The access-token signing key: an Ed25519 private key (PKCS#8 PEM) from the Kubernetes secret,
 * either as a mounted file (JWT_SIGNING_KEY_FILE) or as the variable JWT_SIGNING_KEY (what the
 * rendered manifests inject today). For local runs it is generated once into the file (default:
 * under the OS temp dir), never in production, where a missing key is fatal.
 * The public half is served as JWKS; its `kid` is the RFC 7638 thumbprint, so it is stable. Since
 * the key ring (signing-keys.ts) this secret is the ring's first key and the secret its later keys
 * are sealed with; the ring rotates the keys that actually sign.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JSONWebKeySet } from 'jose';

export const SIGNING_ALG = 'EdDSA';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly kid: string;
  readonly jwks: JSONWebKeySet;
}

export const defaultLocalKeyFile = (): string => path.join(os.tmpdir(), 'tripgen', 'user-service-signing-key.pem');

/** The mounted secret as PEM text (the key ring's first key and its sealing secret). */
export const loadSigningKeyPem = async (file: string | undefined, production: boolean, pemFromEnv?: string): Promise<string> => {
  if (pemFromEnv?.trim()) return pemFromEnv;
  const keyFile = file ?? (production ? undefined : defaultLocalKeyFile());
  if (!keyFile) throw new Error('JWT_SIGNING_KEY_FILE is required in production (the mounted token-signing secret)');
  if (!existsSync(keyFile)) {
    if (production) throw new Error(`JWT_SIGNING_KEY_FILE ${keyFile} does not exist`);
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    await mkdir(path.dirname(keyFile), { recursive: true });
    // wx: two services starting at once must not overwrite each other's fresh key.
    await writeFile(keyFile, await exportPKCS8(privateKey), { mode: 0o600, flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
  return readFile(keyFile, 'utf8');
};

export const loadSigningKey = async (file: string | undefined, production: boolean, pemFromEnv?: string): Promise<SigningKey> =>
  fromPem(await loadSigningKeyPem(file, production, pemFromEnv));

const fromPem = async (pem: string): Promise<SigningKey> => {
  const privateKey = await importPKCS8(pem, SIGNING_ALG, { extractable: true });
  const { d: _private, ...publicJwk } = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey, kid, jwks: { keys: [{ ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' }] } };
};
