/**
 * One trace from a traveller's request to the work it causes in other services: the request's
 * server span is the active span while its handler runs, so that a call to another service carries
 * it (W3C Trace Context, https://www.w3.org/TR/trace-context/ section 3.2 "traceparent": version,
 * trace-id, parent-id = the caller's span, trace-flags with the sampled bit) and a message written
 * to the outbox carries it to the consumer in the Service Bus application property `Diagnostic-Id`
 * (the @azure/service-bus 7.9.5 SDK's TRACEPARENT_PROPERTY, which its own instrumentation writes and
 * reads). Sampling is decided once at the root and honoured downstream (OpenTelemetry JS
 * ParentBasedSampler, the OTEL_TRACES_SAMPLER=parentbased_traceidratio of the specification's
 * "General SDK Configuration"): with the ratio at 0 here, only a trace whose root was sampled is
 * exported, whole. The spans are read as the OTLP/HTTP exporter sends them (JSON protobuf
 * encoding, https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { context, trace, type ProxyTracerProvider } from '@opentelemetry/api';
import { QUEUE_NAMES, QUEUES, SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { adminUrl, quietLogger, redisUrl, waitFor } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { createTokenVerifier, localJwks } from '../auth/jwt.ts';
import { loadConfig } from '../config.ts';
import { createServiceClient } from '../http/service-client.ts';
import type { IncomingMessage, MessageBroker } from '../messaging/broker.ts';
import { consumeIdempotently } from '../messaging/consumer.ts';
import { createOutboxRelay, enqueue } from '../messaging/outbox.ts';
import { inSpan } from './tracing.ts';
import { CURRENT_TARGET } from '../http/preconditions.ts';
import { createServiceBusBroker } from '../messaging/service-bus-broker.ts';
import { createTestDatabase, type TestDatabase } from '../messaging/test-support/test-database.ts';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
}
const exported: OtlpSpan[] = [];
const peerHeaders: IncomingHttpHeaders[] = [];
const lines: Record<string, unknown>[] = [];
let collector: Server;
let peer: Server;
let app: App;
let base: string;
let pool: pg.Pool;
let db: TestDatabase;
let bus: ServiceBusEmulator;
let broker: MessageBroker;
const delivered: { message: IncomingMessage; traceId?: string; spanId?: string }[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // @opentelemetry/exporter-trace-otlp-http sends JSON (its proto sibling sends protobuf).
      expect(req.headers['content-type']).toBe('application/json');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) exported.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  peer = createServer((req, res) => {
    peerHeaders.push(req.headers);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  const [collectorUrl, peerUrl] = await Promise.all([listen(collector), listen(peer)]);
  [db, bus] = await Promise.all([createTestDatabase('trace_propagation_test'), startServiceBusEmulator({ queues: QUEUE_NAMES })]);
  broker = createServiceBusBroker({ connectionString: bus.connectionString, logger: quietLogger });
  pool = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  const env = {
    SERVICEBUS_CONNECTION_STRING: bus.connectionString,
    JWKS_URL: 'http://127.0.0.1:1/jwks.json',
    ...Object.fromEntries(SERVICES.trip.calls.map((p) => [serviceUrlVariable(p), peerUrl])),
    DATABASE_URL: adminUrl(),
    REDIS_URL: redisUrl(),
    MAX_EVENT_LOOP_DELAY_MS: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0',
  };
  const config = loadConfig({ service: 'trip' }, env);
  const location = createServiceClient('location', peerUrl);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: () => pool.end() },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: { level: 'info', stream: sink },
    domain: async (a) => {
      // Outside the public prefix (no token asked): the trace is what these are about. Any trip id is one (config.target).
      const config = { target: async () => CURRENT_TARGET };
      // A body, so that the handler runs after the request stream's events (where async context is easily lost).
      a.post('/stand-in/trips/:id/calls', { config }, async (req) => location.post('/internal/v1/location/candidates', req.body));
      // Steps with no traced call of their own (an engine's thread, an SDK): spans of the request's trace.
      a.post('/stand-in/trips/:id/steps', { config }, async () => {
        await inSpan('compute', () => new Promise((r) => setTimeout(r, 5)));
        await inSpan('fails', async () => Promise.reject(new Error('no answer'))).catch(() => undefined);
        return { done: true };
      });
      a.post('/stand-in/trips/:id/messages', { config }, async (req) => {
        await db.sql.$transaction((tx) => enqueue(tx, QUEUES.aiScheduleGeneration, { trip: (req.params as { id: string }).id }));
        return { queued: true };
      });
    },
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await broker?.close();
  await bus?.stop();
  await db?.drop();
  await Promise.all([collector, peer].map((s) => new Promise((r) => s?.close(r))));
}, 60_000);

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const traceparentOf = (v: unknown) => /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(String(v));
/** The spans exported so far, once the app's provider (the global one: one app in this file) has sent every span ended. */
const exportedNow = async (): Promise<OtlpSpan[]> => {
  const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as unknown as { forceFlush(): Promise<void> };
  await provider.forceFlush(); // resolves once the exporter's request is answered: the collector has the spans
  return exported;
};

it("carries a request's trace, and its root's sampling decision, to the service its handler calls", async () => {
  for (const flags of ['01', '00']) {
    const traceId = flags === '01' ? TRACE : TRACE.replace(/^4/, '5');
    peerHeaders.length = 0;
    const res = await fetch(`${base}/stand-in/trips/t1/calls`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${CLIENT_SPAN}-${flags}` }, body: '{"city":"Seoul"}' });
    expect(res.status).toBe(200);
    const sent = traceparentOf(peerHeaders[0]?.traceparent);
    expect(sent, 'the called service got a traceparent').not.toBeNull();
    expect(sent![1]).toBe(traceId);
    expect(sent![2]).not.toBe(CLIENT_SPAN); // its parent is this service's span of the call, not the caller's
    expect(sent![3]).toBe(flags); // the root's decision, sampled or not
  }
  const spans = await exportedNow();
  // The sampled call: its client span is the child of the request's, the parent of the peer's.
  const callServer = spans.find((s) => s.traceId === TRACE && s.name === 'POST /stand-in/trips/:id/calls');
  const client = spans.find((s) => s.traceId === TRACE && s.kind === 3 && s.parentSpanId === callServer?.spanId);
  expect(client, 'the call has a CLIENT span under the request').toBeDefined();
  // Nothing of the unsampled trace (root decided not sampled) was exported.
  expect(spans.filter((s) => s.traceId === TRACE.replace(/^4/, '5'))).toEqual([]);
});

const EDGE_TRACE = '7bf92f3577b34da6a3ce929d0e0e4736';
/**
 * A client's headers, through the edge (X-Forwarded-For, which every edge hop appends; a call
 * between services sends none): W3C Trace Context's "Security considerations", "Denial of service"
 * warns against a public API that "naively continues any trace with the recorded flag set"; the
 * edge passes traceparent on as sent, and x-request-id too (NGINX; Envoy unless it takes the request
 * for external: its x-forwarded-for docs, preserve_external_request_id). The request gets the
 * service's own id and trace, its sampling decided here (ratio 0: not sampled), and the service's
 * calls carry that trace on.
 */
it("gives a client's request through the edge an id and a trace of its own, not the ones it sent", async () => {
  const sentHeaders = { 'content-type': 'application/json', traceparent: `00-${EDGE_TRACE}-${CLIENT_SPAN}-01`, 'x-request-id': 'req-of-another' };
  peerHeaders.length = 0;
  const res = await fetch(`${base}/stand-in/trips/t4/calls`, { method: 'POST', headers: { ...sentHeaders, 'x-forwarded-for': '203.0.113.9:51234, 10.1.0.4' }, body: '{"city":"Seoul"}' });
  expect(res.status).toBe(200);
  const id = res.headers.get('x-request-id');
  expect(id).not.toBe('req-of-another');
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const answered = traceparentOf(res.headers.get('traceparent'));
  expect(answered![1]).not.toBe(EDGE_TRACE);
  expect(answered![3]).toBe('00'); // sampled by the service's ratio (0), not forced by the client's -01
  // The call to the next service carries the service's trace on, as for any request.
  const sent = traceparentOf(peerHeaders[0]?.traceparent);
  expect(sent![1]).toBe(answered![1]);
  expect(sent![3]).toBe('00');
  expect((await exportedNow()).filter((s) => s.traceId === EDGE_TRACE)).toEqual([]);
  // Its lines are filed under the service's id, the client's beside it.
  expect(lines.find((l) => l.msg === 'incoming request' && l.reqId === id)).toMatchObject({ clientRequestId: 'req-of-another', trace_id: answered![1] });
  expect(lines.filter((l) => l.reqId === 'req-of-another')).toEqual([]);

  // The same headers from another service (no X-Forwarded-For) are the trace and id it continues.
  peerHeaders.length = 0;
  const internal = await fetch(`${base}/stand-in/trips/t5/calls`, { method: 'POST', headers: { ...sentHeaders, 'x-request-id': 'req-in-cluster' }, body: '{"city":"Seoul"}' });
  expect(internal.headers.get('x-request-id')).toBe('req-in-cluster');
  expect(traceparentOf(internal.headers.get('traceparent'))![1]).toBe(EDGE_TRACE);
  expect(traceparentOf(peerHeaders[0]?.traceparent)![3]).toBe('01');
});

const STEPS_TRACE = '6bf92f3577b34da6a3ce929d0e0e4736';
it("records a handler's untraced steps (inSpan) as spans of its request's trace", async () => {
  const res = await fetch(`${base}/stand-in/trips/t3/steps`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: `00-${STEPS_TRACE}-${CLIENT_SPAN}-01` }, body: '{}' });
  expect(res.status).toBe(200);
  // Children of their request's span, the failed one marked (OTLP status code 2: ERROR).
  const steps = (await exportedNow()).filter((s) => s.traceId === STEPS_TRACE);
  const stepsServer = steps.find((s) => s.name === 'POST /stand-in/trips/:id/steps');
  expect(steps.filter((s) => s.name === 'compute' || s.name === 'fails').map((s) => [s.name, s.kind, s.parentSpanId, s.status?.code ?? 0])).toEqual([
    ['compute', 1, stepsServer?.spanId, 0],
    ['fails', 1, stepsServer?.spanId, 2],
  ]);
});

it("carries a request's trace to the consumer of the message it wrote (Diagnostic-Id), whose delivery continues it and logs with its ids", async () => {
  const relay = createOutboxRelay({ db: db.sql, broker, pollIntervalMs: 50, logger: quietLogger });
  relay.start();
  const subscription = await consumeIdempotently(
    broker,
    db.sql,
    QUEUES.aiScheduleGeneration,
    async (message) => {
      const sc = trace.getSpanContext(context.active());
      delivered.push({ message, traceId: sc?.traceId, spanId: sc?.spanId });
      // The first delivery fails (transient): the consumer's log line about it must carry the trace.
      if (message.attempt === 1) throw new Error('transient');
    },
    { logger: app.log, redeliveryBackoff: { baseMs: 10, maxMs: 10 } },
  );
  try {
    const res = await fetch(`${base}/stand-in/trips/t2/messages`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: `00-${TRACE}-${CLIENT_SPAN}-01` }, body: '{}' });
    expect(res.status).toBe(200);
    await waitFor(async () => delivered.length >= 2, 'the message delivered twice', 20_000);
  } finally {
    await subscription.close();
    await relay.close();
  }
  const sent = traceparentOf(delivered[0]!.message.traceparent);
  expect(sent, 'the delivered message carries a traceparent').not.toBeNull();
  expect(sent![1]).toBe(TRACE);
  expect(sent![3]).toBe('01');
  // The handler ran in the delivery's span: same trace, a span of its own.
  expect(delivered[0]!.traceId).toBe(TRACE);
  expect(delivered[0]!.spanId).not.toBe(sent![2]);
  const abandoned = lines.find((l) => l.msg === 'message abandoned for redelivery');
  expect(abandoned).toMatchObject({ trace_id: TRACE, span_id: delivered[0]!.spanId });

  const ofTrace = (await exportedNow()).filter((s) => s.traceId === TRACE);
  const server = ofTrace.find((s) => s.name === 'POST /stand-in/trips/:id/messages');
  expect(server?.parentSpanId).toBe(CLIENT_SPAN);
  expect(sent![2]).toBe(server!.spanId); // the message's parent is the request's span
  const deliveries = ofTrace.filter((s) => s.name === `handle ${QUEUES.aiScheduleGeneration}`);
  expect(deliveries).toHaveLength(2);
  for (const d of deliveries) expect(d.parentSpanId).toBe(server!.spanId);
}, 60_000);
