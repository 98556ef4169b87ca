/**
 * A service loads one copy of ajv: Fastify's validator compiler (@fastify/ajv-compiler, the kit's
 * buildValidator), its serializer (fast-json-stringify) and ajv-formats all ask for ajv ^8, and the
 * root package.json pins the version so that npm hoists one copy they share (three copies cost each
 * service about 1.1 MiB of heap, issue 15). Fails when the install lays out a copy of its own
 * under any of them again (as it did before the pin: three paths).
 */
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { AJV_CONFIG, buildValidator } from '../src/http/validation.ts';

const loadedAjvCopies = (): string[] => Object.keys(createRequire(import.meta.url).cache).filter((file) => /[\\/]ajv[\\/]dist[\\/]core\.js$/.test(file));

it('validates and serialises with a single ajv module', async () => {
  const app = Fastify({ ajv: AJV_CONFIG, schemaController: { compilersFactory: { buildValidator } } });
  app.post(
    '/echo',
    {
      schema: {
        body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } }, additionalProperties: false },
        // anyOf makes fast-json-stringify compile with its own Ajv instance.
        response: { 200: { type: 'object', properties: { email: { anyOf: [{ type: 'string' }, { type: 'null' }] } } } },
      },
    },
    async (req) => req.body,
  );
  const ok = await app.inject({ method: 'POST', url: '/echo', payload: { email: 'a@example.com' } });
  const bad = await app.inject({ method: 'POST', url: '/echo', payload: { email: 'not an address' } });
  await app.close();
  expect([ok.statusCode, ok.json()]).toEqual([200, { email: 'a@example.com' }]);
  expect(bad.statusCode).toBe(400);
  expect(loadedAjvCopies()).toHaveLength(1);
});
