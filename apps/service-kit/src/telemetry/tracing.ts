/**
 * OpenTelemetry tracing: W3C trace context in and out, parent-based sampling at the catalog's
 * ratio (10 %). Spans leave the process over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set,
 * and to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is (prod): the Azure
 * Monitor exporter turns each server span into a `requests` record (cloud role = the workload
 * name, name `METHOD /route`): the workspace's AppRequests, what the Azure response-time alerts
 * read (infra-bicep alerts.bicep). With local authentication off on the component, the exporter
 * signs in with the pod's workload identity (Monitoring Metrics Publisher, infra-bicep).
 * Every request gets a server span (sampled or not, it has a trace id, which goes into the logs).
 * An asynchronous request (a schedule: asked at one service, made by another off a queue) gets a
 * CONSUMER span when it gets its outcome, started when it was asked, kept whatever the ratio: the
 * exporter sends it as a `requests` record too, so Application Insights sees the time the traveller waited.
 * The OTLP exporter is loaded only when an endpoint is configured (about 7 MiB of RSS otherwise
 * spent), the Azure Monitor exporter only when Application Insights is (about 12 MiB, issue 15).
 */
import { context, isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Link, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TokenCredential } from '@azure/identity';
import { asyncRequestName, HELD_TIME_ATTRIBUTE, workloadName, type QueueName } from '@tripgen/catalog';
import type { ServiceConfig } from '../config.ts';
import { kitTracer, KIT_TRACER_NAME } from './kit-tracer.ts';

/**
 * With Application Insights as a destination the ratio sampler is its own (same trace-id ratio),
 * which stamps the sample rate on each span so that request counts are scaled back up there:
 * setupTracing passes it as `ratioSampler`.
 */
export const samplerFor = (name: string, ratio: number, ratioSampler?: (ratio: number) => Sampler): Sampler => {
  const byRatio = !name.endsWith('always_on') && !name.endsWith('always_off');
  const root = !byRatio ? (name.endsWith('always_on') ? new AlwaysOnSampler() : new AlwaysOffSampler()) : (ratioSampler ?? ((r) => new TraceIdRatioBasedSampler(r)))(ratio);
  // Application Insights' sampler also decides a sampled parent's children: it keeps them by the
  // trace id's hash (the root's decision, made by the same hash in whichever service) and stamps
  // the ratio on them, so that each record of a kept trace stands for as many as its root
  // (ItemCount, which the alerts' percentilew and the runbooks' sums weigh by). With the default
  // AlwaysOn children a called service's requests, a delivery and its steps would count once.
  const parentSampled = byRatio && ratioSampler ? { remoteParentSampled: root, localParentSampled: root } : {};
  const sampler = name.startsWith('parentbased') ? new ParentBasedSampler({ root, ...parentSampled }) : root;
  return name.endsWith('always_off') ? sampler : keepingAsyncRequests(sampler);
};

/**
 * Marks the spans recordAsyncRequest makes, for the sampler: a name or kind alone would also keep
 * another library's per-delivery CONSUMER spans (e.g. the Service Bus SDK's, once traced) as schedules.
 */
const ASYNC_REQUEST_ATTRIBUTE = 'tripgen.async_request';
const RECORD_ALL: SamplingResult = Object.freeze({ decision: SamplingDecision.RECORD_AND_SAMPLED });

/**
 * Every asynchronous request's span is kept, whatever the ratio (unless tracing is off): the
 * Azure AI response-time alert is a p95 of them over 5 minutes, and at the expected load (10,000
 * travellers a day, one schedule each, 15 % of them in the peak hour: about 125 schedules in the
 * peak 5 minutes, 35 in an average 5) a 10 % sample would keep about 12 and 3 records, whose p95
 * is simply the slowest one: one slow schedule in a hundred would page (critical) several times a
 * day. All of them are 10,000 records a day, a few MB. Each is the root of its own trace
 * (recordAsyncRequest), so no trace is cut in half; without a sample rate its ItemCount is 1.
 */
const keepingAsyncRequests = (sampler: Sampler): Sampler => ({
  shouldSample: (ctx, traceId, spanName, spanKind, attributes, links) =>
    spanKind === SpanKind.CONSUMER && attributes[ASYNC_REQUEST_ATTRIBUTE] === true ? RECORD_ALL : sampler.shouldSample(ctx, traceId, spanName, spanKind, attributes, links),
  toString: () => `KeepingAsyncRequests{${sampler.toString()}}`,
});

/** Where Application Insights is: its connection string, and the credential that signs in (none: the key alone). */
export interface AppInsightsTarget {
  readonly connectionString: string;
  readonly credential?: TokenCredential;
}

export interface Tracing {
  readonly tracer: Tracer;
  /** The context carried by incoming W3C headers (traceparent/tracestate). */
  extract(headers: Record<string, unknown>): Context;
  /** Writes the W3C headers of `ctx` into `carrier` (outgoing HTTP calls and messages). */
  inject(ctx: Context, carrier: Record<string, string>): void;
  shutdown(): Promise<void>;
}

export const setupTracing = async (
  config: Pick<ServiceConfig, 'serviceName' | 'otlpEndpoint' | 'tracesSampler' | 'tracesSamplerArg'>,
  appInsights?: AppInsightsTarget,
): Promise<Tracing> => {
  const spanProcessors = [];
  if (config.otlpEndpoint) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })));
  }
  let ratioSampler: ((ratio: number) => Sampler) | undefined;
  if (appInsights) {
    const { ApplicationInsightsSampler, AzureMonitorTraceExporter } = await import('@azure/monitor-opentelemetry-exporter');
    ratioSampler = (ratio) => new ApplicationInsightsSampler(ratio);
    // No offline storage: the root filesystem is read-only, and a lost batch is only telemetry.
    const exporter = new AzureMonitorTraceExporter({ connectionString: appInsights.connectionString, credential: appInsights.credential, disableOfflineStorage: true });
    spanProcessors.push(new BatchSpanProcessor(exporter));
  }
  const provider = new NodeTracerProvider({
    // The service name is Application Insights' cloud role (the alerts filter on it).
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: workloadName(config.serviceName) }),
    sampler: samplerFor(config.tracesSampler, config.tracesSamplerArg, ratioSampler),
    spanProcessors,
  });
  // Global registration makes the context manager and propagator available to libraries; it is
  // process-wide, so a second app in the same process (tests) reuses the first one's.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const propagator = new W3CTraceContextPropagator();
  const getter = {
    keys: (c: Record<string, unknown>) => Object.keys(c),
    get: (c: Record<string, unknown>, k: string) => {
      const v = c[k];
      return typeof v === 'string' ? v : Array.isArray(v) ? (v as string[]) : undefined;
    },
  };
  return {
    tracer: provider.getTracer(KIT_TRACER_NAME),
    extract: (headers) => propagator.extract(context.active(), headers, getter),
    inject: (ctx, carrier) => propagator.inject(ctx, carrier, { set: (c, k, v) => void (c[k] = v) }),
    shutdown: () => provider.shutdown(),
  };
};

/** One options object for every server span: the SDK only reads it. */
const SERVER_SPAN: SpanOptions = Object.freeze({ kind: SpanKind.SERVER });

/**
 * A request's server span alone (the kit's hooks): no context and no wrapper object per request.
 * `fromEdge`: a client's request (http/edge-request.ts), whose traceparent is not trusted: the span
 * is the root of a trace of its own, sampled here, and links to the client's context if it sent one.
 */
export const serverSpan = (tracing: Tracing, name: string, headers: Record<string, unknown>, fromEdge = false): Span => {
  // Without W3C headers there is nothing to extract (most requests: a client's first hop).
  if (headers.traceparent === undefined) return tracing.tracer.startSpan(name, SERVER_SPAN, context.active());
  if (!fromEdge) return tracing.tracer.startSpan(name, SERVER_SPAN, tracing.extract(headers));
  const client = trace.getSpanContext(tracing.extract(headers));
  return tracing.tracer.startSpan(name, client && isSpanContextValid(client) ? { ...SERVER_SPAN, root: true, links: [{ context: client }] } : { ...SERVER_SPAN, root: true }, context.active());
};

export const endServerSpan = (span: Span, statusCode: number, route: string, method?: string): void => {
  // An unsampled span is the SDK's non-recording span (its attributes go nowhere): 9 requests in 10.
  if (!span.isRecording()) return span.end();
  // The HTTP semantic conventions: with the method the Azure Monitor exporter reads it as an HTTP request (response code).
  if (method) span.setAttribute('http.request.method', method);
  span.setAttribute('http.response.status_code', statusCode);
  span.setAttribute('http.route', route);
  if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
};

/**
 * Says on a request's server span how long its route held it on purpose for the client (app.ts
 * markHeld: a long poll's wait), in whole milliseconds under the catalog's HELD_TIME_ATTRIBUTE.
 * The span still lasts the whole request; the Azure Monitor exporter sends the attribute in the
 * record's properties (AppRequests `Properties`), and the response-time alerts subtract it.
 */
export const setHeldTime = (span: Span, ms: number): void => {
  if (span.isRecording()) span.setAttribute(HELD_TIME_ATTRIBUTE, Math.round(ms));
};

/** An asynchronous request that got its outcome here. */
export interface AsyncRequestOutcome {
  /** The queue it came through (its record's name is the catalog's asyncRequestName of it). */
  readonly queue: QueueName;
  /** Its id (a schedule's id, which is also its message id). */
  readonly id: string;
  /** When it was asked (the producer's timestamp in the message): the record starts there. */
  readonly askedAt: Date;
  readonly success: boolean;
}

/**
 * The Azure Monitor exporter names a request record after the `ai.operation.name` tag, which it
 * takes from the span's HTTP route for a SERVER span but only from this attribute for a CONSUMER
 * one (readableSpanToEnvelope in @azure/monitor-opentelemetry-exporter): without it the record
 * has no name.
 */
const AI_OPERATION_NAME = 'ai.operation.name';

/**
 * One CONSUMER span per asynchronous request, from when it was asked to now, in a trace of its
 * own, always kept (keepingAsyncRequests: too few of them for a sampled p95), linked to the active
 * span's trace (call it where the outcome is made: the delivery's context, see consumer.ts).
 */
export const recordAsyncRequest = (tracing: Tracing, outcome: AsyncRequestOutcome): void => {
  const name = asyncRequestName(outcome.queue);
  // askedAt is another pod's clock: one ahead of this one would date the record in the future (the
  // SDK makes its duration 0), and an Invalid Date makes the exporter throw on its whole batch.
  const asked = outcome.askedAt.getTime();
  const startTime = asked <= Date.now() ? outcome.askedAt : new Date();
  // The trace it got its outcome in (the delivery, a child of the traveller's request through the
  // message's Diagnostic-Id; or the request that expired it): a link, so that the record, in its
  // own trace, leads to that one (Application Insights: customDimensions["_MS.links"]).
  const finishedIn = trace.getSpanContext(context.active());
  const links: Link[] = finishedIn && trace.isSpanContextValid(finishedIn) ? [{ context: finishedIn }] : [];
  const span = tracing.tracer.startSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      startTime,
      links,
      attributes: {
        [AI_OPERATION_NAME]: name,
        [ASYNC_REQUEST_ATTRIBUTE]: true,
        'messaging.operation.type': 'process',
        'messaging.destination.name': outcome.queue,
        'messaging.message.id': outcome.id,
      },
    },
    ROOT_CONTEXT,
  );
  if (span.isRecording()) span.setStatus({ code: outcome.success ? SpanStatusCode.OK : SpanStatusCode.ERROR });
  span.end();
};

/**
 * The context a route's handler runs in: its request's server span, so that what the handler
 * calls (another service, a message written to the outbox) continues the request's trace, sampled
 * or not (W3C Trace Context: the sampled flag travels with it, parent-based sampling downstream).
 */
export const requestContext = (span: Span): Context => trace.setSpan(ROOT_CONTEXT, span);

/**
 * The active span's ids, for log lines written outside a request's own logger (which has them
 * bound, request-logger.ts): a message's delivery, the work it calls. The OpenTelemetry names for
 * JSON logs (specification, "Trace Context in Non-OTLP Log Formats": trace_id, span_id), the same
 * as the request lines'.
 */
export const activeTraceIds = (): { trace_id: string; span_id: string } | undefined => {
  const sc = trace.getSpanContext(context.active());
  return sc && trace.isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : undefined;
};

/**
 * Runs `work` in an INTERNAL span named `name`, a child of the active span (a step of a message's
 * delivery or of a request), ended when it settles, marked as an error when it throws. For the
 * steps an on-call engineer must tell apart in a slow trace that make no call of their own the kit
 * traces (a worker thread's computation, an SDK's or a router's request).
 */
export const inSpan = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const span = kitTracer().startSpan(name, { kind: SpanKind.INTERNAL });
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (err) {
    if (span.isRecording()) span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    span.end();
  }
};

export { propagation };
