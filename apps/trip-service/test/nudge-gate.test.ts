/** The gate of the nudge reads (domain/nudge-gate.ts): how many run, how many wait, the rest refused before running. */
import { expect, it } from 'vitest';
import { nudgeGate } from '../src/domain/nudge-gate.ts';

/** A work item that ends when told, recording that it ran. */
const held = (started: string[], name: string) => {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return { work: async () => void (started.push(name), await ended), end };
};

it('runs atOnce, lets waitingMax wait in order, refuses the next without running it, and hands each ending slot to the first waiting', async () => {
  const gate = nudgeGate(2, 1);
  const started: string[] = [];
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((n) => held(started, n));
  const ran = [gate.run(a!.work), gate.run(b!.work), gate.run(c!.work)];
  expect(await gate.run(d!.work)).toBe(false);
  await Promise.resolve();
  expect(started).toEqual(['a', 'b']);
  a!.end();
  await ran[0];
  // c took a's slot: one arriving now waits (the one place free), not runs beside b and c.
  const late = gate.run(e!.work);
  await new Promise((resolve) => setImmediate(resolve));
  expect(started).toEqual(['a', 'b', 'c']);
  b!.end();
  c!.end();
  e!.end();
  expect(await Promise.all([...ran, late])).toEqual([true, true, true, true]);
  expect(started).toEqual(['a', 'b', 'c', 'e']);
});

it('frees the slot of a work that fails', async () => {
  const gate = nudgeGate(1, 0);
  await expect(gate.run(() => Promise.reject(new Error('read failed')))).rejects.toThrow('read failed');
  expect(await gate.run(async () => undefined)).toBe(true);
});
