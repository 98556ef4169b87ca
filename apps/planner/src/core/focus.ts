import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings (tsx turns every read of an imported binding into a getter call).
const NONE = tolerance.NONE;

/**
 * The parts of the focus phase (solver.ts, Tuning.focusDays), as POPMUSIC draws them (Taillard &
 * Voss 2002): a part is a day; a focus is a seed day and the r - 1 days whose places lie nearest
 * its places, with their visits and the unvisited places near them. The weak plans of the trip case
 * need a regrouping of places over two or three days (a partial exchange of two days, an insertion
 * and a move: README "walk trip 4, diagnosis"), which the whole-plan search seldom makes in one go;
 * a block of iterations over just those days and places samples that subspace far more densely.
 */
export interface FocusPart {
  /** The days of the focus, the seed first. */
  days: number[];
  /** Their visits (breaks and locked places included) and the unvisited places that may join them. */
  places: number[];
}

/**
 * Mean over the seed day's places of the travel to the nearest place of day b (breaks have no
 * location and do not count). A day without places is nearest of all (anything may move there).
 */
function dayDistance(t: TourState, s: number, b: number): number {
  const n = t.nodeCount;
  const { route, length, capacity, travel, isBreak } = t;
  const bs = s * capacity;
  const bb = b * capacity;
  let sum = 0;
  let count = 0;
  let other = 0;
  for (let q = bb + 1; q < bb + length[b]! - 1; q++) if (!isBreak[route[q]!]) other++;
  if (other === 0) return 0;
  for (let p = bs + 1; p < bs + length[s]! - 1; p++) {
    const i = route[p]!;
    if (isBreak[i]) continue;
    let nearest = Number.POSITIVE_INFINITY;
    for (let q = bb + 1; q < bb + length[b]! - 1; q++) {
      const j = route[q]!;
      if (isBreak[j]) continue;
      const d = travel[i * n + j]!;
      if (d < nearest) nearest = d;
    }
    sum += nearest;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/** Seed day s and the r - 1 days nearest it (dayDistance), the seed first. */
function nearestDays(t: TourState, s: number, r: number): number[] {
  const others: Array<{ k: number; d: number }> = [];
  for (let k = 0; k < t.tourCount; k++) if (k !== s) others.push({ k, d: dayDistance(t, s, k) });
  others.sort((a, b) => a.d - b.d || a.k - b.k);
  return [s, ...others.slice(0, Math.max(0, r - 1)).map((o) => o.k)];
}

/**
 * The focus around seed day s with r days: s and the r - 1 days nearest it (dayDistance); their
 * visits; the unvisited places allowed on one of those days that are must-visits, or whose nearest
 * visited place (any day) lies on one of them. Places visited on other days stay out.
 */
export function focusPart(t: TourState, s: number, r: number): FocusPart {
  const m = t.tourCount;
  const days = nearestDays(t, s, r);
  const inPart = new Uint8Array(m);
  for (const k of days) inPart[k] = 1;

  const p = t.problem;
  const n = t.nodeCount;
  const { route, length, capacity, travel, isBreak, tourOf } = t;
  const places: number[] = [];
  const visited: number[] = [];
  for (let k = 0; k < m; k++) {
    const b = k * capacity;
    for (let q = b + 1; q < b + length[k]! - 1; q++) {
      const j = route[q]!;
      if (inPart[k]) places.push(j);
      if (!isBreak[j]) visited.push(j);
    }
  }
  for (let c = 0; c < p.candidates.length; c++) {
    const j = p.candidates[c]!;
    if (tourOf[j] !== NONE) continue;
    const fixed = p.fixedTour[j]!;
    if (fixed !== NONE && (fixed >= m || !inPart[fixed])) continue;
    if (p.mandatory[j]) {
      places.push(j);
      continue;
    }
    let nearest = Number.POSITIVE_INFINITY;
    let nearestDay = NONE;
    for (let v = 0; v < visited.length; v++) {
      const i = visited[v]!;
      const d = travel[j * n + i]!;
      if (d < nearest) {
        nearest = d;
        nearestDay = tourOf[i]!;
      }
    }
    if (nearestDay === NONE || inPart[nearestDay]) places.push(j);
  }
  return { days, places };
}
