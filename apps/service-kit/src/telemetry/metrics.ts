/**
 * Prometheus metrics: the process defaults (prom-client) plus an HTTP duration histogram labelled
 * by route template (not raw URL, so cardinality stays bounded) and dependency gauges. The HTTP
 * histogram is the server's own time: what a route held a request for its client (a long poll's
 * wait, app.ts markHeld) is left out by the app's hook that feeds it.
 * One registry per app so several apps in one process (tests) do not collide.
 */
import { ACCOUNT_ERASURE, ASYNC_LATENCY_BUCKETS_SECONDS, FORGOTTEN_BACKLOG, CONSUME_OUTCOMES, SCHEDULE_NUDGE_READS, ENTRA_TOKEN_OUTAGE, EVENT_STREAMS, LATENCY_BUCKETS_SECONDS, SERVICES, type EntraDependency, type ServiceName } from '@tripgen/catalog';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The label values of the language-model metrics (the AI service's interest readings), written once:
 * bounded sets, so each metric has a few series per pod, and the docs and queries name these.
 */
/**
 * How a call to the model ended: answered, failed (5xx, unreachable, nonsense), cut short by its time
 * limit, refused for the deployment's quota (Azure's 429), refused by its content filter (the
 * traveller's words), declined by the model itself (structured outputs' `message.refusal`). The last
 * two apart: the filter is the deployment's configuration, which its owner can set less strict; a
 * refusal is the model's own safety behaviour, which no setting of ours changes.
 */
export const LLM_CALL_OUTCOMES = ['ok', 'error', 'timeout', 'throttled', 'filtered', 'refused'] as const;
export type LlmCallOutcome = (typeof LLM_CALL_OUTCOMES)[number];
/** A lookup in the readings cache: kept (L1 or Redis), not kept (this caller's load), or joined the same list's load under way on the replica. */
export const LLM_CACHE_RESULTS = ['hit', 'miss', 'joined'] as const;
export type LlmCacheResult = (typeof LLM_CACHE_RESULTS)[number];
/** Why the keywords answered a reading: the traveller's budget of model calls spent, the model failed, its content filter refused the list, the model declined it, no model configured. */
export const LLM_FALLBACK_REASONS = ['budget', 'model_error', 'filtered', 'refused', 'no_model'] as const;
export type LlmFallbackReason = (typeof LLM_FALLBACK_REASONS)[number];

export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly dependencyUp: Gauge<'dependency'>;
  /** Deliveries by outcome (catalog CONSUME_OUTCOMES: processed, duplicate, abandoned, deadLettered, rescheduled): feed it from a consumer's onOutcome. */
  readonly messagesConsumed: Counter<'queue' | 'outcome'>;
  /** Outbox rows set aside, never to be sent (larger than their destination accepts), by destination: feed it from the relay's onSetAside. */
  readonly outboxSetAside: Counter<'destination'>;
  /**
   * From an asynchronous request's creation to its outcome, by the queue it came through and the
   * outcome (a schedule: asked at the trip service, completed or failed at the AI service). The HTTP
   * histogram of a service that does its work off a queue never sees that time.
   */
  readonly asyncRequestDuration: Histogram<'queue' | 'outcome'>;
  /** Calls to a language model by outcome (LLM_CALL_OUTCOMES): feed it from the model adapter. */
  readonly llmCalls: Counter<'outcome'>;
  /** Their duration, token included, by outcome. */
  readonly llmCallDuration: Histogram<'outcome'>;
  /** Lookups in the model's readings cache by result (LLM_CACHE_RESULTS). */
  readonly llmCacheLookups: Counter<'result'>;
  /** Readings the keywords answered instead of the model, by reason (LLM_FALLBACK_REASONS). */
  readonly llmFallbacks: Counter<'reason'>;
  /**
   * Owners of trips with neither an account nor a deletion record in user_db, as the last account-erasure
   * sweep that walked every owner counted them (their trips are kept): set by the service that sweeps
   * (catalog ACCOUNT_ERASURE: service, unknownOwnersMetric) and exported by its pods alone, where an alert reads it
   * (docs/runbooks.md#account-erasure). 0 until its first complete sweep.
   */
  readonly accountErasureUnknownOwners: Gauge;
  /**
   * When this replica's last account-erasure sweep that walked every owner and every deletion record
   * ended, in Unix seconds (catalog ACCOUNT_ERASURE: lastSuccessMetric): sweeps that keep failing leave
   * it behind, which an alert reads (docs/runbooks.md#account-erasure). 0 until its first such sweep.
   */
  readonly accountErasureLastSuccess: Gauge;
  /** The age of the oldest row of trip_db forgotten_schedules (catalog FORGOTTEN_BACKLOG), trip pods only. */
  readonly forgottenSchedulesOldest: Gauge;
  /** The AI service's nudges this trip replica dropped past its waiting bound (catalog SCHEDULE_NUDGE_READS), trip pods only. */
  readonly scheduleNudgesDropped: Counter;
  /** For how long the pod's Entra token for `dependency` has been failing for an outage (catalog ENTRA_TOKEN_OUTAGE), 0 while it is not: read from `source` at each scrape. */
  readEntraFailingFrom(dependency: EntraDependency, source: () => number): void;
}

export const createMetrics = (serviceName: string): Metrics => {
  const registry = new Registry();
  registry.setDefaultLabels({ service: `${serviceName}-service` });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: "Duration of HTTP requests by route template: the server's own time (what a route held for the client, a long poll's wait, left out)",
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
  // Every outcome of every queue the service consumes, from 0: a series first exported at 1 (the
  // first dead letter since the pod started) has no earlier sample, and increase() over it, what the
  // dead-letter alert reads, stays empty.
  for (const queue of Object.hasOwn(SERVICES, serviceName) ? SERVICES[serviceName as ServiceName].queues.consumes : []) {
    for (const outcome of CONSUME_OUTCOMES) messagesConsumed.inc({ queue, outcome }, 0);
  }
  const outboxSetAside = new Counter({
    name: 'outbox_messages_set_aside_total',
    help: 'Outbox messages set aside unsent (larger than their queue or hub accepts), by destination',
    labelNames: ['destination'] as const,
    registers: [registry],
  });
  // From 0 too, for the same reason: every queue and hub the service sends to.
  if (Object.hasOwn(SERVICES, serviceName)) {
    const name = serviceName as ServiceName;
    for (const destination of [...SERVICES[name].queues.produces, ...EVENT_STREAMS.filter((s) => s.producer === name).map((s) => s.hub)]) outboxSetAside.inc({ destination }, 0);
  }
  const asyncRequestDuration = new Histogram({
    name: 'async_request_duration_seconds',
    help: 'Time from an asynchronous request (a queue message) being asked to its outcome, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [...ASYNC_LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const llmCalls = new Counter({
    name: 'llm_calls_total',
    // The label values from their list: written out by hand, the help missed filtered and refused.
    help: `Calls to the language model (Azure OpenAI interest readings), by outcome: ${LLM_CALL_OUTCOMES.join(', ')} (throttled: a 429)`,
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const llmCallDuration = new Histogram({
    name: 'llm_call_duration_seconds',
    help: 'Duration of calls to the language model, token included, by outcome',
    labelNames: ['outcome'] as const,
    // The HTTP buckets: the call's own limit (1.5 s) lies between 1 and 2.5, and the 5 s of a schedule is one.
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const llmCacheLookups = new Counter({
    name: 'llm_reading_cache_lookups_total',
    help: `Lookups in the language model's readings cache, by result: ${LLM_CACHE_RESULTS.join(', ')} (joined: a call under way for the same list)`,
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const llmFallbacks = new Counter({
    name: 'llm_fallback_readings_total',
    help: `Interest readings answered by the keyword table instead of the language model, by reason: ${LLM_FALLBACK_REASONS.join(', ')}`,
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  // Registered by the sweeping service only: elsewhere a constant 0 would read as a sweep that found nothing.
  const accountErasureUnknownOwners = new Gauge({
    name: ACCOUNT_ERASURE.unknownOwnersMetric,
    help: 'Owners of trips with neither an account nor a deletion record in user_db, counted by the last complete account-erasure sweep: their trips are kept, not erased',
    registers: serviceName === ACCOUNT_ERASURE.service ? [registry] : [],
  });
  const accountErasureLastSuccess = new Gauge({
    name: ACCOUNT_ERASURE.lastSuccessMetric,
    help: 'When the last account-erasure sweep that walked every owner and every deletion record ended, in Unix seconds (0: none yet on this replica)',
    registers: serviceName === ACCOUNT_ERASURE.service ? [registry] : [],
  });
  const forgottenSchedulesOldest = new Gauge({
    name: FORGOTTEN_BACKLOG.oldestMetric,
    help: "Age in seconds of the oldest deleted schedule whose copies the AI service has still to forget (trip_db forgotten_schedules), set by the replica holding the forget lease (0: none, or another replica's)",
    registers: serviceName === FORGOTTEN_BACKLOG.service ? [registry] : [],
  });
  // Registered by the trip pods alone, which hear the nudges; a counter exported from 0 (as outboxSetAside), so that increase() sees the first drop.
  const scheduleNudgesDropped = new Counter({
    name: SCHEDULE_NUDGE_READS.droppedMetric,
    help: "The AI service's schedule nudges this replica dropped unread, past the ones waiting for a read (the sweep reads their schedules)",
    registers: serviceName === SCHEDULE_NUDGE_READS.service ? [registry] : [],
  });
  scheduleNudgesDropped.inc(0);
  // Every service, one series per dependency, 0 unless its token auth sets it: a pod without Entra (dev, local runs) is not failing.
  const entraFailing = new Map<EntraDependency, () => number>();
  new Gauge({
    name: ENTRA_TOKEN_OUTAGE.failingMetric,
    help: "For how long in seconds the pod's Entra token for the dependency has not been renewed because Entra is out of reach, counted from the first ask left without a token, an ask under way included (0: renewals succeed, or no Entra)",
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const dependency of ENTRA_TOKEN_OUTAGE.dependencies) this.set({ dependency }, entraFailing.get(dependency)?.() ?? 0);
    },
  });
  const readEntraFailingFrom = (dependency: EntraDependency, source: () => number): void => {
    entraFailing.set(dependency, source);
  };
  return { registry, httpDuration, dependencyUp, messagesConsumed, outboxSetAside, asyncRequestDuration, llmCalls, llmCallDuration, llmCacheLookups, llmFallbacks, accountErasureUnknownOwners, accountErasureLastSuccess, forgottenSchedulesOldest, scheduleNudgesDropped, readEntraFailingFrom };
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
