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
 * Each iteration shakes the current solution (removes a run of visits from every tour), refills it
 * by best-ratio insertion (score^2 / added time, Vansteenwegen et al. 2009), then climbs with
 * "replace" moves (an unvisited place takes a visited one's slot when it scores more) and with
 * moves that shorten tours (relocate and swap within and between tours, 2-opt within a tour),
 * each followed by insertion into the freed time. Feasibility of an insertion is O(1) through the
 * classic wait / max-shift bookkeeping: a visit can start later by at most maxShift without
 * breaking any later window or the tour's end time.
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
  /** Non-improving iterations before the search jumps back to the best solution. */
  restartAfter: number;
  /** Multiplicative noise on insertion ratios (0 = pure greedy). */
  insertionNoise: number;
}

export const DEFAULT_TUNING: Tuning = {
  shakeMax: 6,
  thresholdFraction: 1.0,
  restartAfter: 2000,
  insertionNoise: 0,
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
  /** room[k*cap+pos]: time available between leaving pos and the latest start of pos+1. */
  private readonly room: Float64Array;
  private readonly maxRoom: Float64Array;
  /** Cheapest way into and out of each node: a lower bound on the time any insertion adds. */
  private readonly minDetour: Float64Array;
  private readonly tourOf: Int32Array;
  private objective = 0;

  /** Best insertion of node j into tour k: ratio, position (insert after), or NONE. */
  private readonly insRatio: Float64Array;
  private readonly insPos: Int32Array;
  private readonly insCost: Float64Array;

  private readonly bestRoute: Int32Array;
  private readonly bestLen: Int32Array;
  private bestObjective = -Infinity;
  private readonly curRoute: Int32Array;
  private readonly curLen: Int32Array;
  private curObjective = 0;

  private readonly scratch: Int32Array;
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
    this.room = new Float64Array(size);
    this.maxRoom = new Float64Array(this.m);
    this.minDetour = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) {
      let minIn = Number.POSITIVE_INFINITY;
      let minOut = Number.POSITIVE_INFINITY;
      for (let i = 0; i < this.n; i++) {
        if (i === j) continue;
        minIn = Math.min(minIn, problem.travel[i * this.n + j]!);
        minOut = Math.min(minOut, problem.travel[j * this.n + i]!);
      }
      this.minDetour[j] = (Number.isFinite(minIn) ? minIn : 0) + (Number.isFinite(minOut) ? minOut : 0) + problem.service[j]!;
    }
    this.tourOf = new Int32Array(this.n).fill(NONE);
    this.insRatio = new Float64Array(this.m * this.n);
    this.insPos = new Int32Array(this.m * this.n);
    this.insCost = new Float64Array(this.m * this.n);
    this.bestRoute = new Int32Array(size);
    this.bestLen = new Int32Array(this.m);
    this.curRoute = new Int32Array(size);
    this.curLen = new Int32Array(this.m);
    this.scratch = new Int32Array(this.cap);

    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      this.route[b] = problem.tourStartNode[k]!;
      this.route[b + 1] = problem.tourEndNode[k]!;
      this.len[k] = 2;
      this.arr[b] = this.st[b] = this.cl[b] = problem.tourStartTime[k]!;
      if (!this.recompute(k, 1)) {
        // The day cannot even go from start to end: it stays empty and nothing is inserted.
        this.len[k] = 2;
      }
    }
  }

  run(): SolveResult {
    const t0 = this.clock();
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
      const progress = Math.max(
        elapsed / this.timeLimitMs,
        Number.isFinite(this.maxIterations) ? iterations / this.maxIterations : 0,
      );

      this.shake(1 + this.rng.int(maxShake));
      this.insertAll();
      this.improve();

      if (this.objective > this.bestObjective + 1e-9) {
        this.saveBest();
        bestIteration = iterations;
        bestElapsedMs = this.clock() - t0;
        sinceImprovement = 0;
      } else {
        sinceImprovement++;
      }
      const threshold = threshold0 * (1 - progress);
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
    let feasible = true;
    for (let pos = from < 1 ? 1 : from; pos < L; pos++) {
      const prev = this.route[b + pos - 1]!;
      const node = this.route[b + pos]!;
      const a = this.st[b + pos - 1]! + p.service[prev]! + p.travel[prev * n + node]!;
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
    const prof = p.tourProfile[k]!;
    const sj = p.service[j]!;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestPos = NONE;
    const key = k * n + j;
    if (this.minDetour[j]! > this.maxRoom[k]!) {
      this.insPos[key] = NONE;
      this.insRatio[key] = -1;
      return;
    }
    const lastClose = p.windowClose[p.windowOffset[prof * n + j + 1]! - 1] ?? Number.NEGATIVE_INFINITY;
    // Latest starts (st + ms) never decrease along a tour, so the first position whose successor
    // can still start after j's visit is found by bisection; earlier positions cannot take j.
    const need = (p.windowOpen[p.windowOffset[prof * n + j]!] ?? 0) + sj;
    let lo = 0;
    let hi = L - 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.st[b + mid + 1]! + this.ms[b + mid + 1]! >= need) hi = mid;
      else lo = mid + 1;
    }
    for (let pos = lo; pos < L - 1; pos++) {
      const a = this.route[b + pos]!;
      const depart = this.st[b + pos]! + p.service[a]!;
      // Departures only grow along a tour: past the last window nothing later fits either.
      if (depart > lastClose) break;
      const ta = p.travel[a * n + j]!;
      const nb = this.route[b + pos + 1]!;
      const tb = p.travel[j * n + nb]!;
      if (ta + sj + tb > this.room[b + pos]!) continue;
      const s = this.earliestStart(prof, j, depart + ta);
      if (s < 0) continue;
      const arrNext = s + sj + tb;
      if (arrNext - this.st[b + pos + 1]! > this.ms[b + pos + 1]!) continue;
      const cost = arrNext - this.arr[b + pos + 1]!;
      if (cost < bestCost) {
        bestCost = cost;
        bestPos = pos;
      }
    }
    this.insPos[key] = bestPos;
    this.insCost[key] = bestCost;
    if (bestPos === NONE) {
      this.insRatio[key] = -1;
    } else {
      const e = this.eff[j]!;
      const noise = this.t.insertionNoise > 0 ? 1 + this.t.insertionNoise * this.rng.next() : 1;
      this.insRatio[key] = (noise * e * e) / (bestCost > 1e-9 ? bestCost : 1e-9);
    }
  }

  private evalTour(k: number): void {
    const cands = this.p.candidates;
    for (let c = 0; c < cands.length; c++) {
      const j = cands[c]!;
      if (this.tourOf[j] !== NONE) continue;
      if (!this.allowed(j, k)) {
        this.insRatio[k * this.n + j] = -1;
        continue;
      }
      this.evalInsertion(k, j);
    }
  }

  /** Greedy best-ratio insertion until nothing fits. */
  private insertAll(): void {
    for (let k = 0; k < this.m; k++) this.evalTour(k);
    const cands = this.p.candidates;
    const n = this.n;
    while (true) {
      let bestJ = NONE;
      let bestK = NONE;
      let bestR = -1;
      for (let c = 0; c < cands.length; c++) {
        const j = cands[c]!;
        if (this.tourOf[j] !== NONE) continue;
        for (let k = 0; k < this.m; k++) {
          const r = this.insRatio[k * n + j]!;
          if (r > bestR) {
            bestR = r;
            bestJ = j;
            bestK = k;
          }
        }
      }
      if (bestJ === NONE) return;
      this.insertAt(bestK, this.insPos[bestK * n + bestJ]! + 1, bestJ);
      this.evalTour(bestK);
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
    this.recompute(k, pos);
  }

  // ---- local search -------------------------------------------------------------------------

  /** Climb until no move improves: replace, then shorten tours and refill. */
  private improve(): void {
    let improved = true;
    let rounds = 0;
    while (improved && rounds < 50) {
      rounds++;
      improved = this.replacePass();
      if (improved) this.insertAll();
    }
  }

  /** One best-improvement "replace": an unvisited node takes the slot of a visited one. */
  private replacePass(): boolean {
    const p = this.p;
    const n = this.n;
    const cands = p.candidates;
    let minVisited = Number.POSITIVE_INFINITY;
    for (let c = 0; c < cands.length; c++) {
      const j = cands[c]!;
      if (this.tourOf[j] !== NONE && this.eff[j]! < minVisited) minVisited = this.eff[j]!;
    }
    let bestGain = 1e-9;
    let bestK = NONE;
    let bestPos = NONE;
    let bestJ = NONE;
    for (let c = 0; c < cands.length; c++) {
      const j = cands[c]!;
      if (this.tourOf[j] !== NONE) continue;
      const ej = this.eff[j]!;
      if (ej - minVisited <= bestGain) continue;
      const sj = p.service[j]!;
      for (let k = 0; k < this.m; k++) {
        if (!this.allowed(j, k)) continue;
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
          if (this.st[b + mid + 1]! + this.ms[b + mid + 1]! >= need) hi = mid;
          else lo = mid + 1;
        }
        for (let pos = lo < 1 ? 1 : lo; pos < L - 1; pos++) {
          const a = this.route[b + pos - 1]!;
          const depart = this.st[b + pos - 1]! + p.service[a]!;
          if (depart > lastClose) break;
          const gain = ej - this.eff[this.route[b + pos]!]!;
          if (gain <= bestGain) continue;
          const nb = this.route[b + pos + 1]!;
          const s = this.earliestStart(prof, j, depart + p.travel[a * n + j]!);
          if (s < 0) continue;
          if (s + sj + p.travel[j * n + nb]! > this.st[b + pos + 1]! + this.ms[b + pos + 1]!) continue;
          bestGain = gain;
          bestK = k;
          bestPos = pos;
          bestJ = j;
        }
      }
    }
    if (bestJ === NONE) return false;
    const b = bestK * this.cap;
    const i = this.route[b + bestPos]!;
    this.route[b + bestPos] = bestJ;
    this.tourOf[i] = NONE;
    this.tourOf[bestJ] = bestK;
    this.objective += this.eff[bestJ]! - this.eff[i]!;
    this.recompute(bestK, bestPos);
    return true;
  }

  // ---- perturbation -------------------------------------------------------------------------

  /** Removes a run of up to `size` optional visits from a random position of every tour. */
  private shake(size: number): void {
    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      const L = this.len[k]!;
      const visits = L - 2;
      if (visits <= 0) continue;
      const from = 1 + this.rng.int(visits);
      const to = Math.min(L - 1, from + size);
      // Keep a copy to revert if removal breaks a window (travel times that violate the
      // triangle inequality after rounding can make a shorter tour arrive later).
      this.scratch.set(this.route.subarray(b, b + L));
      let w = from;
      let removed = 0;
      for (let pos = from; pos < L; pos++) {
        const node = this.route[b + pos]!;
        if (pos < to && !this.p.mandatory[node]) {
          removed++;
          continue;
        }
        this.route[b + w++] = node;
      }
      if (removed === 0) continue;
      this.len[k] = L - removed;
      if (this.recompute(k, from)) {
        for (let pos = from; pos < to; pos++) {
          const node = this.scratch[pos]!;
          if (!this.p.mandatory[node]) {
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
    this.bestRoute.set(this.route);
    this.bestLen.set(this.len);
    this.bestObjective = this.objective;
  }

  private saveCurrent(): void {
    this.curRoute.set(this.route);
    this.curLen.set(this.len);
    this.curObjective = this.objective;
  }

  private restoreCurrent(): void {
    this.load(this.curRoute, this.curLen, this.curObjective);
  }

  private restoreBest(): void {
    this.load(this.bestRoute, this.bestLen, this.bestObjective);
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

  private load(route: Int32Array, len: Int32Array, objective: number): void {
    this.route.set(route);
    this.len.set(len);
    this.objective = objective;
    this.tourOf.fill(NONE);
    for (let k = 0; k < this.m; k++) {
      const b = k * this.cap;
      for (let pos = 1; pos < this.len[k]! - 1; pos++) this.tourOf[this.route[b + pos]!] = k;
      this.recompute(k, 1);
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
