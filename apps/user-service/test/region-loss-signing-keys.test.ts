/**
 * docs/dr.md, "Signing-key ring": the ring's private keys live in user_db sealed with the vault
 * secret `user-jwt-signing-key` (signing-keys.ts). A region loss that takes the vault and leaves no
 * backup of that secret restores user_db next to a newly written key: the restored rows cannot be
 * unsealed, the ring never loads, and readiness (which waits for it, app.ts) keeps every user
 * service pod out of its Service: no sign-in, no JWKS for the other services. On real PostgreSQL
 * with the service's migrations: the ring a replica rotated under the old secret, opened under a new
 * one, does not become ready; after the page's statement it does, and signs and publishes the new
 * key alone (tokens signed before are refused: access tokens live 15 minutes, users sign in again).
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { SIGNING_ALG } from '../src/domain/signing-key.ts';
import { openKeyRing, seal } from '../src/domain/signing-keys.ts';
import { MIGRATIONS_DIR } from './harness.ts';

const DR_PAGE = path.resolve(import.meta.dirname, '../../../docs/dr.md');
const pem = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** The page's statement for a restored user_db whose vault secret is a new key. */
function ringResetSql(): string {
  const block = /Signing-key ring[^\n]*\n+```sql\n([\s\S]*?)```/.exec(readFileSync(DR_PAGE, 'utf8'));
  if (!block) throw new Error('docs/dr.md has no "Signing-key ring" SQL block');
  return block[1]!;
}

let db: TestDatabase;
let store: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('user_dr_keys', MIGRATIONS_DIR);
  store = testPrismaClient(PrismaClient, db.url);
}, 60_000);

afterAll(async () => {
  await store?.$disconnect();
  await db?.drop();
});

it('a user_db restored next to a new vault key is not ready until the page\'s statement resets its ring', async () => {
  // Before the loss: the ring under the old secret, rotated once.
  const oldSecret = pem();
  const before = await openKeyRing({ store, secretPem: oldSecret });
  before.close();
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  await store.signingKey.create({
    data: { generation: 2, kid: 'rotated', publicJwk: { kty: 'OKP' }, sealedPrivateKey: seal(oldSecret, await exportPKCS8(privateKey)), activatesAt: new Date() },
  });

  // After the restore, with a new secret in the new vault.
  const newSecret = pem();
  const stuck = await openKeyRing({ store, secretPem: newSecret });
  await expect(stuck.ready()).rejects.toThrow();
  stuck.close();

  await store.$executeRawUnsafe(ringResetSql());

  const ring = await openKeyRing({ store, secretPem: newSecret });
  await ring.ready();
  const newKid = await calculateJwkThumbprint(await exportJWK(createPublicKey(newSecret)));
  expect(ring.current().kid).toBe(newKid);
  expect(ring.jwks().keys.map((k) => k.kid)).toEqual([newKid]);
  ring.close();
});
