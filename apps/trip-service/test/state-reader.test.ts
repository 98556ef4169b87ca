/**
 * The shared status reader: however many travellers poll at once, the AI service is asked about
 * once per round trip (the first read at once, the rest together in the next call), never with
 * more ids than its route takes, and a failed call fails the reads that waited for it; after it, a
 * pause without calls (reads refused at once), then one probe; an outage is logged by the reader, a
 * few lines whatever the number of reads.
 */
import { SCHEDULE_STATUS_CONCURRENCY, SCHEDULE_STATUS_MAX_IDS, type GenerationState } from '@tripgen/catalog';
import { ServiceUnavailableError } from '@tripgen/service-kit';
import { capturedLogger, quietLogger } from '@tripgen/testing';
import { describe, expect, it } from 'vitest';
import { OUTAGE_WARN_EVERY_MS, STATES_BACK, STATES_PAUSE, STATES_UNAVAILABLE, StatesPausedError, sharedStateReader } from '../src/domain/schedules.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A status route answering each call when told to, every id it is asked `running`. */
const slowRoute = () => {
  const calls: string[][] = [];
  const waiting: (() => void)[] = [];
  let failNext = false;
  const fetchStates = (ids: string[]) =>
    new Promise<GenerationState[]>((resolve, reject) => {
      calls.push(ids);
      const fail = failNext;
      failNext = false;
      waiting.push(() => (fail ? reject(new Error('the ai service is unavailable')) : resolve(ids.map((i) => ({ id: i, status: 'running' as const })))));
    });
  const answer = async () => {
    while (waiting.length === 0) await new Promise((r) => setImmediate(r));
    waiting.shift()!();
  };
  return { calls, fetchStates, answer, failNextCall: () => (failNext = true) };
};

describe('the shared status reader', () => {
  it('asks for the first read at once and for the fifty that came meanwhile in one more call', async () => {
    const route = slowRoute();
    const reader = sharedStateReader(route.fetchStates, quietLogger);
    const first = reader.read([id(0)]);
    const rest = Array.from({ length: 50 }, (_, i) => reader.read([id(1 + (i % 25))]));
    expect(route.calls).toEqual([[id(0)]]);
    await route.answer();
    expect((await first).get(id(0))?.status).toBe('running');
    await route.answer();
    const answers = await Promise.all(rest);
    expect(route.calls).toHaveLength(2);
    expect(route.calls[1]).toEqual(Array.from({ length: 25 }, (_, i) => id(1 + i)));
    expect(answers.every((a, i) => a.get(id(1 + (i % 25)))?.status === 'running')).toBe(true);
  });

  it('splits a long list into calls of at most the route\'s limit', async () => {
    const route = slowRoute();
    const reader = sharedStateReader(route.fetchStates, quietLogger);
    const all = Array.from({ length: 2 * SCHEDULE_STATUS_MAX_IDS + 1 }, (_, i) => id(i));
    const read = reader.read(all);
    for (let i = 0; i < 3; i++) await route.answer();
    expect(route.calls.map((c) => c.length)).toEqual([SCHEDULE_STATUS_MAX_IDS, SCHEDULE_STATUS_MAX_IDS, 1]);
    expect((await read).size).toBe(all.length);
  });

  it(`asks a list longer than one call allows in ${SCHEDULE_STATUS_CONCURRENCY} calls at once, the next as one ends`, async () => {
    const route = slowRoute();
    const reader = sharedStateReader(route.fetchStates, quietLogger);
    const n = SCHEDULE_STATUS_CONCURRENCY + 2;
    const all = Array.from({ length: n * SCHEDULE_STATUS_MAX_IDS }, (_, i) => id(i));
    const read = reader.read(all);
    await new Promise((r) => setImmediate(r));
    // Before: one call, the next only once it was answered (a sweep pass of 5,000 unfinished schedules waited on 50 in a row).
    expect(route.calls).toHaveLength(SCHEDULE_STATUS_CONCURRENCY);
    await route.answer();
    await new Promise((r) => setImmediate(r));
    expect(route.calls).toHaveLength(SCHEDULE_STATUS_CONCURRENCY + 1);
    for (let i = 1; i < n; i++) await route.answer();
    expect(route.calls.flat()).toEqual(all);
    expect((await read).size).toBe(all.length);
  });

  it('fails the reads that waited for a failed call (those sent after it, in its pause, without a call), and answers the reads after the pause', async () => {
    let t = 0;
    const route = slowRoute();
    const reader = sharedStateReader(route.fetchStates, quietLogger, () => t);
    route.failNextCall();
    const failed = reader.read([id(1)]);
    const next = reader.read([id(2)]);
    await route.answer();
    await expect(failed).rejects.toThrow('the ai service is unavailable');
    await expect(next).rejects.toBeInstanceOf(StatesPausedError);
    expect(route.calls).toHaveLength(1);
    t += STATES_PAUSE.firstMs;
    const later = reader.read([id(2)]);
    await route.answer();
    expect([...(await later).keys()]).toEqual([id(2)]);
  });

  it('makes no call for a pause after a failed one, the pause doubling to its bound, probes with the first read after it, and starts again from the first pause after an answer', async () => {
    let t = 0;
    let up = false;
    const calls: number[] = [];
    const route = async (ids: string[]): Promise<GenerationState[]> => {
      calls.push(t);
      if (!up) throw new Error('the ai service is unavailable');
      return ids.map((i) => ({ id: i, status: 'running' as const }));
    };
    const reader = sharedStateReader(route, quietLogger, () => t);
    // A reader every 10 ms for 10 s of an outage: a call at 0, then one at the end of each pause.
    const refused: unknown[] = [];
    for (; t < 10_000; t += 10) await reader.read([id(1)]).catch((err: unknown) => void refused.push(err));
    const { firstMs: p, maxMs } = STATES_PAUSE;
    expect(maxMs).toBe(8 * p); // the pauses below: p, 2p, 4p, then the bound
    expect(calls).toEqual([0, p, 3 * p, 7 * p, 7 * p + maxMs, 7 * p + 2 * maxMs, 7 * p + 3 * maxMs, 7 * p + 4 * maxMs]);
    // Every read was answered (rejected): those in a pause at once, without a call, with the last failure as the cause.
    expect(refused).toHaveLength(1_000);
    const paused = refused.filter((e) => e instanceof StatesPausedError) as StatesPausedError[];
    expect(paused).toHaveLength(1_000 - calls.length);
    expect(String((paused[0]!.cause as Error).message)).toBe('the ai service is unavailable');
    // Back: the probe at the end of the pause is answered, and from then on every read calls again.
    up = true;
    t = 7 * p + 5 * maxMs;
    expect((await reader.read([id(1)])).get(id(1))?.status).toBe('running');
    await reader.read([id(1)]);
    expect(calls.slice(8)).toEqual([t, t]);
    // A new outage starts from the first pause.
    up = false;
    await reader.read([id(1)]).catch(() => undefined);
    t += p - 1;
    await expect(reader.read([id(1)])).rejects.toBeInstanceOf(StatesPausedError);
    t += 1;
    await expect(reader.read([id(1)])).rejects.toThrow('the ai service is unavailable');
    expect(calls).toHaveLength(12);
  });

  it('logs an outage, not each read: the first failed call at once, then one warning per interval with the calls failed since, and its end', async () => {
    const lines: { level: string; msg: string; failedCalls: number }[] = [];
    const push = (level: string) => (o: object, msg: string) => void lines.push({ level, msg, ...(o as { failedCalls: number }) });
    const log = { info: push('info'), warn: push('warn'), error: push('error') };
    let t = 0;
    let up = false;
    let calls = 0;
    const route = async (ids: string[]): Promise<GenerationState[]> => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      if (!up) throw new ServiceUnavailableError('ai', 'POST /internal/ai/schedules/status: fetch failed (ECONNREFUSED)');
      return ids.map((i) => ({ id: i, status: 'running' as const }));
    };
    const reader = sharedStateReader(route, log, () => t);
    const settle = (reads: Promise<unknown>[]) => Promise.allSettled(reads);
    // Twenty readers: one call (the first read; the others, sent together after it, fall in its pause), one warning.
    await settle(Array.from({ length: 20 }, (_, i) => reader.read([id(i)])));
    expect(calls).toBe(1);
    // Four more calls, one after each pause, within the warning interval: no line.
    for (let i = 0; i < 4; i++) {
      t += STATES_PAUSE.maxMs;
      await settle([reader.read([id(i)])]);
    }
    expect(calls).toBe(5);
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: STATES_UNAVAILABLE, failedCalls: 1 })]);
    t += OUTAGE_WARN_EVERY_MS;
    await settle([reader.read([id(0)])]);
    expect(lines.slice(1)).toEqual([expect.objectContaining({ level: 'warn', msg: STATES_UNAVAILABLE, failedCalls: 5 })]);
    up = true;
    t += STATES_PAUSE.maxMs;
    await reader.read([id(0)]);
    await reader.read([id(0)]);
    expect(lines.slice(2)).toEqual([{ level: 'info', msg: STATES_BACK, failedCalls: 0 }]);
    // A new outage is warned at once.
    up = false;
    t += 1;
    await settle([reader.read([id(0)])]);
    expect(lines.slice(3)).toEqual([expect.objectContaining({ level: 'warn', msg: STATES_UNAVAILABLE, failedCalls: 1 })]);
  });

  it('logs an AI service out of reach as a warning with its causes and no stack, and a failure of anything else (a bug) at error with its stack', async () => {
    const { logger, lines } = capturedLogger();
    let failure: Error = new ServiceUnavailableError('ai', 'POST /internal/ai/schedules/status: fetch failed (ECONNREFUSED)', { cause: new TypeError('fetch failed') });
    let t = 0;
    const reader = sharedStateReader(() => Promise.reject(failure), logger, () => t);
    await reader.read([id(0)]).catch(() => undefined);
    t += OUTAGE_WARN_EVERY_MS + STATES_PAUSE.maxMs;
    failure = new TypeError("Cannot read properties of undefined (reading 'status')");
    await reader.read([id(0)]).catch(() => undefined);
    const [outage, bug] = lines.filter((l) => l.msg === STATES_UNAVAILABLE);
    expect(outage).toMatchObject({ level: 40, outage: [{ type: 'ServiceUnavailableError' }, { type: 'TypeError', message: 'fetch failed' }] });
    expect(JSON.stringify(outage)).not.toContain('    at ');
    expect(bug).toMatchObject({ level: 50, err: { type: 'TypeError', message: "Cannot read properties of undefined (reading 'status')", stack: expect.stringContaining('    at ') } });
  });
});
