/**
 * Prometheus metrics: the process defaults (prom-client) plus an HTTP duration histogram labelled
 * by route template (not raw URL, so cardinality stays bounded) and dependency gauges.
 * One registry per app so several apps in one process (tests) do not collide.
 */
import { ASYNC_LATENCY_BUCKETS_SECONDS, LATENCY_BUCKETS_SECONDS } from '@tripgen/catalog';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly dependencyUp: Gauge<'dependency'>;
  /** Deliveries by outcome (processed, duplicate, abandoned, deadLettered): feed it from a consumer's onOutcome. */
  readonly messagesConsumed: Counter<'queue' | 'outcome'>;
  /**
   * From an asynchronous request's creation to its outcome, by the queue it came through and the
   * outcome (a schedule: asked at the trip service, completed or failed at the AI service). The HTTP
   * histogram of a service that does its work off a queue never sees that time.
   */
  readonly asyncRequestDuration: Histogram<'queue' | 'outcome'>;
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
  const asyncRequestDuration = new Histogram({
    name: 'async_request_duration_seconds',
    help: 'Time from an asynchronous request (a queue message) being asked to its outcome, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [...ASYNC_LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  return { registry, httpDuration, dependencyUp, messagesConsumed, asyncRequestDuration };
};

type DurationChild = ReturnType<Metrics['httpDuration']['labels']>;
/**
 * Records one request's duration in `httpDuration` through a prom-client child kept per route, method
 * and status: observe(labels, v) builds a labels object, a closure and a bound copy of them on every
 * request (issue 15). Bounded like the histogram's own series (route templates, HTTP methods, statuses).
 */
export const durationRecorder = (histogram: Metrics['httpDuration']) => {
  const children = new Map<string, Map<string, Map<number, DurationChild>>>();
  return (route: string, method: string, statusCode: number, seconds: number): void => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let child = byStatus.get(statusCode);
    if (!child) byStatus.set(statusCode, (child = histogram.labels({ method, route, status_code: String(statusCode) })));
    child.observe(seconds);
  };
};
