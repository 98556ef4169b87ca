/**
 * The dev gateway answers like the ingress: every catalog route prefix goes to its service, and
 * what the gateway answers itself (no such route, a service not started, a service that does not
 * answer) is problem+json with a clear detail.
 */
import { SERVICES } from '@tripgen/catalog';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDevGateway, gatewayRoutes } from '../src/gateway.ts';
import { freePort } from '../src/processes.ts';

let gateway: FastifyInstance;
let base: string;

beforeAll(async () => {
  // The user service "runs" on a port where nothing listens; the others are not started at all.
  gateway = await createDevGateway({ upstreams: { user: `http://127.0.0.1:${await freePort()}` } });
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
