import { PairMemo } from './pair-memo.ts';
import type { TourShortening } from './shorten.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/**
 * Time-saving moves between tours (days) that 2-opt* cannot make: relocate one visit into another
 * tour next to one of its nearest neighbours, or exchange it with that neighbour or a visit beside
 * it (Savelsbergh's relocate / exchange, granular as in shorten.ts). Unlike tails.ts it works on
 * days with meal breaks and with their own opening hours: a break is taken where the traveller is,
 * so travel is counted from each position's location, and the windows of both tours are replayed.
 *
 * A move is applied when it travels less in total and both tours stay feasible; the time it frees
 * goes to the insertion that follows. Visits locked to a day and breaks never move.
 */
export class DayTrade {
  private readonly positionOf: Int32Array;
  private readonly savedA: Int32Array;
  private readonly savedB: Int32Array;
  private savedVersionA = 0;
  private savedVersionB = 0;
  /** Pairs of tours whose sweep found no move at their current versions (a failed move restores both tours' versions). */
  private readonly memo: PairMemo;

  constructor(
    private readonly tours: TourState,
    private readonly shortening: TourShortening,
  ) {
    this.positionOf = new Int32Array(tours.nodeCount);
    this.savedA = new Int32Array(tours.capacity);
    this.savedB = new Int32Array(tours.capacity);
    this.memo = new PairMemo(tours);
  }

  /** One sweep over every visit's neighbours in other tours, applying each move that travels less. */
  pass(): boolean {
    const t = this.tours;
    const m = t.tourCount;
    if (m < 2) return false;
    for (let k = 0; k < m; k++) this.refresh(k);
    const { route, tourOf, isBreak, version } = t;
    const { memo } = this;
    const fixed = t.problem.fixedTour;
    const neighbours = this.shortening.neighbours;
    const w = this.shortening.width;
    let changed = false;
    // Focus (TourState.active): only pairs of focus tours; a sweep's "nothing found" then holds
    // for those pairs only.
    const active = t.active;
    const focused = t.focusCount > 0;
    for (let a = 0; a < m; a++) {
      if (focused && active[a] === 0) continue;
      const va = version[a]!;
      if (!memo.open(a, focused ? active : null)) continue;
      const ba = a * t.capacity;
      for (let i = 1; i < t.length[a]! - 1; i++) {
        const u = route[ba + i]!;
        if (isBreak[u] || fixed[u] !== NONE) continue;
        for (let r = 0; r < w; r++) {
          const y = neighbours[u * w + r]!;
          if (y === NONE) continue;
          const b = tourOf[y]!;
          if (b === NONE || b === a || (focused && active[b] === 0) || !t.allowed(u, b)) continue;
          if (memo.done(a, b)) continue;
          const q = this.positionOf[y]!;
          if (this.tryRelocate(a, i, b, q) || this.tryRelocate(a, i, b, q - 1) || this.tryExchangeNear(a, i, b, q)) {
            changed = true;
            break;
          }
        }
      }
      memo.sweptWithoutMove(a, va, focused ? active : null);
    }
    return changed;
  }

  /** Exchange u (tour a, position i) with y at position q of tour b, or with a visit beside y. */
  private tryExchangeNear(a: number, i: number, b: number, q: number): boolean {
    const t = this.tours;
    const Lb = t.length[b]!;
    for (let j = q - 1; j <= q + 1; j++) {
      if (j < 1 || j > Lb - 2) continue;
      if (this.tryExchange(a, i, b, j)) return true;
    }
    return false;
  }

  /**
   * Travel of the legs through position pos of tour k (from where the traveller is before it to the
   * first visit after it that is not a break), and what they become with `node` in its place
   * (NONE: removed). Breaks right after pos are taken where the traveller then is: no travel.
   */
  private replacementDelta(k: number, pos: number, node: number): number {
    const t = this.tours;
    const n = t.nodeCount;
    const base = k * t.capacity;
    const { route, travel, location } = t;
    const at = location[base + pos - 1]!;
    const next = this.nextStop(k, pos);
    const old = route[base + pos]!;
    const before = travel[at * n + old]! + travel[old * n + next]!;
    const after = node === NONE ? travel[at * n + next]! : travel[at * n + node]! + travel[node * n + next]!;
    return after - before;
  }

  /** Travel added by putting `node` right after position pos of tour k. */
  private insertionDelta(k: number, pos: number, node: number): number {
    const t = this.tours;
    const n = t.nodeCount;
    const base = k * t.capacity;
    const { travel, location } = t;
    const at = location[base + pos]!;
    const next = this.nextStop(k, pos);
    return travel[at * n + node]! + travel[node * n + next]! - travel[at * n + next]!;
  }

  /** The first node after position pos of tour k that is not a break (the tour's end at the latest). */
  private nextStop(k: number, pos: number): number {
    const t = this.tours;
    const base = k * t.capacity;
    const { route, isBreak } = t;
    const L = t.length[k]!;
    let z = pos + 1;
    while (z < L - 1 && isBreak[route[base + z]!]) z++;
    return route[base + z]!;
  }

  /**
   * Can `node` go between positions prev and next of tour k (what lies between them left out)?
   * O(1) through max-shift (tours.ts): false when it cannot, true when it can, or undefined when a
   * break follows (the break would move with it; the caller replays the tour instead).
   */
  private fits(k: number, prev: number, node: number, next: number): boolean | undefined {
    const t = this.tours;
    const base = k * t.capacity;
    const { route, start, maxShift, location, travel, isBreak } = t;
    const service = t.problem.service;
    const n = t.nodeCount;
    const arrive = start[base + prev]! + service[route[base + prev]!]! + travel[location[base + prev]! * n + node]!;
    const s = t.earliestStart(t.problem.tourProfile[k]!, node, arrive);
    if (s < 0) return false;
    const after = route[base + next]!;
    if (isBreak[after]) return undefined;
    return s + service[node]! + travel[node * n + after]! <= start[base + next]! + maxShift[base + next]! + EPSILON;
  }

  /** Moves the visit at position i of tour a to right after position p of tour b. */
  private tryRelocate(a: number, i: number, b: number, p: number): boolean {
    const t = this.tours;
    if (p < 0 || p > t.length[b]! - 2) return false;
    const ba = a * t.capacity;
    const bb = b * t.capacity;
    const u = t.route[ba + i]!;
    const delta = this.replacementDelta(a, i, NONE) + this.insertionDelta(b, p, u);
    if (delta >= -EPSILON) return false;
    if (this.fits(b, p, u, p + 1) === false) return false;
    this.save(a, b);
    const La = t.length[a]!;
    const Lb = t.length[b]!;
    const { route } = t;
    route.copyWithin(ba + i, ba + i + 1, ba + La);
    t.length[a] = La - 1;
    route.copyWithin(bb + p + 2, bb + p + 1, bb + Lb);
    route[bb + p + 1] = u;
    t.length[b] = Lb + 1;
    if (!t.recompute(b, p + 1) || !t.recompute(a, i)) {
      this.restore(a, b, La, Lb, i, p + 1);
      return false;
    }
    t.tourOf[u] = b;
    this.refresh(a);
    this.refresh(b);
    return true;
  }

  /** Swaps the visit at position i of tour a with the one at position j of tour b. */
  private tryExchange(a: number, i: number, b: number, j: number): boolean {
    const t = this.tours;
    const ba = a * t.capacity;
    const bb = b * t.capacity;
    const { route } = t;
    const u = route[ba + i]!;
    const v = route[bb + j]!;
    if (t.isBreak[v] || t.problem.fixedTour[v] !== NONE || !t.allowed(v, a)) return false;
    const delta = this.replacementDelta(a, i, v) + this.replacementDelta(b, j, u);
    if (delta >= -EPSILON) return false;
    if (this.fits(a, i - 1, v, i + 1) === false || this.fits(b, j - 1, u, j + 1) === false) return false;
    const La = t.length[a]!;
    const Lb = t.length[b]!;
    this.save(a, b);
    route[ba + i] = v;
    route[bb + j] = u;
    if (!t.recompute(a, i) || !t.recompute(b, j)) {
      this.restore(a, b, La, Lb, i, j);
      return false;
    }
    t.tourOf[u] = b;
    t.tourOf[v] = a;
    this.positionOf[u] = j;
    this.positionOf[v] = i;
    return true;
  }

  private save(a: number, b: number): void {
    const t = this.tours;
    this.savedA.set(t.route.subarray(a * t.capacity, a * t.capacity + t.length[a]!));
    this.savedB.set(t.route.subarray(b * t.capacity, b * t.capacity + t.length[b]!));
    this.savedVersionA = t.version[a]!;
    this.savedVersionB = t.version[b]!;
  }

  /**
   * Puts both tours back as save() found them. The move changed tour a from position fromA on and
   * b from fromB on, and recomputed at most those stretches (TourState.recompute never writes
   * before `from`), so the times before them still belong to the saved tours: recomputing from
   * there gives the very values a recompute from position 1 would, for less work (a failed trade
   * move is the search's most frequent recompute).
   */
  private restore(a: number, b: number, La: number, Lb: number, fromA: number, fromB: number): void {
    const t = this.tours;
    t.route.set(this.savedA.subarray(0, La), a * t.capacity);
    t.route.set(this.savedB.subarray(0, Lb), b * t.capacity);
    t.length[a] = La;
    t.length[b] = Lb;
    t.recompute(a, fromA);
    t.recompute(b, fromB);
    // The same tours as before the move: their versions (and the caches keyed on them) still hold.
    t.version[a] = this.savedVersionA;
    t.version[b] = this.savedVersionB;
  }

  private refresh(k: number): void {
    const t = this.tours;
    const b = k * t.capacity;
    for (let pos = 1; pos < t.length[k]! - 1; pos++) this.positionOf[t.route[b + pos]!] = pos;
  }
}
