/**
 * Seed §12.1.2 response-time thresholds (p95): a warning above 200 ms for every service, critical
 * above 5 s for the AI service (an itinerary within 5 s). The services' latency histogram has a
 * bucket at each threshold, so the alerts and the rollout analyses measure them exactly instead
 * of interpolating between neighbouring buckets.
 */
export const RESPONSE_TIME_SLO_MS = { warning: 200, aiCritical: 5000 } as const;

/** Buckets (seconds) of the services' `http_request_duration_seconds` histogram. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  ...new Set([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, ...Object.values(RESPONSE_TIME_SLO_MS).map((ms) => ms / 1000)]),
].sort((a, b) => a - b);
