/**
 * The trip service's own settings, on top of the kit's: where the services it calls answer, and
 * how long a schedule may take before it is failed. The variables are declared once in the
 * catalog's environment contract (SERVICE_ENVIRONMENT.trip), which the kit validates at start;
 * here they get their defaults.
 */
import { ACCOUNT_ERASURE, SCHEDULE_RATE_LIMIT, SCHEDULES_PER_TRIP, TRIPS_PER_TRAVELLER } from '@tripgen/catalog';
import type { ServiceConfig } from '@tripgen/service-kit';

export interface TripConfig {
  readonly userServiceUrl: string;
  readonly locationServiceUrl: string;
  readonly aiServiceUrl: string;
  /** From the request to the latest instant the AI service may still start or finish the work. */
  readonly scheduleDeadlineMs: number;
  /** Past the deadline plus this, a schedule without an outcome is failed here (the AI service had its chance). */
  readonly scheduleGraceMs: number;
  /** How often unfinished schedules are brought up to date in the background. */
  readonly sweepIntervalMs: number;
  /** How often the trips of deleted accounts are erased: the catalog's ACCOUNT_ERASURE.sweepEveryMs unless ACCOUNT_ERASURE_INTERVAL_MS overrides it (tests only). */
  readonly accountErasureEveryMs: number;
  /** Schedule requests accepted per user per window: the catalog's unless SCHEDULE_RATE_LIMIT_MAX overrides it (benchmarks only). */
  readonly scheduleRateLimitMax: number;
  /** Trips a traveller may keep: the catalog's TRIPS_PER_TRAVELLER unless TRIPS_PER_TRAVELLER_MAX overrides it (tests only). */
  readonly tripsPerTraveller: number;
  /** Schedules a trip may keep: the catalog's SCHEDULES_PER_TRIP unless SCHEDULES_PER_TRIP_MAX overrides it (tests only). */
  readonly schedulesPerTrip: number;
  /** The peer calls' budgets (PEER_BUDGETS_MS) times this: 1 unless PEER_TIMEOUT_FACTOR raises it (tests only). */
  readonly peerTimeoutFactor: number;
}

/**
 * How often unfinished schedules are brought up to date without a reader (SCHEDULE_SWEEP_INTERVAL_MS
 * unset): the bound on how late a traveller who is not waiting on the schedule is told its outcome
 * (the sweep records it and its notification, domain/schedules.ts outcomeNotice).
 */
export const SWEEP_INTERVAL_DEFAULT_MS = 2_000;

export const tripConfig = (own: ServiceConfig<'trip'>['own']): TripConfig => ({
  userServiceUrl: own.USER_SERVICE_URL,
  locationServiceUrl: own.LOCATION_SERVICE_URL,
  aiServiceUrl: own.AI_SERVICE_URL,
  scheduleDeadlineMs: own.SCHEDULE_DEADLINE_MS ?? 120_000,
  scheduleGraceMs: own.SCHEDULE_GRACE_MS ?? 30_000,
  sweepIntervalMs: own.SCHEDULE_SWEEP_INTERVAL_MS ?? SWEEP_INTERVAL_DEFAULT_MS,
  accountErasureEveryMs: own.ACCOUNT_ERASURE_INTERVAL_MS ?? ACCOUNT_ERASURE.sweepEveryMs,
  scheduleRateLimitMax: own.SCHEDULE_RATE_LIMIT_MAX ?? SCHEDULE_RATE_LIMIT.max,
  tripsPerTraveller: own.TRIPS_PER_TRAVELLER_MAX ?? TRIPS_PER_TRAVELLER,
  schedulesPerTrip: own.SCHEDULES_PER_TRIP_MAX ?? SCHEDULES_PER_TRIP,
  peerTimeoutFactor: own.PEER_TIMEOUT_FACTOR ?? 1,
});
