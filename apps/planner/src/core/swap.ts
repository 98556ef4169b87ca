import type { TourShortening } from './shorten.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/**
 * Inter-tour swap that saves time: visits u (tour a) and v (tour b) exchange their slots when the
 * visits after the two slots arrive earlier in total, so the tours together have more room for the
 * repair. Granular on the shortening's nearest neighbours: v is one of u's.
 *
 * Feasibility is O(1) per slot, as for a replace move: the newcomer must start inside one of its
 * windows and the visit after the slot within its max-shift. Days with meal breaks are left alone.
 */
export class InterTourSwap {
  private readonly positionOf: Int32Array;

  constructor(
    private readonly tours: TourState,
    private readonly shortening: TourShortening,
  ) {
    this.positionOf = new Int32Array(tours.nodeCount);
  }

  pass(): boolean {
    const t = this.tours;
    const m = t.tourCount;
    if (m < 2 || t.hasBreaks) return false;
    for (let k = 0; k < m; k++) this.refresh(k);
    const { route, tourOf } = t;
    const fixed = t.problem.fixedTour;
    const neighbours = this.shortening.neighbours;
    const w = this.shortening.width;
    let changed = false;
    for (let a = 0; a < m; a++) {
      const ba = a * t.capacity;
      for (let i = 1; i < t.length[a]! - 1; i++) {
        const u = route[ba + i]!;
        if (fixed[u] !== NONE) continue;
        for (let r = 0; r < w; r++) {
          const v = neighbours[u * w + r]!;
          if (v === NONE) continue;
          const b = tourOf[v]!;
          if (b === NONE || b === a || fixed[v] !== NONE) continue;
          const q = this.positionOf[v]!;
          const costB = this.slotCost(b, q, u);
          if (costB !== costB) continue;
          const costA = this.slotCost(a, i, v);
          if (costA !== costA || costA + costB >= -EPSILON) continue;
          route[ba + i] = v;
          route[b * t.capacity + q] = u;
          tourOf[u] = b;
          tourOf[v] = a;
          this.positionOf[u] = q;
          this.positionOf[v] = i;
          if (!t.recompute(a, i) || !t.recompute(b, q)) throw new Error('internal: a checked swap broke a tour');
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  /** Change of arrival at the visit after pos of tour k when x takes the visit's slot (NaN when infeasible). */
  private slotCost(k: number, pos: number, x: number): number {
    const t = this.tours;
    const p = t.problem;
    const n = t.nodeCount;
    const b = k * t.capacity;
    const { start, arrival, maxShift, route, travel } = t;
    const before = route[b + pos - 1]!;
    const next = route[b + pos + 1]!;
    const s = t.earliestStart(p.tourProfile[k]!, x, start[b + pos - 1]! + p.service[before]! + travel[before * n + x]!);
    if (s < 0) return Number.NaN;
    const arriveNext = s + p.service[x]! + travel[x * n + next]!;
    if (arriveNext > start[b + pos + 1]! + maxShift[b + pos + 1]!) return Number.NaN;
    return arriveNext - arrival[b + pos + 1]!;
  }

  private refresh(k: number): void {
    const t = this.tours;
    const b = k * t.capacity;
    for (let pos = 1; pos < t.length[k]! - 1; pos++) this.positionOf[t.route[b + pos]!] = pos;
  }
}
