import type { InsertionFilter } from './insertion.ts';
import type { Rng } from './rng.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const NONE = tolerance.NONE;

/** The places the last shake removed, barred from the repair that follows it (so the freed time goes to others). */
export class RemovedTabu implements InsertionFilter {
  private readonly stamp: Float64Array;
  private current = 0;
  active = false;

  constructor(nodeCount: number) {
    this.stamp = new Float64Array(nodeCount).fill(-1);
  }

  /** Starts a new shake: earlier marks no longer count. */
  next(): void {
    this.current++;
  }

  mark(j: number): void {
    this.stamp[j] = this.current;
  }

  blocks(j: number): boolean {
    return this.active && this.stamp[j] === this.current;
  }
}

export interface ShakeSettings {
  /** Share of shakes that remove scattered visits instead of a consecutive run. */
  scatterRate: number;
  /** Shake every tour (true) or a random subset of 1..min(m, shakeToursMax) tours (false). */
  shakeAllTours: boolean;
  shakeToursMax: number;
  /** The shake may remove must-visit places (never breaks); the repair then chooses their day again. */
  shakeMandatory: boolean;
}

/**
 * The shake of the iterated local search: in some tours, removes a run of consecutive visits (or,
 * sometimes, visits scattered over the tour). Breaks are never removed. Tours left
 * alone keep their insertion caches, which makes iterations much cheaper when there are many.
 */
export class Shake {
  private readonly tourOrder: Int32Array;
  private readonly focusOrder: Int32Array;
  /** Positions the next removeMarked takes out (filled by the caller from 0 to the tour's length). */
  readonly removeMark: Uint8Array;
  private readonly savedRoute: Int32Array;
  /** Must-visits the last shake removed. */
  removedMandatory = 0;

  constructor(
    private readonly tours: TourState,
    private readonly rng: Rng,
    private readonly settings: ShakeSettings,
    readonly removed: RemovedTabu,
  ) {
    this.tourOrder = Int32Array.from({ length: tours.tourCount }, (_, k) => k);
    this.focusOrder = new Int32Array(tours.tourCount);
    this.removeMark = new Uint8Array(tours.capacity);
    this.savedRoute = new Int32Array(tours.capacity);
  }

  /** Removes up to `size` optional visits from each of the chosen tours. */
  apply(size: number): void {
    const t = this.tours;
    const m = t.tourCount;
    const rng = this.rng;
    this.removed.next();
    this.removedMandatory = 0;
    // A random subset of the tours: untouched tours keep their insertion caches. In a focus
    // (TourState.focusList) a subset of the focus tours.
    let order = this.tourOrder;
    let n = m;
    if (t.focusCount > 0) {
      order = this.focusOrder;
      n = t.focusCount;
      for (let i = 0; i < n; i++) order[i] = t.focusList[i]!;
    }
    const count = this.settings.shakeAllTours ? n : 1 + rng.int(Math.min(n, this.settings.shakeToursMax));
    for (let i = 0; i < count; i++) {
      const r = i + rng.int(n - i);
      const tmp = order[i]!;
      order[i] = order[r]!;
      order[r] = tmp;
    }
    for (let i = 0; i < count; i++) this.shakeTour(order[i]!, size);
  }

  private shakeTour(k: number, size: number): void {
    const t = this.tours;
    const rng = this.rng;
    // Must-visits may go too (unless `shakeMandatory` is off): a search that never moves them keeps
    // the construction's choice of their day for good. The lexicographic objective keeps this
    // safe: a repair that cannot put one back is worse than any threshold and is never accepted.
    // Breaks (meals) stay: they belong to their day.
    const kept = this.settings.shakeMandatory ? t.problem.isBreak : t.problem.mandatory;
    const L = t.length[k]!;
    const visits = L - 2;
    if (visits <= 0) return;
    // Mark what goes: a run of consecutive visits, or (sometimes) visits scattered over the tour.
    const mark = this.removeMark;
    mark.fill(0, 0, L);
    let from = L;
    if (this.settings.scatterRate > 0 && rng.next() < this.settings.scatterRate) {
      for (let r = 0; r < size; r++) {
        const pos = 1 + rng.int(visits);
        mark[pos] = 1;
        if (pos < from) from = pos;
      }
    } else {
      from = 1 + rng.int(visits);
      const to = Math.min(L - 1, from + size);
      for (let pos = from; pos < to; pos++) mark[pos] = 1;
    }
    this.removeMarked(k, from, kept);
  }

  /**
   * Removes the visits of tour k marked in `removeMark` at positions >= `from` (except nodes flagged
   * in `kept`), marks them tabu and counts the must-visits among them. Reverts when the shorter tour
   * breaks a window (travel times that violate the triangle inequality after rounding can make a
   * shorter tour arrive later).
   */
  removeMarked(k: number, from: number, kept: Uint8Array): void {
    const t = this.tours;
    const b = k * t.capacity;
    const L = t.length[k]!;
    const mark = this.removeMark;
    const saved = this.savedRoute;
    for (let pos = 0; pos < L; pos++) saved[pos] = t.route[b + pos]!;
    let w = from;
    let removed = 0;
    for (let pos = from; pos < L; pos++) {
      const node = t.route[b + pos]!;
      if (mark[pos] && !kept[node]) {
        removed++;
        continue;
      }
      t.route[b + w++] = node;
    }
    if (removed === 0) return;
    t.length[k] = L - removed;
    if (t.recompute(k, from)) {
      for (let pos = from; pos < L - 1; pos++) {
        const node = this.savedRoute[pos]!;
        if (mark[pos] && !kept[node]) {
          this.removed.mark(node);
          if (t.problem.mandatory[node]) this.removedMandatory++;
          t.tourOf[node] = NONE;
          t.objective -= t.effectiveScore[node]!;
        }
      }
    } else {
      t.route.set(this.savedRoute.subarray(0, L), b);
      t.length[k] = L;
      t.recompute(k, from);
    }
  }
}
