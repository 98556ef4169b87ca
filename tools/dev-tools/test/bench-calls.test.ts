/**
 * A benchmark's calls are checked: an answer the run does not expect ends it at that call, naming
 * the call, its status and its body, rather than at a later call it confused (a register refused
 * read as a login's 401, a trip without an id asked for as `/trips/undefined`). A local stub of the
 * user service's auth routes answers what an overloaded service does (503 problem+json).
 */
import { AUTH_PATHS } from '@tripgen/catalog';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { benchCall } from '../src/bench-calls.ts';
import { benchAuthorization } from '../src/bench-stack.ts';

const UNAVAILABLE = { type: 'about:blank', title: 'The database is unavailable', status: 503 };

let stub: FastifyInstance | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** A user service whose register answers `register` and whose login refuses an account it does not have. */
const userStub = async (register: { status: number; body: unknown }): Promise<string> => {
  stub = Fastify();
  stub.post(AUTH_PATHS.register, (_req, reply) => reply.code(register.status).type('application/problem+json').send(register.body));
  stub.post(AUTH_PATHS.login, (_req, reply) => reply.code(401).type('application/problem+json').send({ title: 'Invalid email or password', status: 401 }));
  stub.get('/plain', (_req, reply) => reply.code(200).type('text/plain').send('not json'));
  return stub.listen({ port: 0, host: '127.0.0.1' });
};

it("ends a benchmark's sign-in at its register answered 503, naming the call and its body, not at the login's 401 after it", async () => {
  const url = await userStub({ status: 503, body: UNAVAILABLE });
  await expect(benchAuthorization(url)).rejects.toThrow(
    new RegExp(`^the benchmark's register \\(POST ${url}${AUTH_PATHS.register}\\) answered 503, not 201 or 409: .*The database is unavailable`),
  );
});

it('returns the JSON of an answer the call expects, and ends at any other with its status and body', async () => {
  const url = await userStub({ status: 201, body: { id: 'u-1' } });
  expect((await benchCall({ what: 'register', method: 'POST', url: `${url}${AUTH_PATHS.register}`, body: {}, expect: [201] })).json).toEqual({ id: 'u-1' });
  expect((await benchCall({ what: 'plain', url: `${url}/plain`, expect: [200] })).json, 'a body that is not JSON').toBeUndefined();
  await expect(benchCall({ what: 'login', method: 'POST', url: `${url}${AUTH_PATHS.login}`, body: {}, expect: [200] })).rejects.toThrow(
    `login (POST ${url}${AUTH_PATHS.login}) answered 401, not 200: {"title":"Invalid email or password","status":401}`,
  );
  await expect(benchCall({ what: 'nothing there', url: 'http://127.0.0.1:1/', expect: [200] })).rejects.toThrow('nothing there (GET http://127.0.0.1:1/) got no answer');
});
