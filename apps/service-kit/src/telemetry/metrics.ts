/**
 * Prometheus metrics: the process defaults (prom-client) plus an HTTP duration histogram labelled
 * by route template (not raw URL, so cardinality stays bounded) and dependency gauges.
 * One registry per app so several apps in one process (tests) do not collide.
 */
import { LATENCY_BUCKETS_SECONDS } from '@tripgen/catalog';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly dependencyUp: Gauge<'dependency'>;
  /** Deliveries by outcome (processed, duplicate, abandoned, deadLettered): feed it from a consumer's onOutcome. */
  readonly messagesConsumed: Counter<'queue' | 'outcome'>;
}

export const createMetrics = (serviceName: string): Metrics => {
  const registry = new Registry();
  registry.setDefaultLabels({ service: `${serviceName}-service` });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests by route template',
    labelNames: ['method', 'route', 'status_code'] as const,
    // A bucket at each response-time threshold, so alerts and rollout analyses are exact.
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const dependencyUp = new Gauge({
    name: 'dependency_up',
    help: '1 when a dependency (postgresql, redis) answered its last health check',
    labelNames: ['dependency'] as const,
    registers: [registry],
  });
  const messagesConsumed = new Counter({
    name: 'messages_consumed_total',
    help: 'Service Bus deliveries handled, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, dependencyUp, messagesConsumed };
};
