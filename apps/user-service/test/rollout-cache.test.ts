/**
 * During a rollout two releases of the user service share Redis. A profile the other release cached
 * in another shape (here: one from before `preferences`, under the unshaped key of releases before
 * cache shapes and under another shape) is never served: the profile comes from PostgreSQL, whole.
 * A preference saved through this release removes the other release's entries too.
 */
import { cacheEntryKey, cacheNamespace, unshapedCacheEntryKey } from '@tripgen/catalog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { USER_CACHE_SHAPE } from '../src/domain/users.ts';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService();
});
afterAll(async () => service?.close());

it("never serves a profile another release cached in another shape, and a write clears the other release's entries", async () => {
  const redis = service.app.kit.redis; // the Redis the replicas share
  const email = `rollout-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.8' };
  const registered = await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Ada' } });
  expect(registered.statusCode).toBe(201);
  const { accessToken } = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: 'correct horse' } })).json<{ accessToken: string }>();
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  const preferences = { interests: ['museums'], pace: 'packed', travelMode: 'transit' };
  expect((await service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: auth, payload: preferences })).statusCode).toBe(200);
  const { id } = (await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: auth })).json<{ id: string }>();
  expect(await redis.exists(cacheEntryKey(cacheNamespace('user'), USER_CACHE_SHAPE, `user:${id}:me`))).toBe(1);

  // The other release's entries: a profile without preferences (its shape), written after ours was invalidated.
  const older = JSON.stringify({ user: { id, email, name: 'Ada' } });
  const otherKeys = [unshapedCacheEntryKey(cacheNamespace('user'), `user:${id}:me`), cacheEntryKey(cacheNamespace('user'), 'older', `user:${id}:me`)];
  await service.app.kit.cache.invalidate(`user:${id}:me`);
  for (const key of otherKeys) await redis.set(key, older, 'EX', 600);
  const me = await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: auth });
  expect(me.statusCode).toBe(200);
  expect(me.json()).toEqual({ id, email, name: 'Ada', preferences });

  // Our write deletes the entry of a release from before shapes (one with a shape deletes its own
  // when it hears the invalidation: the kit's cache test).
  expect((await service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: auth, payload: { ...preferences, pace: 'relaxed' } })).statusCode).toBe(200);
  expect(await redis.exists(otherKeys[0]!)).toBe(0);
});
