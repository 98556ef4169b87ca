/**
 * `npm run capacity`: the pods and nodes prod needs for the expected load (tools/capacity/src/load.ts,
 * an assumption: the seed gives none) and for 10x, from the measured figures in figures.json,
 * against the catalog's HPA maxima and the workload pool's autoscaler maximum. Exit 1 when
 * something falls short; it takes no arguments (help: its usage, exit 0; anything else: the usage,
 * exit 2, as the repository's other commands).
 */
import { EXPECTED_LOAD, GROWTH, REQUEST_COST_FACTOR } from './load.ts';
import { readFigures, type MeasuredFigure } from './figures.ts';
import { OVERHEADS, capacityPlan, nodesAtHpaMaxima, workloadPool } from './plan.ts';

const CAPACITY_USAGE = `usage: npm run capacity
  (or: node --import tsx tools/capacity/src/cli.ts) takes no arguments: prints the pods and nodes
  prod needs for the expected load (tools/capacity/src/load.ts) and for ${Math.max(...GROWTH)}x, from tools/capacity/figures.json;
  exit 1 when a catalog HPA maximum or the node pool's maximum falls short`;

const HELP = ['--help', '-h', 'help'];

/** Where the command writes, one line at a time. */
interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs `npm run capacity` with its arguments; returns the exit code. */
export function capacityCommand(args: readonly string[], io: Io = consoleIo): number {
  if (args.length === 1 && HELP.includes(args[0]!)) {
    io.out(CAPACITY_USAGE);
    return 0;
  }
  if (args.length > 0) {
    io.err(`npm run capacity takes no arguments (got ${args.join(' ')})\n${CAPACITY_USAGE}`);
    return 2;
  }
  return printPlan(io);
}

function printPlan(io: Io): number {
  const figures = readFigures();
  const pool = workloadPool('prod');
  const inputs = { figures, pool, sidecars: true };
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const describe = (name: string, f: MeasuredFigure, value: string) =>
    `  ${name.padEnd(9)} ${value}  — ${f.provisional ? 'PROVISIONAL (not measured): ' : ''}${f.source}, ${f.date}, commit ${f.commit}, ${f.machine}`;

  io.out('TripGen capacity plan (prod workload pool)');
  io.out(
    `expected load (ASSUMPTION, tools/capacity/src/load.ts; the seed gives none): ${EXPECTED_LOAD.dailyActiveTravellers.toLocaleString('en-US')} daily travellers, ` +
      `${EXPECTED_LOAD.peakHourShare * 100}% of a day in the peak hour, ${JSON.stringify(EXPECTED_LOAD.requestsPerTravellerPerDay)} requests and ` +
      `${EXPECTED_LOAD.schedulesPerTravellerPerDay} itinerary per traveller a day`,
  );
  io.out('figures (tools/capacity/figures.json):');
  io.out(describe('request', figures.api, `${(figures.api.cpuSecondsPerRequest * 1000).toFixed(3)} ms CPU (${figures.api.route}), costed x${REQUEST_COST_FACTOR} for routes that read PostgreSQL`));
  io.out(describe('schedule', figures.schedule, `${(figures.schedule.cpuSecondsPerSchedule * 1000).toFixed(0)} ms CPU per itinerary`));
  for (const f of [figures.api, figures.schedule]) if (f.provisional) io.out(`  ! ${f.note}`);
  io.out(`per node (${pool.vmSize}): AKS reservations, DaemonSets ${OVERHEADS.daemonSets.cpuMillis}m/${OVERHEADS.daemonSets.memoryMiB} MiB; add-ons ${OVERHEADS.addOns.cpuMillis}m/${OVERHEADS.addOns.memoryMiB} MiB; sidecar ${OVERHEADS.sidecar.cpuMillis}m/${OVERHEADS.sidecar.memoryMiB} MiB per pod`);

  const plans = GROWTH.map((g) => capacityPlan(g, inputs));
  io.out(`\n${'service'.padEnd(10)}${GROWTH.map((g) => `${pad(`req/s ${g}x`, 12)}${pad(`sched/s ${g}x`, 13)}${pad(`pods ${g}x`, 9)}`).join('')}${pad('HPA min-max', 13)}`);
  for (const [i, s] of plans[0]!.services.entries()) {
    const cells = plans.map((p) => {
      const x = p.services[i]!;
      return `${pad(x.requestsPerSecond.toFixed(1), 12)}${pad(x.schedulesPerSecond.toFixed(2), 13)}${pad(x.podsNeeded, 9)}`;
    });
    io.out(`${s.service.padEnd(10)}${cells.join('')}${pad(`${s.minReplicas}-${s.maxReplicas}`, 13)}`);
  }
  io.out(`${'nodes'.padEnd(10)}${plans.map((p) => `${pad('', 25)}${pad(p.nodes.nodesNeeded, 9)}`).join('')}${pad(`${pool.min}-${pool.max}`, 13)}  (${pool.name}, ${pool.vmSize})`);
  const atMax = nodesAtHpaMaxima(inputs);
  io.out(`every HPA at its maximum at once: ${atMax.nodesNeeded} nodes (pool maximum ${pool.max})`);

  const shortfalls = [...plans.flatMap((p) => p.shortfalls), ...(atMax.shortfall ? [atMax.shortfall] : [])];
  if (shortfalls.length > 0) {
    io.out('\nFALLS SHORT:');
    for (const s of shortfalls) io.out(`  - ${s}`);
    return 1;
  }
  io.out(`\nthe catalog's HPA maxima and the pool's maximum carry ${Math.max(...GROWTH)}x the expected load`);
  return 0;
}
