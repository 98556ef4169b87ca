import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreachableHttpUrl } from '@tripgen/testing';
import { ServiceAnswerError, ServiceUnavailableError, createServiceClient } from './service-client.ts';

let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  server = Fastify({ forceCloseConnections: true });
  server.post('/echo', async (req) => ({ got: req.body }));
  server.get('/missing', async (_req, reply) => reply.code(404).type('application/problem+json').send({ status: 404, detail: 'no such thing' }));
  server.get('/broken', async (_req, reply) => reply.code(500).send({ detail: 'internal' }));
  server.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 1_000)));
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

  it('treats a 5xx, a timeout and a refused connection as unavailable', async () => {
    const client = createServiceClient('ai', base, { timeoutMs: 200 });
    await expect(client.get('/broken')).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(client.get('/slow')).rejects.toThrow(/no answer within 200 ms/);
    const nobody = createServiceClient('ai', unreachableHttpUrl());
    await expect(nobody.get('/x')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it("stops when the caller's own signal fires", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(createServiceClient('ai', base, { timeoutMs: 5_000 }).get('/slow', { signal: controller.signal })).rejects.toThrow(/the caller gave up/);
  });
});
