/**
 * Seed §12.1.2 alert thresholds, written once: the PrometheusRule and the Argo Rollouts analysis
 * both read them. Response-time objectives are the catalog's (RESPONSE_TIME_SLO, per service).
 */
import { RESPONSE_TIME_SLO, SLO_ASYNC_OUTCOMES, memoryBytes, type ServiceSpec } from '@tripgen/catalog';

export const THRESHOLDS = {
  /** critical: pod restarts per hour. */
  restartsPerHour: 5,
  /** critical: memory working set over the memory limit. */
  memoryRatio: 0.9,
  /** warning: CPU usage over the CPU request. */
  cpuRatio: 0.8,
  /** warning: volume usage. */
  diskRatio: 0.85,
  /** Rollout analysis: share of non-5xx responses a new version must keep. */
  successRate: 0.99,
} as const;

/**
 * Memory target of a service's HPA, as a utilization of its memory request (the only base
 * Kubernetes offers): halfway between the request — what a pod is expected to use at rest, so
 * rest alone never scales out — and the critical alert's share of the limit, so replicas are added
 * well before a pod gets near an OOM kill. With the catalog's limits at twice the requests: 140%.
 */
export const memoryTargetUtilization = (spec: Pick<ServiceSpec, 'resources'>): number => {
  const request = memoryBytes(spec.resources.requests.memory);
  const alertAt = memoryBytes(spec.resources.limits.memory) * THRESHOLDS.memoryRatio;
  return Math.round((100 * (request + alertAt)) / 2 / request);
};

/** The p95 latency a service is held to: its catalog response-time objective. */
export const latencyBudgetMs = (s: ServiceSpec): number => RESPONSE_TIME_SLO[s.responseTime].p95Ms;

/**
 * A histogram bucket's bound as an `le` matcher must name it: as Prometheus v3 stores it, not as the
 * kit exposes it. v3 normalizes `le` to float text on ingestion (the kit's `le="5"` is stored as
 * `le="5.0"`; prometheus/prometheus docs/migration.md, "`le` and `quantile` label values"), so
 * `le="5"` would select nothing. 0.2 stays "0.2".
 */
export const bucketBound = (seconds: number): string => (Number.isInteger(seconds) ? seconds.toFixed(1) : String(seconds));

/** A duration as the alert texts say it: `200 ms`, `5 s`. */
export const spokenMs = (ms: number): string => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/**
 * The `async_request_duration_seconds` outcomes the itinerary objective counts (catalog
 * ASYNC_OUTCOMES: a schedule withdrawn by its trip's change or deletion is the traveller's doing,
 * an expiry ours), as a label matcher for the alert and the rollout analyses alike.
 */
export const SLO_OUTCOME_MATCHER = `outcome=~"${SLO_ASYNC_OUTCOMES.join('|')}"`;
