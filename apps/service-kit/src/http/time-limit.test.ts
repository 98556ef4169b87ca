/**
 * The time limit under garbage collection, against a real HTTP server that accepts and never
 * answers. nodejs/node#57736: AbortSignal.any([AbortSignal.timeout(ms)]) held the timeout weakly and
 * a collection in between left the call pending for good. gc() is exposed to this worker with
 * v8.setFlagsFromString (vitest's workers are not started with --expose-gc).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { timeLimit } from './time-limit.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** How each of `calls` fetches at once ended, collecting garbage every 10 ms meanwhile; 'pending' if not within `waitMs`. */
const underGc = async (calls: number, call: () => Promise<string>, waitMs = 3_000): Promise<string[]> => {
  const collecting = setInterval(gc, 10);
  let waited: ReturnType<typeof setTimeout> | undefined;
  try {
    const pending = new Promise<string[]>((r) => (waited = setTimeout(() => r(['pending']), waitMs)));
    return await Promise.race([Promise.all(Array.from({ length: calls }, call)), pending]);
  } finally {
    clearInterval(collecting);
    clearTimeout(waited);
  }
};

const fetchWithin = async (limit: ReturnType<typeof timeLimit>): Promise<string> => {
  try {
    await fetch(url, { signal: limit.signal });
    return 'answered';
  } catch (err) {
    return `${(err as Error).name}${limit.timedOut ? ' (the limit)' : ''}`;
  } finally {
    limit.clear();
  }
};

describe('timeLimit', () => {
  it('ends a call to a server that never answers at its limit though garbage is collected meanwhile, joined with a caller signal or not', async () => {
    const caller = new AbortController();
    // Before (the limit an AbortSignal.timeout joined by AbortSignal.any): ['pending'] after 3 s.
    expect(await underGc(5, () => fetchWithin(timeLimit(200, caller.signal)))).toEqual(Array(5).fill('TimeoutError (the limit)'));
    expect(await underGc(5, () => fetchWithin(timeLimit(200)))).toEqual(Array(5).fill('TimeoutError (the limit)'));
  });

  it('ends the call with a given signal nothing else holds (an inline AbortSignal.timeout), the limit itself not reached', async () => {
    expect(await underGc(5, () => fetchWithin(timeLimit(60_000, undefined, AbortSignal.timeout(200))))).toEqual(Array(5).fill('TimeoutError'));
  });

  it('ends with the caller, telling it apart from the limit', async () => {
    const caller = new AbortController();
    const limit = timeLimit(60_000, caller.signal);
    caller.abort();
    expect(limit.signal.aborted).toBe(true);
    expect(limit.timedOut).toBe(false);
    limit.clear();
  });

  it('leaves no timer once the call settled (AbortSignal.timeout kept its own until the limit)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const limit = timeLimit(60_000);
      expect(vi.getTimerCount()).toBe(1);
      limit.clear();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(60_000);
      expect(limit.signal.aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
