import type { TourState } from './tours.ts';

/** Tour versions whose cached scans are worth keeping (those a saved snapshot can bring back). */
export interface VersionPins {
  holds(k: number, version: number): boolean;
}

/**
 * Cache slots per tour: the live version, the one it came from (Insertion.insertAt carries entries
 * over from it) and up to two pinned versions (the current and the best solution of the search).
 */
const SLOTS = 4;

/**
 * Where a per-tour scan cache keeps its entries for each version of a tour. A version number
 * stands for one exact tour content (tours.ts: every change draws a fresh number, a snapshot load
 * brings back the saved number with the saved tour), so an entry stamped with a version is valid
 * whenever the tour holds that version again. Each tour has a few slots of `width` entries, so
 * after a rejected iteration's load the restored version's entries are usually still there.
 */
export class VersionSlots {
  /** Per slot (k * SLOTS + s): the tour version it holds (-1: none) and when it was last live. */
  private readonly slotVersion: Float64Array;
  private readonly slotUsed: Float64Array;
  /** Per slot: when it was last given to a version (a slot holding the same number has kept its entries since). */
  private readonly slotBorn: Float64Array;
  private useCounter = 0;
  private bornCounter = 0;
  /** Per tour: the slot of the version last looked up. */
  private readonly liveSlot: Int32Array;
  private pins: VersionPins | null = null;

  constructor(
    private readonly tours: TourState,
    /** Entries per slot. */
    readonly width: number,
  ) {
    this.slotVersion = new Float64Array(tours.tourCount * SLOTS).fill(-1);
    this.slotUsed = new Float64Array(tours.tourCount * SLOTS);
    this.slotBorn = new Float64Array(tours.tourCount * SLOTS);
    this.liveSlot = new Int32Array(tours.tourCount);
  }

  /** Entries needed by a cache over all slots. */
  get size(): number {
    return this.tours.tourCount * SLOTS * this.width;
  }

  /** Keep the slots of the tour versions `pins` holds. */
  pin(pins: VersionPins): void {
    this.pins = pins;
  }

  /**
   * Index of the first entry of tour k's slot for its current version. A version without a slot
   * takes the least recently live slot that no pin holds (with at most two pins and the live
   * version the most recent, there is always one, and never the live one). Its old entries are
   * stamped with another version, so they no longer match: no clearing needed.
   */
  base(k: number): number {
    const v = this.tours.version[k]!;
    const first = k * SLOTS;
    let s = this.liveSlot[k]!;
    if (this.slotVersion[first + s] !== v) {
      s = 0;
      while (s < SLOTS && this.slotVersion[first + s] !== v) s++;
      if (s === SLOTS) {
        let oldest = Number.POSITIVE_INFINITY;
        for (let i = 0; i < SLOTS; i++) {
          const held = this.slotVersion[first + i]!;
          if (held >= 0 && this.pins !== null && this.pins.holds(k, held)) continue;
          if (this.slotUsed[first + i]! < oldest) {
            oldest = this.slotUsed[first + i]!;
            s = i;
          }
        }
        this.slotVersion[first + s] = v;
        this.slotBorn[first + s] = ++this.bornCounter;
      }
      this.liveSlot[k] = s;
      this.slotUsed[first + s] = ++this.useCounter;
    }
    return (first + s) * this.width;
  }

  /**
   * After base(k): when tour k's live slot was given to its version. Equal readings at two times
   * (the version the same) mean the slot kept every entry written in between.
   */
  born(k: number): number {
    return this.slotBorn[k * SLOTS + this.liveSlot[k]!]!;
  }
}
