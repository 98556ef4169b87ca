/**
 * Spans leave the process only when an OTLP endpoint is configured, and sampling follows the
 * parent's decision (parent-based), so a sampled incoming trace is exported whatever the ratio.
 */
import { createServer, type Server } from 'node:http';
import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { asyncRequestName, HELD_TIME_ATTRIBUTE, QUEUES } from '@tripgen/catalog';
import { recordAsyncRequest, samplerFor, setHeldTime, setupTracing, serverSpan, endServerSpan } from './tracing.ts';

let server: Server;
let endpoint: string;
const received: { url: string; bytes: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      received.push({ url: req.url ?? '', bytes });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('exports a span of a sampled incoming trace to the configured OTLP endpoint, even at ratio 0', async () => {
  const tracing = await setupTracing({ serviceName: 'trip', otlpEndpoint: endpoint, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 0 });
  const sampled = { span: serverSpan(tracing, 'GET /x', { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }) };
  expect(sampled.span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
  endServerSpan(sampled.span, 200, '/x');
  const unsampledRoot = { span: serverSpan(tracing, 'GET /y', {}) };
  expect(unsampledRoot.span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(0);
  endServerSpan(unsampledRoot.span, 200, '/y');
  await tracing.shutdown(); // flushes the batch
  expect(received.some((r) => r.url === '/v1/traces' && r.bytes > 0)).toBe(true);
});

it('samples about 10 % of root traces with the default ratio, and exports nothing without an endpoint', async () => {
  const before = received.length;
  const tracing = await setupTracing({ serviceName: 'trip', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 0.1 });
  let sampled = 0;
  for (let i = 0; i < 2_000; i++) {
    const span = serverSpan(tracing, 'GET /z', {});
    if (span.spanContext().traceFlags & TraceFlags.SAMPLED) sampled++;
    span.end();
  }
  await tracing.shutdown();
  expect(sampled / 2_000).toBeGreaterThan(0.06);
  expect(sampled / 2_000).toBeLessThan(0.14);
  expect(received.length).toBe(before);
  expect(samplerFor('always_off', 1).toString()).toContain('AlwaysOff');
});

type Envelope = { name: string; time: string; sampleRate?: number; tags: Record<string, string>; data: { baseType: string; baseData: Record<string, unknown> } };

/**
 * Application Insights: the Azure Monitor exporter against a local stand-in for the ingestion
 * endpoint (it answers like Breeze: `{itemsReceived, itemsAccepted, errors}`). `use` gets the
 * connection string that points at it, and the envelopes it received are returned.
 */
const withBreeze = async (use: (connectionString: string) => Promise<void>): Promise<Envelope[]> => {
  const { gunzipSync } = await import('node:zlib');
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const https = await import('node:https');
  // The exporter talks HTTPS only (it rewrites an http:// ingestion endpoint): a throwaway certificate.
  const dir = mkdtempSync(join(tmpdir(), 'breeze-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  const saved = { reject: process.env.NODE_TLS_REJECT_UNAUTHORIZED, statsbeat: process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED };
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // trust the throwaway certificate, for this test only
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true'; // the SDK's own telemetry would go to Microsoft
  const envelopes: Envelope[] = [];
  const breeze = https.createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const items = JSON.parse(text) as Envelope[];
      if (req.url?.endsWith('/v2.1/track')) envelopes.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((r) => breeze.listen(0, '127.0.0.1', r));
  try {
    const port = (breeze.address() as { port: number }).port;
    await use(`InstrumentationKey=00000000-0000-0000-0000-0000000000aa;IngestionEndpoint=http://127.0.0.1:${port}/`);
    return envelopes;
  } finally {
    await new Promise<void>((r) => breeze.close(() => r()));
    for (const [k, v] of [['NODE_TLS_REJECT_UNAUTHORIZED', saved.reject], ['APPLICATIONINSIGHTS_STATSBEAT_DISABLED', saved.statsbeat]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
};

/**
 * Runs `fn` with the wall clock (Date) and the monotonic one the SDK times spans by (performance.now,
 * which OpenTelemetry adds to performance.timeOrigin) both standing at `epochMs`.
 */
const atInstant = <T>(epochMs: number, fn: () => T): T => {
  // timeOrigin 0: the sum is the whole milliseconds asked for (a fractional origin rounds a millisecond away).
  const origin = vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(0);
  const now = vi.spyOn(performance, 'now').mockReturnValue(epochMs);
  vi.useFakeTimers({ toFake: ['Date'], now: epochMs });
  try {
    return fn();
  } finally {
    vi.useRealTimers();
    now.mockRestore();
    origin.mockRestore();
  }
};

/** A Breeze duration (`[d.]hh:mm:ss.fff`) in milliseconds. */
const durationMs = (d: unknown): number => {
  const m = /^(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(String(d));
  if (!m) throw new Error(`not a Breeze duration: ${String(d)}`);
  return (((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
};

/**
 * What the Azure response-time alerts read (infra-bicep alerts.bicep: the AppRequests table, by
 * AppRoleName, Name and DurationMs) comes from these request records, so the test checks the record
 * type, the cloud role (the workload name the alerts select), the name and the duration.
 */
it('sends each server span to Application Insights as a request of cloud role <service>-service, with its duration and status', async () => {
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'parentbased_always_on', tracesSamplerArg: 1 }, { connectionString });
    // Ended 20 ms after it started, by the clocks the span reads.
    const at = Date.now();
    const span = atInstant(at, () => serverSpan(tracing, 'POST /api/v1/itineraries', {}));
    atInstant(at + 20, () => endServerSpan(span, 201, '/api/v1/itineraries', 'POST'));
    await tracing.shutdown();
  });
  const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
  expect(requests).toHaveLength(1);
  expect(requests[0]!.name).toMatch(/Request$/);
  expect(requests[0]!.tags['ai.cloud.role']).toBe('ai-service');
  expect(requests[0]!.data.baseData).toMatchObject({ responseCode: '201', success: true });
  expect(durationMs(requests[0]!.data.baseData.duration)).toBe(20);
});

/**
 * A long poll (the trip service's read of a schedule with `?wait=`) holds its request for the
 * client: its record lasts the whole request, and says how long was held under the catalog's
 * attribute, in its properties (AppRequests `Properties`), which the Azure response-time alerts
 * subtract from DurationMs (infra-bicep alerts.bicep), as the kit's histogram leaves it out.
 */
it('says on a request record how long its route held it for the client, under the catalog\'s attribute, the record lasting the whole request', async () => {
  const route = '/api/v1/trips/:id/schedules/:scheduleId';
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'trip', otlpEndpoint: undefined, tracesSampler: 'parentbased_always_on', tracesSamplerArg: 1 }, { connectionString });
    const at = Date.now();
    const span = atInstant(at, () => serverSpan(tracing, `GET ${route}`, {}));
    setHeldTime(span, 50.4);
    atInstant(at + 60, () => endServerSpan(span, 200, route, 'GET'));
    await tracing.shutdown();
  });
  const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
  expect(requests).toHaveLength(1);
  expect(requests[0]!.data.baseData.properties).toMatchObject({ [HELD_TIME_ATTRIBUTE]: '50' });
  // The whole request, held time included.
  expect(durationMs(requests[0]!.data.baseData.duration)).toBe(60);
});

/**
 * A schedule is asked at the trip service and made by the AI service off a queue: its record is
 * timed from when it was asked (7 s before here) to its outcome, named as the catalog says (what the
 * Azure AI response-time alert selects), and says whether it succeeded and which schedule it was.
 */
it('sends each finished asynchronous request to Application Insights as a request from when it was asked, named by the catalog', async () => {
  const askedAt = new Date(Date.now() - 7_000);
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 1 }, { connectionString });
    // The outcomes come exactly 7 s after the ask: both clocks the records read stand still at that instant.
    atInstant(askedAt.getTime() + 7_000, () => {
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: 'schedule-1', askedAt, success: true });
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: 'schedule-2', askedAt, success: false });
    });
    await tracing.shutdown();
  });
  const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
  expect(requests).toHaveLength(2);
  for (const [i, r] of requests.entries()) {
    expect(r.tags['ai.cloud.role']).toBe('ai-service');
    expect(r.data.baseData.name).toBe(asyncRequestName(QUEUES.aiScheduleGeneration));
    expect(r.tags['ai.operation.name']).toBe(asyncRequestName(QUEUES.aiScheduleGeneration));
    // The SDK keeps times as [seconds, nanoseconds]: a millisecond may round away.
    expect(Math.abs(Date.parse(r.time) - askedAt.getTime())).toBeLessThanOrEqual(1);
    expect(durationMs(r.data.baseData.duration)).toBe(7_000);
    expect(r.data.baseData).toMatchObject({ success: i === 0, properties: { 'messaging.message.id': `schedule-${i + 1}`, 'messaging.destination.name': QUEUES.aiScheduleGeneration } });
    // The ratio sampler's rate (100 % here) becomes the record's ItemCount.
    expect(r.sampleRate).toBe(100);
  }
});

/**
 * The record of a schedule is the root of a trace of its own (kept whatever the ratio), so the
 * on-call engineer needs a way from it to the trace of the request and of the work that made it
 * (its queue wait, the AI service's calls to the location service): an OpenTelemetry span link to
 * the active span where the outcome is made, which the Azure Monitor exporter 1.0.0-beta.42 writes
 * as the record's `_MS.links` property (`[{operation_Id, id}]`, readableSpanToEnvelope), whether or
 * not that trace was sampled (the ids are known either way).
 */
it('links each asynchronous request record to the trace it got its outcome in (Application Insights _MS.links)', async () => {
  const finishedIn = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.NONE };
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 0.1 }, { connectionString });
    context.with(trace.setSpanContext(ROOT_CONTEXT, finishedIn), () =>
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: 'schedule-linked', askedAt: new Date(Date.now() - 6_000), success: true }),
    );
    await tracing.shutdown();
  });
  const [record] = envelopes.filter((e) => e.data.baseType === 'RequestData');
  expect(record?.tags['ai.operation.id']).not.toBe(finishedIn.traceId); // still a trace of its own
  expect(JSON.parse(String((record?.data.baseData.properties as Record<string, unknown>)['_MS.links']))).toEqual([{ operation_Id: finishedIn.traceId, id: finishedIn.spanId }]);
});

/**
 * Kept whatever the traces' ratio: at the expected load a 10 % sample of the schedules would leave
 * the alert's 5-minute p95 a handful of records (tracing.ts, keepingAsyncRequests). Server spans in
 * the same process keep the ratio, and tracing switched off stays off.
 */
it('keeps every asynchronous request at the traces\' 10 % ratio (each record standing for itself), and server spans at the ratio', async () => {
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 0.1 }, { connectionString });
    for (let i = 0; i < 300; i++) {
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: `s-${i}`, askedAt: new Date(Date.now() - 100), success: true });
      endServerSpan(serverSpan(tracing, 'GET /x', {}), 200, '/x', 'GET');
      // Another library's CONSUMER span of the same name (a traced SDK's delivery): not a request record to keep.
      tracing.tracer.startSpan(asyncRequestName(QUEUES.aiScheduleGeneration), { kind: SpanKind.CONSUMER, attributes: { 'ai.operation.name': 'sdk delivery' } }).end();
    }
    await tracing.shutdown();
  });
  const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
  const schedules = requests.filter((r) => r.data.baseData.name === asyncRequestName(QUEUES.aiScheduleGeneration));
  expect(schedules).toHaveLength(300);
  expect(new Set(schedules.map((r) => r.sampleRate))).toEqual(new Set([100]));
  const server = requests.filter((r) => r.data.baseData.name === 'GET /x');
  expect(server.length).toBeGreaterThan(12);
  expect(server.length).toBeLessThan(55);
  expect(new Set(server.map((r) => r.sampleRate))).toEqual(new Set([10]));
  const deliveries = requests.filter((r) => r.data.baseData.name === 'sdk delivery');
  expect(deliveries.length).toBeGreaterThan(12);
  expect(deliveries.length).toBeLessThan(55);
  const off = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'always_off', tracesSamplerArg: 1 });
  const spy = off.tracer.startSpan(asyncRequestName(QUEUES.aiScheduleGeneration), { kind: SpanKind.CONSUMER });
  expect(spy.isRecording()).toBe(false);
  spy.end();
  await off.shutdown();
});

/**
 * The time it was asked comes from another pod's clock, in a message: a clock ahead of this one, or
 * a time Date cannot read, must neither date a record in the future nor break the exporter's batch
 * (an Invalid Date made the Azure Monitor exporter throw on the whole batch: every record in it lost).
 */
it('records an asynchronous request asked "in the future" (clock skew) or at an unreadable time as asked now, and loses no other record', async () => {
  // A fixed instant, not Date.now(): at some instants the exporter's float arithmetic dates a record
  // a millisecond early (a CI run: 1796641321369 for 1796641321370), so a test reading the clock
  // failed now and then; the same input gives the same answer.
  const now = Date.parse('2026-12-07T10:00:00.000Z');
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'ai', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 1 }, { connectionString });
    atInstant(now, () => {
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: 'ahead', askedAt: new Date(now + 30_000), success: true });
      recordAsyncRequest(tracing, { queue: QUEUES.aiScheduleGeneration, id: 'unreadable', askedAt: new Date('2026-12-31T23:59:60Z'), success: true });
      endServerSpan(serverSpan(tracing, 'GET /x', {}), 200, '/x', 'GET');
    });
    await tracing.shutdown();
  });
  const requests = envelopes.filter((e) => e.data.baseType === 'RequestData');
  expect(requests.map((r) => r.data.baseData.name).sort()).toEqual(['GET /x', asyncRequestName(QUEUES.aiScheduleGeneration), asyncRequestName(QUEUES.aiScheduleGeneration)]);
  for (const r of requests) {
    // Asked now: dated at the instant the clocks stand at, lasting nothing.
    expect([Date.parse(r.time), durationMs(r.data.baseData.duration)]).toEqual([now, 0]);
  }
});

/**
 * Application Insights scales a sampled record back up by its sample rate (ItemCount = 100 /
 * sampleRate): the response-time alerts' percentilew(DurationMs, ItemCount, 95) and the runbooks'
 * sum(itemCount). Since traces continue across services (traceparent on service calls and messages),
 * most spans have a parent: a sampled trace's every record, root or not, stands for the same ten
 * traces, so a called service's requests weigh what its callers' do.
 */
it('stamps the ratio on every record of a sampled trace, its root and its continuations in this or another service', async () => {
  const envelopes = await withBreeze(async (connectionString) => {
    const tracing = await setupTracing({ serviceName: 'location', otlpEndpoint: undefined, tracesSampler: 'parentbased_traceidratio', tracesSamplerArg: 0.1 }, { connectionString });
    let root = serverSpan(tracing, 'GET /root', {});
    for (let i = 0; i < 500 && !root.isRecording(); i++) {
      root.end();
      root = serverSpan(tracing, 'GET /root', {});
    }
    expect(root.isRecording()).toBe(true);
    const sc = root.spanContext();
    // Another service's request, continuing the trace through its traceparent header.
    const continued = serverSpan(tracing, 'POST /internal/x', { traceparent: `00-${sc.traceId}-${sc.spanId}-01` });
    // A step of the request in this process (a service call, a delivery's step).
    const step = tracing.tracer.startSpan('GET', { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, root));
    step.end();
    endServerSpan(continued, 200, '/internal/x', 'POST');
    endServerSpan(root, 200, '/root', 'GET');
    await tracing.shutdown();
  });
  const byName = new Map(envelopes.filter((e) => e.data.baseType !== 'MetricData').map((e) => [String(e.data.baseData.name), e.sampleRate]));
  expect(Object.fromEntries(byName)).toEqual({ 'GET /root': 10, 'POST /internal/x': 10, GET: 10 });
});

it("starts a client's request through the edge as a root of its own, linked to the traceparent it sent (W3C Trace Context, Security considerations)", async () => {
  const tracing = await setupTracing({ serviceName: 'trip', otlpEndpoint: undefined, tracesSampler: 'parentbased_always_on', tracesSamplerArg: 1 });
  const sent = { traceparent: '00-8bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
  // The SDK's span (sdk-trace-base ReadableSpan): its parent and links as recorded.
  type Recorded = { parentSpanContext?: { spanId: string }; links: { context: { traceId: string; spanId: string } }[] };
  const edge = serverSpan(tracing, 'GET /x', sent, true);
  expect(edge.spanContext().traceId).not.toBe('8bf92f3577b34da6a3ce929d0e0e4736');
  expect((edge as unknown as Recorded).parentSpanContext).toBeUndefined();
  expect((edge as unknown as Recorded).links.map((l) => l.context)).toMatchObject([{ traceId: '8bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' }]);
  const internal = serverSpan(tracing, 'GET /x', sent);
  expect(internal.spanContext().traceId).toBe('8bf92f3577b34da6a3ce929d0e0e4736');
  expect((internal as unknown as Recorded).parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  // A malformed one is no link (W3C: such a traceparent is ignored).
  expect((serverSpan(tracing, 'GET /x', { traceparent: '00-zz-00f067aa0ba902b7-01' }, true) as unknown as Recorded).links).toEqual([]);
  for (const s of [edge, internal]) s.end();
  await tracing.shutdown();
});
