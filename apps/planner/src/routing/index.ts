/**
 * @tripgen/planner/routing — travel times from a routing engine, fetched before planning:
 *
 *   const provider = createTravelTimeProvider({ router: 'osrm', url, timeoutMs: 1500 });
 *   const travelTimes = await provider.matrix(travelPoints(request), request.travelMode);
 *   const plan = planItinerary({ ...request, travelTimes });   // plan.travel says where they came from
 *
 * or in one call: await planWithTravelTimes(request, provider).
 */
import { planItinerary, replanDay, travelPoints, type PlanRequest, type PlanResult } from '../realworld/plan.ts';
import type { TravelTimeProvider } from './provider.ts';

export { CachedTravelTimeProvider, type MatrixCacheOptions } from './cache.ts';
export { createTravelTimeProvider, type RoutingConfig } from './config.ts';
export { FallbackTravelTimeProvider } from './fallback.ts';
export { OsrmTableProvider, type OsrmOptions } from './osrm.ts';
export { haversineProvider, RoutingError, type TravelTimeProvider } from './provider.ts';

/** Fetches the request's matrix from the provider (unless it carries one), then plans. */
export async function planWithTravelTimes(request: PlanRequest, provider: TravelTimeProvider, options?: { signal?: AbortSignal }): Promise<PlanResult> {
  const travelTimes = request.travelTimes ?? (await provider.matrix(travelPoints(request), request.travelMode, options));
  return planItinerary({ ...request, travelTimes });
}

/** replanDay with the provider's matrix (a cached provider answers the same trip from memory). */
export async function replanDayWithTravelTimes(
  request: PlanRequest,
  previous: PlanResult,
  date: string,
  keep: readonly string[],
  provider: TravelTimeProvider,
  options?: { signal?: AbortSignal },
): Promise<PlanResult> {
  const travelTimes = request.travelTimes ?? (await provider.matrix(travelPoints(request), request.travelMode, options));
  return replanDay({ ...request, travelTimes }, previous, date, keep);
}
