/**
 * The parts of the user service's domain that need no database: where the token-signing key comes
 * from (and when its absence is fatal), and which queue bodies count as notifications.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentMessageError } from '@tripgen/service-kit/messaging';
import { parseNotification } from '../src/domain/notifications.ts';
import { SIGNING_ALG, loadSigningKey } from '../src/domain/signing-key.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tripgen-signing-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSigningKey', () => {
  it('takes the key from JWT_SIGNING_KEY first, and publishes only its public half under a stable kid', async () => {
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const key = await loadSigningKey(path.join(dir, 'never-read.pem'), true, pem);
    const again = await loadSigningKey(undefined, true, pem);
    expect(key.kid).toBe(again.kid);
    expect(key.jwks.keys).toEqual([expect.objectContaining({ kid: key.kid, alg: 'EdDSA', use: 'sig', kty: 'OKP', crv: 'Ed25519' })]);
    expect(key.jwks.keys[0]).not.toHaveProperty('d');
  });

  it('fails in production without a key: no file configured, or the mounted file missing', async () => {
    await expect(loadSigningKey(undefined, true)).rejects.toThrow('JWT_SIGNING_KEY_FILE is required in production');
    await expect(loadSigningKey(path.join(dir, 'missing.pem'), true, '  ')).rejects.toThrow(/missing.pem does not exist/);
  });

  it('outside production generates the key once into the file (owner-only), and every later start reads the same key', async () => {
    const file = path.join(dir, 'nested', 'key.pem');
    const first = await loadSigningKey(file, false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await loadSigningKey(file, false);
    expect(second.kid).toBe(first.kid);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('lets two services that start at once end up with one key, whichever wrote it', async () => {
    const file = path.join(dir, 'race.pem');
    const [a, b] = await Promise.all([loadSigningKey(file, false), loadSigningKey(file, false)]);
    expect(a.kid).toBe(b.kid);
  });

  it('reads a key file that exists, in production too', async () => {
    const file = path.join(dir, 'mounted.pem');
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    writeFileSync(file, await exportPKCS8(privateKey));
    expect((await loadSigningKey(file, true)).kid).toBe((await loadSigningKey(file, false)).kid);
  });
});

describe('parseNotification', () => {
  const userId = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

  it('accepts a notification, with an empty payload when none is given', () => {
    expect(parseNotification({ userId, type: 'itinerary-ready', payload: { tripId: 't' } })).toEqual({ userId, type: 'itinerary-ready', payload: { tripId: 't' } });
    expect(parseNotification({ userId, type: 'welcome' })).toEqual({ userId, type: 'welcome', payload: {} });
  });

  it('accepts a notification of a newer AI service: fields it does not know are ignored, a type it has not seen is kept (catalog queues.ts, message rules)', () => {
    const newer = { userId, type: 'schedule.partially-completed', payload: { scheduleId: 's' }, priority: 'high', locale: 'ko' };
    expect(parseNotification(newer)).toEqual({ userId, type: 'schedule.partially-completed', payload: { scheduleId: 's' } });
  });

  it('keeps the producer\'s occurredAt when it is a time, and leaves out one that is not (the enqueue time stands in; not poison)', () => {
    expect(parseNotification({ userId, type: 'schedule.failed', occurredAt: '2026-03-01T10:00:00+01:00' })).toEqual({ userId, type: 'schedule.failed', payload: {}, occurredAt: '2026-03-01T09:00:00.000Z' });
    expect(parseNotification({ userId, type: 'schedule.failed', occurredAt: 'yesterday' })).not.toHaveProperty('occurredAt');
    expect(parseNotification({ userId, type: 'schedule.failed', occurredAt: 17 })).not.toHaveProperty('occurredAt');
  });

  it.each([
    ['null', null, 'the body is not an object'],
    ['a string', 'hello', 'the body is not an object'],
    ['no user id', { type: 'x' }, 'userId must be a UUID'],
    ['a user id that is not a UUID', { userId: 'u-1', type: 'x' }, 'userId must be a UUID'],
    ['an empty type', { userId, type: '' }, 'type must be a short string'],
    ['a type over 100 characters', { userId, type: 'x'.repeat(101) }, 'type must be a short string'],
    ['a payload that is a list', { userId, type: 'x', payload: [1] }, 'payload must be an object'],
    ['a payload that is a number', { userId, type: 'x', payload: 3 }, 'payload must be an object'],
  ])('refuses %s for good (dead-lettered, never retried)', (_what, body, message) => {
    expect(() => parseNotification(body)).toThrow(PermanentMessageError);
    expect(() => parseNotification(body)).toThrow(message);
  });
});
