/**
 * What a client sending a wrong request gets from the real user service (PostgreSQL, Redis): the
 * kit's answers to a method the path does not take, a body of a media type the route does not
 * read, a body field the route does not know, and where a created resource is read (docs/api.md).
 */
import { AUTH_PATHS, OPENAPI_PATH, USER_PATHS } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;

beforeAll(async () => {
  service = await startUserService();
});
afterAll(async () => {
  await service?.close();
});

const send = async (method: string, path: string, init: { type?: string; body?: string | Uint8Array; token?: string } = {}) => {
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
      ['POST', USER_PATHS.me, 'GET, HEAD, DELETE'],
      ['OPTIONS', USER_PATHS.me, 'GET, HEAD, DELETE'],
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

  it('with a body of a media type the route does not read: 415 problem+json naming application/json, Accept-Post or Accept-Patch', async () => {
    const json = JSON.stringify({ email: 'someone@example.com', password: 'correct horse battery', name: 'Ada' });
    // Before: text/plain was read as a string and refused by the schema, 400 "body must be object".
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await send('POST', AUTH_PATHS.register, { type, body: json });
      expect([res.status, res.headers.get('content-type'), res.headers.get('accept-post')], type).toEqual([415, 'application/problem+json; charset=utf-8', 'application/json']);
      expect(res.json, type).toMatchObject({ status: 415, title: 'Unsupported Media Type', detail: `Content-Type ${type} is not accepted: send application/json` });
    }
    // Bytes: fetch gives a string body a text/plain Content-Type of its own.
    const untyped = await send('POST', AUTH_PATHS.login, { body: new TextEncoder().encode(json) });
    expect([untyped.status, untyped.json?.detail]).toEqual([415, 'A body without a Content-Type is not accepted: send application/json']);
    // PUT has no Accept-* header of its own: the detail says it. Signed in: the token is asked before the body (401 without one).
    const email = `typed-${Math.random().toString(36).slice(2)}@example.com`;
    await send('POST', AUTH_PATHS.register, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery', name: 'Ada' }) });
    const { accessToken } = (await send('POST', AUTH_PATHS.login, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery' }) })).json as { accessToken: string };
    expect((await send('PUT', `${USER_PATHS.me}/preferences`, { type: 'text/plain', body: '{}' })).status).toBe(401);
    const put = await send('PUT', `${USER_PATHS.me}/preferences`, { type: 'text/plain', body: '{}', token: accessToken });
    expect([put.status, put.headers.get('accept-post'), put.headers.get('accept-patch')]).toEqual([415, null, null]);
    // Its document says so, on every route with a body.
    type Operation = { requestBody?: unknown; responses: Record<string, unknown> };
    const doc = (await send('GET', OPENAPI_PATH)).json as { paths: Record<string, Record<string, Operation>> };
    const withBody = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([, op]) => op.requestBody !== undefined).map(([method, op]) => [`${method} ${path}`, Object.keys(op.responses).includes('415')] as const));
    expect(withBody.map(([what]) => what).sort()).toEqual(['delete /api/v1/users/me', 'post /api/v1/auth/login', 'post /api/v1/auth/register', 'post /internal/v1/user/accounts', 'put /api/v1/users/me/password', 'put /api/v1/users/me/preferences']);
    for (const [what, has415] of withBody) expect(has415, what).toBe(true);
    // Nothing was created by the refused sign-ups: the same body as JSON is a fresh account.
    expect((await send('POST', AUTH_PATHS.register, { type: 'application/json', body: json })).status).toBe(201);
  });

  it('with a body field the route does not know: 400 problem+json naming it, nothing stored', async () => {
    const email = `unknown-field-${Math.random().toString(36).slice(2)}@example.com`;
    // Before: `nmae` was dropped and the sign-up refused only for the missing name; `role` was dropped and the account created.
    const misspelt = await send('POST', AUTH_PATHS.register, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery', name: 'Ada', role: 'admin' }) });
    expect([misspelt.status, misspelt.json?.detail, misspelt.json?.errors]).toEqual([
      400,
      'Request body is invalid: body/role is not a field of this request (misspelt?)',
      [{ path: 'body/role', message: 'is not a field of this request (misspelt?)' }],
    ]);
    const created = await send('POST', AUTH_PATHS.register, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery', name: 'Ada' }) });
    expect(created.status).toBe(201);
    const login = await send('POST', AUTH_PATHS.login, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery', remember: true }) });
    expect([login.status, login.json?.errors]).toEqual([400, [{ path: 'body/remember', message: 'is not a field of this request (misspelt?)' }]]);
  });
});

describe('a sign-up (201)', () => {
  it('says where the account is read: Location, the profile its token reads, in the answer and in the OpenAPI document', async () => {
    const email = `located-${Math.random().toString(36).slice(2)}@example.com`;
    const created = await send('POST', AUTH_PATHS.register, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery', name: 'Ada' }) });
    // Before: 201 without Location.
    expect([created.status, created.headers.get('location')]).toEqual([201, USER_PATHS.me]);
    const { accessToken } = (await send('POST', AUTH_PATHS.login, { type: 'application/json', body: JSON.stringify({ email, password: 'correct horse battery' }) })).json as { accessToken: string };
    const read = await send('GET', created.headers.get('location')!, { token: accessToken });
    expect([read.status, read.json]).toEqual([200, { ...created.json, preferences: null }]);
    type Operation = { responses: Record<string, { headers?: Record<string, unknown> }> };
    const doc = (await send('GET', OPENAPI_PATH)).json as { paths: Record<string, Record<string, Operation>> };
    expect(doc.paths[AUTH_PATHS.register]?.post?.responses['201']?.headers).toEqual({
      location: { schema: { type: 'string' }, description: `Where the created resource is read: GET ${USER_PATHS.me} with the account's token` },
    });
  });
});
