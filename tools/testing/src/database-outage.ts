import assert from 'node:assert/strict';
import { QUERY_TIMEOUT_MS } from '@tripgen/service-kit/prisma';
import type { TcpRelay } from './tcp-relay.ts';
import { waitFor } from './wait.ts';

/** A caller's patience in the outage checks: past the kit's query time limit, far short of the kernel's. */
export const OUTAGE_CLIENT_TIMEOUT_MS = QUERY_TIMEOUT_MS + 5_000;

/** The kit's answer while PostgreSQL is out of reach: a retryable 503 problem+json (service-kit http/problem.ts). */
export const expectRetryable503 = async (res: Response): Promise<void> => {
  assert.equal(res.status, 503);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.ok(Number(res.headers.get('retry-after')) > 0, 'a Retry-After in seconds');
  const body = (await res.json()) as { status?: unknown; detail?: unknown };
  assert.deepEqual([body.status, body.detail], [503, 'The database is unavailable; try again shortly']);
};

/**
 * The two outages a relay in front of PostgreSQL plays, for a request that asks PostgreSQL every
 * time (no cache): a server that accepts and hangs up, and one that stops answering on a pooled
 * connection. Each answers 503 (the second within the query time limit) and serves again once the
 * relay mends.
 */
export const databaseOutageChecks = (relay: () => TcpRelay, request: () => Promise<Response>, what: string) => ({
  async hangUp(): Promise<void> {
    relay().hangUp();
    await expectRetryable503(await request());
    relay().mend();
    await waitFor(async () => (await request()).status === 200, `${what} once PostgreSQL answers again`);
  },
  async stall(): Promise<void> {
    assert.equal((await request()).status, 200); // a pooled connection, open, for the next request
    relay().stall();
    const started = Date.now();
    await expectRetryable503(await request());
    assert.ok(Date.now() - started < QUERY_TIMEOUT_MS + 2_000, `answered within the query time limit (${Date.now() - started} ms)`);
    relay().mend();
    await waitFor(async () => (await request()).status === 200, `${what} once PostgreSQL answers again`);
  },
});
