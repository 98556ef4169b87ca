/**
 * The kit's body validation on a bare Fastify app (no service): a public route's body refuses a
 * property it does not name, an internal route's drops it, and a public body schema that admits
 * unnamed properties is refused when the route is compiled.
 */
import Fastify from 'fastify';
import { internalPrefix } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { AJV_CONFIG, VISIBLE_TEXT, buildValidator, openObjectIn } from './validation.ts';
import { registerProblemHandlers } from './problem.ts';

const closed = { type: 'object', properties: { n: { type: 'integer' }, at: { type: 'object', properties: { lat: { type: 'number' } }, additionalProperties: false } }, additionalProperties: false } as const;

const appWith = (url: string, body: object) => {
  const app = Fastify({ ajv: AJV_CONFIG, schemaController: { compilersFactory: { buildValidator } } });
  registerProblemHandlers(app);
  app.post(url, { schema: { body, querystring: closed } }, async (req) => ({ body: req.body, query: req.query }));
  return app;
};

it('refuses an unknown body property on a public route, naming it, and drops it on an internal route and in a query string', async () => {
  const pub = appWith('/api/v1/things', closed);
  const nested = await pub.inject({ method: 'POST', url: '/api/v1/things?n=1&extra=2', payload: { n: 1, at: { lat: 1, lng: 2 } } });
  expect([nested.statusCode, nested.json().errors]).toEqual([400, [{ path: 'body/at/lng', message: 'is not a field of this request (misspelt?)' }]]);
  const ok = await pub.inject({ method: 'POST', url: '/api/v1/things?n=1&extra=2', payload: { n: 1 } });
  expect([ok.statusCode, ok.json()]).toEqual([200, { body: { n: 1 }, query: { n: 1 } }]);
  await pub.close();
  const internal = appWith(`${internalPrefix('trip')}/things`, closed);
  const newer = await internal.inject({ method: 'POST', url: `${internalPrefix('trip')}/things`, payload: { n: 1, fromANewerCaller: true } });
  expect([newer.statusCode, newer.json()]).toEqual([200, { body: { n: 1 }, query: {} }]);
  await internal.close();
});

it('refuses to compile a public body schema with an open object, wherever it is', async () => {
  const open = { type: 'object', properties: { n: { type: 'integer' } } };
  expect(openObjectIn(closed)).toBeUndefined();
  expect(openObjectIn({ type: 'object', properties: { list: { type: 'array', items: { anyOf: [{ type: 'null' }, open] } } }, additionalProperties: false })).toBe('/properties/list/items/anyOf/1');
  // A free-form map (no properties named) is open on purpose.
  expect(openObjectIn({ type: 'object', additionalProperties: { type: 'string' } })).toBeUndefined();
  await expect(appWith('/api/v1/things', open).ready()).rejects.toThrow('POST /api/v1/things: its body schema admits properties it does not name at /');
  const internal = appWith(`${internalPrefix('trip')}/things`, open);
  await expect(internal.ready()).resolves.toBeDefined();
  await internal.close();
});

it('takes a uuid as PostgreSQL stores it, and refuses the urn:uuid: form ajv-formats lets through (a 500 at the query)', async () => {
  const app = Fastify({ ajv: AJV_CONFIG, schemaController: { compilersFactory: { buildValidator } } });
  registerProblemHandlers(app);
  const Id = { type: 'string', format: 'uuid' } as const;
  app.post('/api/v1/things/:id', { schema: { params: { type: 'object', properties: { id: Id } }, body: { type: 'object', properties: { of: Id }, additionalProperties: false } } }, async () => ({}));
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const status = async (pathId: string, of: string) => (await app.inject({ method: 'POST', url: `/api/v1/things/${pathId}`, payload: { of } })).statusCode;
  expect([await status(id, id), await status(id.toUpperCase(), id.toUpperCase())]).toEqual([200, 200]);
  for (const bad of [`urn:uuid:${id}`, `{${id}}`, id.replaceAll('-', ''), `${id} `]) {
    expect([await status(encodeURIComponent(bad), id), await status(id, bad)], bad).toEqual([400, 400]);
  }
  await app.close();
});

it('takes text that shows something, and refuses text of invisible characters only, in a body and a query alike (VISIBLE_TEXT)', async () => {
  const app = Fastify({ ajv: AJV_CONFIG, schemaController: { compilersFactory: { buildValidator } } });
  registerProblemHandlers(app);
  const Text = { type: 'string', pattern: VISIBLE_TEXT } as const;
  app.post('/api/v1/things', { schema: { body: { type: 'object', properties: { name: Text }, additionalProperties: false }, querystring: { type: 'object', properties: { q: Text } } } }, async () => ({}));
  const status = async (text: string) => [
    (await app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: text } })).statusCode,
    (await app.inject({ method: 'POST', url: `/api/v1/things?q=${encodeURIComponent(text)}`, payload: {} })).statusCode,
  ];
  for (const shown of ['Ada', ' 서울 ', '😀', 'e\u0301', 'ㄱ', '٣']) expect(await status(shown), JSON.stringify(shown)).toEqual([200, 200]);
  // Zero-width space and joiner, the Hangul fillers (U+3164, U+115F U+1160, half-width U+FFA0), BOM,
  // soft hyphen, word joiner, a right-to-left override, a variation selector, a combining mark alone,
  // the braille blank, an ideographic space, a tab: each a name a list shows as an empty line.
  for (const hidden of ['\u200b', '\u200d', '\u3164', '\u115f\u1160', '\uffa0', '\ufeff', '\u00ad', '\u2060', '\u202e', '\ufe0f', '\u0301', '\u2800', '\u3000', '\t', ' \u200b\u3164 ']) {
    expect(await status(hidden), JSON.stringify(hidden)).toEqual([400, 400]);
  }
  await app.close();
});
