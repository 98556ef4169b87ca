/**
 * What a client sending a wrong request gets from the real user service (PostgreSQL, Redis): the
 * kit's answers to a method the path does not take, a body of a media type the route does not
 * read, a body field the route does not know, and where a created resource is read (docs/api.md).
 */
import { AUTH_PATHS, USER_PATHS } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;

beforeAll(async () => {
  service = await startUserService();
});
afterAll(async () => {
  await service?.close();
});

const send = async (method: string, path: string, init: { type?: string; body?: string; token?: string } = {}) => {
  const headers: Record<string, string> = {};
  if (init.type) headers['content-type'] = init.type;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${service.url}${path}`, { method, headers, body: init.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};

describe('a wrong request to the user service', () => {
  it('with a method its path does not take: 405 problem+json with Allow; a path no route has: 404', async () => {
    // Before: 404 "No route DELETE /api/v1/auth/register", as for a path that does not exist.
    for (const [method, path, allow] of [
      ['DELETE', AUTH_PATHS.register, 'POST'],
      ['GET', AUTH_PATHS.login, 'POST'],
      ['POST', USER_PATHS.me, 'GET, HEAD'],
      ['OPTIONS', USER_PATHS.me, 'GET, HEAD'],
    ] as const) {
      const res = await send(method, path);
      expect([res.status, res.headers.get('allow'), res.headers.get('content-type')], `${method} ${path}`).toEqual([405, allow, 'application/problem+json; charset=utf-8']);
      expect(res.json, `${method} ${path}`).toMatchObject({ status: 405, title: 'Method Not Allowed', detail: `${path} does not take ${method}; it takes ${allow}` });
    }
    const nowhere = await send('DELETE', '/api/v1/users/nobody');
    expect([nowhere.status, nowhere.headers.get('allow'), nowhere.json?.detail]).toEqual([404, null, 'No route DELETE /api/v1/users/nobody']);
    // HEAD of a GET route is that route (401 without a token), not a 405.
    expect((await send('HEAD', USER_PATHS.me)).status).toBe(401);
  });
});
