import { candidateNodes, unprunedCandidates } from './problem.ts';
import type { TourState } from './tours.ts';
import { VersionSlots, type VersionPins } from './version-slots.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/**
 * The replace move: an unvisited place takes the slot of one visit (or of two consecutive visits)
 * that score less in total, or of visits scoring the same when that saves time (a sideways move
 * that frees time for insertion). Feasibility is O(1): the place must start inside one of its
 * windows and the visit after the replaced one(s) must still start within its max-shift.
 */
export class ReplaceMove {
  /** noMoveAt[slot base of tour k + j] === version of tour k: no replacement for j exists in that state of k. */
  private readonly noMoveAt: Float64Array;
  private readonly slots: VersionSlots;
  /** During pass(): each tour's slot base for its current version (refreshed when a move changes the tour). */
  private readonly tourBase: Int32Array;
  /** Lowest effective score among the visits of each tour (a tour whose visits all score more cannot gain). */
  private readonly tourLowest: Float64Array;
  /**
   * The last pass: the versions of the tours it did not change (-1 for those it did), and
   * (examined[j] = its number) the places it scanned every tour for in vain. A tour at that
   * version again offers such a place nothing (a version is one exact tour content, and the scan's
   * bounds depend on the tour alone), so a later scan for the place passes over the tours changed
   * since (clean[k] = 0) only.
   */
  private readonly cleanVersion: Float64Array;
  private readonly clean: Uint8Array;
  /** During pass(): the tours not clean, ascending, and their count. */
  private readonly dirty: Int32Array;
  private dirtyCount = 0;
  /** During pass(): the lowest tourLowest of the dirty tours (a place it leaves nothing to gain in them needs no scan). */
  private dirtyLowest = Number.POSITIVE_INFINITY;
  private readonly examined: Float64Array;
  private record = 0;
  /** During pass(): the places scanned in vain, to mark examined at its end, and the tours it changed. */
  private readonly scanned: Int32Array;
  private readonly movedIn: Uint8Array;

  // The move found by the last scan of one place.
  private bestGain = 0;
  private bestSaved = 0;
  private bestTour = NONE;
  private bestPos = NONE;
  private bestSpan = 1;

  constructor(
    private readonly tours: TourState,
    /** Also replace two consecutive visits by one better place. */
    private readonly pairs: boolean,
    /** Also accept equal scores that save time. */
    private readonly ties: boolean,
    /** Tests only: scan every tour for every place (the plain definition the shortcut must match). */
    private readonly fullScans = false,
  ) {
    this.slots = new VersionSlots(tours, tours.nodeCount);
    this.noMoveAt = new Float64Array(this.slots.size).fill(-1);
    this.tourBase = new Int32Array(tours.tourCount);
    this.tourLowest = new Float64Array(tours.tourCount);
    this.cleanVersion = new Float64Array(tours.tourCount).fill(-1);
    this.clean = new Uint8Array(tours.tourCount);
    this.dirty = new Int32Array(tours.tourCount);
    this.examined = new Float64Array(tours.nodeCount);
    this.scanned = new Int32Array(tours.problem.candidates.length);
    this.movedIn = new Uint8Array(tours.tourCount);
    this.liveNodes = candidateNodes(tours.problem, unprunedCandidates(tours.problem, null));
  }

  /** Sets the places no replace move brings in any more (the search's problem reduction; null: none). */
  prune(marks: Uint8Array | null): void {
    this.liveNodes = candidateNodes(this.tours.problem, unprunedCandidates(this.tours.problem, marks));
  }

  /** The places not pruned, in candidate order: what pass() walks. */
  private liveNodes: Int32Array;

  /** Keep the scans of the tour versions `pins` holds (the search's saved solutions). */
  pin(pins: VersionPins): void {
    this.slots.pin(pins);
  }

  /** One sweep over the unvisited places, applying for each its best replacement. Returns whether anything changed. */
  pass(): boolean {
    const t = this.tours;
    const { tourOf, effectiveScore, routeScore, isBreak } = t;
    // The visited places are exactly the tours' visits: their lowest score is the least of the tours' lowest.
    let lowestVisited = Number.POSITIVE_INFINITY;
    let dirtyLowest = Number.POSITIVE_INFINITY;
    this.dirtyCount = 0;
    // Focus (TourState.active): tours out of it are neither scanned nor counted (unfocus() after).
    const active = t.active;
    const focused = t.focusCount > 0;
    const focusPlace = t.focusPlace;
    for (let k = 0; k < t.tourCount; k++) {
      if (focused && active[k] === 0) {
        this.tourLowest[k] = Number.POSITIVE_INFINITY;
        this.clean[k] = 1;
        this.movedIn[k] = 0;
        continue;
      }
      let low = Number.POSITIVE_INFINITY;
      const b = k * t.capacity;
      for (let pos = 1; pos < t.length[k]! - 1; pos++) {
        const e = routeScore[b + pos]!;
        if (e < low) low = e;
      }
      this.tourLowest[k] = low;
      if (low < lowestVisited) lowestVisited = low;
      this.tourBase[k] = this.slots.base(k);
      this.clean[k] = !this.fullScans && t.version[k] === this.cleanVersion[k] ? 1 : 0;
      if (this.clean[k] === 0) {
        this.dirty[this.dirtyCount++] = k;
        if (low < dirtyLowest) dirtyLowest = low;
      }
      this.movedIn[k] = 0;
    }
    this.dirtyLowest = dirtyLowest;
    const least = this.ties ? -EPSILON : EPSILON;
    // findBest's first tour test with its starting gain: a place examined before that fails it
    // for the dirty tour scoring lowest fails it for every dirty tour, so findBest would find nothing.
    const firstFloor = (this.ties ? 0 : EPSILON) - EPSILON;
    let replaced = false;
    const { examined, scanned } = this;
    const record = this.record;
    let scannedCount = 0;
    const liveNodes = this.liveNodes;
    for (let i = 0; i < liveNodes.length; i++) {
      const j = liveNodes[i]!;
      if (tourOf[j] !== NONE || isBreak[j] || focusPlace[j] === 0) continue;
      if (effectiveScore[j]! - lowestVisited < least) continue;
      const seen = examined[j] === record;
      if ((seen && effectiveScore[j]! - this.dirtyLowest < firstFloor) || !this.findBest(j, seen)) {
        scanned[scannedCount++] = j;
        continue;
      }
      this.apply(j);
      this.tourBase[this.bestTour] = this.slots.base(this.bestTour);
      this.markDirty(this.bestTour);
      this.movedIn[this.bestTour] = 1;
      // tourLowest of the changed tour stays a valid lower bound: j scores more than what it replaced.
      replaced = true;
    }
    // A place scanned in vain saw every tour this pass did not change as it is now.
    const next = ++this.record;
    for (let i = 0; i < scannedCount; i++) examined[scanned[i]!] = next;
    for (let k = 0; k < t.tourCount; k++) this.cleanVersion[k] = this.movedIn[k] === 1 ? -1 : t.version[k]!;
    return replaced;
  }

  /**
   * The focus ended: places scanned in vain during it saw the focus tours only, so none counts as
   * examined any more (their next scan covers every tour).
   */
  unfocus(): void {
    this.record++;
  }

  /** Tour k changed: no longer clean; into the dirty list, keeping it ascending. */
  private markDirty(k: number): void {
    if (this.clean[k] === 0) return;
    this.clean[k] = 0;
    // tourLowest of a tour a move changed is still a lower bound (see pass()).
    if (this.tourLowest[k]! < this.dirtyLowest) this.dirtyLowest = this.tourLowest[k]!;
    const dirty = this.dirty;
    let i = this.dirtyCount++;
    while (i > 0 && dirty[i - 1]! > k) {
      dirty[i] = dirty[i - 1]!;
      i--;
    }
    dirty[i] = k;
  }

  /**
   * Scans every tour for j's best replacement, lexicographic on (score gained, time saved); when
   * j is `examined`, the clean tours are known to offer it nothing: only the dirty ones are scanned.
   */
  private findBest(j: number, examined: boolean): boolean {
    const t = this.tours;
    const p = t.problem;
    const n = t.nodeCount;
    const { route, travel, travelTo, location, replaceSlack, effectiveScore, routeScore, isBreak, hasBreaks } = t;
    const departAt = t.depart;
    const service = p.service;
    const ej = effectiveScore[j]!;
    const sj = service[j]!;
    const minDetour = t.minDetour[j]!;
    const fixed = p.fixedTour[j]!;
    const pairs = this.pairs;
    const nonNegative = t.scoresNonNegative;
    this.bestGain = this.ties ? 0 : EPSILON;
    this.bestSaved = EPSILON;
    this.bestTour = NONE;
    this.bestPos = NONE;
    this.bestSpan = 1;
    const dirty = this.dirty;
    const tourCount = examined ? this.dirtyCount : t.tourCount;
    for (let i = 0; i < tourCount; i++) {
      const k = examined ? dirty[i]! : i;
      if (ej - this.tourLowest[k]! < this.bestGain - EPSILON) continue;
      if (fixed !== NONE && fixed !== k) continue;
      // Already scanned in this very tour state without finding anything: skip.
      const cacheKey = this.tourBase[k]! + j;
      if (this.noMoveAt[cacheKey] === t.version[k]) continue;
      const scannedFromScratch = this.bestTour === NONE;
      const foundBefore = this.bestTour;
      const b = k * t.capacity;
      const L = t.length[k]!;
      const profile = p.tourProfile[k]!;
      const windowKey = profile * n + j;
      const firstWindow = p.windowOffset[windowKey]!;
      const windowEnd = p.windowOffset[windowKey + 1]!;
      const single = windowEnd - firstWindow === 1;
      const open0 = p.windowOpen[firstWindow] ?? 0;
      const lastClose = p.windowClose[windowEnd - 1] ?? Number.NEGATIVE_INFINITY;
      const lo = t.firstPositionReaching(k, open0 + sj);
      // Lowest gain still worth a look; follows bestGain as consider() raises it.
      let floor = this.bestGain - EPSILON;
      for (let pos = lo < 1 ? 1 : lo; pos < L - 1; pos++) {
        // routeScore[b + pos] is effectiveScore[route[b + pos]]: the score test reads no route.
        let gain = ej - routeScore[b + pos]!;
        // With no negative score a pair gains no more than its first visit alone: one test rejects
        // both. Before the departure test: departures never decrease along a tour, so a position
        // this skips past the break would only break later, at the next one it reaches.
        if (gain < floor && nonNegative) continue;
        const depart = departAt[b + pos - 1]!;
        if (depart > lastClose) break;
        const replacedNode = route[b + pos]!;
        const next = route[b + pos + 1]!;
        let gainPair = pairs && pos < L - 2 ? gain - routeScore[b + pos + 1]! : Number.NEGATIVE_INFINITY;
        if (hasBreaks) {
          // Breaks are never replaced, and a replacement right before one would move it.
          if (isBreak[replacedNode]) continue;
          if (isBreak[next]) gain = gainPair = Number.NEGATIVE_INFINITY;
          else if (pos < L - 2 && isBreak[route[b + pos + 2]!]) gainPair = Number.NEGATIVE_INFINITY;
        }
        // The score test first: it rejects most positions (the time test few).
        if (gain < floor && gainPair < floor) continue;
        if (minDetour > replaceSlack[b + pos]!) continue;
        const arriveJ = depart + travelTo[j * n + (hasBreaks ? location[b + pos - 1]! : route[b + pos - 1]!)]!;
        const s = t.startAt(profile, j, arriveJ, single, open0, lastClose);
        if (s < 0) continue;
        if (gain > floor) {
          this.consider(k, pos, 1, gain, s + sj + travel[j * n + next]!);
          floor = this.bestGain - EPSILON;
        }
        if (gainPair > floor) {
          this.consider(k, pos, 2, gainPair, s + sj + travel[j * n + route[b + pos + 2]!]!);
          floor = this.bestGain - EPSILON;
        }
      }
      if (scannedFromScratch && this.bestTour === foundBefore) this.noMoveAt[cacheKey] = t.version[k]!;
    }
    return this.bestTour !== NONE;
  }

  /** Keeps the replacement of `span` visits at pos of tour k when feasible and better than the best so far. */
  private consider(k: number, pos: number, span: number, gain: number, arriveAfter: number): void {
    const t = this.tours;
    const after = k * t.capacity + pos + span;
    const saved = t.arrival[after]! - arriveAfter;
    if (arriveAfter <= t.latest[after]! && (gain > this.bestGain + EPSILON || saved > this.bestSaved)) {
      this.bestGain = gain;
      this.bestSaved = saved;
      this.bestTour = k;
      this.bestPos = pos;
      this.bestSpan = span;
    }
  }

  private apply(j: number): void {
    const t = this.tours;
    const k = this.bestTour;
    const pos = this.bestPos;
    const b = k * t.capacity;
    const replaced = t.route[b + pos]!;
    t.route[b + pos] = j;
    t.tourOf[replaced] = NONE;
    t.tourOf[j] = k;
    t.objective += t.effectiveScore[j]! - t.effectiveScore[replaced]!;
    if (this.bestSpan === 2) {
      const second = t.route[b + pos + 1]!;
      const L = t.length[k]!;
      t.route.copyWithin(b + pos + 1, b + pos + 2, b + L);
      t.length[k] = L - 1;
      t.tourOf[second] = NONE;
      t.objective -= t.effectiveScore[second]!;
    }
    t.recompute(k, pos);
  }
}
