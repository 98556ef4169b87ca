import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { capturedLogger } from '@tripgen/testing';
import { HttpProblem, logFailure, problem, toProblem } from './problem.ts';
import { ServiceUnavailableError } from './service-client.ts';

// Every error a request can end in, mapped to its problem document: the client's faults are 4xx
// with a useful detail, the database being away is a retryable 503, our own faults a 500 that
// leaks nothing.
const request = { url: '/api/v1/things?x=1' } as FastifyRequest;
// Validation items as Ajv reports them; only the fields toProblem reads are given.
type Fields = Omit<Partial<FastifyError>, 'validation'> & { validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[] };
const error = (fields: Fields, message = ''): FastifyError => Object.assign(new Error(message), fields) as unknown as FastifyError;

describe('toProblem', () => {
  it('answers a thrown HttpProblem with its status, detail and extensions', () => {
    expect(toProblem(new HttpProblem(409, 'taken', { field: 'email' }) as unknown as FastifyError, request)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'taken',
      instance: '/api/v1/things?x=1',
      field: 'email',
    });
  });

  it('lists every schema violation with where it is, naming a missing property', () => {
    const p = toProblem(
      error(
        {
          validationContext: 'querystring',
          validation: [
            { instancePath: '/limit', message: 'must be <= 100' },
            { instancePath: '', message: "must have required property 'q'", params: { missingProperty: 'q' } },
            {},
          ],
        },
        'querystring/limit must be <= 100',
      ),
      request,
    );
    expect(p.status).toBe(400);
    expect(p.detail).toBe('Request querystring is invalid: querystring/limit must be <= 100');
    expect(p.errors).toEqual([
      { path: 'querystring/limit', message: 'must be <= 100' },
      { path: 'querystring/q', message: "must have required property 'q'" },
      { path: 'querystring', message: 'invalid' },
    ]);
    expect(toProblem(error({ validation: [{ instancePath: '/name' }] }, 'x'), request).errors).toEqual([{ path: 'body/name', message: 'invalid' }]);
  });

  it.each(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028'])('answers the database being out of reach (%s) with a retryable 503', (code) => {
    expect(toProblem(error({ code }, 'Can\'t reach database server at 10.0.2.4:5432'), request)).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
  });

  // A raw query's failure in the driver adapter (P2010), as @prisma/adapter-pg reports it (meta.driverAdapterError.cause).
  const rawFailure = (cause: Record<string, unknown>) => error({ code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } } as Fields, 'Raw query failed.');
  it('answers a raw query that found the database out of reach (P2010, by the adapter\'s cause) with a retryable 503, any other raw query failure with a 500', () => {
    const unavailable = [{ kind: 'DatabaseNotReachable', host: '10.0.2.4', port: 5432 }, { kind: 'ConnectionClosed' }, { kind: 'SocketTimeout' }, { kind: 'TooManyConnections', cause: 'sorry, too many clients' }, { kind: 'postgres', code: '57P01' }, { kind: 'postgres', code: '57P03' }];
    for (const cause of unavailable) expect(toProblem(rawFailure(cause), request), JSON.stringify(cause)).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
    for (const cause of [{ kind: 'UniqueConstraintViolation' }, { kind: 'postgres', code: '42P01' }, { kind: 'AuthenticationFailed' }, {}]) {
      expect(toProblem(rawFailure(cause), request), JSON.stringify(cause)).toMatchObject({ status: 500 });
    }
    expect(toProblem(error({ code: 'P2010' }, 'Raw query failed.'), request)).toMatchObject({ status: 500 });
  });

  it('maps Fastify\'s client errors to their status, keeping their message, or the status text when there is none', () => {
    expect(toProblem(error({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 'Request body is too large'), request)).toMatchObject({ status: 413, detail: 'Request body is too large' });
    const typed = (type?: string) => ({ ...request, headers: type === undefined ? {} : { 'content-type': type } }) as FastifyRequest;
    expect(toProblem(error({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), typed('text/plain'))).toMatchObject({ status: 415, detail: 'Content-Type text/plain is not accepted: send application/json' });
    expect(toProblem(error({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), typed())).toMatchObject({ status: 415, detail: 'A body without a Content-Type is not accepted: send application/json' });
    expect(toProblem(error({ statusCode: 404 }, 'gone'), request)).toMatchObject({ status: 404, detail: 'gone' });
  });

  it('hides our own faults behind one message, whatever the error says or claims as status', () => {
    for (const e of [error({}, 'TypeError: secret is undefined at /app/x.ts'), error({ statusCode: 503 }, 'pool exhausted'), error({ statusCode: 700 }, 'odd'), error({ statusCode: 200 }, 'odd')]) {
      const p = toProblem(e, request);
      expect(p.status).toBeGreaterThanOrEqual(500);
      expect(p.detail).toBe('The server failed to handle this request; it has been logged.');
    }
  });
});

it('titles a status Node has no text for as "Error"', () => {
  expect(problem(599, 'x').title).toBe('Error');
  expect(problem(429, 'x').title).toBe('Too Many Requests');
});

describe('database out of reach, in the pg pool\'s words', () => {
  const asError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {}) as FastifyError;
  it('is a retryable 503 whether Prisma names it or the pg pool only says so in words', () => {
    for (const err of [asError('Can not reach database server', 'P1001'), asError('timeout exceeded when trying to connect'), asError('Connection terminated due to connection timeout: Connection terminated unexpectedly')]) {
      expect(toProblem(err, request)).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
    }
  });

  it('any other failure of ours stays a 500 that leaks nothing', () => {
    expect(toProblem(asError('a timeout exceeded when trying to connect somewhere else'), request)).toMatchObject({ status: 500 });
  });
});

describe('logFailure', () => {
  it('logs a dependency out of reach (a peer, the database, a 503 chosen) at warn with its causes and no stack, anything else at error with its stack', () => {
    const { logger, lines } = capturedLogger();
    const outages = [
      new ServiceUnavailableError('ai', 'POST /x: fetch failed (ECONNREFUSED)', { cause: new TypeError('fetch failed') }),
      Object.assign(new Error("Can't reach database server"), { code: 'P1001' }),
      new HttpProblem(503, 'The place directory (location service) is unavailable; try again shortly'),
    ];
    for (const outage of outages) logFailure(logger, outage, { pass: 'outage' }, 'a pass failed');
    logFailure(logger, new ServiceUnavailableError('user', 'GET /y answered 503'), {}, 'told later', 'info');
    logFailure(logger, new RangeError('Invalid time value'), { pass: 'bug' }, 'a pass failed');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, 'a pass failed'], [40, 'a pass failed'], [40, 'a pass failed'], [30, 'told later'], [50, 'a pass failed']]);
    expect(lines[0]).toMatchObject({ pass: 'outage', outage: [{ type: 'ServiceUnavailableError' }, { type: 'TypeError', message: 'fetch failed' }] });
    expect(lines[1]).toMatchObject({ outage: [{ type: 'Error', code: 'P1001' }] });
    expect(JSON.stringify(lines.slice(0, 4))).not.toContain('    at ');
    expect(lines[4]).toMatchObject({ pass: 'bug', err: { type: 'RangeError', message: 'Invalid time value', stack: expect.stringContaining('    at ') } });
  });
});
