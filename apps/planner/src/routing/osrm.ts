import { EPSILON } from '../core/tolerance.ts';
import { TRAVEL_MODES, type LatLng, type TravelMode } from '../realworld/travel.ts';
import type { TravelTimeMatrix } from '../realworld/travel-matrix.ts';
import { RoutingError, type TravelTimeProvider } from './provider.ts';

export interface OsrmOptions {
  /** Base URL of osrm-routed, e.g. http://osrm:5000 (a path prefix is kept). */
  url: string;
  /**
   * OSRM profile per travel mode, as the server was prepared (osrm-extract with car.lua, foot.lua).
   * A mode without a profile (transit: OSRM has no timetables) is not served: the provider throws
   * and the fallback answers with the model.
   */
  profiles?: Partial<Record<TravelMode, string>>;
  /** For the whole matrix (all its requests). Default 2,000 ms. */
  timeoutMs?: number;
  /** Table requests in flight at once when the matrix needs several. Default 4. */
  concurrency?: number;
  /**
   * The server's --max-table-size (default 100 in osrm-routed): a table request may ask for at most
   * that squared sources x destinations, so larger matrices are fetched in blocks.
   */
  maxTableSize?: number;
  /** Injected for tests; default the global fetch. */
  fetch?: typeof fetch;
}

const DEFAULT_PROFILES: Partial<Record<TravelMode, string>> = { walk: 'foot', car: 'driving' };

interface OsrmTableResponse {
  code?: string;
  message?: string;
  durations?: (number | null)[][];
}

/**
 * OSRM's table service (HTTP API v1, docs/http.md of Project-OSRM/osrm-backend):
 * GET /table/v1/{profile}/{lon},{lat};{lon},{lat}...?sources={i;j}&destinations={i;j}&annotations=duration
 * answers 200 {"code":"Ok","durations":[[seconds|null]]} (null: no route), or 400 with
 * {"code":"TooBig"|"NoSegment"|"InvalidQuery"|..., "message"}. Seconds become whole minutes
 * rounded up, plus the mode's fixed overhead of travel.ts (parking for a car; none on foot), so a
 * plan never promises a faster leg than the router.
 */
export class OsrmTableProvider implements TravelTimeProvider {
  readonly name = 'osrm';
  private readonly base: string;
  private readonly profiles: Partial<Record<TravelMode, string>>;
  private readonly timeoutMs: number;
  private readonly block: number;
  private readonly concurrency: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: OsrmOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.profiles = options.profiles ?? DEFAULT_PROFILES;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.block = Math.max(2, options.maxTableSize ?? 100);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.fetchImpl = options.fetch ?? fetch;
  }

  async matrix(points: ReadonlyArray<LatLng>, mode: TravelMode, options: { signal?: AbortSignal } = {}): Promise<TravelTimeMatrix> {
    const profile = this.profiles[mode];
    if (!profile) throw new RoutingError(`no OSRM profile for travel mode ${mode}`, 'NoProfile');
    const n = points.length;
    const minutes = new Array<number | null>(n * n).fill(null);
    const overhead = TRAVEL_MODES[mode].overheadMinutes;
    // Blocks of sources x destinations within the server's table limit; each request carries
    // only the coordinates of its block. One deadline for them all.
    const blocks: [number[], number[]][] = [];
    for (let s0 = 0; s0 < n; s0 += this.block) {
      for (let d0 = 0; d0 < n; d0 += this.block) {
        blocks.push([range(s0, Math.min(n, s0 + this.block)), range(d0, Math.min(n, d0 + this.block))]);
      }
    }
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < blocks.length) {
        const [sources, destinations] = blocks[next++]!;
        const durations = await this.table(profile, points, sources, destinations, signal, deadline);
        sources.forEach((a, i) => {
          destinations.forEach((b, j) => {
            const seconds = durations[i]![j];
            minutes[a * n + b] = a === b ? 0 : seconds === null || seconds === undefined ? null : Math.ceil(seconds / 60 - EPSILON) + overhead;
          });
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, blocks.length) }, worker));
    return { points, minutes, source: this.name };
  }

  private async table(
    profile: string,
    points: ReadonlyArray<LatLng>,
    sources: number[],
    destinations: number[],
    signal: AbortSignal,
    deadline: AbortSignal,
  ): Promise<(number | null)[][]> {
    // The coordinates of this block: the sources, then the destinations not among them.
    const ids = [...sources, ...destinations.filter((d) => !sources.includes(d))];
    const local = new Map(ids.map((id, i) => [id, i]));
    const coordinates = ids.map((id) => `${points[id]!.lng},${points[id]!.lat}`).join(';');
    const query = `sources=${sources.map((s) => local.get(s)).join(';')}&destinations=${destinations.map((d) => local.get(d)).join(';')}&annotations=duration`;
    const url = `${this.base}/table/v1/${encodeURIComponent(profile)}/${coordinates}?${query}`;
    const failure = (error: unknown): RoutingError =>
      deadline.aborted
        ? new RoutingError(`OSRM did not answer within ${this.timeoutMs} ms`, 'Timeout')
        : new RoutingError(`OSRM unreachable: ${(error as Error).message}`, signal.aborted ? 'Aborted' : 'Unreachable');
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal });
    } catch (error) {
      throw failure(error);
    }
    let body: OsrmTableResponse;
    try {
      body = (await response.json()) as OsrmTableResponse;
    } catch (error) {
      if (signal.aborted) throw failure(error);
      throw new RoutingError(`OSRM answered ${response.status} without a JSON body`, `HTTP${response.status}`);
    }
    if (!response.ok || body.code !== 'Ok') {
      throw new RoutingError(`OSRM ${body.code ?? response.status}: ${body.message ?? 'no message'}`, body.code ?? `HTTP${response.status}`);
    }
    const durations = body.durations;
    const badRow = (row: unknown): boolean =>
      !Array.isArray(row) || row.length !== destinations.length || row.some((v) => v !== null && !(typeof v === 'number' && v >= 0 && Number.isFinite(v)));
    if (!Array.isArray(durations) || durations.length !== sources.length || durations.some(badRow)) {
      throw new RoutingError(`OSRM table has the wrong shape for ${sources.length} x ${destinations.length}`, 'BadResponse');
    }
    return durations;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
