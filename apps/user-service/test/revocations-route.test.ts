/**
 * The verifiers' internal revocations route (catalog REVOCATIONS_PATH): its `since` is ms since the
 * epoch; one no date can hold (ECMAScript's time value ends at 8.64e15 ms, ECMA-262 21.4.1.1) is bad
 * input, a 400 problem, never a 500 from the database read it would reach.
 */
import { REVOCATIONS_PATH } from '@tripgen/catalog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService();
});
afterAll(async () => service?.close());

it('answers a since past the last representable instant with 400 problem+json, not 500', async () => {
  for (const since of ['8640000000000001', '100000000000000000', '9007199254740993']) {
    const res = await service.app.inject({ method: 'GET', url: `${REVOCATIONS_PATH}?since=${since}` });
    expect([res.statusCode, res.headers['content-type']], since).toEqual([400, expect.stringContaining('application/problem+json')]);
  }
});

it('still answers a since of now and one of the last instant', async () => {
  for (const since of [String(Date.now()), '8640000000000000']) {
    const res = await service.app.inject({ method: 'GET', url: `${REVOCATIONS_PATH}?since=${since}` });
    expect([res.statusCode, res.json()], since).toEqual([200, { accounts: [], sessions: [] }]);
  }
});
