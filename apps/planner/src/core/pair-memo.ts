import type { TourState } from './tours.ts';

/**
 * Pairs of tours a between-tour sweep (tails.ts, trade.ts) found no move for, with both tours'
 * versions at the time. Such a move depends only on its two tours, so while both keep those
 * versions the pair is skipped: an exact saving, the sweep reads the same as before.
 */
export class PairMemo {
  /** Versions of tours a and b at [a * m + b] when a's sweep found nothing with b (-1: never checked). */
  private readonly versionA: Float64Array;
  private readonly versionB: Float64Array;

  constructor(
    private readonly tours: TourState,
    /** relevant[a * m + b] = 1 for the pairs the sweep may move between (all pairs a != b when absent). */
    private readonly relevant?: Uint8Array,
  ) {
    const pairs = tours.tourCount * tours.tourCount;
    this.versionA = new Float64Array(pairs).fill(-1);
    this.versionB = new Float64Array(pairs).fill(-1);
  }

  /** Pair (a, b) found nothing at both tours' current versions. */
  done(a: number, b: number): boolean {
    const at = a * this.tours.tourCount + b;
    const version = this.tours.version;
    return this.versionA[at] === version[a] && this.versionB[at] === version[b];
  }

  /** Some pair of a's the sweep may move between (among tours with only[b] = 1, when given) is not done: a's sweep has something to try. */
  open(a: number, only: Uint8Array | null = null): boolean {
    const m = this.tours.tourCount;
    const row = a * m;
    for (let b = 0; b < m; b++) {
      if (only !== null && only[b] === 0) continue;
      if ((this.relevant ? this.relevant[row + b] === 1 : b !== a) && !this.done(a, b)) return true;
    }
    return false;
  }

  /**
   * a's sweep found no move (a kept version `va`, so no tour changed): every pair (a, b) is done,
   * or only those with only[b] = 1 when the sweep looked at those tours only (a focus).
   */
  sweptWithoutMove(a: number, va: number, only: Uint8Array | null = null): void {
    const t = this.tours;
    if (t.version[a] !== va) return;
    const m = t.tourCount;
    const row = a * m;
    for (let b = 0; b < m; b++) {
      if (only !== null && only[b] === 0) continue;
      this.versionA[row + b] = va;
      this.versionB[row + b] = t.version[b]!;
    }
  }
}
