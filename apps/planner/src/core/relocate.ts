import type { Insertion } from './insertion.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const NONE = tolerance.NONE;
const EPSILON = tolerance.EPSILON;

/**
 * Inter-tour relocation that saves time: a visit leaves its tour for its cheapest insertion in
 * another tour when that adds less time there than leaving saves, so the tours together have more
 * room for the repair that follows. Nothing enters or leaves the solution.
 *
 * O(1) per visit and tour: leaving is checked on the visit after it (rounded travel times may
 * break the triangle inequality, so a shorter tour could arrive later), joining is the cached
 * cheapest insertion (insertion.ts), valid while the receiving tour is unchanged.
 */
export class InterTourRelocation {
  /**
   * Versions of tours a and k (at [a * m + k]) when a whole scan of a's visits found no move into
   * k: while both are unchanged, that pair is skipped (restoring a saved tour restores its version).
   */
  private readonly scannedFrom: Float64Array;
  private readonly scannedTo: Float64Array;

  constructor(
    private readonly tours: TourState,
    private readonly insertion: Insertion,
  ) {
    const m = tours.tourCount;
    this.scannedFrom = new Float64Array(m * m).fill(-1);
    this.scannedTo = new Float64Array(m * m).fill(-1);
  }

  /** One sweep over every visit of every tour, moving each that saves time. Returns whether anything moved. */
  pass(): boolean {
    const t = this.tours;
    const m = t.tourCount;
    if (m < 2) return false;
    const p = t.problem;
    const n = t.nodeCount;
    const { start, arrival, maxShift, route, travel, location, isBreak, hasBreaks } = t;
    const service = p.service;
    const insertion = this.insertion;
    const version = t.version;
    const { scannedFrom, scannedTo } = this;
    let changed = false;
    for (let a = 0; a < m; a++) {
      const b = a * t.capacity;
      let open = false;
      for (let k = 0; k < m; k++) if (k !== a && (scannedFrom[a * m + k] !== version[a] || scannedTo[a * m + k] !== version[k])) open = true;
      if (!open) continue;
      let movedHere = false;
      for (let pos = 1; pos < t.length[a]! - 1; pos++) {
        const r = route[b + pos]!;
        const next = route[b + pos + 1]!;
        // Breaks stay on their day, and a visit right before one carries where the break is taken.
        if (hasBreaks && (isBreak[r] || isBreak[next])) continue;
        if (p.fixedTour[r] !== NONE) continue;
        const before = route[b + pos - 1]!;
        const arriveNext = start[b + pos - 1]! + service[before]! + travel[(hasBreaks ? location[b + pos - 1]! : before) * n + next]!;
        if (arriveNext > start[b + pos + 1]! + maxShift[b + pos + 1]!) continue;
        const saved = arrival[b + pos + 1]! - arriveNext;
        if (saved <= EPSILON) continue;
        let bestCost = saved - EPSILON;
        let bestTo = NONE;
        for (let k = 0; k < m; k++) {
          if (k === a || (scannedFrom[a * m + k] === version[a] && scannedTo[a * m + k] === version[k])) continue;
          insertion.best(k, r);
          const key = k * n + r;
          if (insertion.position[key] === NONE) continue;
          if (insertion.cost[key]! < bestCost) {
            bestCost = insertion.cost[key]!;
            bestTo = k;
          }
        }
        if (bestTo === NONE) continue;
        const after = insertion.position[bestTo * n + r]! + 1;
        const L = t.length[a]!;
        route.copyWithin(b + pos, b + pos + 1, b + L);
        t.length[a] = L - 1;
        if (!t.recompute(a, pos)) throw new Error('internal: a checked relocation broke the tour it left');
        // insertAt counts r's score again: it never left the solution.
        t.objective -= t.effectiveScore[r]!;
        insertion.insertAt(bestTo, after, r);
        changed = true;
        movedHere = true;
        pos--;
      }
      if (movedHere) continue;
      for (let k = 0; k < m; k++) {
        scannedFrom[a * m + k] = version[a]!;
        scannedTo[a * m + k] = version[k]!;
      }
    }
    return changed;
  }
}
