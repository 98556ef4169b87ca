import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/** Improving moves applied to one tour per call, a guard against long chains of tiny gains. */
const MAX_SWEEPS = 20;

/**
 * Time-saving moves inside one tour, so the freed time can take another place: 2-opt (reverse a
 * run of visits) and or-opt (move a run of one to three visits elsewhere in the tour), as in the
 * local searches of Labadie et al.'s GVNS and Hu & Lim's heuristic for the TOPTW.
 *
 * Granular (Toth & Vigo): a move is tried only when one of the legs it creates joins a place to
 * one of its nearest neighbours, which keeps a sweep near-linear in the tour length.
 * A move is kept when it travels less and arrives no later at the first unchanged visit after it:
 * arriving earlier never breaks a later window (waiting is allowed), so only the moved visits need
 * checking, by replaying them; and only moves that travel less are replayed (an O(1) test, or a
 * pass over the moved run when meal breaks shift where the traveller is).
 */
export class TourShortening {
  /** neighbours[j * width .. +width]: the places nearest to j by travel time in either direction. */
  readonly neighbours: Int32Array;
  readonly width: number;
  /** Position of each node in the tour being shortened (valid for that tour's nodes only). */
  private readonly positionOf: Int32Array;
  /** New order of the changed run of positions. */
  private readonly order: Int32Array;
  /** Tour version at the last shortening: a tour not changed since cannot gain. */
  private readonly doneVersion: Float64Array;

  constructor(
    private readonly tours: TourState,
    neighbourCount: number,
  ) {
    const p = tours.problem;
    const n = tours.nodeCount;
    const cands = p.candidates;
    const w = Math.max(1, Math.min(neighbourCount, cands.length - 1));
    this.width = w;
    this.neighbours = new Int32Array(n * w).fill(NONE);
    // The w nearest by insertion into a short sorted list: O(candidates x w) per place. Breaks
    // (meals) are nowhere, so they are nobody's neighbour (their zero travel would crowd the lists).
    const nearDistance = new Float64Array(w);
    // Indexed loops, not for-of: this runs once per plan, mostly unoptimised, where each step of
    // an iterator allocates.
    const { isBreak, travel } = p;
    for (let a = 0; a < cands.length; a++) {
      const j = cands[a]!;
      if (isBreak[j]) continue;
      const row = j * w;
      let count = 0;
      for (let c = 0; c < cands.length; c++) {
        const x = cands[c]!;
        if (x === j || isBreak[x]) continue;
        const d = Math.min(travel[j * n + x]!, travel[x * n + j]!);
        if (count === w && d >= nearDistance[w - 1]!) continue;
        let i = count < w ? count++ : w - 1;
        while (i > 0 && nearDistance[i - 1]! > d) {
          nearDistance[i] = nearDistance[i - 1]!;
          this.neighbours[row + i] = this.neighbours[row + i - 1]!;
          i--;
        }
        nearDistance[i] = d;
        this.neighbours[row + i] = x;
      }
    }
    this.positionOf = new Int32Array(n);
    this.order = new Int32Array(tours.capacity);
    this.doneVersion = new Float64Array(tours.tourCount).fill(-1);
  }

  /** Applies improving moves to tour k until none is left. Returns whether the tour changed. */
  shorten(k: number): boolean {
    const t = this.tours;
    if (this.doneVersion[k] === t.version[k]) return false;
    let changed = false;
    for (let round = 0; round < MAX_SWEEPS; round++) {
      if (!this.sweep(k)) break;
      changed = true;
    }
    this.doneVersion[k] = t.version[k]!;
    return changed;
  }

  /** One pass over the tour; applies the first improving move found. */
  private sweep(k: number): boolean {
    const t = this.tours;
    const b = k * t.capacity;
    const L = t.length[k]!;
    if (L < 4) return false;
    const route = t.route;
    for (let pos = 1; pos < L - 1; pos++) this.positionOf[route[b + pos]!] = pos;
    const w = this.width;
    for (let i = 1; i < L - 1; i++) {
      const x = route[b + i]!;
      if (t.isBreak[x]) continue;
      for (let r = 0; r < w; r++) {
        const y = this.neighbours[x * w + r]!;
        if (y === NONE || t.tourOf[y] !== k) continue;
        const j = this.positionOf[y]!;
        // 2-opt making the leg x -> y: reverse the run from i+1 to j (y comes right after x).
        if (j > i + 1 && this.tryReverse(k, i + 1, j)) return true;
        // 2-opt making the leg y -> x: reverse the run from j to i-1 (x comes right after y).
        if (j < i - 1 && this.tryReverse(k, j, i - 1)) return true;
        // Or-opt: move a run starting at x to right after y, or a run ending at x to right before y.
        for (let len = 1; len <= 3 && i + len - 1 < L - 1; len++) {
          if (this.tryMove(k, i, len, j)) return true;
        }
        for (let len = 1; len <= 3 && i - len + 1 >= 1; len++) {
          if (this.tryMove(k, i - len + 1, len, j - 1)) return true;
        }
      }
    }
    return false;
  }

  /** Reverse positions [from, to]. */
  private tryReverse(k: number, from: number, to: number): boolean {
    const t = this.tours;
    const b = k * t.capacity;
    const route = t.route;
    // Travel first (cheap): only a reversal that travels less is replayed against the windows.
    if (this.reversalTravelDelta(b, from, to) >= -EPSILON) return false;
    let count = 0;
    for (let pos = to; pos >= from; pos--) this.order[count++] = route[b + pos]!;
    return this.tryOrder(k, from, to, count, !t.hasBreaks);
  }

  /** Change of travel time when positions [from, to] are reversed (breaks counted where they are). */
  private reversalTravelDelta(b: number, from: number, to: number): number {
    const t = this.tours;
    const n = t.nodeCount;
    const { route, travel, isBreak } = t;
    if (t.hasBreaks) {
      // Breaks move the traveller's position: leave such runs to the travel pass of tryOrder.
      for (let pos = from - 1; pos <= to + 1; pos++) if (isBreak[route[b + pos]!]) return -1;
    }
    const before = route[b + from - 1]!;
    const after = route[b + to + 1]!;
    let delta = travel[before * n + route[b + to]!]! + travel[route[b + from]! * n + after]! - travel[before * n + route[b + from]!]! - travel[route[b + to]! * n + after]!;
    if (t.symmetric) return delta;
    for (let pos = from; pos < to; pos++) {
      const x = route[b + pos]!;
      const y = route[b + pos + 1]!;
      delta += travel[y * n + x]! - travel[x * n + y]!;
    }
    return delta;
  }

  /** Move the run [from, from+len) to right after position `after` (outside the run). */
  private tryMove(k: number, from: number, len: number, after: number): boolean {
    const t = this.tours;
    const b = k * t.capacity;
    const L = t.length[k]!;
    if (after >= from - 1 && after < from + len) return false;
    if (after < 0 || after > L - 2) return false;
    if (!t.hasBreaks) {
      // Travel first (cheap): only a move that travels less is replayed against the windows.
      const n = t.nodeCount;
      const travel = t.travel;
      const route = t.route;
      const first = route[b + from]!;
      const last = route[b + from + len - 1]!;
      const prev = route[b + from - 1]!;
      const next = route[b + from + len]!;
      const a = route[b + after]!;
      const c = route[b + after + 1]!;
      const delta =
        travel[prev * n + next]! - travel[prev * n + first]! - travel[last * n + next]! + travel[a * n + first]! + travel[last * n + c]! - travel[a * n + c]!;
      if (delta >= -EPSILON) return false;
    }
    let count = 0;
    if (after < from) {
      // Run goes earlier: positions (after, from+len) become run, then (after, from).
      for (let q = 0; q < len; q++) this.order[count++] = t.route[b + from + q]!;
      for (let pos = after + 1; pos < from; pos++) this.order[count++] = t.route[b + pos]!;
      return this.tryOrder(k, after + 1, from + len - 1, count, !t.hasBreaks);
    }
    // Run goes later: positions [from, after] become (from+len..after), then the run.
    for (let pos = from + len; pos <= after; pos++) this.order[count++] = t.route[b + pos]!;
    for (let q = 0; q < len; q++) this.order[count++] = t.route[b + from + q]!;
    return this.tryOrder(k, from, after, count, !t.hasBreaks);
  }

  /**
   * Replays positions [from, to] of tour k in this.order's sequence (breaks that follow stay in
   * place and are replayed too); applies it when feasible and better. Returns whether it did.
   */
  private tryOrder(k: number, from: number, to: number, count: number, travelChecked: boolean): boolean {
    const t = this.tours;
    const p = t.problem;
    const n = t.nodeCount;
    const b = k * t.capacity;
    const L = t.length[k]!;
    const profile = p.tourProfile[k]!;
    const { route, travel, isBreak, location, start, arrival } = t;
    const service = p.service;
    // Old travel over the changed legs: from position from-1 through to+1 (and any breaks after).
    let last = to + 1;
    while (last < L - 1 && isBreak[route[b + last]!]) last++;
    const startAt = location[b + from - 1]!;
    const next = route[b + last]!;
    let at = startAt;
    // Travel first (no windows): most reorderings travel more and end here. Without breaks the
    // callers have already compared the changed legs in O(1), so this O(run) sum is skipped.
    if (!travelChecked) {
      let oldTravel = 0;
      for (let pos = from; pos <= last; pos++) oldTravel += travel[location[b + pos - 1]! * n + route[b + pos]!]!;
      let newTravel = 0;
      for (let q = 0; q < count; q++) {
        const x = this.order[q]!;
        newTravel += travel[at * n + x]!;
        if (!isBreak[x]) at = x;
      }
      newTravel += travel[at * n + next]!;
      if (newTravel >= oldTravel - EPSILON) return false;
    }
    // Then the windows of the moved visits (and of the breaks after them), in the new order.
    at = startAt;
    let time = start[b + from - 1]! + service[route[b + from - 1]!]!;
    for (let q = 0; q < count; q++) {
      const x = this.order[q]!;
      const s = t.earliestStart(profile, x, time + travel[at * n + x]!);
      if (s < 0) return false;
      time = s + service[x]!;
      if (!isBreak[x]) at = x;
    }
    for (let pos = to + 1; pos < last; pos++) {
      const x = route[b + pos]!;
      const s = t.earliestStart(profile, x, time);
      if (s < 0) return false;
      time = s + service[x]!;
    }
    const arriveNext = time + travel[at * n + next]!;
    if (arriveNext > arrival[b + last]! + EPSILON) return false;
    for (let q = 0; q < count; q++) route[b + from + q] = this.order[q]!;
    // Positions of unchanged nodes stay valid; the changed run's are refreshed by the next sweep.
    if (!t.recompute(k, from)) throw new Error('internal: a checked time-saving move broke its tour');
    return true;
  }
}
