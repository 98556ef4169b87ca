import { PairMemo } from './pair-memo.ts';
import type { TourShortening } from './shorten.ts';
import type { TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

/**
 * 2-opt* between tours (Potvin & Rousseau): two tours that end at the same place at the same time
 * under the same opening hours exchange their tails, when that travels less, so the freed time can
 * take another place. Granular on the shortening's nearest neighbours: tried only when a new leg
 * joins a place to one of its neighbours.
 *
 * Feasibility is O(1): a tail's max-shift depends only on the tail and the common end, so a tail
 * is still on time behind its new head when it arrives no later than its latest start. Days with
 * meal breaks are left alone (a break belongs to its day and is taken where the traveller is).
 */
export class TailExchange {
  /** Position of each visited node in its tour (refreshed for the tours a move changes). */
  private readonly positionOf: Int32Array;
  private readonly buffer: Int32Array;
  /** Pairs of tours whose sweep found no exchange at their current versions. */
  private readonly memo: PairMemo;
  /** compatible[a * m + b]: tours a and b end at the same place and time under the same opening hours (fixed per problem). */
  private readonly compatible: Uint8Array;

  constructor(
    private readonly tours: TourState,
    private readonly shortening: TourShortening,
  ) {
    this.positionOf = new Int32Array(tours.nodeCount);
    this.buffer = new Int32Array(tours.capacity);
    const pairs = tours.tourCount * tours.tourCount;
    const m = tours.tourCount;
    const p = tours.problem;
    this.compatible = new Uint8Array(pairs);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const same = a !== b && p.tourEndNode[a] === p.tourEndNode[b] && p.tourEndTime[a] === p.tourEndTime[b] && p.tourProfile[a] === p.tourProfile[b];
        this.compatible[a * m + b] = same ? 1 : 0;
      }
    }
    this.memo = new PairMemo(tours, this.compatible);
  }

  /** One sweep over every visit's neighbours in other tours, applying each exchange that travels less. */
  pass(): boolean {
    const t = this.tours;
    const m = t.tourCount;
    if (m < 2 || t.hasBreaks) return false;
    for (let k = 0; k < m; k++) this.refresh(k);
    const { route, tourOf, version } = t;
    const { memo, compatible } = this;
    const neighbours = this.shortening.neighbours;
    const w = this.shortening.width;
    let changed = false;
    for (let a = 0; a < m; a++) {
      const va = version[a]!;
      const row = a * m;
      if (!memo.open(a)) continue;
      const ba = a * t.capacity;
      for (let i = 1; i < t.length[a]! - 1; i++) {
        const x = route[ba + i]!;
        for (let r = 0; r < w; r++) {
          const y = neighbours[x * w + r]!;
          if (y === NONE) continue;
          const b = tourOf[y]!;
          if (b === NONE || compatible[row + b] === 0) continue;
          if (memo.done(a, b)) continue;
          const q = this.positionOf[y]!;
          // New leg x -> y: a keeps up to x and takes b's tail from y; b takes a's tail after x.
          // New leg y -> x: b keeps up to y and takes a's tail from x.
          if (this.tryExchange(a, i, b, q - 1) || this.tryExchange(b, q, a, i - 1)) {
            changed = true;
            break;
          }
        }
      }
      memo.sweptWithoutMove(a, va);
    }
    return changed;
  }

  /** Tour a keeps positions 0..i, tour b 0..j; they swap what follows. Applies it when it travels less and stays feasible. */
  private tryExchange(a: number, i: number, b: number, j: number): boolean {
    const t = this.tours;
    const n = t.nodeCount;
    const ba = a * t.capacity;
    const bb = b * t.capacity;
    const La = t.length[a]!;
    const Lb = t.length[b]!;
    // Both tails only the end: nothing changes.
    if (i + 2 === La && j + 2 === Lb) return false;
    const { route, travel, start, maxShift } = t;
    const service = t.problem.service;
    const xa = route[ba + i]!;
    const na = route[ba + i + 1]!;
    const xb = route[bb + j]!;
    const nb = route[bb + j + 1]!;
    const delta = travel[xa * n + nb]! + travel[xb * n + na]! - travel[xa * n + na]! - travel[xb * n + nb]!;
    if (delta >= -EPSILON) return false;
    if (start[ba + i]! + service[xa]! + travel[xa * n + nb]! > start[bb + j + 1]! + maxShift[bb + j + 1]!) return false;
    if (start[bb + j]! + service[xb]! + travel[xb * n + na]! > start[ba + i + 1]! + maxShift[ba + i + 1]!) return false;
    const fixed = t.problem.fixedTour;
    for (let pos = i + 1; pos < La - 1; pos++) if (fixed[route[ba + pos]!] !== NONE) return false;
    for (let pos = j + 1; pos < Lb - 1; pos++) if (fixed[route[bb + pos]!] !== NONE) return false;
    // Swap the tails (end depots included: they are the same place).
    const tailA = La - i - 1;
    const tailB = Lb - j - 1;
    this.buffer.set(route.subarray(ba + i + 1, ba + La));
    route.copyWithin(ba + i + 1, bb + j + 1, bb + Lb);
    route.set(this.buffer.subarray(0, tailA), bb + j + 1);
    t.length[a] = i + 1 + tailB;
    t.length[b] = j + 1 + tailA;
    for (let pos = i + 1; pos < t.length[a]! - 1; pos++) t.tourOf[route[ba + pos]!] = a;
    for (let pos = j + 1; pos < t.length[b]! - 1; pos++) t.tourOf[route[bb + pos]!] = b;
    if (!t.recompute(a, i + 1) || !t.recompute(b, j + 1)) throw new Error('internal: a checked tail exchange broke a tour');
    this.refresh(a);
    this.refresh(b);
    return true;
  }

  private refresh(k: number): void {
    const t = this.tours;
    const b = k * t.capacity;
    for (let pos = 1; pos < t.length[k]! - 1; pos++) this.positionOf[t.route[b + pos]!] = pos;
  }
}
