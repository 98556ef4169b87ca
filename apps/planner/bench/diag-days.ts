/**
 * Dev tool (diagnosis): per-plan and per-day digest of diag-plans.ts JSON dumps of one request: gap to
 * the best-known, travel, waits, must-visit travel (legs into and out of must-visits), day-end slack,
 * each day's places labelled by neighbourhood (nearest of the generator's 12 cluster centres, X = day
 * trip); then the places every long run has that timed plans miss, and where the must-visits sit.
 *   node --import tsx apps/planner/bench/diag-days.ts --trip 5 [--days] /tmp/plans.json [...]
 */
import { readFileSync } from 'node:fs';
import { arg } from './cli-args.ts';
import { Rng } from '../src/core/rng.ts';
import { travelMinutes } from '../src/realworld/travel.ts';
import { gapPct } from './trips/gaps.ts';
import { neighbourhoodCentres } from './trips/generate.ts';
import type { PlanRequest, PlanResult } from '../src/realworld/plan.ts';
type Dump = { request: PlanRequest; reference: { score: number }; plans: Array<{ kind: string; seed: number; result: PlanResult; feasible: boolean }> };
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--trip');
const verbose = process.argv.includes('--days');
const dumps = files.map((f) => ({ f, d: JSON.parse(readFileSync(f, 'utf8')) as Dump }));
const req = dumps[0]!.d.request;
const best = dumps[0]!.d.reference.score;
// The generator's neighbourhood centres of this trip, to label neighbourhoods A-L.
const clusters = neighbourhoodCentres(new Rng(Number(arg('trip', '5'))));
const place = new Map(req.places.map((p) => [p.locationId, p]));
const label = (id: string): string => {
  const p = place.get(id)!;
  if (id.startsWith('daytrip')) return 'X';
  let bi = 0, bd = 1e9;
  clusters.forEach((c, i) => { const d = travelMinutes(c, p, 'walk'); if (d < bd) { bd = d; bi = i; } });
  return 'ABCDEFGHIJKL'[bi]!;
};
const clock = (s: string): number => { const [h, m] = s.split(':').map(Number); return h! * 60 + m!; };
const must = new Set(req.places.filter((p) => p.mustVisit).map((p) => p.locationId));
const WD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const rows: Array<Record<string, number | string>> = [];
const visitSets: Array<{ tag: string; gap: number; sets: Set<string>[]; all: Set<string> }> = [];
for (const { f, d } of dumps) for (const pl of d.plans) {
  const r = pl.result;
  const gap = gapPct(best, r.score);
  let travel = 0, wait = 0, mvTravel = 0, idle = 0;
  const daySets: Set<string>[] = [];
  const dayDesc: string[] = [];
  r.days.forEach((day, di) => {
    const ids = day.stops.map((s) => s.locationId);
    daySets.push(new Set(ids));
    let dt = day.returnTravelMinutes, dw = 0, dmv = 0;
    day.stops.forEach((s, i) => {
      dt += s.travelMinutes; dw += clock(s.start) - clock(s.arrive);
      if (must.has(s.locationId)) dmv += s.travelMinutes + (i + 1 < day.stops.length ? day.stops[i + 1]!.travelMinutes : day.returnTravelMinutes);
    });
    // idle: time between the end of one activity and the next arrival not spent travelling or waiting is impossible in a tight schedule; report slack at day end.
    const slack = clock(req.days[di]!.end) - clock(day.finish) + (clock(day.finish) < 6 * 60 ? -24 * 60 : 0);
    travel += dt; wait += dw; mvTravel += dmv; idle += slack;
    const clusterCount: Record<string, number> = {};
    for (const id of ids) clusterCount[label(id)] = (clusterCount[label(id)] ?? 0) + place.get(id)!.score;
    const cl = Object.entries(clusterCount).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}${v}`).join(' ');
    const sc = ids.reduce((a, id) => a + place.get(id)!.score, 0);
    dayDesc.push(`  ${WD[di]} ${sc}pt trav ${dt} wait ${dw} mvTrav ${dmv} slack ${slack} meals ${day.meals.map((m) => m.name[0] + m.start).join(',')} | ${cl} | ${ids.map((id) => (must.has(id) ? '*' : '') + id + ':' + label(id) + place.get(id)!.score).join(' ')}`);
  });
  const tag = `${f.replace(/.*w5-|\.json/g, '')}:${pl.kind}:s${pl.seed}`;
  rows.push({ tag, score: r.score, gap: gap.toFixed(2), it: r.stats.iterations, bestIt: r.stats.bestIteration, travel, wait, mvTravel, slack: idle, mvOut: r.unscheduled.filter((u) => must.has(u.locationId)).map((u) => u.locationId + '/' + u.reason).join(','), mealsOut: r.unscheduledMeals.length, repIn: r.stats.mustVisitRepairs.inSearch, feasible: String(pl.feasible) });
  visitSets.push({ tag, gap, sets: daySets, all: new Set(daySets.flatMap((s) => [...s])) });
  if (verbose) { console.log(tag, r.score, gap.toFixed(2)); for (const l of dayDesc) console.log(l); }
}
console.table(rows);
// Places in the long runs but missing from short plans, and vice versa.
const long = visitSets.filter((v) => v.tag.includes(':long:'));
const short = visitSets.filter((v) => !v.tag.includes(':long:'));
if (long.length && short.length) {
  const inAllLong = [...long[0]!.all].filter((id) => long.every((l) => l.all.has(id)));
  console.log('places in all long runs:', inAllLong.length, inAllLong.reduce((a, id) => a + place.get(id)!.score, 0), 'pts');
  const miss = inAllLong.map((id) => ({ id, lab: label(id), score: place.get(id)!.score, missedBy: short.filter((s) => !s.all.has(id)).length, gapWith: 0, gapWithout: 0, hours: JSON.stringify(place.get(id)!.openingHours ?? 'always').replace(/"/g, '').slice(0, 60) }));
  for (const m of miss) {
    const w = short.filter((s) => s.all.has(m.id)), wo = short.filter((s) => !s.all.has(m.id));
    m.gapWith = Number((w.reduce((a, s) => a + s.gap, 0) / (w.length || 1)).toFixed(2));
    m.gapWithout = Number((wo.reduce((a, s) => a + s.gap, 0) / (wo.length || 1)).toFixed(2));
  }
  console.table(miss.filter((m) => m.missedBy > 0).sort((a, b) => b.missedBy * b.score - a.missedBy * a.score).slice(0, 20));
  // places short plans have that no long run has
  const extra = new Map<string, number>();
  for (const s of short) for (const id of s.all) if (!long.some((l) => l.all.has(id))) extra.set(id, (extra.get(id) ?? 0) + 1);
  console.log('in short plans, in no long run (count of plans):', [...extra].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([id, n]) => `${id}:${label(id)}${place.get(id)!.score}x${n}`).join(' '));
  // day match: for each short plan, how many places sit on another day than in the nearest long run (best day relabelling = identity, days are dated)
  for (const s of short) {
    let bestMoved = 1e9, bestTag = '';
    for (const l of long) {
      let moved = 0;
      s.sets.forEach((set, di) => { for (const id of set) if (l.all.has(id) && !l.sets[di]!.has(id)) moved++; });
      if (moved < bestMoved) { bestMoved = moved; bestTag = l.tag; }
    }
    console.log(`${s.tag} gap ${s.gap.toFixed(2)}: places on another day than in ${bestTag}: ${bestMoved}; missing from it ${[...long.find((l) => l.tag === bestTag)!.all].filter((id) => !s.all.has(id)).length}`);
  }
}
// Must-visit days per plan (weekday index), with the gap: where the long must-visits sit.
for (const { f, d } of dumps) for (const pl of d.plans) {
  const r = pl.result;
  const gap = gapPct(best, r.score);
  const md = [...must].map((id) => `${id}:${r.days.findIndex((day) => day.stops.some((s) => s.locationId === id))}`).filter((x) => !x.endsWith(':-1'));
  const perDay = r.days.map((day) => day.stops.filter((s) => must.has(s.locationId)).reduce((a, s) => a + place.get(s.locationId)!.visitMinutes, 0));
  console.log(`MV ${f.replace(/.*w5-|\.json/g, '')}:${pl.kind}:s${pl.seed} gap ${gap.toFixed(2)} mvMinutesPerDay ${perDay.join('/')} max ${Math.max(...perDay)} | ${md.join(' ')}`);
}
