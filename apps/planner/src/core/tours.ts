import type { CoreProblem } from './problem.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const NONE = tolerance.NONE;

/** A travel matrix as TourState keeps it (see TourState.travel). */
export type TravelMatrix = Uint16Array | Float32Array | Float64Array;

/**
 * The tours of a solution and their time bookkeeping, position by position.
 *
 * Tour k owns the slots [k * capacity, k * capacity + length[k]) of every positional array;
 * position 0 is its start depot and position length[k] - 1 its end depot. The layout is flat typed
 * arrays so the hot loops of the moves read contiguous memory and stay monomorphic.
 *
 * Time bookkeeping (Vansteenwegen et al. 2009): for each position the arrival, the visit start
 * (after any wait for the window to open), the close of the window the visit starts in, and the
 * max-shift, how much later the visit could start without breaking any later window or the end of
 * the tour. With them an insertion or a replacement is checked in O(1).
 */
export class TourState {
  readonly problem: CoreProblem;
  readonly nodeCount: number;
  readonly tourCount: number;
  /** Slots per tour: every candidate plus the two depots. */
  readonly capacity: number;

  /** Node at each position. */
  readonly route: Int32Array;
  /** Positions used per tour, depots included. */
  readonly length: Int32Array;
  readonly arrival: Float64Array;
  /** Visit start: arrival, or the opening of the window when the traveller has to wait. */
  readonly start: Float64Array;
  /** Latest start allowed by the window the visit starts in (the tour's end time at the end depot). */
  readonly windowClose: Float64Array;
  readonly maxShift: Float64Array;
  /** Latest start of each visit, start + maxShift (read by the bisection and the O(1) checks of every move). */
  readonly latest: Float64Array;
  /** Departure from each position, start + service (read at every position the insertion and replace scans pass). */
  readonly depart: Float64Array;
  /** Where the traveller is after each position (a break is taken where the traveller already is). */
  readonly location: Int32Array;
  /** Time between leaving a position and the latest start of the next one: what an insertion there can use. */
  readonly slack: Float64Array;
  /** Largest slack of each tour: a place whose cheapest detour exceeds it fits nowhere in the tour. */
  readonly maxSlack: Float64Array;
  /**
   * Time a replacement at a position (of that visit, or of it and the next) can use: from leaving
   * the previous position to the latest start of the visit after the replaced one(s).
   */
  readonly replaceSlack: Float64Array;
  /**
   * effectiveScore of the node at each position, kept by recompute: the replace scan's score test
   * rejects most positions, and reads the score along the tour instead of through the route.
   */
  readonly routeScore: Float64Array;
  /**
   * A fresh number whenever a tour changes; restoring a saved tour restores its number, so caches
   * keyed on it (insertion, replacement) stay valid for the tours a move leaves alone.
   */
  readonly version: Float64Array;
  /** Tour visiting each node, or NONE. */
  readonly tourOf: Int32Array;

  /**
   * Score of each node plus, for a meal break, a bonus larger than all scores together and, for a
   * must-visit, one larger than every meal bonus and all scores together.
   */
  readonly effectiveScore: Float64Array;
  /** The must-visits (mandatory nodes that are not breaks). */
  readonly mustVisitNodes: Int32Array;
  /** A must-visit's bonus above a meal's (0 without meals). */
  readonly mustVisitExtra: number;
  /**
   * What the repairs rank insertions by (score^e / added time, insertion.ts): the score plus the
   * meal bonus for a must-visit and a meal alike, so every hard node still goes before every
   * optional one. Ranked by their own bonus, every must-visit went before every meal in each
   * repair, which changed the search where nothing conflicts: walk trip 1 of the trip case, 10,000
   * iterations, seeds 1-6, 0.90% -> 1.56% gap, no must-visit or meal left out either way.
   */
  readonly insertionScore: Float64Array;
  /** No node scores below zero (the usual case): a visit added to a replaced run never raises its gain. */
  readonly scoresNonNegative: boolean;
  /** Sum of the effective scores of the visited nodes. */
  objective = 0;

  /**
   * The travel matrix in the narrowest exact form: 16-bit integers when every time is a whole
   * number up to 65,535 (minutes; TOPTW's scaled units), else single precision when that is exact
   * (integer-valued times below 2^24), else the problem's own matrix. A quarter or half of the
   * cache footprint of the hot loops, whose matrix reads are mostly cache misses.
   */
  readonly travel: TravelMatrix;
  /**
   * The same matrix transposed, travelTo[j * n + i] = travel from i to j: the insertion and replace
   * scans read the legs into one place j from many places, which then lie in one row, not one column.
   */
  readonly travelTo: TravelMatrix;
  /** travel[a][b] === travel[b][a] for every pair: reversing a run of visits leaves its inner legs' travel unchanged. */
  readonly symmetric: boolean;
  readonly isBreak: Uint8Array;
  /** No breaks (the benchmark): hot loops skip the location indirection. */
  readonly hasBreaks: boolean;
  /**
   * Cheapest travel into each node from a place or depot (a leg never starts at a break: it starts
   * where the traveller is), cheapest travel out of it to a place or depot (a leg into a break
   * costs nothing, so that bound holds only where the next node is not a break), and cheapest way
   * into, through and out of it, breaks included: lower bounds on any insertion.
   */
  readonly minTravelIn: Float64Array;
  readonly minTravelOut: Float64Array;
  readonly minDetour: Float64Array;

  /**
   * Focus (Tuning.focusDays): while focusCount > 0 the moves work on the tours listed in
   * focusList[0, focusCount) only (active[k] = 1), the others stay as they are. All tours are
   * active otherwise. The search's shake, repair, replace moves and day trade read it.
   */
  readonly active: Uint8Array;
  readonly focusList: Int32Array;
  focusCount = 0;
  /** In a focus, the unvisited places the repair and the replace moves may bring in (focusPlace[j] = 1). */
  readonly focusPlace: Uint8Array;

  /** Close of the window picked by the last earliestStart call. */
  lastWindowClose = 0;
  private versionCounter = 0;

  constructor(problem: CoreProblem) {
    const n = problem.nodeCount;
    const m = problem.tourCount;
    this.problem = problem;
    this.nodeCount = n;
    this.tourCount = m;
    this.capacity = problem.candidates.length + 2;
    const size = m * this.capacity;
    this.route = new Int32Array(size);
    this.length = new Int32Array(m);
    this.active = new Uint8Array(m).fill(1);
    this.focusList = new Int32Array(m);
    this.focusPlace = new Uint8Array(n).fill(1);
    this.arrival = new Float64Array(size);
    this.start = new Float64Array(size);
    this.windowClose = new Float64Array(size);
    this.maxShift = new Float64Array(size);
    this.latest = new Float64Array(size);
    this.depart = new Float64Array(size);
    this.location = new Int32Array(size);
    this.slack = new Float64Array(size);
    this.maxSlack = new Float64Array(m);
    this.replaceSlack = new Float64Array(size);
    this.routeScore = new Float64Array(size);
    this.version = new Float64Array(m);
    this.tourOf = new Int32Array(n).fill(NONE);

    // The objective is lexicographic in (must-visits kept, meal breaks kept, score): a meal's bonus
    // exceeds every score together, a must-visit's every meal bonus and every score together
    // (mealBonus * (breaks + 1) = breaks * mealBonus + optionalTotal + 1). The product promises every
    // must-visit; a meal is a comfort the plan may skip (reported in unscheduledMeals). Scores are
    // whole numbers in practice (the AI service rounds them, the benchmarks' are integers), so every
    // objective is an exact integer: a week of 300 places scored up to 100, 14 meals and 10
    // must-visits sums to about 5e6, far below 2^53. Fractional scores round in the last bits only,
    // far below the margin of at least 1 between the levels.
    let optionalTotal = 0;
    let breaks = 0;
    for (const j of problem.candidates) {
      optionalTotal += Math.max(0, problem.score[j]!);
      if (problem.mandatory[j] && problem.isBreak[j]) breaks++;
    }
    const mealBonus = optionalTotal + 1;
    const mustBonus = mealBonus * (breaks + 1);
    this.effectiveScore = new Float64Array(n);
    for (const j of problem.candidates) {
      this.effectiveScore[j] = problem.score[j]! + (problem.mandatory[j] ? (problem.isBreak[j] ? mealBonus : mustBonus) : 0);
    }
    this.scoresNonNegative = this.effectiveScore.every((e) => e >= 0);
    this.mustVisitNodes = Int32Array.from(Array.from(problem.candidates).filter((j) => problem.mandatory[j] && !problem.isBreak[j]));
    this.mustVisitExtra = mustBonus - mealBonus;
    this.insertionScore = new Float64Array(n);
    for (const j of problem.candidates) this.insertionScore[j] = problem.score[j]! + (problem.mandatory[j] ? mealBonus : 0);

    // Plain loops over locals, not from()/every(): this runs once per plan on a 320 x 320 matrix,
    // mostly before the optimiser has compiled it, and a callback per entry boxes every number.
    const source = problem.travel;
    let whole = true;
    for (let i = 0; i < n * n && whole; i++) {
      const v = source[i]!;
      whole = v >= 0 && v <= 65535 && Math.floor(v) === v;
    }
    let travel: TravelMatrix = source;
    if (whole) travel = new Uint16Array(source);
    else {
      const single = new Float32Array(source);
      let exact = true;
      for (let i = 0; i < n * n && exact; i++) exact = single[i] === source[i];
      if (exact) travel = single;
    }
    const travelTo: TravelMatrix =
      travel instanceof Uint16Array ? new Uint16Array(n * n) : travel instanceof Float32Array ? new Float32Array(n * n) : new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) travelTo[j * n + i] = travel[i * n + j]!;
    let symmetric = true;
    for (let i = 0; i < n * n && symmetric; i++) symmetric = travelTo[i] === travel[i];
    this.travel = travel;
    this.travelTo = travelTo;
    this.symmetric = symmetric;
    this.isBreak = problem.isBreak;
    this.hasBreaks = problem.isBreak.some((x) => x === 1);
    this.minTravelIn = new Float64Array(n);
    this.minTravelOut = new Float64Array(n);
    this.minDetour = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let minIn = Number.POSITIVE_INFINITY;
      let minOut = Number.POSITIVE_INFINITY;
      // Row j of the transposed matrix is column j: both scans run along memory.
      const row = j * n;
      let minOutAny = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        minOutAny = Math.min(minOutAny, source[row + i]!);
        if (problem.isBreak[i]) continue;
        minIn = Math.min(minIn, travelTo[row + i]!);
        minOut = Math.min(minOut, source[row + i]!);
      }
      this.minTravelIn[j] = Number.isFinite(minIn) ? minIn : 0;
      this.minTravelOut[j] = Number.isFinite(minOut) ? minOut : 0;
      this.minDetour[j] = this.minTravelIn[j]! + (Number.isFinite(minOutAny) ? minOutAny : 0) + problem.service[j]!;
    }

    for (let k = 0; k < m; k++) {
      const b = k * this.capacity;
      this.route[b] = problem.tourStartNode[k]!;
      this.route[b + 1] = problem.tourEndNode[k]!;
      this.length[k] = 2;
      this.arrival[b] = this.start[b] = this.windowClose[b] = problem.tourStartTime[k]!;
      this.location[b] = problem.tourStartNode[k]!;
      // A day that cannot even go from start to end stays empty: nothing will fit into it.
      this.recompute(k, 1);
    }
  }

  /** May node j join tour k (not locked to another day)? */
  allowed(j: number, k: number): boolean {
    const fixed = this.problem.fixedTour[j]!;
    return fixed === NONE || fixed === k;
  }

  /**
   * earliestStart for the hot scans (replace, insertion): a place with one window, the common case,
   * is answered from its open and close without the window loop. Does not set lastWindowClose.
   */
  startAt(profile: number, j: number, arrive: number, single: boolean, open0: number, lastClose: number): number {
    if (single) return arrive > lastClose ? -1 : arrive > open0 ? arrive : open0;
    return this.earliestStart(profile, j, arrive);
  }

  /** Earliest start of a visit to j in window profile `profile` when arriving at t, or -1; sets lastWindowClose. */
  earliestStart(profile: number, j: number, t: number): number {
    const p = this.problem;
    const key = profile * this.nodeCount + j;
    const end = p.windowOffset[key + 1]!;
    for (let o = p.windowOffset[key]!; o < end; o++) {
      const close = p.windowClose[o]!;
      if (t <= close) {
        this.lastWindowClose = close;
        const open = p.windowOpen[o]!;
        return t > open ? t : open;
      }
    }
    return -1;
  }

  /**
   * Recomputes arrival and start from position `from` on, then max-shift and slack for the whole
   * tour, and gives the tour a fresh version. Returns false when the tour is infeasible (its state
   * is then only fit to be reverted).
   */
  recompute(k: number, from: number): boolean {
    const p = this.problem;
    const n = this.nodeCount;
    const b = k * this.capacity;
    const L = this.length[k]!;
    const profile = p.tourProfile[k]!;
    const { route, arrival, start, windowClose, maxShift, latest, depart, location, slack, replaceSlack, travel, isBreak, routeScore, effectiveScore } = this;
    const service = p.service;
    this.version[k] = ++this.versionCounter;
    let feasible = true;
    for (let pos = from < 1 ? 1 : from; pos < L; pos++) {
      const previous = route[b + pos - 1]!;
      const node = route[b + pos]!;
      routeScore[b + pos] = effectiveScore[node]!;
      const at = location[b + pos - 1]!;
      location[b + pos] = isBreak[node] ? at : node;
      const a = start[b + pos - 1]! + service[previous]! + travel[at * n + node]!;
      arrival[b + pos] = a;
      if (pos === L - 1) {
        start[b + pos] = a;
        windowClose[b + pos] = p.tourEndTime[k]!;
        if (a > p.tourEndTime[k]!) feasible = false;
      } else {
        const s = this.earliestStart(profile, node, a);
        if (s < 0) {
          feasible = false;
          start[b + pos] = a;
          windowClose[b + pos] = a;
        } else {
          start[b + pos] = s;
          windowClose[b + pos] = this.lastWindowClose;
        }
      }
    }
    let shift = windowClose[b + L - 1]! - start[b + L - 1]!;
    maxShift[b + L - 1] = shift;
    latest[b + L - 1] = start[b + L - 1]! + shift;
    for (let pos = L - 2; pos >= 1; pos--) {
      const viaNext = start[b + pos + 1]! - arrival[b + pos + 1]! + shift;
      const own = windowClose[b + pos]! - start[b + pos]!;
      shift = own < viaNext ? own : viaNext;
      maxShift[b + pos] = shift;
      latest[b + pos] = start[b + pos]! + shift;
    }
    let largest = Number.NEGATIVE_INFINITY;
    for (let pos = 0; pos < L - 1; pos++) {
      depart[b + pos] = start[b + pos]! + service[route[b + pos]!]!;
      const r = latest[b + pos + 1]! - start[b + pos]! - service[route[b + pos]!]!;
      slack[b + pos] = r;
      if (r > largest) largest = r;
    }
    for (let pos = 1; pos < L - 1; pos++) {
      const leave = start[b + pos - 1]! + service[route[b + pos - 1]!]!;
      const last = pos + 2 < L ? pos + 2 : pos + 1;
      replaceSlack[b + pos] = latest[b + last]! - leave;
    }
    this.maxSlack[k] = largest;
    return feasible;
  }

  /** Puts j at position pos of tour k (shifting the rest) and updates the times. */
  insertAt(k: number, pos: number, j: number): void {
    const b = k * this.capacity;
    const L = this.length[k]!;
    this.route.copyWithin(b + pos + 1, b + pos, b + L);
    this.route[b + pos] = j;
    this.length[k] = L + 1;
    this.tourOf[j] = k;
    this.objective += this.effectiveScore[j]!;
    this.recompute(k, pos);
  }

  /**
   * Replaces the visits of tour k by `nodes`, in that order, and updates the times; returns whether
   * the tour is feasible. A node still in another tour must leave it first (assign that tour too).
   */
  assign(k: number, nodes: readonly number[]): boolean {
    const b = k * this.capacity;
    const L = this.length[k]!;
    const endDepot = this.route[b + L - 1]!;
    for (let pos = 1; pos < L - 1; pos++) {
      const node = this.route[b + pos]!;
      this.tourOf[node] = NONE;
      this.objective -= this.effectiveScore[node]!;
    }
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      this.route[b + 1 + i] = node;
      this.tourOf[node] = k;
      this.objective += this.effectiveScore[node]!;
    }
    this.route[b + 1 + nodes.length] = endDepot;
    this.length[k] = nodes.length + 2;
    return this.recompute(k, 1);
  }

  /** Sets marks[j] = 1 for every place the tours visit now. */
  markVisited(marks: Uint8Array): void {
    for (let k = 0; k < this.tourCount; k++) {
      const b = k * this.capacity;
      const end = b + this.length[k]! - 1;
      for (let i = b + 1; i < end; i++) marks[this.route[i]!] = 1;
    }
  }

  /**
   * The objective with a must-visit weighing as a meal: (must-visits and meals, score). What the
   * search accepts by (solver.ts); the best solution is kept by the objective itself.
   */
  hardAlikeObjective(): number {
    if (this.mustVisitExtra === 0) return this.objective;
    let placed = 0;
    for (const j of this.mustVisitNodes) if (this.tourOf[j] !== NONE) placed++;
    return this.objective - this.mustVisitExtra * placed;
  }

  /** Restricts the moves to these tours (focusList / active) and what they bring in to these places (focusPlace); see `active`. */
  setFocus(days: readonly number[], places: readonly number[]): void {
    this.focusPlace.fill(0);
    for (let i = 0; i < places.length; i++) this.focusPlace[places[i]!] = 1;
    this.active.fill(0);
    for (let i = 0; i < days.length; i++) {
      this.focusList[i] = days[i]!;
      this.active[days[i]!] = 1;
    }
    this.focusCount = days.length;
  }

  /** Every tour active again. */
  clearFocus(): void {
    this.active.fill(1);
    this.focusPlace.fill(1);
    this.focusCount = 0;
  }

  /** Mean score of the visited places (the scale of the acceptance threshold). */
  averageVisitScore(): number {
    let total = 0;
    let count = 0;
    for (let k = 0; k < this.tourCount; k++) {
      const b = k * this.capacity;
      for (let pos = 1; pos < this.length[k]! - 1; pos++) {
        total += this.problem.score[this.route[b + pos]!]!;
        count++;
      }
    }
    return count ? total / count : 0;
  }

  /** The visited nodes of each tour (depots excluded) and their plain score. */
  export(): { tours: number[][]; score: number } {
    const tours: number[][] = [];
    let score = 0;
    for (let k = 0; k < this.tourCount; k++) {
      const b = k * this.capacity;
      const tour: number[] = [];
      for (let pos = 1; pos < this.length[k]! - 1; pos++) {
        const node = this.route[b + pos]!;
        tour.push(node);
        score += this.problem.score[node]!;
      }
      tours.push(tour);
    }
    return { tours, score };
  }

  /**
   * The first position of tour k (0 = after the depot) whose successor can still start at or after
   * `need`: latest starts (start + maxShift) never decrease along a tour, so earlier positions cannot
   * take a visit that begins no earlier than `need`, and bisection finds the first that can.
   */
  firstPositionReaching(k: number, need: number): number {
    const b = k * this.capacity;
    const latest = this.latest;
    // Most often the first position already reaches: one test instead of the bisection.
    if (latest[b + 1]! >= need) return 0;
    let lo = 0;
    let hi = this.length[k]! - 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (latest[b + mid + 1]! >= need) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * A saved copy of the tours (the best or the current solution of the search). Saving and loading
 * copy only the tours whose version differs, so a move that touched one tour costs one tour.
 */
export class TourSnapshot {
  private readonly route: Int32Array;
  private readonly length: Int32Array;
  private readonly version: Float64Array;
  objective = Number.NEGATIVE_INFINITY;

  constructor(private readonly tours: TourState) {
    this.route = new Int32Array(tours.route.length);
    this.length = new Int32Array(tours.tourCount);
    // Versions start at 0 in the state and 1 on first change; -1 never matches, so the first save copies all.
    this.version = new Float64Array(tours.tourCount).fill(-1);
  }

  /** Whether this copy holds version `version` of tour k. */
  holds(k: number, version: number): boolean {
    return this.version[k] === version;
  }

  save(): void {
    const t = this.tours;
    for (let k = 0; k < t.tourCount; k++) {
      if (this.version[k] === t.version[k]) continue;
      const b = k * t.capacity;
      // A plain loop, not set(subarray()): no view object per saved tour (this runs every iteration).
      const end = b + t.length[k]!;
      for (let i = b; i < end; i++) this.route[i] = t.route[i]!;
      this.length[k] = t.length[k]!;
      this.version[k] = t.version[k]!;
    }
    this.objective = t.objective;
  }

  /**
   * Restores the saved tours into the state, recomputing only those that differ, and each from its
   * first position that differs: the times before it belong to the same visits in the same order
   * (recompute's forward pass at a position depends on the tour up to it alone), so they are what
   * a recompute from position 1 would give.
   */
  load(): void {
    const t = this.tours;
    t.objective = this.objective;
    for (let k = 0; k < t.tourCount; k++) {
      if (this.version[k] === t.version[k]) continue;
      const b = k * t.capacity;
      for (let pos = 1; pos < t.length[k]! - 1; pos++) {
        const node = t.route[b + pos]!;
        if (t.tourOf[node] === k) t.tourOf[node] = NONE;
      }
    }
    for (let k = 0; k < t.tourCount; k++) {
      if (this.version[k] === t.version[k]) continue;
      const b = k * t.capacity;
      const end = b + this.length[k]!;
      // Both end with the same end depot: the first difference lies before the shorter one's end.
      const common = b + (this.length[k]! < t.length[k]! ? this.length[k]! : t.length[k]!) - 1;
      let first = b + 1;
      while (first < common && t.route[first] === this.route[first]) first++;
      for (let i = first; i < end; i++) t.route[i] = this.route[i]!;
      t.length[k] = this.length[k]!;
      for (let pos = 1; pos < t.length[k]! - 1; pos++) t.tourOf[t.route[b + pos]!] = k;
      t.recompute(k, first - b);
      t.version[k] = this.version[k]!;
    }
  }
}
