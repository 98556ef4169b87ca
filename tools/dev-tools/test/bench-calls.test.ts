/**
 * A benchmark's calls are checked: an answer the run does not expect ends it at that call, naming
 * the call, its status and its body, rather than at a later call it confused (a register refused
 * read as a login's 401, a trip without an id asked for as `/trips/undefined`). A local stub of the
 * user service's auth routes answers what an overloaded service does (503 problem+json).
 */
import { AUTH_PATHS, SCHEDULES_ROUTE } from '@tripgen/catalog';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { awaitSchedule, bearerOf, benchCall, requestSchedule } from '../src/bench-calls.ts';
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

it("ends a traveller's sign-in at a login answered 200 without an accessToken, naming the login, not at a later call sent 'Bearer undefined'", async () => {
  stub = Fastify();
  stub.post(AUTH_PATHS.login, (_req, reply) => reply.code(200).send({ tokenType: 'Bearer' }));
  const url = await stub.listen({ port: 0, host: '127.0.0.1' });
  const login = await benchCall({ what: 'login of traveller 3', method: 'POST', url: `${url}${AUTH_PATHS.login}`, body: {}, expect: [200] });
  expect(() => bearerOf('login of traveller 3', login)).toThrow('login of traveller 3 answered 200 without an accessToken: {"tokenType":"Bearer"}');
  expect(bearerOf('login', { status: 200, retryAfter: null, json: { accessToken: 'a.b.c' } })).toBe('Bearer a.b.c');
});

/**
 * A trip service's schedule routes answering, in turn, what each of `requests` and `reads` says (the
 * last one again once they run out), and the times each was asked.
 */
const tripStub = async (requests: { status: number; body: unknown; retryAfter?: string }[], reads: { status: number; body: unknown; retryAfter?: string }[]) => {
  const asked = { requests: 0, reads: 0 };
  stub = Fastify();
  const answer = (list: typeof requests, n: number) => list[Math.min(n, list.length - 1)]!;
  stub.post(SCHEDULES_ROUTE, (_req, reply) => {
    const a = answer(requests, asked.requests++);
    if (a.retryAfter) reply.header('retry-after', a.retryAfter);
    return reply.code(a.status).send(a.body);
  });
  stub.get(`${SCHEDULES_ROUTE}/:scheduleId`, (_req, reply) => {
    const a = answer(reads, asked.reads++);
    if (a.retryAfter) reply.header('retry-after', a.retryAfter);
    return reply.code(a.status).send(a.body);
  });
  const base = await stub.listen({ port: 0, host: '127.0.0.1' });
  return { target: { base, tripId: 't-1', authorization: 'Bearer x' }, asked };
};
const BUSY = { status: 503, body: UNAVAILABLE, retryAfter: '1' };

it('ends a schedule request answered 202 without a schedule id, naming it, not at a read of /schedules/undefined', async () => {
  const { target } = await tripStub([{ status: 202, body: { status: 'queued' } }], []);
  await expect(requestSchedule(target)).rejects.toThrow(`schedule request (POST ${target.base}/api/v1/trips/t-1/schedules) answered 202 without a schedule id: {"status":"queued"}`);
});

it("asks a schedule request answered 503 again after its Retry-After, as bench:schedule's clients did, and ends at one still 503 past its retries", async () => {
  const busyOnce = await tripStub([BUSY, { status: 202, body: { id: 's-1', status: 'queued' } }], []);
  let retried = 0;
  expect(await requestSchedule(busyOnce.target, { retried: () => void retried++ })).toBe('s-1');
  expect({ retried, asked: busyOnce.asked.requests }).toEqual({ retried: 1, asked: 2 });
  await stub!.close();
  const busy = await tripStub([BUSY], []);
  await expect(requestSchedule(busy.target, { retries: 1 })).rejects.toThrow(`schedule request (POST ${busy.target.base}/api/v1/trips/t-1/schedules) still answered 503 after 1 retries: {"type":"about:blank"`);
  await stub!.close();
  const refused = await tripStub([{ status: 429, body: { title: 'Too many requests', status: 429 } }], []);
  await expect(requestSchedule(refused.target)).rejects.toThrow(`schedule request (POST ${refused.target.base}/api/v1/trips/t-1/schedules) answered 429, not 202 or 503: {"title":"Too many requests","status":429}`);
});

it("reads a schedule again past a 503 (after its Retry-After) or 502-504 until its outcome, where bench:api's lanes ended at the 503; and ends at a 200 that is not a schedule, naming the read", async () => {
  const completed = { id: 's-1', status: 'completed' };
  const { target, asked } = await tripStub([], [BUSY, { status: 502, body: {} }, { status: 200, body: { id: 's-1', status: 'running' } }, { status: 200, body: completed }]);
  expect(await awaitSchedule({ ...target, id: 's-1' }, { giveUpMs: 60_000 })).toEqual({ status: 'completed' });
  expect(asked.reads).toBe(4);
  await stub!.close();
  const failed = await tripStub([], [{ status: 200, body: { id: 's-1', status: 'failed', error: 'the places could not be read' } }]);
  expect(await awaitSchedule({ ...failed.target, id: 's-1' }, { giveUpMs: 60_000, waitS: 5 })).toEqual({ status: 'failed', error: 'the places could not be read' });
  await stub!.close();
  const notOne = await tripStub([], [{ status: 200, body: { title: 'not a schedule' } }]);
  await expect(awaitSchedule({ ...notOne.target, id: 's-1' }, { giveUpMs: 60_000 })).rejects.toThrow(`schedule read (GET ${notOne.target.base}/api/v1/trips/t-1/schedules/s-1) answered 200 without a schedule's status: {"title":"not a schedule"}`);
  await stub!.close();
  const gone = await tripStub([], [{ status: 404, body: { title: 'Not found', status: 404 } }]);
  await expect(awaitSchedule({ ...gone.target, id: 's-1' }, { giveUpMs: 60_000 })).rejects.toThrow(`schedule read (GET ${gone.target.base}/api/v1/trips/t-1/schedules/s-1) answered 404, not 200 or 502 or 503 or 504: {"title":"Not found","status":404}`);
  await stub!.close();
  const never = await tripStub([], [{ status: 200, body: { id: 's-1', status: 'queued' } }]);
  expect(await awaitSchedule({ ...never.target, id: 's-1' }, { giveUpMs: 300, pauseMs: 50 })).toEqual({ status: 'timeout' });
});
