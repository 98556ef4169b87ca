/**
 * `npm run bench:node-flags -- <flags for B>`: whether node flags change what the user service's
 * cached authenticated GET (`/api/v1/users/me`) costs, on a machine whose speed moves by up to 2x
 * within minutes. Two user services run side by side, each on its own scratch database, A with the
 * catalog's flags plus BENCH_AB_A_FLAGS and B with the catalog's plus the flags given (a later V8
 * flag wins); every round measures hello-world, then A and B one after the other (their order
 * alternating), so both arms see the same phase of the machine. Per round: req/s, CPU µs a request
 * (/proc, all threads) and p99; at the end the median of B's CPU over A's in the same round. Run it
 * with no flags too: that A/A ratio is the method's own bias (B, the service started second, read
 * 4 % above A), and with the arms swapped (the flags in BENCH_AB_A_FLAGS); the geometric mean of the
 * two orders cancels the bias. BENCH_AB_ROUNDS (15), BENCH_DURATION_S (8 per arm), BENCH_CONNECTIONS
 * (32). Run it alone: `flock /tmp/tripgen-bench.lock npm run bench:node-flags -- --max-semi-space-size=4`.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { benchAuthorization, startBenchStack } from '@tripgen/dev-tools/bench-stack';
import { cpuSeconds, type NodeProcess } from '@tripgen/dev-tools/processes';
import { startHelloWorld } from './lib/hello-process.ts';

const B_FLAGS = process.argv.slice(2);
const A_FLAGS = (process.env.BENCH_AB_A_FLAGS ?? '').split(' ').filter(Boolean);
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 15);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ME_PATH = '/api/v1/users/me';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Arm {
  readonly name: string;
  readonly process: NodeProcess;
  readonly url: string;
  readonly headers: Record<string, string>;
}

const measure = async (arm: Arm) => {
  const pid = arm.process.child.pid!;
  const before = cpuSeconds(pid);
  const r = await autocannon({ url: arm.url, headers: arm.headers, connections: CONNECTIONS, duration: DURATION_S });
  if (r.non2xx || r.errors) throw new Error(`${arm.name}: ${r.non2xx} non-2xx answers and ${r.errors} errors; the figure would be meaningless`);
  return { rps: r.requests.average, cpuUs: ((cpuSeconds(pid) - before) / r.requests.total) * 1e6, p99: r.latency.p99 };
};

// The machine is shared: load shedding on event-loop delay would turn a run into 503s.
const env = { MAX_EVENT_LOOP_DELAY_MS: '0' };
const a = await startBenchStack(['user'], { env, nodeArgs: () => A_FLAGS });
try {
  const b = await startBenchStack(['user'], { env, nodeArgs: () => B_FLAGS });
  a.onStop(() => b.stop());
  const hello = await startHelloWorld();
  a.onStop(() => hello.stop());
  const arms: Arm[] = [
    { name: 'hello-world', process: hello, url: `${hello.url}/`, headers: {} },
    { name: 'A', process: a.service('user'), url: `${a.service('user').url}${ME_PATH}`, headers: { authorization: await benchAuthorization(a.service('user').url) } },
    { name: 'B', process: b.service('user'), url: `${b.service('user').url}${ME_PATH}`, headers: { authorization: await benchAuthorization(b.service('user').url) } },
  ];
  for (const arm of arms) await autocannon({ url: arm.url, headers: arm.headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  console.log(`A: the catalog's flags + ${A_FLAGS.join(' ') || 'nothing'}; B: the catalog's flags + ${B_FLAGS.join(' ') || 'nothing'}`);
  console.log(`${ROUNDS} rounds of hello-world, A and B (A, B order alternating), ${DURATION_S} s each, ${CONNECTIONS} connections, ${os.cpus().length} cores`);
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const hw = await measure(arms[0]!);
    const [first, second] = round % 2 === 0 ? [arms[1]!, arms[2]!] : [arms[2]!, arms[1]!];
    const got = new Map([[first.name, await measure(first)], [second.name, await measure(second)]]);
    const [fa, fb] = [got.get('A')!, got.get('B')!];
    ratios.push(fb.cpuUs / fa.cpuUs);
    const cell = (f: { rps: number; cpuUs: number; p99: number }) => `${f.rps.toFixed(0).padStart(6)} req/s ${f.cpuUs.toFixed(0).padStart(4)} µs p99 ${String(f.p99).padStart(3)} ms`;
    console.log(`round ${String(round + 1).padStart(2)} (load ${os.loadavg()[0]!.toFixed(1)}, ${first.name} first): hello-world ${cell(hw)} | A ${cell(fa)} | B ${cell(fb)} | B/A CPU ${ratios.at(-1)!.toFixed(2)}`);
  }
  console.log(`B's CPU a request over A's in the same round: median ${median(ratios).toFixed(3)}, range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} (${ratios.length} rounds)`);
  console.log(`peak RSS (VmHWM): A ${(arms[1]!.process.peakRss() / 2 ** 20).toFixed(0)} MiB, B ${(arms[2]!.process.peakRss() / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await a.stop();
}
process.exit(0);
