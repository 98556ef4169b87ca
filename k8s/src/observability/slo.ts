/**
 * Seed §12.1.2 alert thresholds, written once: the PrometheusRule and the Argo Rollouts analysis
 * both read them. Response-time objectives are the catalog's (RESPONSE_TIME_SLO, per service).
 */
import { RESPONSE_TIME_SLO, type ServiceSpec } from '@tripgen/catalog';

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

/** The p95 latency a service is held to: its catalog response-time objective. */
export const latencyBudgetMs = (s: ServiceSpec): number => RESPONSE_TIME_SLO[s.responseTime].p95Ms;

/** A duration as the alert texts say it: `200 ms`, `5 s`. */
export const spokenMs = (ms: number): string => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
