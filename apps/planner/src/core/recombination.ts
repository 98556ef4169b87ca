import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/** One tour of a local optimum, kept for recombination. */
interface PooledRoute {
  nodes: Int32Array;
  /** Sum of effective scores. */
  score: number;
  /** Visited nodes as a bit set, for O(words) disjointness tests. */
  bits: Uint32Array;
  /** The only tour it may serve (it holds a place locked to that day), or NONE: any tour of its class. */
  onlyTour: number;
  key: string;
}

/**
 * Route recombination (the third component of Hu & Lim's iterative heuristic for the TOPTW,
 * EJOR 2014): the tours of good local optima are kept in a pool, and from time to time the best
 * set of pairwise disjoint pooled tours, one per day, is assembled by a small branch and bound.
 * Tours found in different solutions combine into a solution no single trajectory reached, which
 * is where a local search that moves one place at a time is weakest (how the places are split
 * between days).
 *
 * A pooled tour is feasible on its own, so it may serve any day with the same start, end, hours
 * and opening profile as the day it came from ("tour class"); a tour holding a place locked to one
 * day serves that day only.
 */
export class RoutePool {
  private readonly tourClass: Int32Array;
  /** Pool of each class, best score first. */
  private readonly pools: PooledRoute[][];
  private readonly known = new Set<string>();
  private readonly words: number;
  private readonly nodeKey: Uint32Array;

  // Branch and bound state.
  private readonly chosen: Int32Array;
  private readonly bestChoice: Int32Array;
  private bestScore = 0;
  private budget = 0;
  private readonly used: Uint32Array;
  /** Per tour class, the pool index of the last interchangeable route chosen on the current branch. */
  private readonly lastFree: Int32Array;
  private readonly tourOrder: number[];

  constructor(
    private readonly tours: TourState,
    /** Routes kept per tour class (the best ones). */
    private readonly capacity: number,
  ) {
    const p = tours.problem;
    const m = tours.tourCount;
    this.tourClass = new Int32Array(m);
    let classes = 0;
    for (let k = 0; k < m; k++) {
      let c = NONE;
      for (let k2 = 0; k2 < k && c === NONE; k2++) {
        if (
          p.tourStartNode[k2] === p.tourStartNode[k] &&
          p.tourEndNode[k2] === p.tourEndNode[k] &&
          p.tourStartTime[k2] === p.tourStartTime[k] &&
          p.tourEndTime[k2] === p.tourEndTime[k] &&
          p.tourProfile[k2] === p.tourProfile[k]
        ) {
          c = this.tourClass[k2]!;
        }
      }
      this.tourClass[k] = c === NONE ? classes++ : c;
    }
    this.pools = Array.from({ length: classes }, () => []);
    this.words = (tours.nodeCount + 31) >>> 5;
    this.nodeKey = new Uint32Array(tours.nodeCount);
    // Fixed pseudo-random keys (no RNG draw: the search's random sequence stays untouched).
    let s = 0x9e3779b9;
    for (let j = 0; j < tours.nodeCount; j++) {
      s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      this.nodeKey[j] = s;
    }
    this.chosen = new Int32Array(m);
    this.bestChoice = new Int32Array(m);
    this.used = new Uint32Array(this.words * (m + 1));
    this.lastFree = new Int32Array(classes);
    // Tours with few options first would prune best; the pools are per class, so keep day order.
    this.tourOrder = Array.from({ length: m }, (_, k) => k);
  }

  get size(): number {
    let total = 0;
    for (const pool of this.pools) total += pool.length;
    return total;
  }

  /** Adds tour k of the current state (if new and good enough for its class's pool). */
  add(k: number): void {
    const t = this.tours;
    const b = k * t.capacity;
    const L = t.length[k]!;
    if (L <= 2) return;
    let score = 0;
    let h1 = 0;
    let h2 = L;
    let onlyTour = NONE;
    for (let pos = 1; pos < L - 1; pos++) {
      const j = t.route[b + pos]!;
      score += t.effectiveScore[j]!;
      h1 = (h1 + this.nodeKey[j]!) >>> 0;
      h2 = (h2 ^ Math.imul(this.nodeKey[j]!, 0x85ebca6b)) >>> 0;
      if (t.problem.fixedTour[j] !== NONE) onlyTour = k;
    }
    const cls = this.tourClass[k]!;
    const pool = this.pools[cls]!;
    if (pool.length >= this.capacity && score <= pool[pool.length - 1]!.score) return;
    // The same set of places in the same class is the same option, whatever the order.
    const key = `${cls}:${onlyTour}:${h1}:${h2}`;
    if (this.known.has(key)) return;
    const bits = new Uint32Array(this.words);
    for (let pos = 1; pos < L - 1; pos++) {
      const j = t.route[b + pos]!;
      bits[j >>> 5]! |= 1 << (j & 31);
    }
    const route: PooledRoute = { nodes: t.route.slice(b + 1, b + L - 1), score, bits, onlyTour, key };
    // Insert keeping the pool sorted by score (descending); drop the worst when full.
    let i = pool.length;
    while (i > 0 && pool[i - 1]!.score < score) i--;
    pool.splice(i, 0, route);
    this.known.add(key);
    if (pool.length > this.capacity) this.known.delete(pool.pop()!.key);
  }

  /**
   * The best set of disjoint pooled tours (at most one per day), by branch and bound over the
   * days, examining at most `nodeBudget` (day, route) pairs. Returns the chosen route per tour (null: leave
   * empty) when it beats `mustBeat`, else null.
   */
  bestCombination(mustBeat: number, nodeBudget: number): (Int32Array | null)[] | null {
    const m = this.tours.tourCount;
    this.bestScore = mustBeat + EPSILON;
    this.budget = nodeBudget;
    let found = false;
    this.chosen.fill(NONE);
    this.used.fill(0);
    this.lastFree.fill(-1);
    // Upper bound per remaining day: its class's best route.
    const bound = new Float64Array(m + 1);
    for (let i = m - 1; i >= 0; i--) {
      const pool = this.pools[this.tourClass[this.tourOrder[i]!]!]!;
      bound[i] = bound[i + 1]! + (pool.length ? pool[0]!.score : 0);
    }
    const search = (depth: number, score: number): void => {
      if (this.budget-- <= 0) return;
      if (depth === m) {
        if (score > this.bestScore) {
          this.bestScore = score;
          this.bestChoice.set(this.chosen);
          found = true;
        }
        return;
      }
      if (score + bound[depth]! <= this.bestScore) return;
      const k = this.tourOrder[depth]!;
      const cls = this.tourClass[k]!;
      const pool = this.pools[cls]!;
      const usedBase = depth * this.words;
      const nextBase = usedBase + this.words;
      // Identical days are interchangeable: they take routes any of them could serve in pool
      // order only (no permutations); a route tied to one day is not interchangeable.
      const first = this.lastFree[cls]! + 1;
      for (let r = 0; r < pool.length; r++) {
        if (this.budget-- <= 0) return;
        const route = pool[r]!;
        // Sorted by score: once even this route cannot lift the bound, no later one can.
        if (score + route.score + bound[depth + 1]! <= this.bestScore) break;
        if (route.onlyTour === NONE ? r < first : route.onlyTour !== k) continue;
        let clash = false;
        for (let w = 0; w < this.words; w++) {
          if ((this.used[usedBase + w]! & route.bits[w]!) !== 0) {
            clash = true;
            break;
          }
        }
        if (clash) continue;
        for (let w = 0; w < this.words; w++) this.used[nextBase + w] = this.used[usedBase + w]! | route.bits[w]!;
        this.chosen[k] = r;
        const savedFree = this.lastFree[cls]!;
        if (route.onlyTour === NONE) this.lastFree[cls] = r;
        search(depth + 1, score + route.score);
        this.lastFree[cls] = savedFree;
        this.chosen[k] = NONE;
        if (this.budget <= 0) return;
      }
      // Or leave this day to the repair.
      for (let w = 0; w < this.words; w++) this.used[nextBase + w] = this.used[usedBase + w]!;
      search(depth + 1, score);
    };
    search(0, 0);
    if (!found) return null;
    const result: (Int32Array | null)[] = [];
    for (let k = 0; k < m; k++) {
      const r = this.bestChoice[k]!;
      result.push(r === NONE ? null : this.pools[this.tourClass[k]!]![r]!.nodes);
    }
    return result;
  }
}
