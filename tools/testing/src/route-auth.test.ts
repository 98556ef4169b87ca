import Fastify from 'fastify';
import { expect, it } from 'vitest';
import type { App } from '@tripgen/service-kit';
import { routeHooks } from './route-auth.ts';

it('reads each route with its own hooks, a path that extends another without a slash too', async () => {
  // Fastify's radix tree prints /api/v1/auth/logout-everywhere as "-everywhere" under /api/v1/auth/logout:
  // read as a line of no route, its hooks were counted as logout's (authenticate "2 times").
  const app = Fastify();
  const authenticate = async () => {};
  app.post('/api/v1/auth/logout', { onRequest: [authenticate] }, async () => null);
  app.post('/api/v1/auth/logout-everywhere', { onRequest: [authenticate] }, async () => null);
  app.get('/api/v1/users/me', async () => null);
  app.put('/api/v1/users/me/preferences', { onRequest: [authenticate] }, async () => null);
  await app.ready();
  // A bare Fastify instance: routeHooks reads only printRoutes, which the kit's App type adds nothing to.
  expect(routeHooks(app as unknown as App)).toEqual([
    { route: 'POST /api/v1/auth/logout', onRequest: ['authenticate()'] },
    { route: 'POST /api/v1/auth/logout-everywhere', onRequest: ['authenticate()'] },
    { route: 'GET /api/v1/users/me', onRequest: [] },
    { route: 'HEAD /api/v1/users/me', onRequest: [] },
    { route: 'PUT /api/v1/users/me/preferences', onRequest: ['authenticate()'] },
  ]);
  await app.close();
});
