/**
 * The expected load. The seed asks for headroom for ten times the traffic (§13.2 "10배 이상
 * 트래픽 증가 대응", §11.2 horizontal scaling) but states no traffic figure anywhere, so this is an
 * ASSUMPTION, written once, here: change it when real traffic is known and `npm run capacity`
 * recomputes everything from it.
 */
import type { ServiceName } from '@tripgen/catalog';

export const EXPECTED_LOAD = {
  /** Travellers who use the service on a given day (an MVP moving to production). */
  dailyActiveTravellers: 10_000,
  /** Share of a day's traffic in its busiest hour (evening trip planning). */
  peakHourShare: 0.15,
  /** API requests one traveller makes in a day, per service: sign-in and profile, trips and
   * schedule polling, place search, interest hints (docs/api.md). */
  requestsPerTravellerPerDay: { user: 8, trip: 20, location: 10, ai: 2 } satisfies Record<ServiceName, number>,
  /** Itineraries one traveller asks for in a day. */
  schedulesPerTravellerPerDay: 1,
} as const;

/** The seed's growth target: today's expected load, and ten times it. */
export const GROWTH = [1, 10] as const;

/**
 * The measured request (bench:api) is the cheapest authenticated path: a cached GET. Other routes
 * read and write PostgreSQL, so each request is costed at this multiple of the measured CPU time.
 */
export const REQUEST_COST_FACTOR = 3;

/** Peak rates of the expected load (growth 1). */
export const peakRequestsPerSecond = (s: ServiceName): number =>
  (EXPECTED_LOAD.dailyActiveTravellers * EXPECTED_LOAD.requestsPerTravellerPerDay[s] * EXPECTED_LOAD.peakHourShare) / 3600;
export const peakSchedulesPerSecond = (): number =>
  (EXPECTED_LOAD.dailyActiveTravellers * EXPECTED_LOAD.schedulesPerTravellerPerDay * EXPECTED_LOAD.peakHourShare) / 3600;
