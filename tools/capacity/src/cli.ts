/**
 * `npm run capacity`: the pods and nodes prod needs for the expected load (tools/capacity/src/load.ts,
 * an assumption: the seed gives none) and for 10x, from the measured figures in figures.json,
 * against the catalog's HPA maxima and the workload pool's autoscaler maximum. Exits non-zero when
 * something falls short.
 */
import { EXPECTED_LOAD, GROWTH, REQUEST_COST_FACTOR } from './load.ts';
import { readFigures, type MeasuredFigure } from './figures.ts';
import { OVERHEADS, capacityPlan, nodesAtHpaMaxima, workloadPool } from './plan.ts';

const figures = readFigures();
const pool = workloadPool('prod');
const inputs = { figures, pool, sidecars: true };
const pad = (s: string | number, n: number) => String(s).padStart(n);
const describe = (name: string, f: MeasuredFigure, value: string) =>
  `  ${name.padEnd(9)} ${value}  — ${f.provisional ? 'PROVISIONAL (not measured): ' : ''}${f.source}, ${f.date}, commit ${f.commit}, ${f.machine}`;

console.log('TripGen capacity plan (prod workload pool)');
console.log(
  `expected load (ASSUMPTION, tools/capacity/src/load.ts; the seed gives none): ${EXPECTED_LOAD.dailyActiveTravellers.toLocaleString('en-US')} daily travellers, ` +
    `${EXPECTED_LOAD.peakHourShare * 100}% of a day in the peak hour, ${JSON.stringify(EXPECTED_LOAD.requestsPerTravellerPerDay)} requests and ` +
    `${EXPECTED_LOAD.schedulesPerTravellerPerDay} itinerary per traveller a day`,
);
console.log('figures (tools/capacity/figures.json):');
console.log(describe('request', figures.api, `${(figures.api.cpuSecondsPerRequest * 1000).toFixed(3)} ms CPU (${figures.api.route}), costed x${REQUEST_COST_FACTOR} for routes that read PostgreSQL`));
console.log(describe('schedule', figures.schedule, `${(figures.schedule.cpuSecondsPerSchedule * 1000).toFixed(0)} ms CPU per itinerary`));
for (const f of [figures.api, figures.schedule]) if (f.provisional) console.log(`  ! ${f.note}`);
console.log(`per node (${pool.vmSize}): AKS reservations, DaemonSets ${OVERHEADS.daemonSets.cpuMillis}m/${OVERHEADS.daemonSets.memoryMiB} MiB; add-ons ${OVERHEADS.addOns.cpuMillis}m/${OVERHEADS.addOns.memoryMiB} MiB; sidecar ${OVERHEADS.sidecar.cpuMillis}m/${OVERHEADS.sidecar.memoryMiB} MiB per pod`);

const plans = GROWTH.map((g) => capacityPlan(g, inputs));
console.log(`\n${'service'.padEnd(10)}${GROWTH.map((g) => `${pad(`req/s ${g}x`, 12)}${pad(`sched/s ${g}x`, 13)}${pad(`pods ${g}x`, 9)}`).join('')}${pad('HPA min-max', 13)}`);
for (const [i, s] of plans[0]!.services.entries()) {
  const cells = plans.map((p) => {
    const x = p.services[i]!;
    return `${pad(x.requestsPerSecond.toFixed(1), 12)}${pad(x.schedulesPerSecond.toFixed(2), 13)}${pad(x.podsNeeded, 9)}`;
  });
  console.log(`${s.service.padEnd(10)}${cells.join('')}${pad(`${s.minReplicas}-${s.maxReplicas}`, 13)}`);
}
console.log(`${'nodes'.padEnd(10)}${plans.map((p) => `${pad('', 25)}${pad(p.nodes.nodesNeeded, 9)}`).join('')}${pad(`${pool.min}-${pool.max}`, 13)}  (${pool.name}, ${pool.vmSize})`);
const atMax = nodesAtHpaMaxima(inputs);
console.log(`every HPA at its maximum at once: ${atMax.nodesNeeded} nodes (pool maximum ${pool.max})`);

const shortfalls = [...plans.flatMap((p) => p.shortfalls), ...(atMax.shortfall ? [atMax.shortfall] : [])];
if (shortfalls.length > 0) {
  console.log('\nFALLS SHORT:');
  for (const s of shortfalls) console.log(`  - ${s}`);
  process.exit(1);
}
console.log(`\nthe catalog's HPA maxima and the pool's maximum carry ${Math.max(...GROWTH)}x the expected load`);
