/**
 * The engine thread as it ships: the kit's bundler builds src/planning/engine-thread.ts into
 * dist/engine-thread.mjs beside dist/server.mjs, and the service started from the bundle (plain
 * node, no TypeScript loader) finds it there and plans on it, the router's matrix crossing to the
 * thread with the task.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { bundleService, threadEntries } from '@tripgen/service-kit/build';
import { startIdleHeapReducer, type Reduction } from '@tripgen/service-kit/idle-heap';
import { haversineMatrix, travelPoints, type PlanResult } from '@tripgen/planner';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, TRAVEL_MODES } from '@tripgen/catalog';
import { engineThreadModule, inThreadEngine, threadEngine, type EngineAnswer, type EngineTask } from '../src/planning/engine.ts';
import { explainInput } from '../src/planning/generate.ts';
import { keywordWeights } from '../src/planning/interests.ts';
import { scheduleRequest } from '../src/planning/plan-trip.ts';
import { warmUpTasks } from '../src/planning/warm-up.ts';
import { SEOUL, request, withOpening } from './fixtures/places.ts';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
// Iterations end every plan here: a 500 ms clock limit could end one earlier on a loaded machine, and
// then the plans compared below would differ.
const BUDGET = { timeLimitMs: 60_000, maxIterations: 200 };
/** A plan without its clock readings (the iteration budget is the stop: the rest is deterministic). */
const withoutTimes = (plan: PlanResult) => ({ ...plan, stats: { ...plan.stats, elapsedMs: 0, bestElapsedMs: 0 } });

describe('the engine thread', () => {
  it('is found beside the module that starts it: the source through tsx, the bundle on plain node', () => {
    expect(engineThreadModule('file:///app/apps/ai-service/src/planning/engine.ts')).toEqual({ filename: 'file:///app/apps/ai-service/src/planning/engine-thread.ts', loader: true });
    expect(engineThreadModule('file:///app/apps/ai-service/dist/server.mjs')).toEqual({ filename: 'file:///app/apps/ai-service/dist/engine-thread.mjs', loader: false });
    expect(threadEntries(SERVICE_DIR).map((f) => path.relative(SERVICE_DIR, f))).toEqual([path.join('src', 'planning', 'engine-thread.ts')]);
  });

  it('plans from the bundle on plain node, with the travel times it is given', async () => {
    const server = await bundleService(SERVICE_DIR);
    const { filename, loader } = engineThreadModule(pathToFileURL(server).href);
    expect(loader).toBe(false);
    const pool = new Piscina<EngineTask, EngineAnswer>({ filename, maxThreads: 1, execArgv: [] });
    try {
      const message = request();
      const candidates = [withOpening(SEOUL.museum, DATES), withOpening(SEOUL.bukchon, DATES), withOpening(SEOUL.tower, DATES)];
      const weights = keywordWeights(message.trip.interests);
      const matrix = haversineMatrix(travelPoints(scheduleRequest(message, candidates, weights, BUDGET)), message.trip.travelMode ?? 'transit');
      // A router's matrix (the model's times under another name): the plan must say it used it.
      const travelTimes = { ...matrix, source: 'osrm' };
      const answer = await pool.run({ message, candidates, weights, budget: BUDGET, travelTimes });
      if (!('planned' in answer)) throw new Error(`the thread answered ${JSON.stringify(answer)}`);
      const stops = answer.planned.plan.days.flatMap((d) => d.stops);
      expect(stops.length).toBeGreaterThan(0);
      expect(answer.planned.plan.travel?.source).toBe('osrm');
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('plans on its thread under the node flags of the image (a Worker refuses V8 flags in an explicit execArgv)', () => {
    const message = request();
    const candidates = [withOpening(SEOUL.museum, DATES), withOpening(SEOUL.bukchon, DATES), withOpening(SEOUL.tower, DATES)];
    const task: EngineTask = { message, candidates, weights: keywordWeights(message.trip.interests), budget: BUDGET };
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-flags-'));
    const file = path.join(dir, 'start.mjs');
    writeFileSync(
      file,
      [
        `const { threadEngine } = await import(${JSON.stringify(pathToFileURL(path.join(SERVICE_DIR, 'src', 'planning', 'engine.ts')).href)});`,
        'const engine = threadEngine();',
        `const planned = await engine.plan(${JSON.stringify(task)});`,
        'console.log(planned.plan.days.flatMap((d) => d.stops).length);',
        'await engine.close();',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', file], { cwd: SERVICE_DIR, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).not.toMatch(/ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(run.status, run.stderr).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  }, 60_000);

  it('keeps a candidate set sent with an id and plans the same from the id alone; an id it does not keep is answered as such; only the hard places come back', async () => {
    const server = await bundleService(SERVICE_DIR);
    const { filename } = engineThreadModule(pathToFileURL(server).href);
    const pool = new Piscina<EngineTask, EngineAnswer>({ filename, maxThreads: 1, execArgv: [] });
    try {
      const message = request({ dates: DATES, mustVisit: [SEOUL.museum.id] });
      const candidates = [withOpening(SEOUL.museum, DATES), withOpening(SEOUL.bukchon, DATES), withOpening(SEOUL.tower, DATES), withOpening(SEOUL.gyeongbokgung, DATES)];
      const task = { message, weights: keywordWeights(message.trip.interests), budget: BUDGET };
      const full = await pool.run({ ...task, candidates, candidateSet: 7 });
      const byId = await pool.run({ ...task, candidateSet: 7 });
      if (!('planned' in full) || !('planned' in byId)) throw new Error(`the thread answered ${JSON.stringify([full, byId])}`);
      expect(withoutTimes(byId.planned.plan)).toEqual(withoutTimes(full.planned.plan));
      expect(byId.planned.plan.days.flatMap((d) => d.stops).length).toBeGreaterThan(1);
      expect(full.planned.request.places.map((p) => p.locationId)).toEqual([SEOUL.museum.id]);
      expect(await pool.run({ ...task, candidateSet: 8 })).toEqual({ unknownSet: 8 });
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('in the service (threadEngine): the same plan as in the thread that asks, each schedule of an area sending its candidates once', async () => {
    const engine = threadEngine();
    try {
      const candidates = [withOpening(SEOUL.museum, DATES), withOpening(SEOUL.bukchon, DATES), withOpening(SEOUL.tower, DATES)];
      for (const travelMode of ['walk', 'car'] as const) {
        const message = request({ dates: DATES, travelMode });
        const task = { message, candidates, weights: keywordWeights(message.trip.interests), budget: BUDGET };
        const here = await inThreadEngine.plan(task);
        expect(withoutTimes((await engine.plan(task)).plan)).toEqual(withoutTimes(here.plan));
      }
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('explains a plan\'s misses on the thread (each fix is checked with the engine): the same reasons as in the thread that asks', async () => {
    const engine = threadEngine();
    try {
      // Four must-visits in a 10:00-16:00 day: some are left out, with a longer day to suggest.
      const dates = [DATES[0]!];
      const candidates = [SEOUL.museum, SEOUL.gyeongbokgung, SEOUL.changdeokgung, SEOUL.bukchon].map((p) => withOpening(p, dates));
      const message = request({ dates, dayStart: '10:00', dayEnd: '16:00', mustVisit: candidates.map((c) => c.id) });
      const planned = await inThreadEngine.plan({ message, candidates, weights: keywordWeights(message.trip.interests), budget: BUDGET });
      const input = explainInput(message, planned, new Map(candidates.map((c) => [c.id, c])), Number.POSITIVE_INFINITY);
      expect([...input.candidates.keys()].sort()).toEqual(planned.plan.unscheduled.map((u) => u.locationId).sort());
      const here = await inThreadEngine.explain(input);
      expect(here.some((m) => m.suggestions.some((s) => s.change === 'longer-day'))).toBe(true);
      expect(await engine.explain(input)).toEqual(here);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('keeps one thread, started and warmed before the first plan: plans further apart than the old idle exit (5 s) run on it', async () => {
    const engine = threadEngine();
    try {
      await engine.warm();
      expect([engine.threads(), engine.threadStarts()]).toEqual([1, 1]);
      const candidates = [withOpening(SEOUL.museum, DATES), withOpening(SEOUL.bukchon, DATES), withOpening(SEOUL.tower, DATES)];
      const message = request({ dates: DATES });
      const task = { message, candidates, weights: keywordWeights(message.trip.interests), budget: BUDGET };
      const first = await engine.plan(task);
      await new Promise((r) => setTimeout(r, 5_500));
      expect([engine.threads(), engine.threadStarts()]).toEqual([1, 1]);
      expect(withoutTimes((await engine.plan(task)).plan)).toEqual(withoutTimes(first.plan));
      expect([engine.threads(), engine.threadStarts()]).toEqual([1, 1]);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('warms on synthetic trips of every travel mode, with must-visits and a week of dates, keeping none of their places', async () => {
    const tasks = warmUpTasks();
    expect(tasks.map((t) => t.message.trip.travelMode)).toEqual([...TRAVEL_MODES]);
    for (const t of tasks) {
      expect(t.candidateSet).toBeUndefined();
      expect(t.message.trip.dates).toHaveLength(7);
      expect(t.message.trip.mustVisit.length).toBeGreaterThan(0);
      // Each is a plan the engine makes (the warm-up runs the code a traveller's plan runs), must-visits placed.
      const { plan } = await inThreadEngine.plan(t);
      const placed = new Set(plan.days.flatMap((d) => d.stops.map((s) => s.locationId)));
      expect(placed.size).toBeGreaterThan(20);
      for (const id of t.message.trip.mustVisit) expect(placed.has(id), id).toBe(true);
    }
  }, 60_000);

  it('ends a plan for the schedules that came in while it ran: the event loop counts them in shared memory, the thread reads it between iterations', async () => {
    const engine = threadEngine();
    try {
      const message = request({ dates: DATES });
      const candidates = [SEOUL.museum, SEOUL.bukchon, SEOUL.tower, SEOUL.gyeongbokgung, SEOUL.jogyesa, SEOUL.insadong, SEOUL.changdeokgung, SEOUL.gwangjang].map((p) => withOpening(p, DATES));
      // A budget only the clock would end (20 s), so what ends it here is the yield.
      const task = { message, candidates, weights: keywordWeights(message.trip.interests), budget: { timeLimitMs: 20_000, maxIterations: 100_000_000 } };
      const waiting = new Int32Array(new SharedArrayBuffer(4));
      Atomics.store(waiting, 0, 1);
      const running = engine.plan({ ...task, yieldTo: { waiting, afterIterations: 50 } });
      await new Promise((r) => setTimeout(r, 200));
      Atomics.store(waiting, 0, 2);
      const { plan } = await running;
      expect(plan.stats.stoppedBy).toBe('yielded');
      expect(plan.stats.iterations).toBeGreaterThanOrEqual(50);
      expect(plan.days.flatMap((d) => d.stops).length).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('gives back the heap a burst of plans grew on its thread once the kit reducer finds the process quiet, never while a plan is under way', async () => {
    const engine = threadEngine();
    const reduced: { heap: string; r: Reduction }[] = [];
    // The kit's reducer as runService starts it, driven by hand: the main thread quiet, its own heap never grown.
    const reducer = startIdleHeapReducer({ quietSeconds: 1, tickMs: 2 ** 31 - 1, heapBytes: () => 0, utilization: () => 0, others: () => [engine.heap], onReduced: (r, heap) => reduced.push({ heap, r }) });
    try {
      await engine.warm();
      // The warm-up is the thread's start, as the main thread's heap at ready is its own.
      reducer.tick();
      expect(engine.heap.pending()).toBe(false);
      const burst = Promise.all([0, 1, 2, 3].flatMap(() => warmUpTasks().map((t) => engine.plan(t))));
      reducer.tick();
      expect(engine.heap.pending()).toBe(false);
      await burst;
      expect(engine.heap.pending()).toBe(true);
      reducer.tick();
      const deadline = Date.now() + 20_000;
      while (reduced.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(reduced.map((x) => x.heap)).toEqual(['engine thread']);
      // The recipe's two full collections ran on the engine thread's own isolate, not on this one: a
      // parked thread collects nothing by itself. (What they give back is a figure, not asserted
      // here: apps/ai-service/bench/warm-engine.ts prints it; 27.5 -> 20.5 MiB after 30 such plans.)
      // At least two: V8 may add a full collection of its own meanwhile (1 run in 10 on the kit's own test).
      const { threadId: on, fullCollections } = reduced[0]!.r;
      expect({ on: on === threadId ? 'the test thread' : 'another thread', atLeastTwo: fullCollections >= 2 }).toEqual({ on: 'another thread', atLeastTwo: true });
      // Once per burst: nothing planned since.
      reducer.tick();
      expect(engine.heap.pending()).toBe(false);
      expect(reduced).toHaveLength(1);
      // And it still plans afterwards.
      expect((await engine.plan(warmUpTasks()[0]!)).plan.days.length).toBe(7);
    } finally {
      reducer.stop();
      await engine.close();
    }
  }, 60_000);
});
