/**
 * A dev instrument for `npm run bench:api` (issue 15): preloaded into a service with
 * `BENCH_NODE_ARGS="--import $PWD/scripts/lib/heap-probe.mjs"` (an absolute path: a service runs in its own folder) and `BENCH_ENV='{"HEAP_PROBE_DIR":"/tmp/x"}'`, every
 * thread that loads it (the main thread; a worker thread inherits the preload) appends V8's committed
 * and used bytes per heap space and the event loop's utilisation over the last second, once a second, to `<dir>/heap-<pid>-<threadId>.jsonl`. A thread parked
 * in `Atomics.wait` (the AI service's engine thread between plans) writes only when it runs.
 */
/* global process, setInterval */
import { appendFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';

const dir = process.env.HEAP_PROBE_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/heap-${process.pid}-${threadId}.jsonl`;
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const elu = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { committed: s.physical_space_size, used: s.space_used_size }]));
    const h = v8.getHeapStatistics();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), threadId, elu, total: h.total_physical_size, used: h.used_heap_size, external: h.external_memory, malloced: h.malloced_memory, spaces })}\n`);
  }, 1000);
  timer.unref();
}
