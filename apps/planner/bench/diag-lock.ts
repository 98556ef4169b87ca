/**
 * Dev tool (diagnosis, a counterfactual): plans one trip-case request with one place locked to a date
 * (`lockedDate`, which also makes it a must-visit), for each --locks entry, at a fixed iteration
 * budget (deterministic for a seed), and prints the gap to the best-known per seed with the day
 * (0-based) of each --watch place: does a basin that the plans fall into explain their gap?
 *   node --import tsx apps/planner/bench/diag-lock.ts --trip 5 --mode walk --seeds 1-10 --iterations 10000 \
 *     --locks 'none,museum-94@2026-06-07' --watch museum-94,museum-145 [--out /tmp/lock.json]
 */
import { writeFileSync } from 'node:fs';
import { planItinerary } from '../src/realworld/plan.ts';
import { arg, range } from './cli-args.ts';
import { cpuClock } from './cpu-clock.ts';
import { loadReferenceScores, requestKey, tripCaseRequest, warmUpEngine } from './trip.bench.ts';

const base = tripCaseRequest(Number(arg('trip', '5')), arg('mode', 'walk') as 'walk' | 'transit');
const best = loadReferenceScores()[requestKey(base)]!.score;
const iterations = Number(arg('iterations', '10000'));
const watch = arg('watch', '').split(',').filter(Boolean);
warmUpEngine({ clock: cpuClock });
const out: Record<string, Array<{ seed: number; score: number; gap: number; days: number[] }>> = {};
for (const spec of arg('locks', 'none').split(',')) {
  const [id, date] = spec.split('@');
  const request = { ...base, places: base.places.map((p) => (p.locationId === id ? { ...p, lockedDate: date } : p)) };
  const rows = range(arg('seeds', '1-10')).map((seed) => {
    const r = planItinerary({ ...request, options: { seed, maxIterations: iterations, timeLimitMs: 1e9 } }, { clock: cpuClock });
    const days = watch.map((w) => r.days.findIndex((d) => d.stops.some((s) => s.locationId === w)));
    return { seed, score: r.score, gap: (100 * (best - r.score)) / best, days };
  });
  out[spec] = rows;
  const g = rows.map((x) => x.gap);
  console.log(
    `${spec}: mean ${(g.reduce((a, b) => a + b, 0) / g.length).toFixed(2)} worst ${Math.max(...g).toFixed(2)} >2% ${g.filter((x) => x > 2).length} | ` +
      rows.map((x) => `s${x.seed} ${x.gap.toFixed(2)} (${x.days.join('/')})`).join(' '),
  );
}
writeFileSync(arg('out', '/tmp/lock.json'), JSON.stringify(out));
