/**
 * How long the trip service waits for a peer: PEER_BUDGETS_MS in production, times
 * PEER_TIMEOUT_FACTOR where a test harness raises it (its services share a crowded machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { loadConfig, ServiceUnavailableError } from '@tripgen/service-kit';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_BUDGETS_MS, peers } from '../src/clients/peers.ts';
import { tripConfig } from '../src/config.ts';

/** Three times the user service's budget: past one budget, within four (margins of a budget and more, on a crowded machine). */
const DELAY_MS = PEER_BUDGETS_MS.user * 3;

let slowUser: Server;
let url = '';
/** The stub's requests by how they ended: answered, or given up by the client before the answer (its connection closed). */
const ended = { answered: 0, givenUp: 0 };
beforeAll(async () => {
  slowUser = createServer((req, res) => {
    req.resume();
    const answer = setTimeout(() => {
      ended.answered += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ preferences: null }));
    }, DELAY_MS);
    res.on('close', () => {
      if (res.writableEnded) return;
      clearTimeout(answer);
      ended.givenUp += 1;
    });
  });
  await new Promise<void>((resolve) => slowUser.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(slowUser.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => slowUser.close(() => resolve())));

/** What the trip service's contract requires, none of it reached here. */
const env = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgresql://trip@127.0.0.1:1/trip_db',
  REDIS_URL: 'redis://127.0.0.1:1',
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
  JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
};
const factorOf = (extra: Record<string, string>) => tripConfig(loadConfig({ service: 'trip' }, { ...env, ...extra }).own).peerTimeoutFactor;

describe('peer budgets', () => {
  it('are one per service the trip service calls (catalog calls)', () => {
    expect(Object.keys(PEER_BUDGETS_MS).sort()).toEqual([...SERVICES.trip.calls].sort());
  });

  it('are production\'s unless PEER_TIMEOUT_FACTOR raises them', () => {
    expect(factorOf({})).toBe(1);
    expect(factorOf({ PEER_TIMEOUT_FACTOR: '5' })).toBe(5);
    expect(() => factorOf({ PEER_TIMEOUT_FACTOR: '0' })).toThrow(/PEER_TIMEOUT_FACTOR/);
  });

  it('give up on a peer past its budget, and wait for it when the factor covers the delay', { timeout: 20_000 }, async () => {
    // Given up by the user budget's own timer (the kit's client names the budget that ran out), the
    // request cut before the stub's answer: not a connection error, not the kit's default budget.
    const gaveUp = peers({ user: url, location: '', ai: '' }, 1).preferences('Bearer x');
    await expect(gaveUp).rejects.toThrow(ServiceUnavailableError);
    await expect(gaveUp).rejects.toThrow(`no answer within ${PEER_BUDGETS_MS.user} ms`);
    // The stub's side ends when the closed connection reaches it (a guard against hanging only).
    await waitFor(() => ended.answered + ended.givenUp === 1, 'the stub to see the request end', 2_000, 10);
    expect(ended).toEqual({ answered: 0, givenUp: 1 });
    await expect(peers({ user: url, location: '', ai: '' }, 4).preferences('Bearer x')).resolves.toBeNull();
    expect(ended).toEqual({ answered: 1, givenUp: 1 });
  });
});
