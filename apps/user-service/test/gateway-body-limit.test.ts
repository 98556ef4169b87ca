/**
 * A new user's mistake, tried through the dev gateway in front of the real user service: a 5 MB JSON
 * body to /api/v1/auth/register is refused with 413 problem+json by the gateway itself (the limit
 * the ingress enforces), and the next request on the same connection is answered normally.
 */
import { REQUEST_BODY_LIMIT_BYTES } from '@tripgen/catalog';
import { createDevGateway } from '@tripgen/dev-tools/gateway';
import { openRawConnection } from '@tripgen/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
let gateway: FastifyInstance;
let base: string;

beforeAll(async () => {
  service = await startUserService();
  gateway = await createDevGateway({ upstreams: { user: service.url } });
  base = await gateway.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await gateway?.close();
  await service?.close();
});

it('answers a 5 MB registration 413 problem+json, then serves the next request on the same connection', async () => {
  const conn = await openRawConnection(base);
  try {
    const body = Buffer.from(JSON.stringify({ email: 'big@example.com', password: 'correct horse', name: 'x'.repeat(5 * 1024 * 1024) }));
    await conn.send(`POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`, body);
    const refused = await conn.response();
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 413, detail: expect.stringContaining(`larger than the ${REQUEST_BODY_LIMIT_BYTES} bytes accepted`) });

    const ok = JSON.stringify({ email: `after-${Date.now()}@example.com`, password: 'correct horse', name: 'Ada' });
    await conn.send(`POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(ok)}`, Buffer.from(ok));
    const next = await conn.response();
    expect(next.status).toBe(201);
    expect(JSON.parse(next.body)).toMatchObject({ name: 'Ada' });
  } finally {
    conn.close();
  }
});
