import { travelMinutes, type LatLng, type TravelMode } from './travel.ts';

/**
 * Travel times between a set of points, as a router (or the built-in model) gives them for one
 * request and mode. JSON-friendly so a caller can fetch it, cache it and pass it in the request:
 * the engine itself never does I/O (fetching is an async step before planning, see src/routing).
 */
export interface TravelTimeMatrix {
  /** The points, in row and column order. */
  points: ReadonlyArray<LatLng>;
  /**
   * Whole minutes, row-major: minutes[i * points.length + j] is the leg from points[i] to
   * points[j]; null when there is no route between them.
   */
  minutes: ReadonlyArray<number | null>;
  /** Who computed them: 'haversine' (the built-in model of travel.ts) or the router ('osrm', ...). */
  source: string;
  /** True when a router was asked but did not answer in time or failed, and these are the model's times. */
  fallback?: boolean;
  /** Why the router was not used (its error), when fallback is true. */
  detail?: string;
}

/** How the plan's travel times were obtained (PlanResult.travel). */
export interface TravelSource {
  source: string;
  fallback: boolean;
  detail?: string;
}

/** The key under which a point is looked up in a matrix: its exact coordinates. */
export function pointKey(p: LatLng): string {
  return `${p.lat},${p.lng}`;
}

/** The built-in model's matrix for the given points. */
export function haversineMatrix(points: ReadonlyArray<LatLng>, mode: TravelMode): TravelTimeMatrix {
  const n = points.length;
  const minutes = new Array<number>(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) minutes[a * n + b] = a === b ? 0 : travelMinutes(points[a]!, points[b]!, mode);
  return { points, minutes, source: 'haversine' };
}

/**
 * A lookup of leg minutes between points by coordinates: from the matrix when one is given (a
 * point it lacks is an error: the caller asked the router for the wrong set), else the model.
 * A leg without a route is +Infinity, which no schedule can fit.
 */
export function legLookup(matrix: TravelTimeMatrix | undefined, mode: TravelMode): (a: LatLng, b: LatLng) => number {
  if (!matrix) return (a, b) => travelMinutes(a, b, mode);
  const index = new Map<string, number>();
  matrix.points.forEach((p, i) => index.set(pointKey(p), i));
  const n = matrix.points.length;
  return (a, b) => {
    const ia = index.get(pointKey(a));
    const ib = index.get(pointKey(b));
    if (ia === undefined || ib === undefined) throw new Error(`travelTimes has no row for ${pointKey(ia === undefined ? a : b)}`);
    if (ia === ib) return 0;
    const v = matrix.minutes[ia * n + ib];
    return v === null || v === undefined ? Number.POSITIVE_INFINITY : v;
  };
}

/** Checks the shape of a matrix; returns what is wrong, or null. */
export function matrixProblem(matrix: TravelTimeMatrix): string | null {
  const n = matrix.points.length;
  if (matrix.minutes.length !== n * n) return `travelTimes.minutes has ${matrix.minutes.length} entries, expected ${n} x ${n}`;
  for (let i = 0; i < matrix.minutes.length; i++) {
    const v = matrix.minutes[i];
    if (v !== null && !(Number.isInteger(v) && v! >= 0)) return `travelTimes.minutes[${i}] must be whole minutes >= 0 or null`;
  }
  return null;
}
