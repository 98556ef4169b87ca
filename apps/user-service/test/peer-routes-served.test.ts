/**
 * The routes the user service's callers call (the catalog's peerRoutes, which their clients send and
 * the mesh admits, method and path exactly) are routes it serves: a path written again by hand in
 * the server could drift from the catalog while the clients and the mesh follow it (a 404 in prod).
 */
import { SERVICE_NAMES, SERVICES } from '@tripgen/catalog';
import { routeAuthenticationDrift } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService();
}, 60_000);
afterAll(async () => {
  await service?.close();
});

it("serves every route of its callers' peerRoutes", () => {
  const called = SERVICE_NAMES.flatMap((caller) => SERVICES[caller].peerRoutes.filter((r) => r.service === 'user').map((r) => ({ caller, method: r.method, path: r.path })));
  expect(called.length).toBeGreaterThan(0);
  for (const r of called) expect(service.app.hasRoute({ method: r.method, url: r.path }), `${r.caller} calls ${r.method} ${r.path}`).toBe(true);
});

it('asks a token on every public route but the catalog\'s anonymous ones (the mesh\'s JWT rule), once, and serves every anonymous path', () => {
  // Before the kit authenticated by the catalog, a route whose plugin lacked the hook was open to anyone.
  expect(routeAuthenticationDrift(service.app, 'user')).toEqual([]);
});
