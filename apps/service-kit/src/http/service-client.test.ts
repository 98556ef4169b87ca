import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreachableHttpUrl } from '@tripgen/testing';
import { ServiceAnswerError, ServiceUnavailableError, createServiceClient, retryAfterSeconds } from './service-client.ts';

let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  server = Fastify({ forceCloseConnections: true });
  server.post('/echo', async (req) => ({ got: req.body }));
  server.get('/missing', async (_req, reply) => reply.code(404).type('application/problem+json').send({ status: 404, detail: 'no such thing' }));
  server.get('/limited', async (_req, reply) => reply.code(429).header('retry-after', '42').header('x-ratelimit-limit', '100').send({ status: 429, detail: 'slow down' }));
  server.get('/broken', async (_req, reply) => reply.code(500).send({ detail: 'internal' }));
  server.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 1_000)));
  // The head and part of the body, then nothing more (a peer hung mid-answer) or a hang-up (one that died).
  const partly = (end: 'stall' | 'hang up') => (_req: unknown, reply: { hijack(): void; raw: import('node:http').ServerResponse }) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' });
    reply.raw.write('{"items":[');
    if (end === 'hang up') setTimeout(() => reply.raw.socket?.destroy(), 20);
  };
  server.get('/stalls-mid-body', partly('stall'));
  server.get('/hangs-up-mid-body', partly('hang up'));
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => server?.close());

describe('service client', () => {
  it('sends and reads JSON', async () => {
    expect(await createServiceClient('location', base).post('/echo', { ids: ['a'] })).toEqual({ got: { ids: ['a'] } });
  });

  it('turns a 4xx into an answer error carrying the problem', async () => {
    const err = await createServiceClient('location', base).get('/missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceAnswerError);
    expect(err).toMatchObject({ status: 404, body: { detail: 'no such thing' } });
    expect((err as Error).message).toBe('the location service answered 404: no such thing');
  });

  it("keeps the answer's headers, so that a 429's Retry-After can be read", async () => {
    const err = await createServiceClient('user', base).get('/limited').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, body: { detail: 'slow down' } });
    expect(retryAfterSeconds((err as ServiceAnswerError).headers)).toBe(42);
    expect((err as ServiceAnswerError).headers.get('x-ratelimit-limit')).toBe('100');
  });

  it('reads Retry-After as seconds or as an HTTP-date from now (RFC 9110), and nothing else', () => {
    const now = Date.parse('2026-12-03T14:00:00Z');
    const after = (value?: string) => retryAfterSeconds(new Headers(value === undefined ? {} : { 'retry-after': value }), now);
    expect([after('0'), after(' 17 '), after('Thu, 03 Dec 2026 14:00:30 GMT'), after('Thu, 03 Dec 2026 13:59:00 GMT')]).toEqual([0, 17, 30, 0]);
    expect([after(), after(''), after('-3'), after('1.5'), after('soon')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('treats a 5xx, a timeout and a refused connection as unavailable', async () => {
    const client = createServiceClient('ai', base, { timeoutMs: 200 });
    await expect(client.get('/broken')).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(client.get('/slow')).rejects.toThrow(/no answer within 200 ms/);
    const nobody = createServiceClient('ai', unreachableHttpUrl());
    await expect(nobody.get('/x')).rejects.toBeInstanceOf(ServiceUnavailableError);
    // Its message says why, where fetch's own says only "fetch failed".
    await expect(nobody.get('/x')).rejects.toThrow(/GET \/x: fetch failed \(ECONNREFUSED\)$/);
  });

  // undici ends the body's stream with the fetch's signal (the time limit) or with the connection
  // ("terminated"): an answer cut short is no answer, not a 200 with nothing in it for the caller to trip on.
  it('treats an answer whose body stops coming or is cut short as unavailable, within the time limit', { timeout: 10_000 }, async () => {
    const client = createServiceClient('ai', base, { timeoutMs: 300 });
    // The stub never finishes that body: only the time limit ends the read (the message says the time
    // limit's signal fired); the test's own timeout only guards against a hang.
    await expect(client.get('/stalls-mid-body')).rejects.toThrow(/ai service is unavailable: GET \/stalls-mid-body: no answer within 300 ms/);
    await expect(client.get('/hangs-up-mid-body')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it("stops when the caller's own signal fires", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(createServiceClient('ai', base, { timeoutMs: 5_000 }).get('/slow', { signal: controller.signal })).rejects.toThrow(/the caller gave up/);
  });
});
