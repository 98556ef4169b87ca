/**
 * `npm run eval:itinerary`: the published scorecard of the schedules. 48 trip requests
 * (eval-requests.ts) go through the AI service's own pipeline (candidates from the real location
 * service over HTTP, on the shipped Seoul and Jeju data in PostGIS; the engine under the
 * production budget), and each result is checked:
 *  - hard constraints by the engine's independent checker (opening of each date, day windows,
 *    travel times, meals) — target 100 %;
 *  - every stop is a place of location_db (asked of the database itself) — target 0 missing;
 *  - must-visits placed / placeable (placeable: placed by a 60-second run of the same request), and
 *    every one left out reported with a reason;
 *  - mean score against a 60-second run of the same engine request — target within 5 %;
 *  - engine time p50 / p95.
 * The 60-second references are computed once per engine request (2 processes side by side) and kept
 * in eval-references.json with the commit they came from; a changed request is recomputed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkItinerary, planItinerary, type PlanRequest } from '@tripgen/planner';
import { REPO_ROOT } from '@tripgen/dev-tools/layout';
import pg from 'pg';
import { locationDirectory } from '../src/clients/location.ts';
import { DEFAULT_ENGINE_BUDGET } from '../src/config.ts';
import { MIN_ENGINE_ITERATIONS, generateSchedule, type Generated } from '../src/planning/generate.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { REFERENCE_TIME_LIMIT_MS, evalCases } from './eval-requests.ts';
import { startLoadedLocationService } from './location-fixture.ts';

const REFERENCES = path.join(import.meta.dirname, 'eval-references.json');
const SHARDS = Number(process.env.EVAL_REFERENCE_PROCESSES ?? 2);

interface Reference {
  readonly case: string;
  readonly score: number;
  readonly mustPlaced: readonly string[];
}
interface ReferenceFile {
  readonly about: string;
  readonly commit: string;
  /** How the commit was run, when it needs saying. */
  readonly computedWith?: string;
  readonly timeLimitMs: number;
  readonly references: Record<string, Reference>;
}

const keyOf = (request: PlanRequest): string => createHash('sha256').update(JSON.stringify({ ...request, options: undefined })).digest('hex').slice(0, 20);
const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const commit = () => execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();

const cleanups: (() => Promise<unknown>)[] = [];
try {
  const location = await startLoadedLocationService('eval_location', cleanups);
  const directory = locationDirectory(location.url, 10_000);
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());

  const cases = evalCases();
  console.log(`eval:itinerary — ${cases.length} requests (Seoul ${cases.filter((c) => c.region === 'seoul').length}, Jeju ${cases.filter((c) => c.region === 'jeju').length}), engine budget ${DEFAULT_ENGINE_BUDGET.maxIterations} iterations / ${DEFAULT_ENGINE_BUDGET.timeLimitMs} ms, on ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(1)})`);
  const runs: { c: (typeof cases)[number]; g: Generated; feasible: boolean; errors: string[]; unknownStops: string[] }[] = [];
  for (const c of cases) {
    const now = Date.now();
    const message = { ...c.message, requestedAt: new Date(now).toISOString(), notAfter: new Date(now + 120_000).toISOString() };
    const g = await generateSchedule(message, { directory, interests: keywordInterestModel, budget: DEFAULT_ENGINE_BUDGET });
    const check = checkItinerary(g.request, g.plan);
    const stops = [...new Set(g.result.days.flatMap((d) => d.stops.map((s) => s.locationId)))];
    const known = new Set((await client.query<{ id: string }>('SELECT id FROM places WHERE id = ANY($1::text[])', [stops])).rows.map((r) => r.id));
    runs.push({ c, g, feasible: check.feasible, errors: check.errors, unknownStops: stops.filter((s) => !known.has(s)) });
  }

  // 60-second references: computed for the requests the cache does not know, SHARDS at a time.
  const file: ReferenceFile = existsSync(REFERENCES) ? JSON.parse(readFileSync(REFERENCES, 'utf8')) : { about: '', commit: '', timeLimitMs: REFERENCE_TIME_LIMIT_MS, references: {} };
  const missing = runs.filter((r) => !file.references[keyOf(r.g.request)]);
  if (missing.length) {
    console.log(`computing ${missing.length} reference run(s) of ${REFERENCE_TIME_LIMIT_MS / 1000} s, ${SHARDS} at a time (about ${Math.ceil((missing.length / SHARDS) * (REFERENCE_TIME_LIMIT_MS / 60_000))} min)...`);
    const jobsFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'eval-')), 'jobs.json');
    writeFileSync(jobsFile, JSON.stringify(missing.map((r) => ({ key: keyOf(r.g.request), request: r.g.request }))));
    const names = new Map(missing.map((r) => [keyOf(r.g.request), r.c.name]));
    const references = { ...file.references };
    await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reference-runner.ts'), jobsFile, String(shard), String(SHARDS)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
          let buffer = '';
          child.stdout.on('data', (d: Buffer) => {
            buffer += d.toString();
            for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
              const line = JSON.parse(buffer.slice(0, nl)) as { key: string; score: number; mustPlaced: string[] };
              buffer = buffer.slice(nl + 1);
              references[line.key] = { case: names.get(line.key)!, score: line.score, mustPlaced: line.mustPlaced };
              // Kept as they come, so an interrupted run loses nothing done.
              writeFileSync(REFERENCES, `${JSON.stringify({ ...file, about: 'Scores of 60-second engine runs (seed 1) of the eval:itinerary requests, by engine-request hash; recomputed for a request whose hash changes', commit: commit(), timeLimitMs: REFERENCE_TIME_LIMIT_MS, references }, null, 1)}\n`);
              console.log(`  reference ${names.get(line.key)}: ${line.score}`);
            }
          });
          child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`reference runner ${shard} exited with ${code}`))));
        }),
      ),
    );
    Object.assign(file, { references, commit: commit(), timeLimitMs: REFERENCE_TIME_LIMIT_MS });
  }

  const rows = runs.map((r) => {
    const ref = file.references[keyOf(r.g.request)]!;
    const must = r.c.message.trip.mustVisit;
    const placed = new Set(r.g.result.days.flatMap((d) => d.stops.map((s) => s.locationId)));
    const mustPlaced = must.filter((id) => placed.has(id));
    const unexplained = must.filter((id) => !placed.has(id) && !r.g.result.reasons.some((x) => x.locationId === id && x.detail));
    return { ...r, ref, mustPlaced, unexplained, ratio: ref.score > 0 ? r.g.plan.score / ref.score : 1 };
  });
  console.log(`\n${'request'.padEnd(44)} ${'ok'.padEnd(3)} ${'score'.padStart(6)} ${'60 s'.padStart(6)} ${'gap'.padStart(6)} ${'must'.padStart(5)} ${'ms'.padStart(6)}  left out (why)`);
  for (const r of rows) {
    const gap = (100 * (1 - r.ratio)).toFixed(1);
    const why = r.g.result.reasons.map((x) => `${x.locationId}: ${x.detail}`).join(' | ');
    console.log(`${r.c.name.padEnd(44)} ${(r.feasible ? 'yes' : 'NO').padEnd(3)} ${String(r.g.plan.score).padStart(6)} ${String(r.ref.score).padStart(6)} ${`${gap}%`.padStart(6)} ${`${r.mustPlaced.length}/${r.c.message.trip.mustVisit.length}`.padStart(5)} ${String(r.g.engineMs).padStart(6)}  ${why.slice(0, 160)}`);
    if (!r.feasible) console.log(`    checker: ${r.errors.slice(0, 3).join('; ')}`);
  }
  const feasible = rows.filter((r) => r.feasible).length;
  const unknown = rows.reduce((n, r) => n + r.unknownStops.length, 0);
  const placed = rows.reduce((n, r) => n + r.mustPlaced.length, 0);
  const placeable = rows.reduce((n, r) => n + new Set([...r.ref.mustPlaced, ...r.mustPlaced]).size, 0);
  const asked = rows.reduce((n, r) => n + r.c.message.trip.mustVisit.length, 0);
  const unexplained = rows.reduce((n, r) => n + r.unexplained.length, 0);
  const impossible = rows.flatMap((r) => r.c.impossible.map((id) => ({ r, id })));
  const impossibleExplained = impossible.filter(({ r, id }) => r.g.result.reasons.some((x) => x.locationId === id && x.detail)).length;
  const meanRatio = rows.reduce((s, r) => s + r.ratio, 0) / rows.length;
  const engine = rows.map((r) => r.g.engineMs);
  // Under a backlog the engine runs on the floor budget (generate.ts engineBudget): the same requests on it.
  const floor = rows.map((r) => {
    const plan = planItinerary({ ...r.g.request, options: { ...r.g.request.options, maxIterations: MIN_ENGINE_ITERATIONS, timeLimitMs: 60_000 } });
    return { ratio: r.ref.score > 0 ? plan.score / r.ref.score : 1, feasible: checkItinerary(r.g.request, plan).feasible, ms: plan.stats.elapsedMs };
  });
  const floorRatio = floor.reduce((s, f) => s + f.ratio, 0) / floor.length;
  console.log(`
scorecard (${rows.length} requests; references: commit ${file.commit}, ${file.timeLimitMs / 1000} s runs)
  hard constraints (independent checker)     ${feasible}/${rows.length} = ${((100 * feasible) / rows.length).toFixed(1)} %   (target 100 %)
  stops not in location_db                   ${unknown}   (target 0)
  must-visits placed / placeable             ${placed}/${placeable}   (${asked} asked; placeable = placed by the 60 s run)
  must-visits left out without a reason      ${unexplained}   (impossible ones reported with a reason: ${impossibleExplained}/${impossible.length})
  mean score vs the 60 s run                 ${(100 * meanRatio).toFixed(2)} %   (gap ${(100 * (1 - meanRatio)).toFixed(2)} %, target within 5 %; worst ${(100 * Math.min(...rows.map((r) => r.ratio))).toFixed(1)} %)
  engine time                                p50 ${percentile(engine, 50)} ms, p95 ${percentile(engine, 95)} ms, max ${Math.max(...engine)} ms
  under a backlog (floor budget, ${MIN_ENGINE_ITERATIONS} iterations)   mean score ${(100 * floorRatio).toFixed(2)} % of the 60 s run (worst ${(100 * Math.min(...floor.map((f) => f.ratio))).toFixed(1)} %), feasible ${floor.filter((f) => f.feasible).length}/${floor.length}, engine p50 ${percentile(floor.map((f) => Math.round(f.ms)), 50)} ms, p95 ${percentile(floor.map((f) => Math.round(f.ms)), 95)} ms`);
  process.exitCode = feasible === rows.length && unknown === 0 && unexplained === 0 ? 0 : 1;
} finally {
  for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error('cleanup:', err));
}
process.exit(process.exitCode ?? 0);
