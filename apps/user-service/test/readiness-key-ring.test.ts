/**
 * Readiness waits for the signing-key ring (app.ts): a replica that starts while user_db is out of
 * reach signs with the mounted key alone, which after a rotation no other replica publishes. Through
 * the real app and its readiness route, on real PostgreSQL behind a relay that resets connections
 * until the test lets them through: not ready while the database is out of reach, nor while it
 * answers but the ring cannot be read (its table renamed away), and the moment it turns ready it
 * publishes and signs with the rotated ring. Without the wiring it turned ready as soon as
 * PostgreSQL answered and signed with the mounted key until its next refresh (a minute).
 */
import { AUTH_PATHS, HEALTH_PATHS } from '@tripgen/catalog';
import { createTestDatabase, startTcpRelay, type TcpRelay, type TestDatabase, testPrismaClient, waitFor } from '@tripgen/testing';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { loadSigningKeyPem, SIGNING_ALG } from '../src/domain/signing-key.ts';
import { openKeyRing, seal, type KeyRing } from '../src/domain/signing-keys.ts';
import { KEY_FILE, MIGRATIONS_DIR, startUserService, type RunningUserService } from './harness.ts';

let db: TestDatabase;
let store: PrismaClient;
let relay: TcpRelay;
let service: RunningUserService | undefined;
let other: KeyRing;
let rotatedKid: string;

beforeAll(async () => {
  db = await createTestDatabase('user_ready', MIGRATIONS_DIR);
  store = testPrismaClient(PrismaClient, db.url);
  relay = await startTcpRelay({ target: db.url, cut: true });
  // Another replica's ring, rotated: the key that signs now is no longer the mounted one.
  const secret = await loadSigningKeyPem(KEY_FILE, false);
  other = await openKeyRing({ store, secretPem: secret });
  other.close();
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  rotatedKid = await calculateJwkThumbprint(publicJwk);
  await store.signingKey.create({
    data: {
      generation: 2,
      kid: rotatedKid,
      publicJwk: { ...publicJwk, kid: rotatedKid, alg: SIGNING_ALG, use: 'sig' },
      sealedPrivateKey: seal(secret, await exportPKCS8(privateKey)),
      activatesAt: new Date(Date.now() - 1_000),
    },
  });
  await other.tick();
  expect(other.current().kid).toBe(rotatedKid);
}, 60_000);

afterAll(async () => {
  await service?.close();
  await relay?.close();
  await store?.$disconnect();
  await db?.drop();
}, 60_000);

it('is not ready while user_db is out of reach or its ring cannot be read, and once ready publishes and signs with the rotated ring', { timeout: 60_000 }, async () => {
  // This replica starts while user_db does not answer: its ring falls back to the mounted key.
  service = await startUserService({ db: { url: relay.via(db.url), name: db.name, drop: async () => undefined } });
  const { app } = service;
  const ready = async () => (await app.inject({ method: 'GET', url: HEALTH_PATHS.readiness })).statusCode;
  expect(await ready()).toBe(503);
  expect((await app.inject({ method: 'GET', url: AUTH_PATHS.jwks })).json()).not.toEqual(other.jwks());

  // user_db answers (an account is made through it) but the ring cannot be read yet: still not ready.
  await store.$executeRawUnsafe('ALTER TABLE signing_keys RENAME TO signing_keys_away');
  relay.mend();
  const account = { email: 'ready@example.com', password: 'correct horse' };
  expect((await app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { ...account, name: 'Ada' } })).statusCode).toBe(201);
  expect(await ready()).toBe(503);

  await store.$executeRawUnsafe('ALTER TABLE signing_keys_away RENAME TO signing_keys');
  await waitFor(async () => (await ready()) === 200, 'ready once the ring can be read', 30_000, 100);
  // Ready means it takes traffic: from the first request on, the ring the other replicas use.
  expect((await app.inject({ method: 'GET', url: AUTH_PATHS.jwks })).json()).toEqual(other.jwks());
  const login = await app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: account });
  expect(login.statusCode).toBe(200);
  expect(decodeProtectedHeader(login.json<{ accessToken: string }>().accessToken).kid).toBe(rotatedKid);
});
