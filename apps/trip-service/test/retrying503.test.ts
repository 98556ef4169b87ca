/**
 * The harness's retrying503 sends a request answered 503 again, as a client does. Every send of a
 * signed-in traveller spends the per-user limit (catalog RATE_LIMIT, a 503 too: rate-limit.ts), and
 * sign-up and login the client address's: resent at a fixed 200 ms, a 503 that lasted a few seconds
 * (several requests of a burst at once) spent the traveller's 100 a minute, and the harness then
 * returned the general limit's 429 in place of the 503 (or of the answer the test counts).
 */
import { RATE_LIMIT } from '@tripgen/catalog';
import { afterEach, expect, it, vi } from 'vitest';
import { RETRY_503_MS, retrying503 } from './harness.ts';

afterEach(() => vi.useRealTimers());

const unavailable = (retryAfter: string | null) => ({ status: 503, headers: new Headers(retryAfter === null ? {} : { 'retry-after': retryAfter }) });

it('sends a request answered 503 again after its Retry-After, so that one left unavailable for RETRY_503_MS spends a small part of the per-user limit', async () => {
  vi.useFakeTimers();
  let sends = 0;
  const answered = retrying503(async () => (sends++, unavailable('5')));
  await vi.advanceTimersByTimeAsync(RETRY_503_MS + 10_000);
  expect((await answered).status).toBe(503);
  // One send, then one every 5 s within RETRY_503_MS, and the last past it.
  expect(sends).toBeLessThanOrEqual(RETRY_503_MS / 5_000 + 2);
  expect(sends).toBeLessThan(RATE_LIMIT.max / 10);
});

it('answers as soon as a resend is not a 503, and returns a 503 without Retry-After as it is', async () => {
  vi.useFakeTimers();
  const answers = [unavailable('1'), unavailable('1'), { status: 202, headers: new Headers() }];
  let sends = 0;
  const answered = retrying503(async () => answers[sends++]!);
  await vi.advanceTimersByTimeAsync(2_500);
  expect((await answered).status).toBe(202);
  expect(sends).toBe(3);
  sends = 0;
  expect((await retrying503(async () => (sends++, unavailable(null)))).status).toBe(503);
  expect(sends).toBe(1);
});
