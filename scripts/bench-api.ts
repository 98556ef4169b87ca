/**
 * `npm run bench:api`: throughput and tail latency of each service's hot authenticated route next to
 * a bare Fastify hello-world measured just before it in the same run (the machine is shared: a pair
 * measured back to back sees the same load), and each service's RSS at start, peak and after.
 *  - user: GET /api/v1/users/me (JWT verification, rate limit counted in Redis, profile from the two-level cache);
 *  - location: GET /api/v1/locations/{id} (a place of the shipped Seoul data);
 *  - trip: GET /api/v1/trips/{id} (the traveller's trip from PostgreSQL);
 *  - ai: POST /api/v1/ai/interests while it plans: schedules of several trips are requested one after
 *    another through the trip service during the whole run, so the figure includes the engine's work.
 * Services run as their own processes with production settings (LOG_LEVEL=warn so the figure is
 * the service, not the log volume); autocannon drives them from this process. Goals (issue 15): the
 * user figure >= 50 % of hello-world's req/s with p99 <= 3x; every peak RSS <= 50 % of the pod's
 * memory request (catalog); RSS after the run within 10 % of its start. The CPU time the user
 * service spends per request (from /proc, user + system) goes into tools/capacity/figures.json,
 * with the date and commit, for `npm run capacity`.
 * BENCH_DURATION_S (10; 300 is the issue's 5-minute soak: the service's RSS is also sampled every
 * 10 s of the run, so growth under steady load shows), BENCH_CONNECTIONS (32), BENCH_SETTLE_S (10:
 * quiet time before "after"), BENCH_SERVICES (e.g. `user`: measure only these, started with the
 * services they call), BENCH_CPU_PROF_DIR (each service writes a V8 CPU profile there when it stops),
 * BENCH_CPU_PROF_HELLO (1: hello-world writes a profile too), BENCH_NODE_ARGS (options for node before each
 * service's entry, e.g. for an experiment with V8 flags), BENCH_ENV (a JSON object of environment variables
 * set on every service over its contract's, e.g. an allocator experiment), BENCH_AFTER_READINGS_S (10,30,60:
 * seconds after the load at which each service's RSS is read again, split into anonymous, file-backed
 * and shared memory from /proc/<pid>/status, beside the same split at start; information on what the
 * growth is, the goal's "after" stays the reading at BENCH_SETTLE_S; empty: none, the run ends at the settle).
 * BENCH_SMAPS_DIR (a directory; unset: none): each service's /proc/<pid>/smaps is written there at start and at
 * each of BENCH_AFTER_READINGS_S (`<service>-start.smaps`, `<service>-after-10s.smaps`), and its resident memory
 * printed by kind (V8 pages and code, malloc's [heap] and arenas, stacks, file-backed: @tripgen/dev-tools/smaps)
 * with the change since start and the mappings that changed most.
 * BENCH_USER_PAIRS (5): the user service's pair (hello-world, then the service) is measured this many times,
 * alternated, the first in the services' order and the rest right after it; the goal reads the median
 * pair (scripts/lib/user-pairs.ts: one pair's share moved 38-70 % between runs of the same code).
 * BENCH_HELLO_WORK_US (e.g. `20,35,50`; unset: none): after the services, a calibrated hello-world for each
 * W, the same bare Fastify app burning W µs of CPU per request (scripts/lib/hello-work.ts), each next to
 * plain hello-world measured just before it, with req/s, p99 and CPU per request: what a server as slow
 * as a service gets when all it adds is CPU. BENCH_HELLO_NODE_ARGS: node options for every hello-world
 * process (plain and calibrated; e.g. `--perf-basic-prof` to read them with `perf`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import autocannon from 'autocannon';
import { SERVICES, TOKEN_ISSUER, memoryBytes, type ServiceName } from '@tripgen/catalog';
import { gitCommit, writeFigure } from '@tripgen/capacity/figures';
import { awaitSchedule, benchCall, requestSchedule } from '@tripgen/dev-tools/bench-calls';
import { benchAuthorization, startBenchStack } from '@tripgen/dev-tools/bench-stack';
import { existingServices } from '@tripgen/dev-tools/layout';
import { cpuSeconds, rssParts, type NodeProcess, type RssParts } from '@tripgen/dev-tools/processes';
import { parseSmaps, smapsGrowth, smapsSummary, SMAPS_KINDS, type Mapping } from '@tripgen/dev-tools/smaps';
import { startHelloWorld } from './lib/hello-process.ts';
import { parseWorkList } from './lib/hello-work.ts';
import { readPairs } from './lib/user-pairs.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 10);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const EXTRA_ENV = process.env.BENCH_ENV ? (JSON.parse(process.env.BENCH_ENV) as Record<string, string>) : {};
const HELLO_WORK_US = parseWorkList(process.env.BENCH_HELLO_WORK_US);
const HELLO_NODE_ARGS = process.env.BENCH_HELLO_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const USER_PAIRS = Number(process.env.BENCH_USER_PAIRS ?? 5);
const RSS_SAMPLE_MS = 10_000;
const SMAPS_DIR = process.env.BENCH_SMAPS_DIR;
const AFTER_READINGS_S = (process.env.BENCH_AFTER_READINGS_S ?? '10,30,60').split(',').filter((x) => x.trim()).map(Number);
/** Issue 15's goals. */
const GOAL = { rpsShare: 0.5, p99Factor: 3, peakShareOfRequest: 0.5, afterOverStart: 1.1 } as const;

const MiB = 2 ** 20;
const mib = (b: number) => `${(b / MiB).toFixed(0)} MiB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg()[0]!.toFixed(1);


interface Target {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
interface Figure {
  readonly rps: number;
  readonly p99: number;
  readonly total: number;
  readonly load: string;
  /** CPU seconds the measured process spent during the run (NaN when not measured). */
  readonly cpu: number;
  /** RSS of the measured process every RSS_SAMPLE_MS of the run (bytes; empty when not measured). */
  readonly rssSamples: readonly number[];
}

const measure = async (title: string, t: Target, pid?: number, rss?: () => number): Promise<Figure> => {
  const opts = { url: t.url, method: t.method ?? 'GET', headers: t.headers, body: t.body, connections: CONNECTIONS };
  await autocannon({ ...opts, duration: 2 }); // warm-up (JIT, pools, caches)
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const rssSamples: number[] = [];
  const sampler = rss ? setInterval(() => rssSamples.push(rss()), RSS_SAMPLE_MS) : undefined;
  let r: autocannon.Result;
  try {
    r = await autocannon({ ...opts, duration: DURATION_S });
  } finally {
    clearInterval(sampler);
  }
  const cpu = pid === undefined ? Number.NaN : cpuSeconds(pid) - cpuBefore;
  if (r.non2xx || r.errors) throw new Error(`${title}: ${r.non2xx} non-2xx answers and ${r.errors} errors; the figure would be meaningless`);
  return { rps: r.requests.average, p99: r.latency.p99, total: r.requests.total, load: load(), cpu, rssSamples };
};

// The services measured, and those they need: the token issuer and every service they call.
const chosen = process.env.BENCH_SERVICES ? (process.env.BENCH_SERVICES.split(',').map((x) => x.trim()) as ServiceName[]) : existingServices();
const unknown = chosen.filter((s) => !existingServices().includes(s));
if (unknown.length) throw new Error(`BENCH_SERVICES names services that do not exist: ${unknown.join(', ')}`);
const needed = new Set<ServiceName>();
const need = (s: ServiceName): void => {
  if (needed.has(s)) return;
  needed.add(s);
  SERVICES[s].calls.forEach(need);
};
// The AI service's load is schedule requests to the trip service, which hands them to it.
const drivers: ServiceName[] = chosen.includes('ai') ? ['trip'] : [];
[TOKEN_ISSUER as ServiceName, ...chosen, ...drivers].forEach(need);
const stack = await startBenchStack(
  existingServices().filter((s) => needed.has(s)),
  {
    env: {
      // The catalog's 10 schedule requests a minute would stop the AI service's planning lanes after 10.
      SCHEDULE_RATE_LIMIT_MAX: '100000000',
      // Each lane re-plans its own trip without end: the catalog's SCHEDULES_PER_TRIP (200) would stop it at the 201st.
      SCHEDULES_PER_TRIP_MAX: '1000000',
      // The machine is shared: load shedding on event-loop delay would turn the run into 503s.
      MAX_EVENT_LOOP_DELAY_MS: '0',
    },
    rawEnv: EXTRA_ENV,
    nodeArgs: () => [...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []), ...NODE_ARGS],
  },
);
try {
  const { services } = stack;
  // A service left out by BENCH_SERVICES has no URL; its target is dropped below.
  const url = (s: ServiceName) => services.find((x) => x.name === s)?.url ?? 'http://not-started.invalid';

  // BENCH_CPU_PROF_HELLO=1 profiles hello-world too, so that a service's profile can be read as the
  // difference per request against it (the profiler slows hello-world as well: that run's ratio is not a figure).
  const helloProf = CPU_PROF_DIR && process.env.BENCH_CPU_PROF_HELLO === '1' ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=hello-world.cpuprofile'] : [];
  const hello = await startHelloWorld({ nodeArgs: [...helloProf, ...HELLO_NODE_ARGS] });
  stack.onStop(() => hello.stop());
  // The calibrated hello-worlds, each its own process like plain hello-world (each with its own JIT and heap).
  const workers: { workUs: number; process: NodeProcess }[] = [];
  for (const workUs of HELLO_WORK_US) {
    const p = await startHelloWorld({ workUs, nodeArgs: HELLO_NODE_ARGS, onLine: (line) => console.error(`[hello +${workUs} µs] ${line}`) });
    stack.onStop(() => p.stop());
    workers.push({ workUs, process: p });
  }
  if (workers.length) console.error(`plain hello-world: pid ${hello.child.pid}; ${workers.map((w) => `hello-world +${w.workUs} µs: pid ${w.process.child.pid}`).join('; ')}`);
  /**
   * The median CPU µs of a calibrated hello-world's last timed spins (its GET /spin), to check W in place. Not
   * their mean: process.cpuUsage counts every thread, and the JIT's or GC's background work falls into some.
   */
  const spinMedian = async (w: { process: NodeProcess }) => ((await benchCall({ what: 'calibrated hello-world spin', url: `${w.process.url}/spin`, expect: [200] })).json as { measuredUs: number }).measuredUs;

  /** A call of the run, ended (naming it, with its answer) at a status other than `expected`. */
  const call = (what: string, expected: readonly number[], method: string, target: string, body?: unknown, authorization?: string) =>
    benchCall({ what, method, url: target, body, headers: authorization ? { authorization } : {}, expect: expected });
  const authorization = await benchAuthorization(url('user'));
  const SEOUL = { name: 'Seoul', lat: 37.5663, lng: 126.9779 };
  const newTrip = async (i: number) => {
    const created = await call(`trip ${i} created`, [201], 'POST', `${url('trip')}/api/v1/trips`, { title: `bench ${i}`, destination: SEOUL, startDate: '2026-10-12', endDate: '2026-10-14', dayStart: '09:00', dayEnd: '20:00', interests: ['palaces', 'museums', 'markets'] }, authorization);
    if (typeof created.json?.id !== 'string') throw new Error(`trip ${i} created (POST /api/v1/trips) answered 201 without an id: ${JSON.stringify(created.json)}`);
    return created.json.id as string;
  };
  const tripId = needed.has('trip') ? await newTrip(0) : '';

  // Planning load for the AI service: each lane asks a schedule of its own trip, waits for it, asks again.
  const planning = { on: false, completed: 0, failed: 0, timedOut: 0 };
  const planLane = async (trip: string) => {
    while (planning.on) {
      // As bench:schedule's clients: a 503 asked again after its Retry-After, a read's 502-504 read again.
      const id = await requestSchedule({ base: url('trip'), tripId: trip, authorization });
      const end = await awaitSchedule({ base: url('trip'), tripId: trip, authorization, id }, { pauseMs: 200, giveUpMs: 120_000 });
      if (end.status === 'completed') planning.completed++;
      else if (end.status === 'failed') planning.failed++;
      else planning.timedOut++;
    }
  };
  const laneTrips: string[] = [];
  if (chosen.includes('ai')) for (const i of [1, 2, 3, 4]) laneTrips.push(await newTrip(i));

  const targets: { service: ServiceName; title: string; target: Target; whilePlanning?: boolean }[] = [
    { service: 'user', title: 'GET /api/v1/users/me', target: { url: `${url('user')}/api/v1/users/me`, headers: { authorization } } },
    { service: 'location', title: 'GET /api/v1/locations/{id}', target: { url: `${url('location')}/api/v1/locations/seoul-gyeongbokgung`, headers: { authorization } } },
    { service: 'trip', title: 'GET /api/v1/trips/{id}', target: { url: `${url('trip')}/api/v1/trips/${tripId}`, headers: { authorization } } },
    {
      service: 'ai',
      title: 'POST /api/v1/ai/interests (while planning)',
      target: { url: `${url('ai')}/api/v1/ai/interests`, method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ interests: ['palaces', 'street food', 'museums'] }) },
      whilePlanning: true,
    },
  ].filter((t) => chosen.includes(t.service as ServiceName)) as { service: ServiceName; title: string; target: Target; whilePlanning?: boolean }[];

  const startRss = new Map(services.map((p) => [p.name, p.rss()] as const));
  const startParts = new Map(services.map((p) => [p.name, rssParts(p.child.pid!)] as const));
  /** BENCH_SMAPS_DIR: each service's smaps, kept as read and parsed, by reading ('start', '10 s', ...). */
  const smapsReadings: { label: string; maps: Map<ServiceName, Mapping[]> }[] = [];
  const readSmaps = (label: string): void => {
    if (!SMAPS_DIR) return;
    mkdirSync(SMAPS_DIR, { recursive: true });
    if (label === 'start') writeFileSync(path.join(SMAPS_DIR, 'pids.json'), JSON.stringify(Object.fromEntries(services.map((p) => [p.name, p.child.pid]))));
    const maps = new Map<ServiceName, Mapping[]>();
    for (const p of services) {
      const text = readFileSync(`/proc/${p.child.pid}/smaps`, 'utf8');
      writeFileSync(path.join(SMAPS_DIR, `${p.name}-${label.replace(' ', '')}.smaps`), text);
      maps.set(p.name, parseSmaps(text));
    }
    smapsReadings.push({ label, maps });
  };
  readSmaps('start');
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per target after a 2 s warm-up, on ${os.cpus().length} cores; hello-world measured just before each service`);
  const rows: { service: ServiceName; title: string; base: Figure; it: Figure }[] = [];
  for (const t of targets) {
    const base = await measure('hello-world', { url: `${hello.url}/` }, hello.child.pid);
    let lanes: Promise<void>[] = [];
    if (t.whilePlanning) {
      planning.on = true;
      lanes = laneTrips.map(planLane);
    }
    const measured = services.find((p) => p.name === t.service);
    const it = await measure(t.title, t.target, measured?.child.pid, measured?.rss);
    planning.on = false;
    await Promise.all(lanes);
    rows.push({ service: t.service, title: t.title, base, it });
  }
  // The user service's further pairs (BENCH_USER_PAIRS), alternated as the first was measured.
  const userTarget = targets.find((t) => t.service === 'user');
  const userPairs: { base: Figure; it: Figure }[] = rows.filter((r) => r.service === 'user').map(({ base, it }) => ({ base, it }));
  const userProcess = services.find((p) => p.name === 'user');
  for (let i = 1; userTarget && i < USER_PAIRS; i++) {
    const base = await measure('hello-world', { url: `${hello.url}/` }, hello.child.pid);
    userPairs.push({ base, it: await measure(userTarget.title, userTarget.target, userProcess?.child.pid, userProcess?.rss) });
  }
  const workRows: { workUs: number; base: Figure; it: Figure; spinUs: number }[] = [];
  for (const w of workers) {
    const base = await measure('hello-world', { url: `${hello.url}/` }, hello.child.pid);
    const it = await measure(`hello-world +${w.workUs} µs`, { url: `${w.process.url}/` }, w.process.child.pid);
    const spinUs = w.workUs > 0 ? await spinMedian(w) : 0;
    workRows.push({ workUs: w.workUs, base, it, spinUs });
  }
  // The goal's "after" at SETTLE_S, and the split readings at AFTER_READINGS_S, all counted from the end of the load.
  const loadEnded = Date.now();
  const afterRss = new Map<ServiceName, number>();
  const peakRss = new Map<ServiceName, number>();
  const laterParts: { seconds: number; parts: Map<ServiceName, RssParts> }[] = [];
  for (const seconds of [...new Set([SETTLE_S, ...AFTER_READINGS_S])].sort((a, b) => a - b)) {
    await sleep(Math.max(0, loadEnded + seconds * 1000 - Date.now()));
    if (seconds === SETTLE_S) {
      for (const p of services) {
        afterRss.set(p.name, p.rss());
        peakRss.set(p.name, p.peakRss());
      }
    }
    if (AFTER_READINGS_S.includes(seconds)) {
      laterParts.push({ seconds, parts: new Map(services.map((p) => [p.name, rssParts(p.child.pid!)] as const)) });
      readSmaps(`after-${seconds}s`);
    }
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const fig = (f: Figure) => `${f.rps.toFixed(0).padStart(7)} req/s  p99 ${String(f.p99).padStart(4)} ms  (load ${f.load})`;
  console.log(`\n${pad('service / route', 52)} ${pad('service', 40)} hello-world just before`);
  for (const r of rows) {
    const share = r.it.rps / r.base.rps;
    const p99x = r.it.p99 / Math.max(1, r.base.p99);
    console.log(`${pad(`${r.service}: ${r.title}`, 52)} ${pad(fig(r.it), 40)} ${fig(r.base)}`);
    console.log(`${pad('', 52)} ${(share * 100).toFixed(0)} % of hello-world's req/s, p99 ${p99x.toFixed(1)}x`);
  }
  const pairReading = userPairs.length ? readPairs(userPairs.map(({ base, it }) => ({ baseRps: base.rps, baseP99: base.p99, rps: it.rps, p99: it.p99 }))) : undefined;
  if (pairReading) {
    console.log(`\nuser: ${userPairs.length} alternated pairs (hello-world, then the service; BENCH_USER_PAIRS), in the order measured`);
    userPairs.forEach(({ base, it }, i) => {
      const cpuUs = (f: Figure) => ((f.cpu / f.total) * 1e6).toFixed(0);
      console.log(`  pair ${i + 1}: ${fig(it)}   hello-world ${fig(base)}   ${(pairReading.shares[i]! * 100).toFixed(0)} %, p99 ${pairReading.p99Ratios[i]!.toFixed(1)}x, CPU ${cpuUs(it)} µs (hello-world ${cpuUs(base)})`);
    });
    const met = pairReading.share >= GOAL.rpsShare && pairReading.p99Ratio <= GOAL.p99Factor;
    console.log(`  median: ${(pairReading.share * 100).toFixed(0)} % of hello-world's req/s, p99 ${pairReading.p99Ratio.toFixed(1)}x   (goal >= ${GOAL.rpsShare * 100} %, <= ${GOAL.p99Factor}x: ${met ? 'met' : 'NOT met'})`);
  }
  for (const r of rows.filter((x) => x.it.rssSamples.length >= 3)) {
    const samples = r.it.rssSamples;
    const half = Math.floor(samples.length / 2);
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`${r.service}-service RSS during the ${DURATION_S} s run, every ${RSS_SAMPLE_MS / 1000} s: ${samples.map((b) => (b / MiB).toFixed(0)).join(' ')} MiB; second half ${((mean(samples.slice(half)) / mean(samples.slice(0, half)) - 1) * 100).toFixed(1)} % over the first`);
  }
  // Every service's CPU per request next to hello-world's, so a memory setting's cost in CPU shows (issue 15).
  for (const r of rows) console.log(`${r.service}-service CPU per request: ${((r.it.cpu / r.it.total) * 1e6).toFixed(0)} µs; hello-world just before: ${((r.base.cpu / r.base.total) * 1e6).toFixed(0)} µs`);
  if (targets.some((t) => t.whilePlanning)) console.log(`schedules planned during the ai run: ${planning.completed} completed, ${planning.failed} failed, ${planning.timedOut} without an outcome within 120 s`);

  console.log(`\nRSS (start = before the load, peak = VmHWM, after = ${SETTLE_S} s after the load); goals: peak <= ${GOAL.peakShareOfRequest * 100} % of the memory request, after <= ${((GOAL.afterOverStart - 1) * 100).toFixed(0)} % above start`);
  for (const p of services) {
    const request = memoryBytes(SERVICES[p.name].resources.requests.memory);
    const start = startRss.get(p.name)!;
    const peak = peakRss.get(p.name)!;
    const after = afterRss.get(p.name)!;
    const met = peak <= request * GOAL.peakShareOfRequest && after <= start * GOAL.afterOverStart;
    console.log(`  ${pad(`${p.name}-service`, 18)} start ${mib(start).padStart(8)}  peak ${mib(peak).padStart(8)}  after ${mib(after).padStart(8)}   peak ${((peak / request) * 100).toFixed(0)} % of its ${SERVICES[p.name].resources.requests.memory} request, after ${((after / start) * 100).toFixed(0)} % of start: ${met ? 'met' : 'NOT met'}`);
  }
  console.log(`  ${pad('hello-world', 18)} peak ${mib(hello.peakRss())}`);
  if (laterParts.length) {
    const mibs = (b: number) => (b / MiB).toFixed(1);
    const split = (x: RssParts) => `${mibs(x.anon)} / ${mibs(x.file)} / ${mibs(x.shmem)}`;
    const delta = (x: RssParts, from: RssParts) => [x.anon - from.anon, x.file - from.file, x.shmem - from.shmem].map((d) => `${d >= 0 ? '+' : ''}${mibs(d)}`).join(' / ');
    console.log(`RSS split, anonymous / file-backed / shared MiB (/proc/<pid>/status; after the load: change since start)`);
    for (const p of services) {
      const start = startParts.get(p.name)!;
      const later = laterParts.map((r) => `${r.seconds} s ${mibs(r.parts.get(p.name)!.total)} (${delta(r.parts.get(p.name)!, start)})`);
      console.log(`  ${pad(`${p.name}-service`, 18)} start ${mibs(start.total)} (${split(start)}); after ${later.join(', ')}`);
    }
  }
  if (smapsReadings.length > 1) {
    const mibs = (b: number) => `${b >= 0 ? '+' : ''}${(b / MiB).toFixed(1)}`;
    console.log(`resident MiB by kind (smaps, @tripgen/dev-tools/smaps; files in ${SMAPS_DIR}): at start, then the change since start`);
    for (const p of services) {
      const start = smapsReadings[0]!.maps.get(p.name)!;
      const summary = smapsSummary(start);
      console.log(`  ${p.name}-service`);
      console.log(`    ${pad('kind', 16)} ${['start', ...smapsReadings.slice(1).map((r) => r.label)].map((l) => l.padStart(12)).join('')}`);
      const growths = smapsReadings.slice(1).map((r) => smapsGrowth(start, r.maps.get(p.name)!));
      for (const kind of SMAPS_KINDS) console.log(`    ${pad(kind, 16)} ${(summary[kind] / MiB).toFixed(1).padStart(12)}${growths.map((g) => mibs(g.byKind[kind]).padStart(12)).join('')}`);
      const first = growths[0];
      if (first) console.log(`    largest changes at ${smapsReadings[1]!.label}: ${first.largest.map((c) => `${c.kind} ${c.mapping.start.toString(16)} ${c.mapping.perms} ${((c.mapping.end - c.mapping.start) / 1024n).toString()} KiB ${mibs(c.change)}`).join('; ')}`);
    }
  }

  // The pair whose share is the median stands for the run in the capacity figure.
  const user = pairReading ? { title: userTarget!.title, ...userPairs[pairReading.medianPair]! } : undefined;
  if (user) {
    const cpuPerRequest = user.it.cpu / user.it.total;
    console.log(`\nuser service CPU: ${user.it.cpu.toFixed(2)} s for ${user.it.total} requests = ${(cpuPerRequest * 1000).toFixed(3)} ms per request (${(1 / cpuPerRequest).toFixed(0)} req per CPU-second); hello-world just before: ${((user.base.cpu / user.base.total) * 1e6).toFixed(0)} µs per request`);
    writeFigure('api', {
      date: new Date().toISOString().slice(0, 10),
      commit: gitCommit(),
      source: 'npm run bench:api',
      machine: `${os.cpus().length} cores shared (load average ${user.it.load}), autocannon with ${CONNECTIONS} connections on the same machine`,
      provisional: false,
      note: 'CPU time of the user service process (user + system) over the measured run, divided by the requests answered',
      route: user.title,
      requestsPerSecond: Math.round(user.it.rps),
      cpuSecondsPerRequest: Number(cpuPerRequest.toPrecision(4)),
    });
    console.log('wrote the api figure to tools/capacity/figures.json (npm run capacity reads it)');
  }
  if (workRows.length) {
    const us = (f: Figure) => (f.cpu / f.total) * 1e6;
    console.log(`\ncalibrated hello-world (BENCH_HELLO_WORK_US): bare Fastify burning W µs of CPU per request, next to plain hello-world measured just before`);
    for (const r of workRows) {
      console.log(`${pad(`hello-world +${r.workUs} µs`, 52)} ${pad(fig(r.it), 40)} ${fig(r.base)}`);
      console.log(`${pad('', 52)} ${((r.it.rps / r.base.rps) * 100).toFixed(0)} % of hello-world's req/s, p99 ${(r.it.p99 / Math.max(1, r.base.p99)).toFixed(1)}x; CPU per request ${us(r.it).toFixed(0)} µs (the spin ${r.spinUs.toFixed(0)} of it: median timed in place), hello-world just before ${us(r.base).toFixed(0)} µs`);
    }
  }
} finally {
  await stack.stop();
}
process.exit(0);
