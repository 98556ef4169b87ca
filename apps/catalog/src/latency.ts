import type { QueueName } from './queues.ts';

/**
 * Seed §12.1.2 response-time objectives (p95), by kind of work: every request within 200 ms
 * (a warning above it), and an itinerary within 5 s (critical above it: the product's promise).
 * Each service's catalog entry names its objective (`responseTime`), so the alerts and the rollout
 * analyses pick services by objective, never by name. The services' latency histogram has a bucket
 * at each bound, so both measure them exactly instead of interpolating between neighbouring buckets.
 */
export const RESPONSE_TIME_SLO = {
  request: { p95Ms: 200, severity: 'warning' },
  itinerary: { p95Ms: 5_000, severity: 'critical' },
} as const;
export type ResponseTimeObjective = keyof typeof RESPONSE_TIME_SLO;

/** Buckets (seconds) of the services' `http_request_duration_seconds` histogram. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [
  ...new Set([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, ...Object.values(RESPONSE_TIME_SLO).map((o) => o.p95Ms / 1000)]),
].sort((a, b) => a - b);

/**
 * Buckets (seconds) of the services' `async_request_duration_seconds` histogram: the HTTP buckets
 * (the itinerary's 5 s among them), then up to the longest a schedule may take (its deadline is minutes).
 */
export const ASYNC_LATENCY_BUCKETS_SECONDS: readonly number[] = [...new Set([...LATENCY_BUCKETS_SECONDS, 10, 30, 60, 120, 300])].sort((a, b) => a - b);

/**
 * The `outcome` label of `async_request_duration_seconds` for a schedule (the AI service gives each
 * its outcome), and whether the itinerary objective counts it: the 5-second alert, the rollout
 * analyses and the Azure alert read only the outcomes whose `slo` is true. The reason is one line
 * each; a withdrawal is still observed (how many, how long the traveller waited before changing their
 * mind), outside the objective.
 */
export const ASYNC_OUTCOMES = {
  completed: { slo: true, why: 'the traveller got their plan: its time is what the promise is about' },
  failed: { slo: true, why: 'the traveller got no plan (nothing to plan, the place directory down, our error, an unreadable request): an answer, timed as one' },
  expired: { slo: true, why: 'past its deadline (a service setting, not the traveller\'s): the AI service down, behind or hung, or the broker out, so ours' },
  withdrawn: { slo: false, why: 'the traveller changed or deleted the trip: ended by them, not a failure or a slowness of ours' },
} as const satisfies Record<string, { slo: boolean; why: string }>;
export type AsyncOutcome = keyof typeof ASYNC_OUTCOMES;
/** The outcomes the itinerary objective counts (ASYNC_OUTCOMES' `slo`), in their order. */
export const SLO_ASYNC_OUTCOMES: readonly AsyncOutcome[] = (Object.keys(ASYNC_OUTCOMES) as AsyncOutcome[]).filter((o) => ASYNC_OUTCOMES[o].slo);

/**
 * The name of the request record an asynchronous request leaves in Application Insights when the
 * consuming service gives it its outcome (the service kit's CONSUMER span, timed from when it was
 * asked): OpenTelemetry's messaging span name, `{operation} {destination}`. The Azure response-time
 * alerts (infra-bicep, through catalog.json) pick the schedules' records by it.
 */
export const asyncRequestName = (queue: QueueName): string => `process ${queue}`;

/**
 * The span attribute (whole milliseconds) a request's server span carries when its route held the
 * request on purpose for the client, a long poll's wait (the trip service's `GET .../schedules/{id}?wait=`):
 * that time is the client's choice, not the server's latency. The service kit's
 * `http_request_duration_seconds` leaves it out (the response-time alerts, SLO rules and rollout
 * analyses read the server's own time), and the Azure response-time alerts subtract it from the
 * request record's DurationMs (AppRequests `Properties`, through catalog.json).
 */
export const HELD_TIME_ATTRIBUTE = 'tripgen.held_ms';
