/**
 * Experiments on the trip case at a fixed iteration budget (deterministic for a seed): gap of
 * every plan to the 60-second reference, for a tuning override. Paired runs share trips and seeds.
 *   node --import tsx apps/planner/bench/trip-sweep.ts --trips 1-5 --seeds 1-3 [--iterations 5000] [--tuning '{"x":1}'] [--out f.json]
 * With --cpu-ms N the budget is N ms of process CPU time instead (the default engine budget is
 * 800), for changes that trade work per iteration for iterations; not deterministic then.
 * Prints gap mean / worst / plans over 2% to the best-known score and to the median of the request's recorded
 * 60-second runs (bench/trips/gaps.ts: one request's best-known was 1.45% above that median), the
 * must-visits and the meal breaks left out (total, then per plan).
 */
import { writeFileSync } from 'node:fs';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary } from '../src/realworld/plan.ts';
import { arg, range } from './cli-args.ts';
import { planGaps, summariseGaps } from './trips/gaps.ts';
import { cpuClock } from './cpu-clock.ts';
import { loadReferenceScores, requestKey, tripCaseRequest, warmUpEngine } from './trip.bench.ts';

const references = loadReferenceScores();
const tuning = JSON.parse(arg('tuning', '{}'));
const iterations = Number(arg('iterations', '5000'));
const cpuMs = Number(arg('cpu-ms', '0'));
const cap = process.argv.includes('--max-iterations') ? { maxIterations: Number(arg('max-iterations', '')) } : {};
// Timed plans (--cpu-ms) would otherwise start with a cold JIT: 5,160 iterations in the first 800 ms against 9,000-10,000.
if (cpuMs > 0) warmUpEngine({ clock: cpuClock });
const rows: Array<{ label: string; gap: number; gapMedian: number; cpu: number; mustMissed: number; mealsMissed: number; iterations: number }> = [];
for (const travelMode of ['walk', 'transit'] as const) for (const trip of range(arg('trips', '1-5'))) {
  const request = tripCaseRequest(trip, travelMode);
  const reference = references[requestKey(request)]!;
  for (const seed of range(arg('seeds', '1-3'))) {
    const c0 = process.cpuUsage();
    const r =
      cpuMs > 0
        ? planItinerary({ ...request, options: { seed, timeLimitMs: cpuMs, ...cap } }, { tuning, clock: cpuClock })
        : planItinerary({ ...request, options: { seed, maxIterations: iterations, timeLimitMs: 1e9 } }, { tuning });
    const c = process.cpuUsage(c0);
    if (!checkItinerary(request, r).feasible) console.error(`INFEASIBLE ${travelMode}-${trip}-${seed}`);
    const gaps = planGaps({ seed, score: r.score }, reference.score, reference.runs);
    const gap = gaps['best-known']!;
    const gapMedian = gaps['median 60 s'] ?? Number.NaN;
    const must = new Set(request.places.filter((p) => p.mustVisit).map((p) => p.locationId));
    const mustMissed = r.unscheduled.filter((u) => must.has(u.locationId)).length;
    rows.push({ label: `${travelMode}-${trip}-${seed}`, gap, gapMedian, cpu: (c.user + c.system) / 1000, mustMissed, mealsMissed: r.unscheduledMeals.length, iterations: r.stats.iterations });
  }
}
const { mean, worst, over2: over } = summariseGaps(rows)!;
const toMedian = summariseGaps(rows.filter((r) => !Number.isNaN(r.gapMedian)).map((r) => ({ label: r.label, gap: r.gapMedian })));
const medianPart = toMedian ? `  median 60 s run: mean ${toMedian.mean.toFixed(2)}% worst ${toMedian.worst.gap.toFixed(2)}% (${toMedian.worst.label}) >2%: ${toMedian.over2}/${toMedian.plans}` : '';
const missed = rows.filter((r) => r.mustMissed > 0).map((r) => `${r.label}:${r.mustMissed}`);
const mealsMissed = rows.filter((r) => r.mealsMissed > 0).map((r) => `${r.label}:${r.mealsMissed}`);
const total = (key: 'mustMissed' | 'mealsMissed'): number => rows.reduce((a, b) => a + b[key], 0);
const cpu = rows.map((r) => r.cpu).sort((a, b) => a - b);
console.log(`${arg('name', JSON.stringify(tuning))}: mean ${mean.toFixed(2)}% worst ${worst.gap.toFixed(2)}% >2%: ${over}/${rows.length}${medianPart}  cpu p50 ${cpu[cpu.length >> 1]!.toFixed(0)} max ${cpu[cpu.length - 1]!.toFixed(0)} ms  must-visits missed ${total('mustMissed')}: ${missed.join(' ') || 'none'}  meals missed ${total('mealsMissed')}: ${mealsMissed.join(' ') || 'none'}  iterations mean ${(rows.reduce((a, b) => a + b.iterations, 0) / rows.length).toFixed(0)}`);
if (process.argv.includes('--out')) writeFileSync(arg('out', ''), JSON.stringify(rows));
