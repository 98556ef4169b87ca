/**
 * The calibrated hello-world of `npm run bench:api` (BENCH_HELLO_WORK_US): bare Fastify whose handler
 * burns W µs of CPU per request, so that a server as slow as a service, but doing nothing else, is
 * measured in the same run (issue 15: how much of a service's gap to hello-world any server that slow
 * would show, whatever it does).
 * The work is a number of iterations of a loop, timed against the process's CPU clock, not a spin until
 * the wall clock has advanced by W: on the shared machine a process is preempted mid-request, and a
 * wall-clock spin would then burn less than W of CPU. The count is calibrated at start and then kept
 * right in place (`spinControl`): the same loop ran at 1.7-3.9 ns an iteration depending on how V8
 * compiled it (on-stack replacement in the calibration, inlined into Fastify's handler under load), so
 * a count fixed at start burnt 20 or 50 µs for an asked 35.
 */

// An Int32Array slot, not a `let`: the loop always starts from an int32, never from a heap number (which a
// `let` holding a 32-bit xorshift state outside V8's small-integer range would be).
const state = new Int32Array([1]);

/** `iterations` rounds of xorshift32: no allocation, no call, nothing V8 can fold away (the state survives the call). */
export const spin = (iterations: number): number => {
  let x = state[0]! | 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  state[0] = x || 1;
  return x;
};

/** CPU µs (user + system) this process spends on `spin(iterations)`. */
export const spinCpuUs = (iterations: number): number => {
  const before = process.cpuUsage();
  spin(iterations);
  const d = process.cpuUsage(before);
  return d.user + d.system;
};

export interface CalibrationOptions {
  /** A sample runs at least this long, so the clock's granularity and the call's own cost vanish in it (µs). */
  readonly minSampleUs?: number;
  /** Samples at that size; their median rate is kept, so one preempted or cache-cold sample does not move it. */
  readonly samples?: number;
}

/**
 * Iterations of `spin` that cost `workUs` µs of CPU, given `cpuUsOf(n)`, the CPU µs n iterations take.
 * The size doubles from 1,000 until a sample lasts `minSampleUs` (which also lets the JIT optimise the
 * loop), then the median of `samples` rates at that size gives the count.
 */
export const calibrate = (workUs: number, cpuUsOf: (iterations: number) => number, opts: CalibrationOptions = {}): number => {
  if (!Number.isFinite(workUs) || workUs < 0) throw new Error(`work per request must be a finite number of µs >= 0, got ${workUs}`);
  if (workUs === 0) return 0;
  const minSampleUs = opts.minSampleUs ?? 20_000;
  const samples = opts.samples ?? 5;
  let n = 1_000;
  while (cpuUsOf(n) < minSampleUs) {
    if (n > 2 ** 40) throw new Error('spin calibration: the CPU clock does not advance');
    n *= 2;
  }
  const rates = Array.from({ length: samples }, () => n / Math.max(cpuUsOf(n), 1)).sort((a, b) => a - b);
  return Math.round(workUs * rates[Math.floor(samples / 2)]!);
};

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export interface SpinControl {
  /** Iterations the next request spins. */
  readonly iterations: () => number;
  /** A request's spin, timed: `iterations` took `cpuUs` µs of CPU. */
  readonly record: (iterations: number, cpuUs: number) => void;
  /** Median CPU µs of the last timed spins (NaN before the first), what a request really burnt. */
  readonly measuredUs: () => number;
  readonly samples: () => number;
}

/**
 * Keeps the spin at `workUs` of CPU in place: every timed spin gives a rate, and the count follows the
 * median rate of the last `window` (so one preempted or interrupted request does not move it).
 */
export const spinControl = (workUs: number, initialIterations: number, window = 31): SpinControl => {
  const rates: (number | undefined)[] = [];
  const costs: number[] = [];
  let next = 0;
  let total = 0;
  let iterations = initialIterations;
  return {
    iterations: () => iterations,
    record: (n, cpuUs) => {
      total++;
      costs[next] = cpuUs;
      // A spin shorter than the clock's 1 µs step reads 0: it gives no rate.
      rates[next] = cpuUs > 0 && n > 0 ? n / cpuUs : undefined;
      next = (next + 1) % window;
      const known = rates.filter((r): r is number => r !== undefined);
      if (known.length) iterations = Math.round(workUs * median(known));
    },
    measuredUs: () => (costs.length ? median(costs) : Number.NaN),
    samples: () => total,
  };
};

/** BENCH_HELLO_WORK_US: a comma-separated list of µs per request (e.g. `20,35,50`; 0 is a second plain hello-world, a control). */
export const parseWorkList = (text: string | undefined): number[] => {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const w = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(w) || w < 0) throw new Error(`BENCH_HELLO_WORK_US: "${part.trim()}" is not a number of µs >= 0 (e.g. 20,35,50)`);
    return w;
  });
};
