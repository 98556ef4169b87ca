import { candidateNodes, unprunedCandidates } from './problem.ts';
import type { TourState } from './tours.ts';
import { VersionSlots, type VersionPins } from './version-slots.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;
/** A runner-up not known (tourSecondIndex). */
const UNKNOWN = -2;
/** openMark of a place not on the last repair's final open list (generations count from 1). */
const UNMARKED = -1;
/** buildNear packs a whole key below KEY_LIMIT and a candidate index below INDEX_SPAN into one 32-bit integer. */
const INDEX_SPAN = 2 ** 11;
/**
 * markReachable gives up (the scan then evaluates every open place) once its walk passes this many
 * steps per open place: an evaluate call that finds nothing costs about ten steps of its loop, and
 * the marks spare about two calls in five, so a longer walk costs more than it saves.
 */
const WALK_BUDGET = 3;
const KEY_LIMIT = 2 ** 20;

/** Places that may not be inserted for now (those a shake just removed). */
export interface InsertionFilter {
  blocks(j: number): boolean;
}

/**
 * Cheapest insertion of each unvisited place into each tour, and the greedy repair built on it.
 *
 * The best insertion of place j into tour k (position and added time) is cached per tour version;
 * a version number stands for one exact tour content (tours.ts), so an entry is valid while its
 * stamp equals its slot's version, and a tour that a move leaves alone is never re-scanned. Each
 * tour has a few slots, so a rejected iteration's restore (the snapshot gives the tour its old
 * version back) finds the entries of that version still there instead of re-scanning the tour.
 */
export class Insertion {
  /** Cached best insertion of j at [slotBase + j]: insert after `position` (NONE: does not fit) at added time `cost`, valid when stamp = the slot's version. */
  private readonly position: Int32Array;
  private readonly cost: Float64Array;
  private readonly stamp: Float64Array;
  private readonly slots: VersionSlots;

  /** Insertion weight of each node (score^exponent) for the current repair. */
  private weight: Float64Array;
  private exponent = Number.NaN;
  private readonly weightsByExponent = new Map<number, Float64Array>();
  /** Per tour during insertAll: its best place (candidate index, node) and ratio. */
  private readonly tourBestRatio: Float64Array;
  private readonly tourBestIndex: Int32Array;
  private readonly tourBestNode: Int32Array;
  /**
   * Per tour: the runner-up of its last scan (ratio, candidate index; NONE: there is none; UNKNOWN:
   * it moved up). While the tour is unchanged and the runner-up still open, it is the tour's best
   * once its best goes to another tour: no rescan needed.
   */
  private readonly tourSecondRatio: Float64Array;
  private readonly tourSecondIndex: Int32Array;
  /**
   * Per tour (at [k * candidate count]): the places its last scan found room for, ascending, and
   * their count. After an insertion into the tour only these can still fit (insertAt carries every
   * other entry over as fitting nowhere), so its next scan passes over these alone.
   */
  private readonly fits: Int32Array;
  private readonly fitsCount: Int32Array;
  /** During insertAll: candidate indices (ascending) of the places it may insert, and their count. */
  private readonly open: Int32Array;
  private openCount = 0;
  /**
   * The last repair's end state. It ends when no tour takes any open place, so in a tour still at
   * that version every place of that final open list is cached as fitting nowhere, as long as the
   * version's cache slot was not given up in between. A slot's birth (VersionSlots.born) names one
   * version and one stretch of its entries, so an unchanged birth says both. The next repair scans
   * such a tour only for the places not on that list (`fresh`): the others would be read from the
   * cache as fitting nowhere.
   */
  private readonly openMark: Float64Array;
  private markGeneration = 0;
  private readonly scannedBorn: Float64Array;
  private readonly fresh: Int32Array;
  /**
   * "Nothing chosen" means "nothing fits" only when no ratio can fall below the scan's floor (-1),
   * that is when no score is negative.
   */
  private readonly incremental: boolean;
  /** Tests only: every scan passes over every open place and evaluates each (the plain definition the shortcuts must match). */
  private readonly fullScans: boolean;

  constructor(
    private readonly tours: TourState,
    options: { fullScans?: boolean } = {},
  ) {
    this.slots = new VersionSlots(tours, tours.nodeCount);
    const size = this.slots.size;
    this.position = new Int32Array(size);
    this.cost = new Float64Array(size);
    this.stamp = new Float64Array(size).fill(-1);
    this.weight = new Float64Array(tours.nodeCount);
    this.tourBestRatio = new Float64Array(tours.tourCount);
    this.tourBestIndex = new Int32Array(tours.tourCount);
    this.tourBestNode = new Int32Array(tours.tourCount);
    this.tourSecondRatio = new Float64Array(tours.tourCount);
    this.tourSecondIndex = new Int32Array(tours.tourCount);
    this.fits = new Int32Array(tours.tourCount * tours.problem.candidates.length);
    this.fitsCount = new Int32Array(tours.tourCount);
    this.open = new Int32Array(tours.problem.candidates.length);
    this.fresh = new Int32Array(tours.problem.candidates.length);
    this.openMark = new Float64Array(tours.nodeCount);
    // Births start at 1: 0 matches no slot.
    this.scannedBorn = new Float64Array(tours.tourCount);
    this.fullScans = options.fullScans ?? false;
    this.mark = new Int32Array(tours.problem.candidates.length);
    this.nearOrder = new Array(tours.nodeCount).fill(undefined);
    this.nearKey = new Array(tours.nodeCount).fill(undefined);
    this.live = unprunedCandidates(tours.problem, null);
    this.liveNodes = candidateNodes(tours.problem, this.live);
    this.incremental = !this.fullScans && tours.scoresNonNegative;
  }

  /** Repairs rank insertions by score^e / added time (Vansteenwegen et al. 2009 use e = 2). */
  setExponent(e: number): void {
    if (e === this.exponent) return;
    this.exponent = e;
    let w = this.weightsByExponent.get(e);
    if (!w) {
      w = new Float64Array(this.tours.nodeCount);
      for (const j of this.tours.problem.candidates) w[j] = Math.pow(this.tours.insertionScore[j]!, e);
      this.weightsByExponent.set(e, w);
    }
    this.weight = w;
  }

  /** Sets the places no repair inserts any more (the search's problem reduction; null: none). */
  prune(marks: Uint8Array | null): void {
    this.live = unprunedCandidates(this.tours.problem, marks);
    this.liveNodes = candidateNodes(this.tours.problem, this.live);
  }

  /** Candidate indices (ascending) of the places not pruned: what insertAll and insertAt walk. */
  private live: Int32Array;
  /** Their nodes (candidates[live[i]]), read without the indirection. */
  private liveNodes: Int32Array;

  /** Keep the cached insertions of the tour versions `pins` holds (the search's saved solutions). */
  pin(pins: VersionPins): void {
    this.slots.pin(pins);
  }

  /** Index of the first entry of tour k's current version. */
  private slotBase(k: number): number {
    return this.slots.base(k);
  }

  /** Best insertion of j into k, from the cache when this version of the tour was scanned for j before. */
  best(k: number, j: number): void {
    const key = this.slotBase(k) + j;
    if (this.stamp[key] !== this.tours.version[k]) this.evaluate(k, j, key);
  }

  /** After best(k, j): the position j goes after (NONE: it fits nowhere) and the added time. */
  positionOf(k: number, j: number): number {
    return this.position[this.slotBase(k) + j]!;
  }

  costOf(k: number, j: number): number {
    return this.cost[this.slotBase(k) + j]!;
  }

  /**
   * Greedy best-ratio insertion (score^e / added time) until nothing fits. Ties go to the place
   * first in candidate order, then to the first tour.
   *
   * Each tour's best candidate is kept between steps: an insertion changes one tour, so only that
   * tour is re-scanned, plus any other tour whose best was the place just inserted.
   */
  insertAll(filter: InsertionFilter | null): void {
    const m = this.tours.tourCount;
    // The places this repair may insert, in candidate order, listed once: the scans below then
    // pass over the unvisited places only, not over every candidate after every insertion.
    const cands = this.tours.problem.candidates;
    const tourOf = this.tours.tourOf;
    const { open, fresh, openMark } = this;
    const lastGeneration = this.markGeneration;
    // Marked here, unmarked by close(): at the end the marks are the final open list, without a
    // second pass over it.
    const generation = ++this.markGeneration;
    let openCount = 0;
    let freshCount = 0;
    const { live, liveNodes } = this;
    // In a focus, only its places (TourState.focusPlace); the others, left off the open list, are
    // "fresh" again for the next repair.
    const focusPlace = this.tours.focusPlace;
    for (let i = 0; i < live.length; i++) {
      const j = liveNodes[i]!;
      if (tourOf[j] !== NONE || focusPlace[j] === 0) continue;
      const c = live[i]!;
      if (filter !== null && filter.blocks(j)) continue;
      open[openCount++] = c;
      if (openMark[j] !== lastGeneration) fresh[freshCount++] = c;
      openMark[j] = generation;
    }
    this.openCount = openCount;
    // Focus (TourState.active): tours out of it take nothing; their last scan is forgotten, so the
    // first repair after the focus scans them over the whole open list (their cached insertions stay).
    const active = this.tours.active;
    const focused = this.tours.focusCount > 0;
    for (let k = 0; k < m; k++) {
      if (focused && active[k] === 0) {
        this.tourBestNode[k] = NONE;
        this.tourBestIndex[k] = NONE;
        this.tourBestRatio[k] = -1;
        continue;
      }
      // slotBase first (as scanTour does), so the birth read is the live version's slot's.
      this.slotBase(k);
      if (this.incremental && this.slots.born(k) === this.scannedBorn[k]) this.scanTour(k, fresh, 0, freshCount);
      else this.scanTour(k, open, 0, openCount, !this.fullScans && this.tryMarking(k, openCount));
    }
    const { tourBestRatio, tourBestIndex, tourBestNode } = this;
    while (true) {
      let bestK = NONE;
      for (let k = 0; k < m; k++) {
        if (tourBestNode[k] === NONE) continue;
        if (
          bestK === NONE ||
          tourBestRatio[k]! > tourBestRatio[bestK]! ||
          (tourBestRatio[k] === tourBestRatio[bestK] && tourBestIndex[k]! < tourBestIndex[bestK]!)
        ) {
          bestK = k;
        }
      }
      if (bestK === NONE) break;
      const j = tourBestNode[bestK]!;
      this.insertAt(bestK, this.position[this.slotBase(bestK) + j]! + 1, j);
      this.close(tourBestIndex[bestK]!);
      if (this.fullScans) this.scanTour(bestK, open, 0, this.openCount);
      else this.scanTour(bestK, this.fits, bestK * cands.length, this.fitsCount[bestK]!);
      const { tourSecondRatio, tourSecondIndex } = this;
      for (let k = 0; k < m; k++) {
        if (k === bestK || tourBestNode[k] !== j) continue;
        const second = tourSecondIndex[k]!;
        if (this.fullScans) {
          this.scanTour(k, open, 0, this.openCount);
        } else if (second === NONE) {
          tourBestRatio[k] = -1;
          tourBestIndex[k] = NONE;
          tourBestNode[k] = NONE;
        } else if (second !== UNKNOWN && tourOf[cands[second]!] === NONE) {
          tourBestRatio[k] = tourSecondRatio[k]!;
          tourBestIndex[k] = second;
          tourBestNode[k] = cands[second]!;
          tourSecondIndex[k] = UNKNOWN;
        } else {
          this.scanTour(k, open, 0, this.openCount);
        }
      }
    }
    // Every tour's last scan (at its current version, over a superset of the open list now, the
    // places openMark holds at `generation`) found nothing.
    for (let k = 0; k < m; k++) this.scannedBorn[k] = focused && active[k] === 0 ? -1 : this.slots.born(k);
  }

  /** Takes candidate index c (just inserted) off the open list, keeping its order. */
  private close(c: number): void {
    const open = this.open;
    const count = this.openCount;
    let i = 0;
    while (i < count && open[i] !== c) i++;
    if (i === count) return;
    this.openMark[this.tours.problem.candidates[c]!] = UNMARKED;
    open.copyWithin(i, i + 1, count);
    this.openCount = count - 1;
  }

  /**
   * Best-ratio place of list[from, from + count) (candidate indices, ascending, of places open when
   * listed: those inserted since are skipped) for tour k (first in candidate order among equals),
   * into tourBest*, with the runner-up; the places with room into k's `fits` (in place when the
   * list is that one: it writes no further than it has read).
   */
  private scanTour(k: number, list: Int32Array, from: number, count: number, marked = false): void {
    const mark = this.mark;
    const epoch = this.markEpoch;
    const t = this.tours;
    const cands = t.problem.candidates;
    const fixed = t.problem.fixedTour;
    const base = this.slotBase(k);
    const tourVersion = t.version[k]!;
    const minDetour = t.minDetour;
    const maxSlack = t.maxSlack[k]!;
    // Places with no opening on the tour's day (windowOffset[row + j] = windowOffset[row + j + 1]),
    // about a tenth of the trip case's evaluate calls, are settled here too.
    const windowOffset = t.problem.windowOffset;
    const row = t.problem.tourProfile[k]! * t.nodeCount;
    const shortcuts = !this.fullScans;
    const { position, cost, stamp, weight } = this;
    let bestRatio = -1;
    let bestIndex = NONE;
    let secondRatio = -1;
    let secondIndex = NONE;
    const tourOf = t.tourOf;
    const fits = this.fits;
    const fitsFrom = k * cands.length;
    let fitsEnd = fitsFrom;
    const end = from + count;
    for (let i = from; i < end; i++) {
      const c = list[i]!;
      const j = cands[c]!;
      if (tourOf[j] !== NONE) continue;
      const f = fixed[j]!;
      if (f !== NONE && f !== k) continue;
      const key = base + j;
      if (stamp[key] !== tourVersion) {
        // evaluate()'s first tests, here to save the call for the many places that fit nowhere.
        if (shortcuts && (minDetour[j]! > maxSlack || windowOffset[row + j] === windowOffset[row + j + 1] || (marked && mark[c] !== epoch))) {
          stamp[key] = tourVersion;
          position[key] = NONE;
          continue;
        }
        this.evaluate(k, j, key);
      }
      if (position[key] === NONE) continue;
      fits[fitsEnd++] = c;
      const added = cost[key]!;
      const ratio = weight[j]! / (added > EPSILON ? added : EPSILON);
      // Candidate indices ascend, so an equal ratio ranks below both kept ones.
      if (ratio > bestRatio) {
        secondRatio = bestRatio;
        secondIndex = bestIndex;
        bestRatio = ratio;
        bestIndex = c;
      } else if (ratio > secondRatio) {
        secondRatio = ratio;
        secondIndex = c;
      }
    }
    this.fitsCount[k] = fitsEnd - fitsFrom;
    this.tourSecondRatio[k] = secondRatio;
    this.tourSecondIndex[k] = secondIndex;
    this.tourBestRatio[k] = bestRatio;
    this.tourBestIndex[k] = bestIndex;
    this.tourBestNode[k] = bestIndex === NONE ? NONE : cands[bestIndex]!;
  }

  /** Per candidate index: markEpoch when markReachable found a position whose first leg test it may pass. */
  private readonly mark: Int32Array;
  private markEpoch = 0;
  /** Per location node (lazily): candidate indices sorted by travel into the candidate plus its service, and those sums. */
  private readonly nearOrder: Array<Int32Array | undefined>;
  private readonly nearKey: Array<Float64Array | undefined>;

  /**
   * Share (decaying) of recent walks that gave up: where most do (long days with room everywhere,
   * as in the TOPTW sets) the walk is only cost, so it is tried on one full scan in 16 until the
   * share falls again. Counts of the search's own steps, so a run stays deterministic.
   */
  private giveUpShare = 0;
  private skippedWalks = 0;

  private tryMarking(k: number, openCount: number): boolean {
    if (this.giveUpShare >= 0.5 && (++this.skippedWalks & 15) !== 0) return false;
    const marked = this.markReachable(k, WALK_BUDGET * openCount);
    this.giveUpShare = 0.9 * this.giveUpShare + (marked ? 0 : 0.1);
    return marked;
  }

  /**
   * Marks every candidate that passes evaluate()'s first leg test (travel in + service + a
   * non-negative bound on the leg out <= slack) at some position of tour k; the others fit nowhere (the scan
   * settles them without an evaluate call). False (marks unusable) once the walk passes `budget` steps.
   * Adding a non-negative number never makes a floating-point sum smaller, so a place whose travel
   * in plus service exceeds a position's slack fails that test there, whichever bound is added.
   */
  private markReachable(k: number, budget: number): boolean {
    const t = this.tours;
    const b = k * t.capacity;
    const L = t.length[k]!;
    const epoch = ++this.markEpoch;
    const mark = this.mark;
    const { location, slack } = t;
    for (let pos = 0; pos < L - 1; pos++) {
      // Where the traveller is (a break's own node has no matrix row); once per position, so the
      // hot loops' no-break shortcut of reading route instead would save nothing here.
      const from = location[b + pos]!;
      let order = this.nearOrder[from];
      if (order === undefined) order = this.buildNear(from);
      const keys = this.nearKey[from]!;
      const sl = slack[b + pos]!;
      let i = 0;
      for (; i < keys.length && keys[i]! <= sl; i++) mark[order[i]!] = epoch;
      budget -= i;
      if (budget < 0) return false;
    }
    return true;
  }

  private buildNear(from: number): Int32Array {
    const t = this.tours;
    const n = t.nodeCount;
    const cands = t.problem.candidates;
    const service = t.problem.service;
    const count = cands.length;
    const key = new Float64Array(count);
    let whole = count <= INDEX_SPAN;
    for (let c = 0; c < count; c++) {
      const j = cands[c]!;
      // Row `from` of the matrix (the legs out of it), read along memory; the same values as travelTo[j * n + from].
      const v = t.travel[from * n + j]! + service[j]!;
      key[c] = v;
      if (!(v >= 0 && v < KEY_LIMIT && Math.floor(v) === v)) whole = false;
    }
    const order = new Int32Array(count);
    const sorted = new Float64Array(count);
    if (whole) {
      // Whole keys (minutes, TOPTW's scaled units): key and index packed into one integer, so the
      // native integer sort does it without a comparator call per comparison (several times faster).
      for (let c = 0; c < count; c++) order[c] = key[c]! * INDEX_SPAN + c;
      order.sort();
      for (let i = 0; i < count; i++) {
        const packed = order[i]!;
        const c = packed & (INDEX_SPAN - 1);
        order[i] = c;
        sorted[i] = key[c]!;
      }
    } else {
      for (let c = 0; c < count; c++) order[c] = c;
      order.sort((x, y) => key[x]! - key[y]!);
      for (let i = 0; i < count; i++) sorted[i] = key[order[i]!]!;
    }
    this.nearOrder[from] = order;
    this.nearKey[from] = sorted;
    return order;
  }

  /** Inserts j at position pos of tour k, keeping the cache entries the insertion cannot have changed. */
  insertAt(k: number, pos: number, j: number): void {
    const t = this.tours;
    const before = t.version[k]!;
    const from = this.slotBase(k);
    t.insertAt(k, pos, j);
    // An insertion only consumes slack, so a place that fitted nowhere in the tour before still
    // fits nowhere (up to rounding, which can only hide an option, never admit an infeasible one):
    // carry those cache entries over to the new version instead of re-evaluating them. Not exact
    // on days with breaks (README, "fits-nowhere carry-over with breaks"): a node put right before
    // a break shortens the leg after it, and a break waiting for its window can fit next to the
    // new node. The exact version read no better, so this stays.
    const after = t.version[k]!;
    const to = this.slotBase(k);
    const { stamp, position } = this;
    // Pruned places left out: no scan reads their entries again in this run.
    const liveNodes = this.liveNodes;
    for (let i = 0; i < liveNodes.length; i++) {
      const j = liveNodes[i]!;
      if (stamp[from + j] === before && position[from + j] === NONE) {
        stamp[to + j] = after;
        position[to + j] = NONE;
      }
    }
  }

  /** Scans tour k for the cheapest feasible insertion of j (by added time) and caches it at key. */
  private evaluate(k: number, j: number, key: number): void {
    const t = this.tours;
    const p = t.problem;
    const n = t.nodeCount;
    const b = k * t.capacity;
    const L = t.length[k]!;
    this.stamp[key] = t.version[k]!;
    if (t.minDetour[j]! > t.maxSlack[k]!) {
      this.position[key] = NONE;
      return;
    }
    const profile = p.tourProfile[k]!;
    const sj = p.service[j]!;
    const { start, maxShift, arrival, slack, route, travel, travelTo, location, isBreak, hasBreaks } = t;
    const departAt = t.depart;
    const service = p.service;
    const windowKey = profile * n + j;
    const firstWindow = p.windowOffset[windowKey]!;
    const windowEnd = p.windowOffset[windowKey + 1]!;
    if (firstWindow === windowEnd) {
      this.position[key] = NONE;
      return;
    }
    const single = windowEnd - firstWindow === 1;
    const open0 = p.windowOpen[firstWindow]!;
    const lastClose = p.windowClose[windowEnd - 1]!;
    const lastDeparture = lastClose - t.minTravelIn[j]!;
    // Positions before the first whose successor can still start after j's visit cannot take j.
    const lo = t.firstPositionReaching(k, open0 + sj);
    let bestCost = Number.POSITIVE_INFINITY;
    let bestPos = NONE;
    const jRow = j * n;
    const jIsBreak = isBreak[j] === 1;
    const minDetour = t.minDetour[j]!;
    // A break's leg out is the leg from the place before it: its own minimum (0) is no bound.
    const minOut = jIsBreak ? 0 : t.minTravelOut[j]!;
    for (let pos = lo; pos < L - 1; pos++) {
      const depart = departAt[b + pos]!;
      // Departures only grow along a tour: once j cannot be reached before its last window
      // closes, nothing later fits either.
      if (depart > lastDeparture) break;
      // The cheapest detour into and out of j (a lower bound) rejects most positions before
      // their two travel times are read.
      if (minDetour > slack[b + pos]!) continue;
      const a = route[b + pos]!;
      const next = route[b + pos + 1]!;
      const nextIsBreak = hasBreaks && isBreak[next] === 1;
      // A break right after a break would chain two moved breaks: not O(1), skip.
      if (nextIsBreak && jIsBreak) continue;
      const from = hasBreaks ? location[b + pos]! : a;
      const toJ = travelTo[jRow + from]!;
      // The leg into j with the cheapest leg out (a lower bound, summed in the same order as the
      // test below, so rounding keeps it a bound) rejects most positions before the second read.
      if (toJ + sj + (nextIsBreak ? 0 : minOut) > slack[b + pos]!) continue;
      const fromJ = jIsBreak ? travel[from * n + next]! : travel[jRow + next]!;
      if (toJ + sj + fromJ > slack[b + pos]!) continue;
      const arriveJ = depart + toJ;
      const s = t.startAt(profile, j, arriveJ, single, open0, lastClose);
      if (s < 0) continue;
      let arriveNext = s + sj + fromJ;
      let added: number;
      if (nextIsBreak) {
        // j goes right before a break: the break is then taken at j, so the leg after the break
        // starts from j. Check the break's own window, then the visit after it (one step more).
        const after = route[b + pos + 2]!;
        if (isBreak[after]) continue;
        const breakStart = t.earliestStart(profile, next, arriveNext);
        if (breakStart < 0) continue;
        arriveNext = breakStart + service[next]! + travel[jRow + after]!;
        if (arriveNext - start[b + pos + 2]! > maxShift[b + pos + 2]!) continue;
        added = arriveNext - arrival[b + pos + 2]!;
      } else {
        if (arriveNext - start[b + pos + 1]! > maxShift[b + pos + 1]!) continue;
        added = arriveNext - arrival[b + pos + 1]!;
      }
      if (added < bestCost) {
        bestCost = added;
        bestPos = pos;
      }
    }
    this.position[key] = bestPos;
    this.cost[key] = bestCost;
  }
}
