import type { Rng } from './rng.ts';
import type { Shake } from './perturbation.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call.
const NONE = tolerance.NONE;

/**
 * The must-visit shake: while the current solution leaves a must-visit out, make room for it at a
 * time of day it could be visited. The ordinary shake removes a random run of visits, which seldom
 * frees the one slot a must-visit with a narrow opening (an evening show) needs; this one picks a
 * day where the place fits alone (start -> place -> end inside its opening and the day's hours),
 * a start time inside that opening, and removes the optional visits of that day whose time
 * overlaps the visit (meals and other must-visits stay where they are). The removed places are
 * tabu for the repair that follows, which then inserts the must-visit first (its score carries
 * the must-visit bonus); the lexicographic objective keeps it once placed.
 *
 * Each must-visit gets at most `tries` such shakes: one that cannot be placed (a conflict with
 * other must-visits or meals) then stops costing iterations. Nothing here draws from the RNG while
 * every must-visit is placed, so such runs are the same as without it.
 */
export class MustVisitShake {
  /** Must-visit places (never breaks) that fit alone on at least one day. */
  private readonly places: Int32Array;
  /** fitsAlone[i * m + k]: place places[i] fits alone on day k. */
  private readonly fitsAlone: Uint8Array;
  private readonly triesLeft: Int32Array;
  private readonly days: Int32Array;
  private idle = true;
  /**
   * What the slot clearing keeps: the other must-visits and the meals. Clearing meals too placed
   * more must-visits on the trip case (tune trips 1-5, seeds 1-6: -0.21 +- 0.13 points of gap
   * against -0.06 +- 0.13), when a meal and a must-visit weighed the same, by paying for the
   * must-visit with a dinner (walk trip 3, transit trip 4). A must-visit now ranks above a meal
   * (tours.ts), and that trade is the must-visit repair's (solver.ts), which plans the must-visits
   * and meals together and gives up a meal only where a must-visit needs its time; the shake
   * keeps clearing optional visits only. Clearing meals too under that rule (10,000 iterations,
   * seeds 1-6) placed one more must-visit in walk trip 9 but lowered no worst plan, and the AI
   * service's longer-day suggestion of its "no time left" test was no longer found
   * (ai-service planning.test.ts; README "Objective: must-visits above meal breaks").
   */
  private readonly keptPlaces: Uint8Array;
  /** Cheapest travel into each must-visit from a place (break rows are zero and do not count). */
  private readonly travelIn: Float64Array;

  constructor(
    private readonly tours: TourState,
    private readonly rng: Rng,
    private readonly shake: Shake,
    tries: number,
  ) {
    const p = tours.problem;
    const m = tours.tourCount;
    const places: number[] = [];
    const fits: number[] = [];
    for (const j of p.candidates) {
      if (!p.mandatory[j] || p.isBreak[j]) continue;
      const row = Array.from({ length: m }, (_, k) => (aloneStart(tours, j, k, -1) ? 1 : 0));
      if (!row.some((x) => x === 1)) continue;
      places.push(j);
      fits.push(...row);
    }
    this.places = Int32Array.from(places);
    this.fitsAlone = Uint8Array.from(fits);
    this.triesLeft = new Int32Array(places.length).fill(tries);
    this.days = new Int32Array(m);
    this.keptPlaces = Uint8Array.from(p.mandatory, (x) => (x ? 1 : 0));
    const n = tours.nodeCount;
    this.travelIn = new Float64Array(n);
    for (const j of this.places) {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) if (i !== j && !p.isBreak[i] && p.travel[i * n + j]! < least) least = p.travel[i * n + j]!;
      this.travelIn[j] = Number.isFinite(least) ? least : 0;
    }
  }

  /**
   * When the current solution leaves out a must-visit with tries left, shakes a day for the first
   * such place and returns true, every other call; otherwise changes nothing and returns false.
   */
  apply(): boolean {
    const t = this.tours;
    const m = t.tourCount;
    for (let i = 0; i < this.places.length; i++) {
      const j = this.places[i]!;
      if (t.tourOf[j] !== NONE || this.triesLeft[i]! <= 0) continue;
      // Every other turn only: the ordinary shake keeps working meanwhile (a must-visit that
      // cannot fit beside the meals would otherwise take the first `tries` iterations whole).
      this.idle = !this.idle;
      if (this.idle) return false;
      this.triesLeft[i]!--;
      let dayCount = 0;
      for (let k = 0; k < m; k++) if (this.fitsAlone[i * m + k]) this.days[dayCount++] = k;
      const k = this.days[this.rng.int(dayCount)]!;
      this.clearSlot(j, k);
      return true;
    }
    return false;
  }

  /** Removes the optional visits of day k whose time overlaps a visit to j at a random feasible start. */
  private clearSlot(j: number, k: number): void {
    const t = this.tours;
    const p = t.problem;
    const span = aloneStart(t, j, k, this.rng.next());
    this.shake.removed.next();
    this.shake.removedMandatory = 0;
    if (!span) return;
    // Room for the way in too (at least the cheapest travel into j).
    const begin = span.start - this.travelIn[j]!;
    const end = span.start + p.service[j]!;
    const b = k * t.capacity;
    const L = t.length[k]!;
    const mark = this.shake.removeMark;
    mark.fill(0, 0, L);
    let from = L;
    // A visit holds the day from leaving the position before it until leaving it (travel, wait, visit).
    for (let pos = 1; pos < L - 1; pos++) {
      if (t.depart[b + pos - 1]! < end && t.depart[b + pos]! > begin) {
        mark[pos] = 1;
        if (pos < from) from = pos;
      }
    }
    if (from < L) this.shake.removeMarked(k, from, this.keptPlaces);
  }
}

/**
 * Whether j fits alone on day k (from the day's start to its end, inside one of its openings),
 * and if so a start time: the earliest when `at` < 0, else a point `at` (0..1) of the way through
 * the feasible starts of the openings, taken in order. Meals are left out of this test (a cheap
 * filter); the repair decides whether the place fits beside them.
 */
export function aloneStart(t: TourState, j: number, k: number, at: number): { start: number } | null {
  const p = t.problem;
  if (!t.allowed(j, k)) return null;
  const n = t.nodeCount;
  const earliest = p.tourStartTime[k]! + p.travel[p.tourStartNode[k]! * n + j]!;
  const latest = p.tourEndTime[k]! - p.service[j]! - p.travel[j * n + p.tourEndNode[k]!]!;
  const key = p.tourProfile[k]! * n + j;
  let total = 0;
  for (let pass = 0; pass < 2; pass++) {
    // Pass 0 measures the feasible starts; pass 1 finds the one `at` points to.
    let goal = at * total;
    for (let o = p.windowOffset[key]!; o < p.windowOffset[key + 1]!; o++) {
      const a = Math.max(earliest, p.windowOpen[o]!);
      const z = Math.min(latest, p.windowClose[o]!);
      if (a > z) continue;
      if (pass === 0) {
        if (at < 0) return { start: a };
        total += z - a;
      } else if (goal <= z - a) {
        return { start: a + goal };
      } else {
        goal -= z - a;
      }
    }
    if (pass === 0 && total === 0 && at >= 0) {
      // Only single instants fit: take the first.
      for (let o = p.windowOffset[key]!; o < p.windowOffset[key + 1]!; o++) {
        const a = Math.max(earliest, p.windowOpen[o]!);
        if (a <= Math.min(latest, p.windowClose[o]!)) return { start: a };
      }
      return null;
    }
  }
  return null;
}
