/**
 * The dev gateway answers like the ingress: every catalog route prefix goes to its service, and
 * what the gateway answers itself (no such route, a service not started, a service that does not
 * answer) is problem+json with a clear detail.
 */
import { EDGE_STRIPPED_REQUEST_HEADERS, REQUEST_BODY_LIMIT_BYTES, SERVICES } from '@tripgen/catalog';
import { openRawConnection, unreachableHttpUrl } from '@tripgen/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevGateway, gatewayRoutes } from '../src/gateway.ts';

let gateway: FastifyInstance;
let base: string;

beforeAll(async () => {
  // The user service "runs" on a port where nothing listens; the others are not started at all.
  gateway = await createDevGateway({ upstreams: { user: unreachableHttpUrl() } });
  base = await gateway.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => gateway?.close());

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as { detail: string } };
};

it('routes every catalog prefix, answering problem+json for what it cannot reach', async () => {
  expect(gatewayRoutes().map((r) => r.prefix).sort()).toEqual(Object.values(SERVICES).flatMap((s) => s.routes.map((r) => r.prefix)).sort());
  for (const { prefix, service } of gatewayRoutes()) {
    const res = await get(`${prefix}/anything`);
    expect(res.type, prefix).toContain('application/problem+json');
    if (service === 'user') expect(res, prefix).toMatchObject({ status: 502, body: { detail: 'The user service did not answer; try again shortly' } });
    else expect(res, prefix).toMatchObject({ status: 503, body: { detail: `The ${service} service is not running` } });
  }
  const unknown = await get('/api/v1/nothing-here');
  expect(unknown).toMatchObject({ status: 404, body: { detail: 'No route GET /api/v1/nothing-here' } });
  expect(unknown.type).toContain('application/problem+json');
});

it('answers a malformed percent-encoding and a request that is not HTTP with problem+json, as a service does (docs/api.md)', async () => {
  expect(await get('/api/v1/trips/%zz')).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json'), body: { detail: expect.stringContaining('malformed percent-encoding') } });
  const connection = await openRawConnection(base);
  await connection.send('GARBAGE');
  const res = await connection.response();
  expect([res.status, res.headers['content-type'], JSON.parse(res.body).status]).toEqual([400, 'application/problem+json; charset=utf-8', 400]);
  connection.close();
});

describe('bodies over the limit every layer enforces', () => {
  let upstream: FastifyInstance;
  let guarded: FastifyInstance;
  let url: string;
  let received = 0;

  beforeAll(async () => {
    // A stand-in user service that reports the size of what reached it.
    upstream = Fastify({ bodyLimit: 64 * 1024 * 1024 });
    upstream.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    upstream.post(`${SERVICES.user.routes[0]!.prefix}/*`, async (req) => {
      received += 1;
      return { bytes: (req.body as Buffer).length };
    });
    upstream.get(`${SERVICES.user.routes[0]!.prefix}/*`, async () => ({ ok: true }));
    guarded = await createDevGateway({ upstreams: { user: await upstream.listen({ port: 0, host: '127.0.0.1' }) } });
    url = await guarded.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await guarded?.close();
    await upstream?.close();
  });

  const post = (body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body });

  it('proxies a body of exactly the limit', async () => {
    const res = await post(Buffer.alloc(REQUEST_BODY_LIMIT_BYTES, 1));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: REQUEST_BODY_LIMIT_BYTES });
  });

  it('answers 413 problem+json itself for one byte more, without proxying it', async () => {
    const before = received;
    const res = await post(Buffer.alloc(REQUEST_BODY_LIMIT_BYTES + 1, 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/larger than the 131072 bytes accepted/);
    expect(received).toBe(before);
  });

  it('answers 413 for a chunked body (no length) once it passes the limit', async () => {
    const big = Buffer.alloc(REQUEST_BODY_LIMIT_BYTES * 4, 1);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 16 * 1024) controller.enqueue(big.subarray(i, i + 16 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('proxies a request that asks for 100-continue (Expect, as curl sends it for a large body), as the ingress does', async () => {
    const conn = await openRawConnection(url);
    try {
      const body = Buffer.alloc(2048, 1);
      await conn.send(`POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\nExpect: 100-continue`, body);
      let res = await conn.response();
      // The gateway itself says "100 Continue" (Node does); the answer that counts is the service's.
      if (res.status === 100) res = await conn.response();
      expect([res.status, JSON.parse(res.body)]).toEqual([200, { bytes: body.length }]);
    } finally {
      conn.close();
    }
  });

  it('keeps the connection usable: the next request on it is answered normally', async () => {
    const conn = await openRawConnection(url);
    try {
      const body = Buffer.alloc(5 * 1024 * 1024, 0x20);
      await conn.send(`POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}`, body);
      expect((await conn.response()).status).toBe(413);
      await conn.send('GET /api/v1/auth/jwks.json HTTP/1.1\r\nHost: localhost');
      const next = await conn.response();
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual({ ok: true });
      expect(conn.closed).toBe(false);
    } finally {
      conn.close();
    }
  });
});

it('passes a service’s 503 on at once, as the ingress does, instead of retrying the GET', async () => {
  let calls = 0;
  const draining = Fastify();
  draining.get(`${SERVICES.user.routes[0]!.prefix}/*`, async (_req, reply) => {
    calls += 1;
    return reply.code(503).header('retry-after', '1').send({ detail: 'draining' });
  });
  const proxy = await createDevGateway({ upstreams: { user: await draining.listen({ port: 0, host: '127.0.0.1' }) } });
  try {
    const res = await fetch(`${await proxy.listen({ port: 0, host: '127.0.0.1' })}/api/v1/auth/jwks.json`);
    expect([res.status, res.headers.get('retry-after'), await res.json()]).toEqual([503, '1', { detail: 'draining' }]);
    expect(calls).toBe(1);
  } finally {
    await proxy.close();
    await draining.close();
  }
});

it('passes none of a client’s correlation or Envoy headers on (catalog EDGE_STRIPPED_REQUEST_HEADERS), as the ingress does not', async () => {
  let seen: Record<string, unknown> = {};
  const echo = Fastify();
  echo.get(`${SERVICES.user.routes[0]!.prefix}/*`, async (req) => {
    seen = { ...req.headers };
    return {};
  });
  const proxy = await createDevGateway({ upstreams: { user: await echo.listen({ port: 0, host: '127.0.0.1' }) } });
  try {
    const sent = {
      'x-request-id': 'req-of-another',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      tracestate: 'vendor=forged',
      baggage: 'userId=someone-else',
      'x-client-trace-id': 'trace-of-my-choosing',
      'x-envoy-original-path': '/api/v1/somewhere-else',
      'x-envoy-upstream-stream-duration-ms': '600000',
      accept: 'application/json',
    };
    expect(Object.keys(sent)).toEqual(expect.arrayContaining([...EDGE_STRIPPED_REQUEST_HEADERS]));
    const res = await fetch(`${await proxy.listen({ port: 0, host: '127.0.0.1' })}/api/v1/auth/jwks.json`, { headers: sent });
    expect(res.status).toBe(200);
    expect(EDGE_STRIPPED_REQUEST_HEADERS.filter((h) => h in seen)).toEqual([]);
    // The rest goes on, and the client's address is appended as the ingress appends it.
    expect(seen).toMatchObject({ accept: 'application/json', 'x-forwarded-for': '127.0.0.1' });
  } finally {
    await proxy.close();
    await echo.close();
  }
});
