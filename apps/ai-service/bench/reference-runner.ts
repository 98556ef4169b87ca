/**
 * One shard of the evaluation's reference runs: each engine request of the file planned for 60 s
 * (wall clock), printed as one JSON line {key, score, mustPlaced}. Run by eval-itinerary.ts as
 * child processes, so that the references use the machine's cores side by side.
 */
import { readFileSync } from 'node:fs';
import { planItinerary, type PlanRequest } from '@tripgen/planner';
import { REFERENCE_TIME_LIMIT_MS } from './eval-requests.ts';

const [file, shard, of] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(file!, 'utf8')) as { key: string; request: PlanRequest }[];
for (const [i, job] of jobs.entries()) {
  if (i % Number(of) !== Number(shard)) continue;
  const plan = planItinerary({ ...job.request, options: { timeLimitMs: REFERENCE_TIME_LIMIT_MS, maxIterations: Number.MAX_SAFE_INTEGER, seed: 1 } });
  const placed = new Set(plan.days.flatMap((d) => d.stops.map((s) => s.locationId)));
  const mustPlaced = job.request.places.filter((p) => p.mustVisit && placed.has(p.locationId)).map((p) => p.locationId);
  process.stdout.write(`${JSON.stringify({ key: job.key, score: plan.score, mustPlaced })}\n`);
}
