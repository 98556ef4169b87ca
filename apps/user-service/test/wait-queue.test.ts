/**
 * The login throttle's in-memory queue of waiting checks (src/domain/wait-queue.ts), against a plain
 * model: an array in the order the checks came, each with its lapse. What the Redis queue does
 * (RESERVE_LUA): a place kept while its check looks again, a check that leaves mid-queue lets those
 * behind it up, a lapsed place holds no one back and its check, looking again, comes back at the end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitQueue } from '../src/domain/wait-queue.ts';

const LAPSE = 100;

describe('WaitQueue', () => {
  it('keeps the order the checks came in; one leaving mid-queue lets those behind it up; a look again keeps the place', () => {
    const queue = new WaitQueue();
    for (const id of ['a', 'b', 'c', 'd']) queue.enter(id, LAPSE);
    expect(['a', 'b', 'c', 'd'].map((id) => queue.ahead(id, 0, 10))).toEqual([0, 1, 2, 3]);
    queue.leave('b');
    expect(['a', 'c', 'd'].map((id) => queue.ahead(id, 0, 10))).toEqual([0, 1, 2]);
    queue.enter('a', LAPSE);
    queue.enter('e', LAPSE);
    expect(['a', 'c', 'd', 'e'].map((id) => queue.ahead(id, 0, 10))).toEqual([0, 1, 2, 3]);
    // A check not waiting has them all ahead, counted up to the limit.
    expect(queue.ahead('newcomer', 0, 10)).toBe(4);
    expect(queue.ahead('newcomer', 0, 2)).toBe(2);
    expect(queue.size).toBe(4);
  });

  it('passes over a lapsed place and sends its check, looking again, to the end', () => {
    const queue = new WaitQueue();
    queue.enter('stalled', 50);
    queue.enter('b', LAPSE);
    queue.enter('c', LAPSE);
    expect(queue.ahead('c', 60, 10)).toBe(1);
    expect(queue.ahead('stalled', 60, 10)).toBe(2);
    queue.enter('stalled', 60 + LAPSE);
    expect(['b', 'c', 'stalled'].map((id) => queue.ahead(id, 60, 10))).toEqual([0, 1, 2]);
  });

  it('gives a lapsed place back to its check looking again (rejoin), among the others by when it came, the array rebuilt or not', () => {
    const queue = new WaitQueue();
    queue.enter('stalled', 50);
    const place = queue.placeOf('stalled')!;
    queue.enter('b', LAPSE);
    queue.enter('c', LAPSE);
    // Found lapsed by another's look, then back.
    expect(queue.ahead('c', 60, 10)).toBe(1);
    expect(queue.has('stalled')).toBe(false);
    expect(queue.rejoin('stalled', place, 60, 60 + LAPSE)).toBe(true);
    expect(['stalled', 'b', 'c'].map((id) => queue.ahead(id, 60, 10))).toEqual([0, 1, 2]);
    // Lapsed, not yet found: kept where it is.
    expect(queue.rejoin('stalled', place, 200, 200 + LAPSE)).toBe(true);
    expect(queue.ahead('stalled', 200, 10)).toBe(0);
    // Not lapsed: it only looked again.
    expect(queue.rejoin('stalled', place, 210, 210 + LAPSE)).toBe(false);
    // Its entry dropped by a rebuild (many left since): put back in order.
    const deep = new WaitQueue();
    deep.enter('old', 10);
    const old = deep.placeOf('old')!;
    for (let i = 0; i < 200; i++) deep.enter(`x${i}`, LAPSE);
    deep.expire(20);
    for (let i = 0; i < 150; i++) deep.leave(`x${i}`);
    expect(deep.rejoin('old', old, 20, 20 + LAPSE)).toBe(true);
    expect([deep.ahead('old', 20, 10), deep.ahead('x150', 20, 10), deep.size]).toEqual([0, 1, 51]);
    // Another place than its own, or one never given: nothing.
    expect(deep.rejoin('x150', old, 20, LAPSE)).toBe(false);
    expect(deep.ahead('x150', 20, 10)).toBe(1);
    expect(deep.rejoin('newcomer', Number.MAX_SAFE_INTEGER, 20, LAPSE)).toBe(false);
    expect(deep.has('newcomer')).toBe(false);
  });

  it('answers as the model in any sequence of enters, leaves, places taken back, looks, lapses and sweeps, hundreds of checks deep', () => {
    // Mostly enters (the queue grows hundreds deep), an id back after leaving, lapses long and short.
    const ids = fc.integer({ min: 0, max: 499 }).map((n) => `check ${n}`);
    const step = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('enter' as const), id: ids, lapse: fc.integer({ min: 1, max: 2_000 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave' as const), id: ids }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('rejoin' as const), id: ids, lapse: fc.integer({ min: 1, max: 2_000 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('ahead' as const), id: ids, limit: fc.integer({ min: 1, max: 400 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 500, maxLength: 3_000 }), (steps) => {
        const queue = new WaitQueue();
        // In the order of their places (given in order; one taken back goes where its place is).
        let model: { id: string; place: number; lapsesAt: number }[] = [];
        const places = new Map<string, number>();
        let now = 0;
        const lapse = () => (model = model.filter((w) => w.lapsesAt > now));
        for (const s of steps) {
          if (s.kind === 'tick') now += s.ms;
          else if (s.kind === 'expire') {
            queue.expire(now);
            lapse();
          } else if (s.kind === 'leave') {
            queue.leave(s.id);
            model = model.filter((w) => w.id !== s.id);
          } else if (s.kind === 'rejoin') {
            const place = places.get(s.id);
            if (place === undefined) continue;
            // It took its place back when the place had lapsed (found or not) or gone with a rebuild.
            const held = model.find((w) => w.id === s.id);
            expect(queue.rejoin(s.id, place, now, now + s.lapse)).toBe(held === undefined || (held.place === place && held.lapsesAt <= now));
            lapse();
            const waiter = model.find((w) => w.id === s.id);
            if (waiter?.place === place) waiter.lapsesAt = now + s.lapse;
            else if (!waiter) {
              const at = model.findIndex((w) => w.place > place);
              model.splice(at < 0 ? model.length : at, 0, { id: s.id, place, lapsesAt: now + s.lapse });
            }
          } else if (s.kind === 'enter') {
            // As the store enters a busy check: right after its look (which found a lapsed place gone).
            queue.ahead(s.id, now, 1);
            lapse();
            queue.enter(s.id, now + s.lapse);
            const waiter = model.find((w) => w.id === s.id);
            if (waiter) waiter.lapsesAt = now + s.lapse;
            else model.push({ id: s.id, place: queue.placeOf(s.id)!, lapsesAt: now + s.lapse });
            places.set(s.id, queue.placeOf(s.id)!);
          } else {
            const got = queue.ahead(s.id, now, s.limit);
            lapse();
            const place = model.findIndex((w) => w.id === s.id);
            expect(got).toBe(Math.min(s.limit, place < 0 ? model.length : place));
          }
        }
        queue.expire(now);
        lapse();
        expect(queue.size).toBe(model.length);
        for (const w of model) expect(queue.has(w.id)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
