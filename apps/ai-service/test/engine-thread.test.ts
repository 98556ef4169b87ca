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
import { Piscina } from 'piscina';
import { bundleService, threadEntries } from '@tripgen/service-kit/build';
import { haversineMatrix, travelPoints } from '@tripgen/planner';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '@tripgen/catalog';
import { engineThreadModule, type EngineAnswer, type EngineTask } from '../src/planning/engine.ts';
import { keywordWeights } from '../src/planning/interests.ts';
import { scheduleRequest } from '../src/planning/plan-trip.ts';
import { SEOUL, request, withOpening } from './fixtures/places.ts';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
const BUDGET = { timeLimitMs: 500, maxIterations: 200 };

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
      if (!('planned' in answer)) throw new Error(`the thread answered a failure: ${answer.failure}`);
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
});
