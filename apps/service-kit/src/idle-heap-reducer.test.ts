/**
 * The idle heap reducer (issue 15): when it reduces (a quiet main thread after the heap grew), and
 * what the reduction does to a real V8 heap, seen in a node of its own (the flags it sets are
 * process-wide): the collections V8 ran and the rule they compacted by, not the bytes they gave
 * back (a figure: `npm run bench:heap-reduction`). Before it, a service kept what a burst grew its heap by until the next burst:
 * `npm run bench:api` read the user service 8-12 MiB over its start for minutes after the load.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IDLE_HEAP_REDUCTION } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { startIdleHeapReducer, startingSemiSpaceMiB, type Reduction } from './idle-heap-reducer.ts';

const MiB = 2 ** 20;

/** A reducer driven by hand: the heap and the utilisation are what the test sets, the timer never fires. */
const driven = (heapMiB: number, quietSeconds = 3) => {
  const state = { heap: heapMiB * MiB, utilization: 0, reductions: [] as Reduction[], afterMiB: 0 };
  const reducer = startIdleHeapReducer({
    quietSeconds,
    quietUtilization: IDLE_HEAP_REDUCTION.quietUtilization,
    minGrowthMiB: 4,
    tickMs: 2 ** 31 - 1,
    heapBytes: () => state.heap,
    utilization: () => state.utilization,
    reduce: () => {
      const r = { beforeBytes: state.heap, afterBytes: state.afterMiB * MiB, ms: 1, threadId: 0, fullCollections: 2 };
      state.heap = r.afterBytes;
      state.reductions.push(r);
      return r;
    },
  });
  const ticks = (n: number) => {
    for (let i = 0; i < n; i++) reducer.tick();
  };
  return { state, ticks, stop: () => reducer.stop() };
};

describe('when the idle heap reducer reduces', () => {
  it('after a burst grew the heap, once the main thread has been quiet for quietSeconds checks', () => {
    const r = driven(33);
    r.state.utilization = 0.9;
    r.state.heap = 46 * MiB;
    r.state.afterMiB = 36;
    r.ticks(10);
    expect(r.state.reductions).toHaveLength(0);
    r.state.utilization = 0.001;
    r.ticks(2);
    expect(r.state.reductions).toHaveLength(0);
    r.ticks(1);
    expect(r.state.reductions.map((x) => x.beforeBytes / MiB)).toEqual([46]);
    // Quiet on: nothing more to give back.
    r.ticks(20);
    expect(r.state.reductions).toHaveLength(1);
    r.stop();
  });

  it(`when an idle service's pollers take a few % of some seconds, as soon as the last quietSeconds checks are quiet together`, () => {
    // The AI service's event-loop utilisation (%), one reading a second, 20 idle seconds of a run of
    // \`npm run bench:api\` (scripts/lib/heap-probe.mjs, 2026-12-05, load 5-9): 1.3 % at the median of its
    // idle seconds, some up to 10 %. Read check by check against 2 %, five quiet ones in a row never
    // came in these 20 s; in another run the reduction came 12 s after the load, after the bench's
    // "after" reading (113 % of start; 100 % at 30 s).
    const idle = [1.4, 1.3, 9.7, 3.3, 0.7, 3.2, 5.4, 3.0, 1.9, 2.4, 6.2, 4.7, 1.0, 1.1, 5.2, 1.5, 1.1, 2.3, 1.1, 1.8];
    const r = driven(38, IDLE_HEAP_REDUCTION.quietSeconds);
    r.state.utilization = 1;
    r.state.heap = 48 * MiB;
    r.state.afterMiB = 38;
    r.ticks(10);
    idle.slice(0, IDLE_HEAP_REDUCTION.quietSeconds - 1).forEach((u) => {
      r.state.utilization = u / 100;
      r.ticks(1);
    });
    expect(r.state.reductions).toHaveLength(0);
    // The first check with quietSeconds idle ones behind it.
    r.state.utilization = idle[IDLE_HEAP_REDUCTION.quietSeconds - 1]! / 100;
    r.ticks(1);
    expect(r.state.reductions.map((x) => x.beforeBytes / MiB)).toEqual([48]);
    idle.slice(IDLE_HEAP_REDUCTION.quietSeconds).forEach((u) => {
      r.state.utilization = u / 100;
      r.ticks(1);
    });
    expect(r.state.reductions).toHaveLength(1);
    r.stop();
  });

  it('not for growth under minGrowthMiB, nor while requests keep the main thread busy', () => {
    const r = driven(33);
    r.state.heap = 36.5 * MiB;
    r.ticks(20);
    r.state.heap = 40 * MiB;
    for (let i = 0; i < 20; i++) {
      r.state.utilization = i % 2 ? 0 : 0.5;
      r.ticks(1);
    }
    expect(r.state.reductions).toHaveLength(0);
    r.stop();
  });

  it('measures growth from the smallest heap seen (V8 reduced it itself) and from what the last reduction left', () => {
    const r = driven(40);
    r.state.heap = 33 * MiB; // V8's own memory reducer after start-up
    r.ticks(1);
    r.state.heap = 38 * MiB;
    r.state.afterMiB = 37; // the live data grew: little to give back
    r.ticks(3);
    expect(r.state.reductions).toHaveLength(1);
    // The heap stays at its new live size: no collection every time the process is quiet.
    r.state.heap = 39 * MiB;
    r.ticks(30);
    expect(r.state.reductions).toHaveLength(1);
    r.state.heap = 41.5 * MiB;
    r.ticks(3);
    expect(r.state.reductions).toHaveLength(2);
    r.stop();
  });
});

describe(`the other heaps (a worker thread's isolate)`, () => {
  it(`are reduced at a quiet check once they worked, even when the main heap did not grow, one at a time and after the main thread's`, async () => {
    const order: string[] = [];
    const other = { worked: false, name: 'engine thread', resolve: undefined as (() => void) | undefined };
    let heap = 40 * MiB;
    const reducer = startIdleHeapReducer({
      quietSeconds: 2,
      tickMs: 2 ** 31 - 1,
      heapBytes: () => heap,
      utilization: () => 0,
      reduce: () => (order.push('main thread'), { beforeBytes: heap, afterBytes: (heap = 30 * MiB), ms: 1, threadId: 0, fullCollections: 2 }),
      others: () => [
        {
          name: other.name,
          pending: () => other.worked,
          reduce: (semiSpaceMiB) => {
            other.worked = false;
            order.push(`engine thread (semi-space ${semiSpaceMiB})`);
            return new Promise<Reduction>((resolve) => (other.resolve = () => resolve({ beforeBytes: 20 * MiB, afterBytes: 15 * MiB, ms: 1, threadId: 1, fullCollections: 2 })));
          },
        },
      ],
      onReduced: (_r, heap) => order.push(`${heap} reduced`),
    });
    // The main heap starts at 40: no growth, and the thread has not worked: nothing.
    for (let i = 0; i < 5; i++) reducer.tick();
    expect(order).toEqual([]);
    other.worked = true;
    reducer.tick();
    reducer.tick();
    expect(order).toEqual([`engine thread (semi-space ${startingSemiSpaceMiB()})`]);
    // While its reduction runs, no other begins, here or there.
    other.worked = true;
    for (let i = 0; i < 5; i++) reducer.tick();
    expect(order).toHaveLength(1);
    other.resolve!();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([`engine thread (semi-space ${startingSemiSpaceMiB()})`, 'engine thread reduced']);
    // Both grew: the main thread's first (synchronous), then the thread's.
    order.length = 0;
    heap = 45 * MiB;
    reducer.tick();
    reducer.tick();
    other.resolve!();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['main thread', 'main thread reduced', `engine thread (semi-space ${startingSemiSpaceMiB()})`, 'engine thread reduced']);
    reducer.stop();
  });
});

describe('startingSemiSpaceMiB', () => {
  it('reads the flag from NODE_OPTIONS and the command line (which wins), 0 without it', () => {
    expect(startingSemiSpaceMiB([], '--max-old-space-size=384 --max-semi-space-size=2')).toBe(2);
    expect(startingSemiSpaceMiB(['--max_semi_space_size=4'], '--max-semi-space-size=2')).toBe(4);
    expect(startingSemiSpaceMiB(['--liftoff-only'], '')).toBe(0);
  });
});

describe('what a reduction does to a V8 heap', () => {
  const fixture = fileURLToPath(new URL('../test/fixtures/heap-reduction.ts', import.meta.url));
  /** V8's rule for the old-space pages a full collection compacts, as its `--trace-fragmentation-verbose` prints it. */
  const PAGE_PICKED = /compaction-selection-page: space=old_space .*fragmentation_limit_percent=(\d+) .*compaction_limit_kb=(\d+)/;
  /** The child's young generation: other than the 1 MiB that --optimize-for-size implies for later isolates. */
  const semiSpaceMiB = 4;
  const run = (how: 'kit' | 'plain') => {
    const out = execFileSync(process.execPath, [`--max-semi-space-size=${semiSpaceMiB}`, '--import', 'tsx', fixture, how, 'trace'], { encoding: 'utf8' }).trim().split('\n');
    const result = JSON.parse(out.find((l) => l.startsWith('{'))!) as { calls: string[]; fullCollections: number; threadId: number; workerBefore: number; workerAfter: number };
    const rules = new Set(
      out.flatMap((l) => {
        const m = PAGE_PICKED.exec(l);
        return m ? [`pages >= ${m[1]} % free, up to ${m[2]} KiB moved`] : [];
      }),
    );
    return { ...result, rules: [...rules] };
  };

  it(`asks V8 for two full collections under its memory-saving heuristics on the calling thread, which compact by the rule a plain collection does not, and leaves later workers their young generation`, () => {
    // What it guards (a5daa01): the pages V8 compacts are picked by --optimize-for-size's rule (at
    // least 20 % free, 6 MB moved at most) where a plain gc() takes only those its speed-based limit
    // finds free enough (52-70 %), and a second collection moves the survivors the first left on
    // sparse pages; then the semi-space flag the process started with is put back. What that gives
    // back is a figure, not asserted here: `npm run bench:heap-reduction` prints it (2026-12-07:
    // 79 -> 55 MiB committed, against 79 -> 66 with one plain gc()).
    const kit = run('kit');
    const plain = run('plain');
    expect({ threadId: kit.threadId, calls: kit.calls, rules: kit.rules }).toEqual({
      threadId: 0,
      calls: ['--optimize-for-size', 'gc()', 'gc()', '--no-optimize-for-size', `--max-semi-space-size=${semiSpaceMiB}`],
      rules: ['pages >= 20 % free, up to 6144 KiB moved'],
    });
    // V8 ran them (and may run one of its own meanwhile: 3 in about one run of ten here).
    expect(kit.fullCollections).toBeGreaterThanOrEqual(2);
    expect(plain.rules).not.toContain('pages >= 20 % free, up to 6144 KiB moved');
    // --optimize-for-size implies --max-semi-space-size=1 for isolates created after it is set.
    expect(kit.workerAfter).toBe(kit.workerBefore);
  });
});
