/**
 * A trip pod cut off from Redis reads the user service's revocations record (the kit's
 * auth/revocation-feed.ts) in pages, newest first, each read bounded by the period. An issuer so slow
 * that a whole read does not fit in a period: each period's read started again from the newest page, so
 * the oldest pages were never read while it stayed slow (a sign-out of 14 minutes ago accepted until its
 * token expired). A relay holds each revocations answer; real user and trip services, PostgreSQL, the
 * pod's own Redis server stopped.
 */
import { TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { queryRows, startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, startStack, type Stack } from './harness.ts';
import { relayRevocations, sessionOf, tripsStatus } from './revocation-relay.ts';

let stack: Stack;
let server: OwnRedisServer;
beforeAll(async () => {
  stack = await startStack({ ai: false });
  server = await startRedisServer();
  await server.stop();
});
afterAll(async () => {
  await stack?.close();
  await server?.close();
});

it('an issuer too slow for a whole read within a period: each read goes on where the last stopped, the oldest row is learnt, and a new one at the top still is', { timeout: 120_000 }, async () => {
  // Three full pages and the oldest sign-out alone on a fourth; each page held 800 ms, the period (the
  // read's bound) 2 s: a read gets two pages, never four.
  const ROWS = 3 * TOKEN_REVOCATIONS.feedPageSize;
  const HOLD_MS = 800;
  const PERIOD_MS = 2_000;
  const db = stack.user.db.url;
  await queryRows(db, `INSERT INTO session_revocations (session_id, user_id, revoked_at)
    SELECT replace(gen_random_uuid()::text, '-', ''), gen_random_uuid(), date_trunc('milliseconds', now() - random() * interval '10 minutes') FROM generate_series(1, ${ROWS})`);
  const early = await stack.traveller();
  expect((await call(stack.user.url, 'POST', USER_PATHS.logout, { headers: { authorization: early.authorization } })).status).toBe(204);
  await queryRows(db, `UPDATE session_revocations SET revoked_at = now() - interval '14 minutes' WHERE session_id = $1`, [sessionOf(early.authorization)]);
  const late = await stack.traveller();

  const relay = await relayRevocations(stack, { holdMs: () => HOLD_MS });
  try {
    const pod = await stack.tripReplica({ REDIS_URL: server.url, JWKS_URL: relay.jwks }, PERIOD_MS);
    const ready = Date.now();
    expect(await tripsStatus(pod.url, late.authorization)).toBe(200);
    // Signed out after the pod is ready: a row at the top, while the oldest pages are still to read.
    expect((await call(stack.user.url, 'POST', USER_PATHS.logout, { headers: { authorization: late.authorization } })).status).toBe(204);
    // Before: each period read the newest two pages again, the fourth never (timed out).
    await waitFor(async () => (await tripsStatus(pod.url, early.authorization)) === 401, 'the sign-out of 14 minutes ago refused', 30_000, 100);
    const earlyAfterMs = Date.now() - ready;
    await waitFor(async () => (await tripsStatus(pod.url, late.authorization)) === 401, 'the sign-out made after ready refused', 10 * PERIOD_MS, 100);
    const lateAfterMs = Date.now() - ready;
    console.log(`slow issuer (${HOLD_MS} ms a page, period ${PERIOD_MS} ms): the oldest sign-out refused ${earlyAfterMs} ms after ready, the one made after ready ${lateAfterMs} ms after; ${relay.queries.length} pages asked`);
    await pod.stop();
  } finally {
    await relay.close();
  }
});
