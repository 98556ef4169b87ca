/**
 * Spans leave the process only when an OTLP endpoint is configured, and sampling follows the
 * parent's decision (parent-based), so a sampled incoming trace is exported whatever the ratio.
 */
import { createServer, type Server } from 'node:http';
import { TraceFlags } from '@opentelemetry/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { samplerFor, setupTracing, startServerSpan, endServerSpan } from './tracing.ts';

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
  const sampled = startServerSpan(tracing, 'GET /x', { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
  expect(sampled.span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
  endServerSpan(sampled.span, 200, '/x');
  const unsampledRoot = startServerSpan(tracing, 'GET /y', {});
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
    const { span } = startServerSpan(tracing, 'GET /z', {});
    if (span.spanContext().traceFlags & TraceFlags.SAMPLED) sampled++;
    span.end();
  }
  await tracing.shutdown();
  expect(sampled / 2_000).toBeGreaterThan(0.06);
  expect(sampled / 2_000).toBeLessThan(0.14);
  expect(received.length).toBe(before);
  expect(samplerFor('always_off', 1).toString()).toContain('AlwaysOff');
});
