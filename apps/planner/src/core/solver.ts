import type { CoreProblem, CoreSolution } from './problem.ts';
import { Rng } from './rng.ts';

export interface SolveOptions {
  /** PRNG seed; the same seed and iteration budget give the same solution. Default 1. */
  seed?: number;
  /** Wall-clock budget in milliseconds. Default 1000. */
  timeLimitMs?: number;
  /**
   * Iteration budget. When it binds before the clock, the run is fully deterministic for a seed,
   * whatever the machine's speed. Default: unlimited (only the clock stops the search).
   */
  maxIterations?: number;
  /** Clock in milliseconds; injectable so the engine does no I/O of its own. Default performance.now. */
  clock?: () => number;
  /** Overrides of the tuned search parameters (for experiments). */
  tuning?: Partial<Tuning>;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  bestIteration: number;
  bestElapsedMs: number;
  stoppedBy: 'time' | 'iterations';
}

export interface SolveResult extends CoreSolution {
  stats: SolveStats;
}

/**
 * Iterated local search for the TOPTW.
 *
 * Construction: greedy insertion by ratio score^e / added time (Vansteenwegen et al. 2009 use
 * e = 2). Each iteration then
 *  1. shakes the current solution: in one random tour, removes a run of consecutive visits (or,
 *     30% of the time, visits scattered over the tour); removed places are tabu for this
 *     iteration's first repair, so the freed time goes to other places. Shaking one tour keeps
 *     the other tours' insertion caches valid, which makes iterations much cheaper for m > 1;
 *  2. repairs by ratio insertion, e drawn from {1, 2, 3} (three repair heuristics);
 *  3. climbs with "replace" moves (an unvisited place takes the slot of one or two consecutive
 *     visits that score less, or of one that scores the same when that saves time), each
 *     followed by insertion into the freed time;
 *  4. accepts the result when it is at most a threshold worse than the current solution; the
 *     threshold shrinks to zero over the budget, and the search jumps back to the best solution
 *     after 2,000 iterations without improvement.
 * Feasibility of an insertion is O(1) through the classic wait / max-shift bookkeeping: a visit
 * can start later by at most maxShift without breaking any later window or the tour's end.
 * Insertion evaluations are cached per (tour, place) and invalidated by a per-tour version, so a
 * tour that a move leaves alone is never re-scanned.
 *
 * Must-visit places carry a score bonus larger than all optional scores together, so the search
 * maximises (mandatory visits, score) lexicographically and never trades a must-visit away.
 */
export function solveTopTw(problem: CoreProblem, options: SolveOptions = {}): SolveResult {
  return new IteratedLocalSearch(problem, options).run();
}

const NONE = -1;
/** Search parameters, tuned on the public benchmark (see bench/toptw.bench.ts). */
export interface Tuning {
  /** Largest run of visits removed from one tour by a shake. */
  shakeMax: number;
  /** Initial acceptance threshold, as a fraction of the mean visited score. */
  thresholdFraction: number;
  /** Shape of the threshold's decay: threshold0 x (1 - progress)^power. */
  thresholdPower: number;
  /** Non-improving iterations before the search jumps back to the best solution. */
  restartAfter: number;
  /** Share of shakes that remove scattered visits instead of a consecutive run. */
  scatterRate: number;
  /** Shake every tour (true) or a random subset of 1..min(m, shakeToursMax) tours (false). 1 measured best. */
  shakeAllTours: boolean;
  shakeToursMax: number;
  /** Replace moves may also swap two consecutive visits for one better place. */
  replacePairs: boolean;
  /** Replace moves may also swap equal scores when that saves time (sideways moves). */
  replaceTies: boolean;
  /** Probability of running the relocate pass (time reduction) in an iteration; off: no gain measured at 1 s. */
  relocateProbability: number;
  /** Forbid the places removed by the shake from returning in the same iteration's first repair. */
  tabuRemoved: boolean;
  /** Repair heuristics: insertion ranks by score^e / added time, e drawn from this list per iteration. */
  ratioExponents: number[];
}

export const DEFAULT_TUNING: Tuning = {
  shakeMax: 6,
  thresholdFraction: 1.0,
  thresholdPower: 1,
  restartAfter: 2000,
  shakeAllTours: false,
  shakeToursMax: 1,
  scatterRate: 0.3,
  relocateProbability: 0,
  replacePairs: true,
  replaceTies: true,
  tabuRemoved: true,
  ratioExponents: [1, 2, 3],
};

class IteratedLocalSearch {
  private readonly p: CoreProblem;
  private readonly n: number;
  private readonly m: number;
  private readonly cap: number;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private readonly timeLimitMs: number;
  private readonly maxIterations: number;
  private readonly t: Tuning;

  /** Effective score: the place's score plus the must-visit bonus. */
  private readonly eff: Float64Array;
  /** Positional state of every tour: route[k * cap + pos], pos 0 and len-1 are the depots. */
  private readonly route: Int32Array;
  private readonly len: Int32Array;
  private readonly arr: Float64Array;
  private readonly st: Float64Array;
  private readonly ms: Float64Array;
  private readonly cl: Float64Array;
  /** loc[k*cap+pos]: where the traveller is after position pos (a break stays where it is taken). */
  private readonly loc: Int32Array;
  private readonly isBreak: Uint8Array;
  /** No breaks (the benchmark): hot loops skip the location indirection. */
  private readonly hasBreaks: boolean;
  /** room[k*cap+pos]: time available between leaving pos and the latest start of pos+1. */
  private readonly room: Float64Array;
  private readonly maxRoom: Float64Array;
  private readonly replaceRoom: Float64Array;
  /** Cheapest way into and out of each node: a lower bound on the time any insertion adds. */
  private readonly minDetour: Float64Array;
  private readonly minIn: Float64Array;
  private readonly tourOf: Int32Array;
  private objective = 0;
  /** Exponent of the score in the insertion ratio used by the current repair (NaN: none yet). */
  private exponent = Number.NaN;

  /**
   * Cached best insertion of node j into tour k: position (insert after) or NONE, and added time.
   * An entry is valid while insVer equals the tour's version; every change of a tour gets a fresh
   * version, and restoring a saved tour restores its version, so untouched tours keep their cache.
   */
  private readonly insPos: Int32Array;
  private readonly insCost: Float64Array;
  private readonly insVer: Float64Array;
  /** replVer[k*n+j] === tourVer[k]: no replace move for j exists in tour k's current state. */
  private readonly replVer: Float64Array;
  private readonly tourVer: Float64Array;
  private versionCounter = 0;
  /** Insertion weight of each node (score^exponent) for the current repair. */
  private weight: Float64Array;
  /** Weights per exponent, computed once. */
  private readonly weightsByExponent = new Map<number, Float64Array>();

  private readonly bestRoute: Int32Array;
  private readonly bestLen: Int32Array;
  private readonly bestVer: Float64Array;
  private bestObjective = -Infinity;
  private readonly curRoute: Int32Array;
  private readonly curLen: Int32Array;
  private readonly curVer: Float64Array;
  private curObjective = 0;
  private readonly tourOrder: Int32Array;
  private readonly tourMinEff: Float64Array;
  /**
   * The travel matrix in single precision when that is exact (integer-valued times below 2^24),
   * which halves its cache footprint in the hot loops; otherwise the problem's own matrix.
   */
  private readonly travel: Float32Array | Float64Array;
  /** tabu[j] === tabuStamp: j was removed by this iteration's shake and may not return yet. */
  private readonly tabu: Float64Array;
  private tabuStamp = -1;

  private readonly scratch: Int32Array;
  private readonly removeMark: Uint8Array;
  /** Close of the window picked by the last earliestStart call. */
  private lastClose = 0;

  constructor(problem: CoreProblem, options: SolveOptions) {
    this.p = problem;
    this.n = problem.nodeCount;
    this.m = problem.tourCount;
    this.cap = problem.candidates.length + 2;
    this.rng = new Rng(options.seed ?? 1);
    this.clock = options.clock ?? (() => performance.now());
    this.timeLimitMs = options.timeLimitMs ?? 1000;
    this.maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
    this.t = { ...DEFAULT_TUNING, ...options.tuning };

    let optionalTotal = 0;
    for (const j of problem.candidates) optionalTotal += Math.max(0, problem.score[j]!);
    const bonus = optionalTotal + 1;
    this.eff = new Float64Array(this.n);
    for (const j of problem.candidates) this.eff[j] = problem.score[j]! + (problem.mandatory[j] ? bonus : 0);

    const size = this.m * this.cap;
    this.route = new Int32Array(size);
    this.len = new Int32Array(this.m);
    this.arr = new Float64Array(size);
    this.st = new Float64Array(size);
    this.ms = new Float64Array(size);
    this.cl = new Float64Array(size);
    this.loc = new Int32Array(size);
    this.isBreak = problem.isBreak;
    this.hasBreaks = problem.isBreak.some((x) => x === 1);
    this.room = new Float64Array(size);
    this.maxRoom = new Float64Array(this.m);
    this.replaceRoom = new Float64Array(size);
    this.minDetour = new Float64Array(this.n);
    this.minIn = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) {
      let minIn = Number.POSITIVE_INFINITY;
      let minOut = Number.POSITIVE_INFINITY;
      for (let i = 0; i < this.n; i++) {
        if (i === j) continue;
        minIn = Math.min(minIn, problem.travel[i * this.n + j]!);
        minOut = Math.min(minOut, problem.travel[j * this.n + i]!);
      }
      this.minIn[j] = Number.isFinite(minIn) ? minIn : 0;
      this.minDetour[j] = this.minIn[j]! + (Number.isFinite(minOut) ? minOut : 0) + problem.service[j]!;
    }
    this.tourOf = new Int32Array(this.n).fill(NONE);
    this.insVer = new Float64Array(this.m * this.n).fill(-1);
    this.replVer = new Float64Array(this.m * this.n).fill(-1);
    this.tourVer = new Float64Array(this.m);
    this.weight = new Float64Array(this.n);
    this.bestVer = new Float64Array(this.m);
    this.curVer = new Float64Array(this.m);
    this.tabu = new Float64Array(this.n);
    this.tourMinEff = new Float64Array(this.m);
    const t32 = Float32Array.from(problem.travel);
    this.travel = t32.every((v, i) => v === problem.travel[i]) ? t32 : problem.travel;
    this.tourOrder = Int32Array.from({ length: this.m }, (_, k) => k);
    this.insPos = new Int32Array(this.m * this.n);
    this.insCost = new Float64Array(this.m * this.n);
    this.bestRoute = new Int32Array(size);
    this.bestLen = new Int32Array(this.m);
    this.curRoute = new Int32Array(size);
    this.curLen = new Int32Array(this.m);
    this.scratch = new Int32Array(this.cap);
    this.removeMark = new Uint8Array(this.cap);

    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      this.route[b] = problem.tourStartNode[k]!;
      this.route[b + 1] = problem.tourEndNode[k]!;
      this.len[k] = 2;
      this.arr[b] = this.st[b] = this.cl[b] = problem.tourStartTime[k]!;
      this.loc[b] = problem.tourStartNode[k]!;
      if (!this.recompute(k, 1)) {
        // The day cannot even go from start to end: it stays empty and nothing is inserted.
        this.len[k] = 2;
      }
    }
  }

  run(): SolveResult {
    const t0 = this.clock();
    this.setExponent(this.t.ratioExponents[0] ?? 2);
    this.insertAll();
    this.improve();
    this.saveBest();
    let bestIteration = 0;
    let bestElapsedMs = this.clock() - t0;

    const candidateCount = this.p.candidates.length;
    const maxShake = Math.max(1, Math.min(this.t.shakeMax, Math.floor(candidateCount / (3 * Math.max(1, this.m)))));
    let sinceImprovement = 0;
    let iterations = 0;
    let stoppedBy: SolveStats['stoppedBy'] = 'time';
    this.saveCurrent();
    let currentObjective = this.objective;
    // Threshold acceptance: a shaken-and-repaired solution replaces the current one when it is at
    // most `threshold` worse; the threshold shrinks to zero over the budget (time or iterations).
    const threshold0 = this.t.thresholdFraction * Math.max(1e-9, this.averageVisitScore());
    while (true) {
      if (iterations >= this.maxIterations) {
        stoppedBy = 'iterations';
        break;
      }
      const elapsed = this.clock() - t0;
      if (elapsed >= this.timeLimitMs) break;
      iterations++;
      // With an iteration budget the acceptance schedule follows iterations only, so the run is
      // reproducible whenever that budget binds first; otherwise it follows the clock.
      const progress = Number.isFinite(this.maxIterations) ? iterations / this.maxIterations : elapsed / this.timeLimitMs;

      this.tabuStamp = iterations;
      this.shake(1 + this.rng.int(maxShake));
      const exps = this.t.ratioExponents;
      this.setExponent(exps.length === 1 ? exps[0]! : exps[this.rng.int(exps.length)]!);
      if (!this.t.tabuRemoved) this.tabuStamp = -1;
      this.insertAll();
      this.tabuStamp = -1;
      const threshold = threshold0 * Math.pow(1 - progress, this.t.thresholdPower);
      this.improve();

      if (this.objective > this.bestObjective + 1e-9) {
        this.saveBest();
        bestIteration = iterations;
        bestElapsedMs = this.clock() - t0;
        sinceImprovement = 0;
      } else {
        sinceImprovement++;
      }
      if (this.objective >= currentObjective - threshold) {
        this.saveCurrent();
        currentObjective = this.objective;
      } else {
        this.restoreCurrent();
      }
      if (sinceImprovement > 0 && sinceImprovement % this.t.restartAfter === 0) {
        this.restoreBest();
        this.saveCurrent();
        currentObjective = this.objective;
      }
    }
    this.restoreBest();
    return {
      ...this.export(),
      stats: { iterations, elapsedMs: this.clock() - t0, bestIteration, bestElapsedMs, stoppedBy },
    };
  }

  // ---- time bookkeeping -------------------------------------------------------------------

  /** Earliest start of a visit to j on profile prof when arriving at t, or -1; sets lastClose. */
  private earliestStart(prof: number, j: number, t: number): number {
    const p = this.p;
    const key = prof * this.n + j;
    const end = p.windowOffset[key + 1]!;
    for (let o = p.windowOffset[key]!; o < end; o++) {
      const close = p.windowClose[o]!;
      if (t <= close) {
        this.lastClose = close;
        const open = p.windowOpen[o]!;
        return t > open ? t : open;
      }
    }
    return -1;
  }

  /**
   * Recomputes arrival/start from position `from` and max-shift for the whole tour.
   * Returns false when the tour is infeasible (the state is then only fit to be reverted).
   */
  private recompute(k: number, from: number): boolean {
    const p = this.p;
    const n = this.n;
    const b = k * this.cap;
    const L = this.len[k]!;
    const prof = p.tourProfile[k]!;
    this.tourVer[k] = ++this.versionCounter;
    let feasible = true;
    for (let pos = from < 1 ? 1 : from; pos < L; pos++) {
      const prev = this.route[b + pos - 1]!;
      const node = this.route[b + pos]!;
      const from = this.loc[b + pos - 1]!;
      this.loc[b + pos] = this.isBreak[node] ? from : node;
      const a = this.st[b + pos - 1]! + p.service[prev]! + this.travel[from * n + node]!;
      this.arr[b + pos] = a;
      if (pos === L - 1) {
        this.st[b + pos] = a;
        this.cl[b + pos] = p.tourEndTime[k]!;
        if (a > p.tourEndTime[k]!) feasible = false;
      } else {
        const s = this.earliestStart(prof, node, a);
        if (s < 0) {
          feasible = false;
          this.st[b + pos] = a;
          this.cl[b + pos] = a;
        } else {
          this.st[b + pos] = s;
          this.cl[b + pos] = this.lastClose;
        }
      }
    }
    let shift = this.cl[b + L - 1]! - this.st[b + L - 1]!;
    this.ms[b + L - 1] = shift;
    for (let pos = L - 2; pos >= 1; pos--) {
      const viaNext = this.st[b + pos + 1]! - this.arr[b + pos + 1]! + shift;
      const own = this.cl[b + pos]! - this.st[b + pos]!;
      shift = own < viaNext ? own : viaNext;
      this.ms[b + pos] = shift;
    }
    let maxRoom = Number.NEGATIVE_INFINITY;
    for (let pos = 0; pos < L - 1; pos++) {
      const r =
        this.st[b + pos + 1]! + this.ms[b + pos + 1]! - this.st[b + pos]! - p.service[this.route[b + pos]!]!;
      this.room[b + pos] = r;
      if (r > maxRoom) maxRoom = r;
    }
    // Time a replacement at pos (or of pos and pos+1) can use: from leaving pos-1 to the latest
    // start of the visit after the replaced one(s).
    for (let pos = 1; pos < L - 1; pos++) {
      const leave = this.st[b + pos - 1]! + p.service[this.route[b + pos - 1]!]!;
      const last = pos + 2 < L ? pos + 2 : pos + 1;
      this.replaceRoom[b + pos] = this.st[b + last]! + this.ms[b + last]! - leave;
    }
    this.maxRoom[k] = maxRoom;
    return feasible;
  }

  // ---- insertion ----------------------------------------------------------------------------

  private allowed(j: number, k: number): boolean {
    const f = this.p.fixedTour[j]!;
    return f === NONE || f === k;
  }

  /** Best feasible insertion of j into tour k (by added time), cached in ins*. */
  private evalInsertion(k: number, j: number): void {
    const p = this.p;
    const n = this.n;
    const b = k * this.cap;
    const L = this.len[k]!;
    const key = k * n + j;
    this.insVer[key] = this.tourVer[k]!;
    if (this.minDetour[j]! > this.maxRoom[k]!) {
      this.insPos[key] = NONE;
      return;
    }
    const prof = p.tourProfile[k]!;
    const sj = p.service[j]!;
    const st = this.st;
    const ms = this.ms;
    const arr = this.arr;
    const room = this.room;
    const route = this.route;
    const travel = this.travel;
    const service = p.service;
    const wkey = prof * n + j;
    const wFirst = p.windowOffset[wkey]!;
    const wEnd = p.windowOffset[wkey + 1]!;
    if (wFirst === wEnd) {
      this.insPos[key] = NONE;
      return;
    }
    const single = wEnd - wFirst === 1;
    const open0 = p.windowOpen[wFirst]!;
    const lastClose = p.windowClose[wEnd - 1]!;
    const lastDepart = lastClose - this.minIn[j]!;
    // Latest starts (st + ms) never decrease along a tour, so the first position whose successor
    // can still start after j's visit is found by bisection; earlier positions cannot take j.
    const need = open0 + sj;
    let lo = 0;
    let hi = L - 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (st[b + mid + 1]! + ms[b + mid + 1]! >= need) hi = mid;
      else lo = mid + 1;
    }
    let bestCost = Number.POSITIVE_INFINITY;
    let bestPos = NONE;
    const jn = j * n;
    const loc = this.loc;
    const isBreak = this.isBreak;
    const jBreak = isBreak[j] === 1;
    const hasBreaks = this.hasBreaks;
    for (let pos = lo; pos < L - 1; pos++) {
      const a = route[b + pos]!;
      const depart = st[b + pos]! + service[a]!;
      // Departures only grow along a tour: once j cannot be reached before its last window
      // closes, nothing later fits either.
      if (depart > lastDepart) break;
      const nb = route[b + pos + 1]!;
      const nbBreak = hasBreaks && isBreak[nb] === 1;
      // A break right after a break would chain two moved breaks: not O(1), skip.
      if (nbBreak && jBreak) continue;
      const from = hasBreaks ? loc[b + pos]! : a;
      const ta = travel[from * n + j]!;
      const tb = jBreak ? travel[from * n + nb]! : travel[jn + nb]!;
      if (ta + sj + tb > room[b + pos]!) continue;
      const t = depart + ta;
      let s: number;
      if (single) {
        if (t > lastClose) continue;
        s = t > open0 ? t : open0;
      } else {
        s = this.earliestStart(prof, j, t);
        if (s < 0) continue;
      }
      let arrNext = s + sj + tb;
      let cost: number;
      if (nbBreak) {
        // j goes right before a break: the break is then taken at j, so the leg after the break
        // starts from j. Check the break's own window, then the visit after it (one step more).
        const c = route[b + pos + 2]!;
        if (isBreak[c]) continue;
        const brkStart = this.earliestStart(prof, nb, arrNext);
        if (brkStart < 0) continue;
        arrNext = brkStart + service[nb]! + travel[jn + c]!;
        if (arrNext - st[b + pos + 2]! > ms[b + pos + 2]!) continue;
        cost = arrNext - arr[b + pos + 2]!;
      } else {
        if (arrNext - st[b + pos + 1]! > ms[b + pos + 1]!) continue;
        cost = arrNext - arr[b + pos + 1]!;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestPos = pos;
      }
    }
    this.insPos[key] = bestPos;
    this.insCost[key] = bestCost;
  }

  private setExponent(e: number): void {
    if (e === this.exponent) return;
    this.exponent = e;
    let w = this.weightsByExponent.get(e);
    if (!w) {
      w = new Float64Array(this.n);
      for (const j of this.p.candidates) w[j] = Math.pow(this.eff[j]!, e);
      this.weightsByExponent.set(e, w);
    }
    this.weight = w;
  }

  /** Greedy best-ratio insertion (score^e / added time) until nothing fits. */
  private insertAll(): void {
    const cands = this.p.candidates;
    const n = this.n;
    const fixed = this.p.fixedTour;
    while (true) {
      let bestJ = NONE;
      let bestK = NONE;
      let bestR = -1;
      for (let c = 0; c < cands.length; c++) {
        const j = cands[c]!;
        if (this.tourOf[j] !== NONE) continue;
        if (this.tabu[j] === this.tabuStamp) continue;
        const w = this.weight[j]!;
        const f = fixed[j]!;
        for (let k = 0; k < this.m; k++) {
          if (f !== NONE && f !== k) continue;
          const key = k * n + j;
          if (this.insVer[key] !== this.tourVer[k]) this.evalInsertion(k, j);
          if (this.insPos[key] === NONE) continue;
          const cost = this.insCost[key]!;
          const r = w / (cost > 1e-9 ? cost : 1e-9);
          if (r > bestR) {
            bestR = r;
            bestJ = j;
            bestK = k;
          }
        }
      }
      if (bestJ === NONE) return;
      this.insertAt(bestK, this.insPos[bestK * n + bestJ]! + 1, bestJ);
    }
  }

  private insertAt(k: number, pos: number, j: number): void {
    const b = k * this.cap;
    const L = this.len[k]!;
    this.route.copyWithin(b + pos + 1, b + pos, b + L);
    this.route[b + pos] = j;
    this.len[k] = L + 1;
    this.tourOf[j] = k;
    this.objective += this.eff[j]!;
    const before = this.tourVer[k]!;
    this.recompute(k, pos);
    // An insertion only consumes slack, so a place that fitted nowhere in the tour before still
    // fits nowhere (up to rounding, which can only hide an option, never admit an infeasible one):
    // carry those cache entries over to the new version instead of re-evaluating them.
    const after = this.tourVer[k]!;
    const base = k * this.n;
    const cands = this.p.candidates;
    for (let c = 0; c < cands.length; c++) {
      const key = base + cands[c]!;
      if (this.insVer[key] === before && this.insPos[key] === NONE) this.insVer[key] = after;
    }
  }

  // ---- local search -------------------------------------------------------------------------

  /** Climb until no move improves: replace, then shorten tours and refill. */
  private improve(): void {
    if (this.t.relocateProbability > 0 && this.rng.next() < this.t.relocateProbability && this.relocatePass()) {
      this.insertAll();
    }
    let improved = true;
    let rounds = 0;
    while (improved && rounds < 50) {
      rounds++;
      improved = this.replacePass();
      if (improved) this.insertAll();
    }
  }

  /**
   * Relocate: move a visit to the place (same or another tour) where it costs least, when that
   * shortens the tours overall; the time freed is then used by insertion.
   */
  private relocatePass(): boolean {
    let moved = false;
    const n = this.n;
    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) {
        const i = this.route[b + pos]!;
        const L = this.len[k]!;
        const endBefore = this.st[b + L - 1]!;
        const verBefore = this.tourVer[k]!;
        this.route.copyWithin(b + pos, b + pos + 1, b + L);
        this.len[k] = L - 1;
        const ok = this.recompute(k, pos);
        const saving = endBefore - this.st[b + L - 2]!;
        let bestK = NONE;
        let bestCost = saving - 1e-9;
        if (ok && saving > 1e-9) {
          const f = this.p.fixedTour[i]!;
          for (let k2 = 0; k2 < this.m; k2++) {
            if (f !== NONE && f !== k2) continue;
            const key = k2 * n + i;
            if (this.insVer[key] !== this.tourVer[k2]) this.evalInsertion(k2, i);
            if (this.insPos[key] !== NONE && this.insCost[key]! < bestCost) {
              bestCost = this.insCost[key]!;
              bestK = k2;
            }
          }
        }
        if (bestK === NONE) {
          // Undo: put the visit back; the tour is exactly as before, so is its cache version.
          this.route.copyWithin(b + pos + 1, b + pos, b + L - 1);
          this.route[b + pos] = i;
          this.len[k] = L;
          this.recompute(k, pos);
          this.tourVer[k] = verBefore;
          continue;
        }
        this.tourOf[i] = NONE;
        this.objective -= this.eff[i]!;
        this.insertAt(bestK, this.insPos[bestK * n + i]! + 1, i);
        moved = true;
      }
    }
    return moved;
  }

  /**
   * Replace: an unvisited place takes the slot of a visited one that scores less. One sweep over
   * the unvisited places applies, for each, its best replacement (best gain) at once.
   */
  private replacePass(): boolean {
    const p = this.p;
    const n = this.n;
    const cands = p.candidates;
    let minVisited = Number.POSITIVE_INFINITY;
    for (let c = 0; c < cands.length; c++) {
      const j = cands[c]!;
      if (this.tourOf[j] !== NONE && this.eff[j]! < minVisited) minVisited = this.eff[j]!;
    }
    const st = this.st;
    const ms = this.ms;
    const route = this.route;
    const eff = this.eff;
    const replaceRoom = this.replaceRoom;
    const isBreak = this.isBreak;
    const hasBreaks = this.hasBreaks;
    // Lowest effective score per tour: a tour whose visits all score at least ej cannot gain.
    const tourMin = this.tourMinEff;
    for (let k = 0; k < this.m; k++) {
      let low = Number.POSITIVE_INFINITY;
      const b = k * this.cap;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) {
        const e = eff[route[b + pos]!]!;
        if (e < low) low = e;
      }
      tourMin[k] = low;
    }
    let replaced = false;
    const pairs = this.t.replacePairs;
    const ties = this.t.replaceTies;
    for (let c = 0; c < cands.length; c++) {
      const j = cands[c]!;
      if (this.tourOf[j] !== NONE || isBreak[j]) continue;
      const ej = this.eff[j]!;
      if (ej - minVisited < (ties ? -1e-9 : 1e-9)) continue;
      const sj = p.service[j]!;
      const minDetour = this.minDetour[j]!;
      // Lexicographic (score gain, time saved); with ties, equal scores that save time also count.
      let bestGain = ties ? 0 : 1e-9;
      let bestSaved = 1e-9;
      let bestK = NONE;
      let bestPos = NONE;
      let bestSpan = 1;
      for (let k = 0; k < this.m; k++) {
        if (ej - tourMin[k]! < bestGain - 1e-9) continue;
        if (!this.allowed(j, k)) continue;
        // Already scanned in this very tour state without finding anything: skip.
        const rkey = k * n + j;
        if (this.replVer[rkey] === this.tourVer[k]) continue;
        const scannedFromScratch = bestK === NONE;
        const foundBefore = bestK;
        const b = k * this.cap;
        const L = this.len[k]!;
        const prof = p.tourProfile[k]!;
        const wkey = prof * n + j;
        const lastClose = p.windowClose[p.windowOffset[wkey + 1]! - 1] ?? Number.NEGATIVE_INFINITY;
        const need = (p.windowOpen[p.windowOffset[wkey]!] ?? 0) + sj;
        let lo = 0;
        let hi = L - 2;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (st[b + mid + 1]! + ms[b + mid + 1]! >= need) hi = mid;
          else lo = mid + 1;
        }
        for (let pos = lo < 1 ? 1 : lo; pos < L - 1; pos++) {
          const a = route[b + pos - 1]!;
          const depart = st[b + pos - 1]! + p.service[a]!;
          if (depart > lastClose) break;
          if (minDetour > replaceRoom[b + pos]!) continue;
          // Breaks are never replaced, and a replacement right before one would move it.
          const i1 = route[b + pos]!;
          const next1 = route[b + pos + 1]!;
          let gain = ej - eff[i1]!;
          // Two consecutive visits for one better place.
          let gain2 = pairs && pos < L - 2 ? gain - eff[next1]! : Number.NEGATIVE_INFINITY;
          if (hasBreaks) {
            if (isBreak[i1]) continue;
            if (isBreak[next1]) gain = gain2 = Number.NEGATIVE_INFINITY;
            else if (pos < L - 2 && isBreak[route[b + pos + 2]!]) gain2 = Number.NEGATIVE_INFINITY;
          }
          if (gain < bestGain - 1e-9 && gain2 < bestGain - 1e-9) continue;
          const ta = this.travel[(hasBreaks ? this.loc[b + pos - 1]! : a) * n + j]!;
          const t = depart + ta;
          const s = this.earliestStart(prof, j, t);
          if (s < 0) continue;
          if (gain > bestGain - 1e-9) {
            const tb = this.travel[j * n + route[b + pos + 1]!]!;
            const arrNext = s + sj + tb;
            const saved = this.arr[b + pos + 1]! - arrNext;
            if (
              arrNext <= st[b + pos + 1]! + ms[b + pos + 1]! &&
              (gain > bestGain + 1e-9 || saved > bestSaved)
            ) {
              bestGain = gain;
              bestSaved = saved;
              bestK = k;
              bestPos = pos;
              bestSpan = 1;
            }
          }
          if (gain2 > bestGain - 1e-9) {
            const tb = this.travel[j * n + route[b + pos + 2]!]!;
            const arrNext = s + sj + tb;
            const saved = this.arr[b + pos + 2]! - arrNext;
            if (
              arrNext <= st[b + pos + 2]! + ms[b + pos + 2]! &&
              (gain2 > bestGain + 1e-9 || saved > bestSaved)
            ) {
              bestGain = gain2;
              bestSaved = saved;
              bestK = k;
              bestPos = pos;
              bestSpan = 2;
            }
          }
        }
        if (scannedFromScratch && bestK === foundBefore) this.replVer[rkey] = this.tourVer[k]!;
      }
      if (bestK === NONE) continue;
      const b = bestK * this.cap;
      const i = route[b + bestPos]!;
      route[b + bestPos] = j;
      this.tourOf[i] = NONE;
      this.tourOf[j] = bestK;
      this.objective += ej - eff[i]!;
      if (bestSpan === 2) {
        const i2 = route[b + bestPos + 1]!;
        const L = this.len[bestK]!;
        route.copyWithin(b + bestPos + 1, b + bestPos + 2, b + L);
        this.len[bestK] = L - 1;
        this.tourOf[i2] = NONE;
        this.objective -= eff[i2]!;
      }
      this.recompute(bestK, bestPos);
      // tourMin[bestK] stays a valid lower bound: ej > eff[i] >= tourMin[bestK].
      replaced = true;
    }
    return replaced;
  }

  // ---- perturbation -------------------------------------------------------------------------

  /** Removes a run of up to `size` optional visits from a random position of some tours. */
  private shake(size: number): void {
    // A random subset of the tours (1..m of them): untouched tours keep their insertion caches.
    const order = this.tourOrder;
    const count = this.t.shakeAllTours ? this.m : 1 + this.rng.int(Math.min(this.m, this.t.shakeToursMax));
    for (let i = 0; i < count; i++) {
      const r = i + this.rng.int(this.m - i);
      const tmp = order[i]!;
      order[i] = order[r]!;
      order[r] = tmp;
    }
    for (let i = 0; i < count; i++) {
      const k = order[i]!;
      const b = k * this.cap;
      const L = this.len[k]!;
      const visits = L - 2;
      if (visits <= 0) continue;
      // Mark what goes: a run of consecutive visits, or (sometimes) visits scattered over the tour.
      const mark = this.removeMark;
      mark.fill(0, 0, L);
      let from = L;
      if (this.t.scatterRate > 0 && this.rng.next() < this.t.scatterRate) {
        for (let r = 0; r < size; r++) {
          const pos = 1 + this.rng.int(visits);
          mark[pos] = 1;
          if (pos < from) from = pos;
        }
      } else {
        from = 1 + this.rng.int(visits);
        const to = Math.min(L - 1, from + size);
        for (let pos = from; pos < to; pos++) mark[pos] = 1;
      }
      // Keep a copy to revert if removal breaks a window (travel times that violate the
      // triangle inequality after rounding can make a shorter tour arrive later).
      this.scratch.set(this.route.subarray(b, b + L));
      let w = from;
      let removed = 0;
      for (let pos = from; pos < L; pos++) {
        const node = this.route[b + pos]!;
        if (mark[pos] && !this.p.mandatory[node]) {
          removed++;
          continue;
        }
        this.route[b + w++] = node;
      }
      if (removed === 0) continue;
      this.len[k] = L - removed;
      if (this.recompute(k, from)) {
        for (let pos = from; pos < L - 1; pos++) {
          const node = this.scratch[pos]!;
          if (mark[pos] && !this.p.mandatory[node]) {
            this.tabu[node] = this.tabuStamp;
            this.tourOf[node] = NONE;
            this.objective -= this.eff[node]!;
          }
        }
      } else {
        this.route.set(this.scratch.subarray(0, L), b);
        this.len[k] = L;
        this.recompute(k, from);
      }
    }
  }

  // ---- best solution ------------------------------------------------------------------------

  private saveBest(): void {
    this.save(this.bestRoute, this.bestLen, this.bestVer);
    this.bestObjective = this.objective;
  }

  private saveCurrent(): void {
    this.save(this.curRoute, this.curLen, this.curVer);
    this.curObjective = this.objective;
  }

  private restoreCurrent(): void {
    this.load(this.curRoute, this.curLen, this.curVer, this.curObjective);
  }

  private restoreBest(): void {
    this.load(this.bestRoute, this.bestLen, this.bestVer, this.bestObjective);
  }

  /** Copies the tours that changed since the last save into the snapshot. */
  private save(route: Int32Array, len: Int32Array, ver: Float64Array): void {
    for (let k = 0; k < this.m; k++) {
      if (ver[k] === this.tourVer[k]) continue;
      const b = k * this.cap;
      route.set(this.route.subarray(b, b + this.len[k]!), b);
      len[k] = this.len[k]!;
      ver[k] = this.tourVer[k]!;
    }
  }

  private averageVisitScore(): number {
    let total = 0;
    let count = 0;
    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) {
        total += this.p.score[this.route[b + pos]!]!;
        count++;
      }
    }
    return count ? total / count : 0;
  }

  /** Restores a snapshot, touching only the tours whose version differs from it. */
  private load(route: Int32Array, len: Int32Array, ver: Float64Array, objective: number): void {
    this.objective = objective;
    for (let k = 0; k < this.m; k++) {
      if (ver[k] === this.tourVer[k]) continue;
      const b = k * this.cap;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) {
        const node = this.route[b + pos]!;
        if (this.tourOf[node] === k) this.tourOf[node] = NONE;
      }
    }
    for (let k = 0; k < this.m; k++) {
      if (ver[k] === this.tourVer[k]) continue;
      const b = k * this.cap;
      this.route.set(route.subarray(b, b + len[k]!), b);
      this.len[k] = len[k]!;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) this.tourOf[this.route[b + pos]!] = k;
      this.recompute(k, 1);
      this.tourVer[k] = ver[k]!;
    }
  }

  private export(): CoreSolution {
    const tours: number[][] = [];
    let score = 0;
    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      const tour: number[] = [];
      for (let pos = 1; pos < this.len[k]! - 1; pos++) {
        const node = this.route[b + pos]!;
        tour.push(node);
        score += this.p.score[node]!;
      }
      tours.push(tour);
    }
    return { tours, score };
  }
}
