/**
 * The shared status reader: however many travellers poll at once, the AI service is asked about
 * once per round trip (the first read at once, the rest together in the next call), never with
 * more ids than its route takes, and a failed call fails the reads that waited for it only.
 */
import { SCHEDULE_STATUS_MAX_IDS, type GenerationState } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { sharedStateReader } from '../src/domain/schedules.ts';

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
    const reader = sharedStateReader(route.fetchStates);
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
    const reader = sharedStateReader(route.fetchStates);
    const all = Array.from({ length: 2 * SCHEDULE_STATUS_MAX_IDS + 1 }, (_, i) => id(i));
    const read = reader.read(all);
    for (let i = 0; i < 3; i++) await route.answer();
    expect(route.calls.map((c) => c.length)).toEqual([SCHEDULE_STATUS_MAX_IDS, SCHEDULE_STATUS_MAX_IDS, 1]);
    expect((await read).size).toBe(all.length);
  });

  it('fails the reads that waited for a failed call, and answers the next ones', async () => {
    const route = slowRoute();
    const reader = sharedStateReader(route.fetchStates);
    route.failNextCall();
    const failed = reader.read([id(1)]);
    const next = reader.read([id(2)]);
    await route.answer();
    await expect(failed).rejects.toThrow('the ai service is unavailable');
    await route.answer();
    expect([...(await next).keys()]).toEqual([id(2)]);
  });
});
