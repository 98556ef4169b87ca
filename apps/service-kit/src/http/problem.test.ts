import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, AuthenticationRequiredError, CredentialUnavailableError } from '@azure/identity';
import { ServiceBusError } from '@azure/service-bus';
import pg from 'pg';
import { capturedLogger } from '@tripgen/testing';
import { HttpProblem, isDependencyOutage, logFailure, problem, toProblem } from './problem.ts';
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
    const unavailable = [{ kind: 'DatabaseNotReachable', host: '10.0.2.4', port: 5432 }, { kind: 'ConnectionClosed' }, { kind: 'SocketTimeout' }, { kind: 'TooManyConnections', cause: 'sorry, too many clients' }, { kind: 'postgres', code: '57P01' }, { kind: 'postgres', code: '57P03' }, { kind: 'postgres', code: '57014', originalCode: '57014', originalMessage: 'canceling statement due to statement timeout' }];
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

/** A raw node-postgres error as the server sends it (pg-protocol's DatabaseError, SQLSTATE in `code`). */
const pgError = (code: string, message: string): Error => Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
/** A socket error as node gives it (node's errors appendix: `code`, `syscall`), unwrapped by node-postgres and ioredis. */
const socketError = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
/** @azure/core-amqp's MessagingError, the class ServiceBusError extends (the kit does not depend on core-amqp itself). */
const MessagingError = Object.getPrototypeOf(ServiceBusError) as new (message: string) => Error & { code?: string; retryable: boolean };
const messagingError = (code: string, retryable: boolean) => Object.assign(new MessagingError(`${code} on the connection`), { code, retryable });

const SCOPE = 'https://cognitiveservices.azure.com/.default';

describe('isDependencyOutage', () => {
  it('knows raw PostgreSQL, socket, Service Bus and Entra outages, and no bug, refusal or misconfiguration of ours', () => {
    const outages: [string, unknown][] = [
      // PostgreSQL's errcodes appendix (Appendix A): class 08, connection exception ...
      ['08006 connection_failure', pgError('08006', 'connection failure')],
      ['08001 sqlclient_unable_to_establish_sqlconnection', pgError('08001', 'could not connect')],
      ['08P01 protocol_violation', pgError('08P01', 'protocol violation')],
      // ... and class 57, operator intervention: admin_shutdown, crash_shutdown, cannot_connect_now.
      ['57P01 admin_shutdown', pgError('57P01', 'terminating connection due to administrator command')],
      ['57P02 crash_shutdown', pgError('57P02', 'terminating connection because of crash of another server process')],
      ['57P03 cannot_connect_now', pgError('57P03', 'the database system is starting up')],
      // node-postgres in words only (pg/lib/client.js, pg-pool), and node's socket errors it passes on.
      ['connection terminated', new Error('Connection terminated unexpectedly')],
      ['pool timeout', new Error('timeout exceeded when trying to connect')],
      ['ECONNREFUSED', socketError('ECONNREFUSED')],
      ['ECONNRESET', socketError('ECONNRESET')],
      ['ETIMEDOUT', socketError('ETIMEDOUT')],
      ['a cause ECONNREFUSED', new Error('claim failed', { cause: socketError('ECONNREFUSED') })],
      // @azure/service-bus ServiceBusError `code` (ServiceBusErrorCode): ServiceBusy, ServiceTimeout,
      // ServiceCommunicationProblem; GeneralError (any error the SDK has no code for) when `retryable`.
      ['ServiceBusy', new ServiceBusError('The service is busy', 'ServiceBusy')],
      ['ServiceTimeout', new ServiceBusError('The operation timed out', 'ServiceTimeout')],
      ['ServiceCommunicationProblem', new ServiceBusError('connect ECONNREFUSED', 'ServiceCommunicationProblem')],
      ['GeneralError retryable', Object.assign(new ServiceBusError('ConnectionForcedError: the connection was closed', 'GeneralError'), { retryable: true })],
      // @azure/core-amqp MessagingError `retryable` (its translate() of rhea's connection errors).
      ['MessagingError retryable', messagingError('ConnectionForcedError', true)],
      // @azure/identity's credential errors with Entra out of reach, as its MSAL-based credentials
      // write them (the pods' WorkloadIdentityCredential against a local Entra: ai-service
      // test/azure-openai.test.ts), and a token endpoint's own 5xx or 429 (AuthenticationError).
      ['Entra temporarily_unavailable', new AuthenticationRequiredError({ scopes: [SCOPE], message: 'temporarily_unavailable: Error(s): 50196 - Description: AADSTS50196: The server is temporarily unavailable.' })],
      ['Entra server_error', new AuthenticationRequiredError({ scopes: [SCOPE], message: 'server_error: Error(s): 90033 - Description: AADSTS90033: A transient error has occurred.' })],
      ['Entra network_error', new AuthenticationRequiredError({ scopes: [SCOPE], message: 'network_error: See https://aka.ms/msal.js.errors#network_error for details' })],
      ['a token endpoint answering 503', new AuthenticationError(503, { error: 'temporarily_unavailable', error_description: 'busy' })],
      ['a token endpoint answering 429', new AuthenticationError(429, 'Too many requests')],
    ];
    const others: [string, unknown][] = [
      ['TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
      ['23505 unique_violation', pgError('23505', 'duplicate key value violates unique constraint')],
      ['22P02 invalid_text_representation', pgError('22P02', 'invalid input syntax for type uuid')],
      ['MessagingEntityNotFound', new ServiceBusError('The messaging entity could not be found', 'MessagingEntityNotFound')],
      ['UnauthorizedAccess', new ServiceBusError('Unauthorized', 'UnauthorizedAccess')],
      ['MessageLockLost', new ServiceBusError('The lock supplied is invalid', 'MessageLockLost')],
      ['GeneralError not retryable', Object.assign(new ServiceBusError('something else', 'GeneralError'), { retryable: false })],
      ['MessagingError not retryable', messagingError('ArgumentError', false)],
      ['a string', 'ECONNREFUSED'],
      // Our configuration, failing every call until fixed: Entra's invalid_client (no federated
      // identity record), unauthorized_client (app not found), a setting missing, a 400 of the endpoint.
      ['Entra invalid_client', new AuthenticationRequiredError({ scopes: [SCOPE], message: 'invalid_client: Error(s): 700213 - Description: AADSTS700213: No matching federated identity record found.' })],
      ['Entra unauthorized_client', new AuthenticationRequiredError({ scopes: [SCOPE], message: "unauthorized_client: Error(s): 700016 - Description: AADSTS700016: Application with identifier 'x' was not found." })],
      ['credential setting missing', new CredentialUnavailableError('WorkloadIdentityCredential: is unavailable. clientId is a required parameter.')],
      // An authority host MSAL must ask for its endpoints (Entra's own it knows without asking): a
      // misspelt AZURE_AUTHORITY_HOST, or a tenant it does not know (ai-service test/azure-openai.test.ts).
      ['Entra authority not resolved', new CredentialUnavailableError('endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details')],
      ['a token endpoint answering 400', new AuthenticationError(400, { error: 'invalid_request', error_description: 'bad' })],
    ];
    expect(outages.filter(([, e]) => !isDependencyOutage(e)).map(([what]) => what)).toEqual([]);
    expect(others.filter(([, e]) => isDependencyOutage(e)).map(([what]) => what)).toEqual([]);
  });

  it('answers a raw PostgreSQL outage (57P01, class 08) with the retryable 503, a socket error without knowing its peer with a 500', () => {
    expect(toProblem(pgError('57P01', 'terminating connection due to administrator command') as FastifyError, request)).toMatchObject({ status: 503 });
    expect(toProblem(pgError('08006', 'connection failure') as FastifyError, request)).toMatchObject({ status: 503 });
    expect(toProblem(socketError('ECONNREFUSED') as FastifyError, request)).toMatchObject({ status: 500 });
  });
});
