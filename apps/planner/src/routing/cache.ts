import { createHash } from 'node:crypto';
import type { LatLng, TravelMode } from '../realworld/travel.ts';
import { pointKey, type TravelTimeMatrix } from '../realworld/travel-matrix.ts';
import type { TravelTimeProvider } from './provider.ts';

export interface MatrixCacheOptions {
  /**
   * Bound on the cells held, all matrices together (a 300-place week is ~93,000 cells). Default
   * 2,000,000 cells, ~16 MB of numbers: small next to a 1 Gi pod, large enough for ~20 such trips.
   */
  maxCells?: number;
}

interface Entry {
  /** Points in canonical (sorted key) order and the minutes in that order. */
  keys: string[];
  minutes: (number | null)[];
  source: string;
}

/**
 * A cache of matrices per place set and mode, in front of a router: the same trip re-planned (a
 * day re-planned, a must-visit added back) asks for the same points, in any order. Least recently
 * used entries go first when the cell budget is exceeded. Only real router answers are cached,
 * never a fallback, so a router that comes back is used again.
 */
export class CachedTravelTimeProvider implements TravelTimeProvider {
  readonly name: string;
  private readonly entries = new Map<string, Entry>();
  private cells = 0;
  private readonly maxCells: number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: TravelTimeProvider,
    options: MatrixCacheOptions = {},
  ) {
    this.name = inner.name;
    this.maxCells = options.maxCells ?? 2_000_000;
  }

  async matrix(points: ReadonlyArray<LatLng>, mode: TravelMode, options?: { signal?: AbortSignal }): Promise<TravelTimeMatrix> {
    const keys = [...new Set(points.map(pointKey))].sort();
    const id = createHash('sha256').update(`${mode}\n${keys.join('\n')}`).digest('hex');
    let entry = this.entries.get(id);
    if (entry) {
      this.hits++;
      // Most recently used last.
      this.entries.delete(id);
      this.entries.set(id, entry);
    } else {
      this.misses++;
      const canonical = keys.map((k) => {
        const [lat, lng] = k.split(',').map(Number);
        return { lat: lat!, lng: lng! };
      });
      const fetched = await this.inner.matrix(canonical, mode, options);
      entry = { keys, minutes: [...fetched.minutes], source: fetched.source };
      if (!fetched.fallback) this.store(id, entry);
    }
    // Re-index to the caller's order.
    const index = new Map(entry.keys.map((k, i) => [k, i]));
    const n = points.length;
    const size = entry.keys.length;
    const minutes = new Array<number | null>(n * n);
    const rows = points.map((p) => index.get(pointKey(p))!);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) minutes[a * n + b] = entry.minutes[rows[a]! * size + rows[b]!]!;
    return { points, minutes, source: entry.source };
  }

  private store(id: string, entry: Entry): void {
    const size = entry.minutes.length;
    if (size > this.maxCells) return;
    this.entries.set(id, entry);
    this.cells += size;
    for (const [key, old] of this.entries) {
      if (this.cells <= this.maxCells) break;
      this.entries.delete(key);
      this.cells -= old.minutes.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
