/**
 * Seed §12.1.2 alert thresholds, written once: the PrometheusRule and the Argo Rollouts analysis
 * both read them.
 */
import { RESPONSE_TIME_SLO_MS, type ServiceName } from '@tripgen/catalog';

export const THRESHOLDS = {
  /** critical: pod restarts per hour. */
  restartsPerHour: 5,
  /** critical: the AI service's itinerary response (seed: schedule generation within 5 s). */
  aiResponseMs: RESPONSE_TIME_SLO_MS.aiCritical,
  /** critical: memory working set over the memory limit. */
  memoryRatio: 0.9,
  /** warning: any other service's p95 response time. */
  responseMs: RESPONSE_TIME_SLO_MS.warning,
  /** warning: CPU usage over the CPU request. */
  cpuRatio: 0.8,
  /** warning: volume usage. */
  diskRatio: 0.85,
  /** Rollout analysis: share of non-5xx responses a new version must keep. */
  successRate: 0.99,
} as const;

/** The p95 latency a service is held to: the AI service has its own 5 s budget. */
export const latencyBudgetMs = (s: ServiceName): number => (s === 'ai' ? THRESHOLDS.aiResponseMs : THRESHOLDS.responseMs);
