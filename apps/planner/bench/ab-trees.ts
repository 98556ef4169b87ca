/**
 * CPU of two source trees' engines, paired plan by plan in one process: both trees' planItinerary
 * are loaded side by side and each trip-case plan runs on one then the other (the order swapped on
 * every other plan), so a load change on the machine hits both alike. For exact speed-ups: at a
 * fixed iteration count it checks that both trees give the same plan (tours, score, iterations).
 *   node --import tsx apps/planner/bench/ab-trees.ts --base <the other tree, e.g. a worktree of main> [--trips 1-10] [--seeds 1-2] [--iterations 3000] [--rounds 2]
 *   ... --cpu-ms 800: each engine gets 800 ms of CPU (warmed); reports iterations reached instead.
 * Prints the ratio branch / base of CPU per plan (geometric mean over plans, +- standard error) or
 * of iterations reached.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { planItinerary } from '../src/realworld/plan.ts';
import { arg, range } from './cli-args.ts';
import { cpuClock } from './cpu-clock.ts';
import { tripCaseRequest, warmUpEngine } from './trip.bench.ts';

type Plan = typeof planItinerary;
const baseArg = arg('base', '');
if (baseArg === '') {
  console.error('ab-trees: --base <path of the other source tree> is required');
  process.exit(2);
}
const baseDir = resolve(baseArg);
const base = (await import(pathToFileURL(`${baseDir}/apps/planner/src/realworld/plan.ts`).href)) as { planItinerary: Plan };
const engines: Array<{ name: string; plan: Plan }> = [
  { name: 'base', plan: base.planItinerary },
  { name: 'branch', plan: planItinerary },
];
const iterations = Number(arg('iterations', '3000'));
const cpuMs = Number(arg('cpu-ms', '0'));
const rounds = Number(arg('rounds', '2'));
if (cpuMs > 0) {
  // The base tree's engine warms through its own modules: one timed plan of each before counting.
  warmUpEngine({ clock: cpuClock });
  const warm = tripCaseRequest(1, 'transit');
  base.planItinerary({ ...warm, options: { seed: 1, maxIterations: 1_000, timeLimitMs: 60_000 } });
}

const logRatios: number[] = [];
let totals = [0, 0];
let mismatches = 0;
let plans = 0;
for (let round = 1; round <= rounds; round++) {
  for (const travelMode of ['walk', 'transit'] as const) {
    for (const trip of range(arg('trips', '1-10'))) {
      const request = tripCaseRequest(trip, travelMode);
      for (const seed of range(arg('seeds', '1-2'))) {
        const order = plans % 2 === 0 ? [0, 1] : [1, 0];
        const measured: number[] = [0, 0];
        const results: string[] = ['', ''];
        for (const e of order) {
          const options = cpuMs > 0 ? { seed, timeLimitMs: cpuMs } : { seed, maxIterations: iterations, timeLimitMs: 1e9 };
          const c0 = cpuClock();
          const r = engines[e]!.plan({ ...request, options }, cpuMs > 0 ? { clock: cpuClock } : {});
          const c = cpuClock() - c0;
          measured[e] = cpuMs > 0 ? r.stats.iterations : c;
          const { stats, ...plan } = r;
          results[e] = JSON.stringify({ plan, iterations: stats.iterations, bestIteration: stats.bestIteration });
        }
        plans++;
        if (cpuMs === 0 && results[0] !== results[1]) {
          mismatches++;
          console.error(`DIFFERENT ${travelMode}-${trip}-${seed}`);
        }
        totals = [totals[0]! + measured[0]!, totals[1]! + measured[1]!];
        logRatios.push(Math.log(measured[1]! / measured[0]!));
      }
    }
  }
}
const mean = logRatios.reduce((a, b) => a + b, 0) / logRatios.length;
const sd = Math.sqrt(logRatios.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, logRatios.length - 1));
const se = sd / Math.sqrt(logRatios.length);
const what = cpuMs > 0 ? `iterations in ${cpuMs} ms CPU` : `CPU per plan at ${iterations} iterations`;
console.log(
  `${what}, branch / base over ${plans} plans: x${Math.exp(mean).toFixed(3)} (x${Math.exp(mean - se).toFixed(3)}..x${Math.exp(mean + se).toFixed(3)}, +- 1 s.e.)` +
    `  totals base ${totals[0]!.toFixed(0)} branch ${totals[1]!.toFixed(0)}` +
    (cpuMs > 0 ? '' : `  plans different: ${mismatches}`),
);
