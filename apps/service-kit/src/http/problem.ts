/**
 * Errors as RFC 9457 problem details (application/problem+json). Anything the client got wrong
 * (unparsable JSON, schema violations, oversized bodies, unknown routes, bad tokens, rate limit)
 * is a 4xx with a clear `detail`; only our own faults are 5xx, and those never leak internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { RATE_LIMIT, REQUEST_RECEIVE_TIMEOUT_MS } from '@tripgen/catalog';
import { answeredTooLate, CONNECT_TIMEOUT, driverAdapterCause, POOL_WAIT_TIMEOUT, QUERY_READ_TIMEOUT } from '../data/adapter-error.ts';
import { clip } from '../telemetry/request-logger.ts';
import { parseQueryString } from './query-string.ts';
import { ServiceUnavailableError } from './service-client.ts';

/**
 * Retry-After (seconds) of the kit's own retryable answers: a 503 (database unreachable, load shed)
 * is worth retrying shortly; a 429 without the limiter's own header, after the rate-limit window.
 */
export const RETRY_AFTER_SECONDS = { unavailable: 5, rateLimited: RATE_LIMIT.timeWindowMs / 1000 } as const;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

/** An error a handler throws to answer with a specific problem (and headers of its own, e.g. a 429's). */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/** A route's 400 of body problems, each naming its field (`body/...`): the detail lists them, `errors` holds them. */
export const invalidBody = (problems: readonly { path: string; message: string }[]): HttpProblem =>
  new HttpProblem(400, `Request body is invalid: ${problems.map((p) => `${p.path.slice(5)} ${p.message}`).join('; ')}`, { errors: problems });

export const problem = (status: number, detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: 'about:blank',
  title: STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  ...extra,
});

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply => reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p);

/** The longest path parameter the router takes (Fastify's default); a longer one is a 414 (docs/api.md). */
const MAX_PATH_PARAM_LENGTH = 100;

/**
 * Fastify's frameworkErrors: a path its router refuses before any route or hook (a path parameter
 * over MAX_PATH_PARAM_LENGTH, a malformed percent-encoding) is answered by Fastify in its own JSON
 * shape unless handled here: problem+json with the security headers, as every other answer (docs/api.md).
 */
export const routerErrorAnswer =
  (securityHeaders: readonly (readonly [string, string])[]) =>
  (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    for (const [name, value] of securityHeaders) reply.header(name, value);
    const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? `A path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters` : 'The path is not a valid URL (malformed percent-encoding)';
    return sendProblem(reply, problem(error.statusCode ?? 400, detail));
  };

/** The longest client-given name or header value a problem repeats (a 120,000-character property name made a 120 KB log line). */
const ECHOED_LENGTH = 100;
/** The longest detail of a 4xx its info line keeps (Ajv's messages name paths the client chose). */
const LOGGED_DETAIL_LENGTH = 500;
const clipped = (given: unknown): string | undefined => (given === undefined ? undefined : clip(String(given), ECHOED_LENGTH));

/**
 * Fastify's options that end a request not received within REQUEST_RECEIVE_TIMEOUT_MS (Fastify sets
 * no limit of its own), for every server that answers with clientErrorAnswer. Fastify sets
 * requestTimeout on the server once it is made, and Node 20 then waits for the larger of it and
 * headersTimeout (60 s by default), so both are set (tried); Node looks for late requests every 30 s
 * by default.
 */
const RECEIVE_TIMEOUT_OPTIONS = {
  requestTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
  http: { headersTimeout: REQUEST_RECEIVE_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
} as const;

/** What Node's HTTP server refused before Fastify saw a request, by the error's code (the rest: 400). */
const PARSER_ERRORS: Readonly<Record<string, [number, string]>> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, `The request was not received in full within ${REQUEST_RECEIVE_TIMEOUT_MS / 1000} s`],
  HPE_HEADER_OVERFLOW: [431, `The request head is larger than the ${maxHeaderSize / 1024} KiB accepted`],
};

/**
 * Fastify's clientErrorHandler: a request Node's HTTP parser refuses (a malformed request line or
 * header, a head over Node's limit, or a request not received within REQUEST_RECEIVE_TIMEOUT_MS)
 * is answered in problem+json with the security headers, as every other error is, where Fastify's
 * default answers a JSON shape of its own; then the connection is closed, as Node does.
 */
export const clientErrorAnswer =
  (securityHeaders: readonly (readonly [string, string])[]) =>
  (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // Node's own handler writes nothing once an answer on this connection has started: it would corrupt it.
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
    if (socket.writable && !answering?.headersSent) {
      const [status, detail] = PARSER_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP/1.1'];
      const body = JSON.stringify(problem(status, detail));
      const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, `content-type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`, `content-length: ${Buffer.byteLength(body)}`, 'connection: close', ...securityHeaders.map(([name, value]) => `${name}: ${value}`)];
      socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };

/**
 * Fastify's server options for what is refused before any route or hook, one set for the services and
 * the dev gateway: the router's limit and its refusals, the receive timeout and the parser's refusals,
 * all answered in problem+json with `securityHeaders`.
 */
export const refusalOptions = (securityHeaders: readonly (readonly [string, string])[]) => ({
  ...RECEIVE_TIMEOUT_OPTIONS,
  routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH, querystringParser: parseQueryString },
  frameworkErrors: routerErrorAnswer(securityHeaders),
  clientErrorHandler: clientErrorAnswer(securityHeaders),
});

/** The one media type a route's body may have (the kit registers no other parser). */
export const ACCEPTED_BODY_TYPE = 'application/json';
/**
 * Where a 415 names what the method accepts: Accept-Patch (RFC 5789 3.1) and Accept-Post (W3C LDP,
 * IANA-registered); PUT and DELETE have no such header, their 415 says it in `detail` only.
 */
const ACCEPT_HEADER_OF: Readonly<Record<string, string>> = { POST: 'accept-post', PATCH: 'accept-patch' };

/** Fastify's own client-error codes and what they mean to a caller. */
const CLIENT_ERRORS: Record<string, number> = {
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 400,
  FST_ERR_CTP_EMPTY_JSON_BODY: 400,
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_JSON_BODY: 400,
  FST_ERR_VALIDATION: 400,
};

/**
 * Error codes that mean the database is out of reach (Prisma: can't reach the server, timed out,
 * connection closed, no pooled connection in time, a transaction that could not start or finish
 * in its time under load, rolled back). A retryable 503, not a bug of ours.
 */
const DATABASE_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/**
 * node-postgres states these in words only (pg/lib/client.js, pg-pool): no pooled connection in time;
 * the server closed the connection without a word (a proxy or server that accepts and hangs up, a
 * connection cut mid-query; a closed socket is not a reset, so no ECONNRESET); no answer within the
 * pool's `query_timeout` (data/prisma.ts QUERY_TIMEOUT_MS: a server that stopped answering). The
 * errors reach us unwrapped, whether the query was Prisma's or raw.
 */
const DRIVER_UNAVAILABLE = new RegExp(`^(${POOL_WAIT_TIMEOUT}|${CONNECT_TIMEOUT}|Connection terminated unexpectedly|${QUERY_READ_TIMEOUT})`);
/**
 * A raw query ($queryRaw, $executeRaw) that fails in the driver adapter is P2010 ("raw query failed")
 * whatever the cause; the adapter's own error says which (@prisma/driver-adapter-utils `kind`, from
 * @prisma/adapter-pg: ECONNREFUSED/ENOTFOUND, ECONNRESET, ETIMEDOUT, SQLSTATE 53300). The services
 * whose data access is raw SQL (the location service) would otherwise answer an outage with 500s.
 */
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** PostgreSQL itself going away (a failover): admin_shutdown, crash_shutdown, cannot_connect_now. */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03']);

/**
 * A raw node-postgres error (pg's DatabaseError, unwrapped: the outbox, the location service's
 * queries) carries its SQLSTATE in `code` (PostgreSQL's errcodes appendix): class 08, connection
 * exception (08000, 08003, 08006, 08001, 08004, ...), and 57P01-57P03 above.
 */
const isPostgresOutageState = (code: string): boolean => /^08[0-9A-Z]{3}$/.test(code) || POSTGRES_UNAVAILABLE.has(code);

const isDatabaseUnavailable = (error: { code?: unknown; message?: string; meta?: unknown }): boolean => {
  if (typeof error.code === 'string' && (DATABASE_UNAVAILABLE.has(error.code) || isPostgresOutageState(error.code))) return true;
  if (DRIVER_UNAVAILABLE.test(error.message ?? '')) return true;
  // PostgreSQL cancelled the statement at its statement_timeout (57014): a database too slow to answer
  // in time, as the driver's own query limit above (a service's shorter deadline, trip-lock.ts's, meets it first).
  if (answeredTooLate(error)) return true;
  if (error.code !== 'P2010') return false;
  const cause = driverAdapterCause(error);
  if (typeof cause?.kind !== 'string') return false;
  return ADAPTER_UNAVAILABLE.has(cause.kind) || (cause.kind === 'postgres' && typeof cause.code === 'string' && POSTGRES_UNAVAILABLE.has(cause.code));
};

type ValidationItem = { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> };
export const UNKNOWN_FIELD = 'is not a field of this request (misspelt?)';

export const toProblem = (error: FastifyError & { validation?: ValidationItem[]; validationContext?: string; meta?: unknown }, request: FastifyRequest): Problem => {
  if (error instanceof HttpProblem) return problem(error.statusCode, error.message, { instance: request.url, ...error.extensions });
  if (error.validation) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => {
      const named = clipped(v.params?.missingProperty ?? v.params?.additionalProperty);
      const path = `${where}${v.instancePath ?? ''}${named === undefined ? '' : `/${named}`}`;
      return { path, message: v.keyword === 'additionalProperties' ? UNKNOWN_FIELD : (v.message ?? 'invalid') };
    });
    // Ajv says "must NOT have additional properties" of the object holding it; the caller wants its name.
    const unknown = error.validation[0]?.keyword === 'additionalProperties' ? errors[0] : undefined;
    return problem(400, `Request ${where} is invalid: ${unknown ? `${unknown.path} ${UNKNOWN_FIELD}` : error.message}`, { instance: request.url, errors });
  }
  // The pg pool found no connection in time (all busy, or the server too slow to accept one): the
  // database is out of reach for now, the same retryable 503 (node-postgres states it in words only).
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'The database is unavailable; try again shortly', { instance: request.url });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const sent = request.headers['content-type'];
    return problem(415, `${sent === undefined ? 'A body without a Content-Type' : `Content-Type ${clipped(sent)}`} is not accepted: send ${ACCEPTED_BODY_TYPE}`, { instance: request.url });
  }
  const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
  const status = known ?? (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500);
  if (status >= 500) return problem(status, 'The server failed to handle this request; it has been logged.', { instance: request.url });
  // SyntaxError from JSON.parse has a useful, non-sensitive message.
  return problem(status, error.message || (STATUS_CODES[status] ?? 'Bad request'), { instance: request.url });
};

/**
 * A 503's error as logged: what is out of reach and why, each cause's type, message and code, no
 * stacks. An outage answers every request with the same few KB of stacks (3.5 KB a request with
 * Prisma's), and the place it was thrown from says nothing a 503 does not; a 500 (a bug) keeps its stack.
 * At warn: a 503 with Retry-After is the handled answer to a dependency out of reach, which the
 * availability alerts count; error level is kept for what needs someone to look (a 500: a bug).
 */
export const outageChain = (error: unknown): { type: string; message: string; code?: unknown }[] => {
  const chain: { type: string; message: string; code?: unknown }[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 5; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    chain.push({ type: e.name, message: clip(e.message, LOGGED_DETAIL_LENGTH), ...(code === undefined ? {} : { code }) });
  }
  // A rejection with something else than an Error (a string): said as it is rather than not at all.
  if (chain.length === 0 && error !== undefined) chain.push({ type: typeof error, message: clip(String(error), LOGGED_DETAIL_LENGTH) });
  return chain;
};

/**
 * Node's socket errors of a peer out of reach (`code`, node's errors appendix), as node-postgres,
 * ioredis and rhea pass them on unwrapped: refused, reset, timed out, name not resolved, no route.
 * Not in toProblem's 503s: which dependency it was is not known there.
 */
const SOCKET_UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * @azure/service-bus's ServiceBusError `code`s that say the service (not our message) is in trouble:
 * busy, timed out, communication failed. Its other codes (MessageLockLost, MessagingEntityNotFound,
 * UnauthorizedAccess, ...) are not outages.
 */
const SERVICE_BUS_UNAVAILABLE = new Set(['ServiceBusy', 'ServiceTimeout', 'ServiceCommunicationProblem']);

/**
 * Service Bus (or Event Hubs) in trouble: a ServiceBusError of SERVICE_BUS_UNAVAILABLE, or a
 * GeneralError (what the SDK makes of any AMQP or connection error it has no code for, rhea's
 * among them) it deems `retryable`; an @azure/core-amqp MessagingError it deems `retryable`
 * (translate(): its retryable AMQP conditions and socket errors; never a built-in error such as a
 * TypeError). A ServiceBusError of another code (an entity not found, access refused) is no outage,
 * whatever its `retryable` (true by default on one made from a message alone).
 */
const isBrokerUnavailable = (error: Error & { code?: unknown; retryable?: unknown }): boolean => {
  if (error.name === 'MessagingError') return error.retryable === true;
  if (error.name !== 'ServiceBusError' || typeof error.code !== 'string') return false;
  return SERVICE_BUS_UNAVAILABLE.has(error.code) || (error.code === 'GeneralError' && error.retryable === true);
};

/**
 * The codes that begin the message of an @azure/identity error (4.x) when Microsoft Entra ID is out
 * of reach or in trouble. Its MSAL-based credentials (WorkloadIdentityCredential, the pods') turn
 * every MSAL failure into an AuthenticationRequiredError or CredentialUnavailableError that keeps
 * only MSAL's message, `<code>: ...`, no cause and no status (seen against a local Entra stub,
 * ai-service test/support/entra.ts): `network_error` (no answer, a cut connection, an answer that is
 * no OAuth JSON such as a gateway's page), and the token endpoint's OAuth errors the identity platform
 * documents as "retry the request" ("Microsoft Entra authentication and authorization error codes",
 * handling error codes): `temporarily_unavailable`, `server_error`. The OAuth codes, not the AADSTS
 * numbers, which that page says change. Every other code (`invalid_client`, `unauthorized_client`,
 * `invalid_grant`: no federated identity record, an app not found, a setting missing) is our
 * configuration: no outage. So is `endpoints_resolution_error`: MSAL (msal-common 16) has Entra's
 * endpoints for login.microsoftonline.com and the national clouds' hosts built in and asks no metadata
 * there, so Entra out of reach is `network_error`; that code comes only from an authority host it
 * must ask (a misspelt or foreign AZURE_AUTHORITY_HOST), failing every token until it is fixed.
 */
const IDENTITY_PLATFORM_UNAVAILABLE = /^(network_error|temporarily_unavailable|server_error):/;

/**
 * Entra out of reach as @azure/identity reports it: IDENTITY_PLATFORM_UNAVAILABLE, or an
 * AuthenticationError (a token endpoint's own answer, the managed-identity endpoint's) of 429 or 5xx.
 */
const isIdentityPlatformUnavailable = (error: Error & { statusCode?: unknown }): boolean => {
  if (error.name === 'AuthenticationError') return typeof error.statusCode === 'number' && (error.statusCode === 429 || error.statusCode >= 500);
  return (error.name === 'AuthenticationRequiredError' || error.name === 'CredentialUnavailableError') && IDENTITY_PLATFORM_UNAVAILABLE.test(error.message);
};

const isOutageError = (error: Error): boolean => {
  const code = (error as { code?: unknown }).code;
  return isDatabaseUnavailable(error) || isBrokerUnavailable(error) || isIdentityPlatformUnavailable(error) || (typeof code === 'string' && SOCKET_UNREACHABLE.has(code));
};

/**
 * A dependency out of reach, by the error it made or one of its causes: a peer that did not answer
 * usefully (ServiceUnavailableError), the database (the 503s of toProblem, and a raw node-postgres
 * error of SQLSTATE class 08 or 57P0x), Service Bus in trouble (isBrokerUnavailable), Microsoft Entra
 * ID giving no token (isIdentityPlatformUnavailable), a socket out of reach (SOCKET_UNREACHABLE), or
 * a 503 a handler chose.
 */
export const isDependencyOutage = (error: unknown): boolean => {
  if (error instanceof ServiceUnavailableError || (error instanceof HttpProblem && error.statusCode === 503)) return true;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (isOutageError(e)) return true;
  }
  return false;
};

export interface FailureLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * A caught failure of work that goes on (a background pass, a best-effort call), logged as an SRE
 * reads levels: a dependency out of reach is a handled degradation, at `outageLevel` (warn unless
 * said) with its chain of causes and no stack, as a 503's (an outage repeats it for its whole
 * length); anything else is a bug, at error with its stack and causes (pino's `err`).
 */
export const logFailure = (log: FailureLogger, error: unknown, fields: object, msg: string, outageLevel: 'warn' | 'info' = 'warn'): void => {
  if (isDependencyOutage(error)) log[outageLevel]({ ...fields, outage: outageChain(error) }, msg);
  else log.error({ ...fields, err: error }, msg);
};

/**
 * The failures of one retry loop (a token renewal, a re-authentication) logged as logFailure does,
 * until an outage has lasted `escalateAfterMs` without a success between, or `imminent` says its
 * harm is near (a token in hand about to expire): from then on each is at error, with `outageSince`
 * and `outageForSeconds`. A dependency out of reach for a few minutes is
 * its owner's passing trouble (Microsoft Entra's "retry the request" codes); one that lasts is ours
 * to fix more often than not (an egress rule or a proxy blocking the endpoint, a DNS zone missing),
 * and a warning repeated every few seconds for hours is read by nobody. `succeeded()` ends the
 * outage; a failure that is no outage (our configuration, a bug) is at error from the first.
 */
export interface LastingFailureLog {
  /** `began`: when the attempt that failed began (default now): one that hung for minutes counts from its start. */
  failed(error: unknown, fields: object, msg: string, began?: number): void;
  succeeded(): void;
  /** How long the outage under way has lasted, in seconds (0: none). */
  outageSeconds(): number;
}

export const lastingFailureLog = (log: FailureLogger, escalateAfterMs: number, opts: { readonly imminent?: () => boolean; readonly now?: () => number } = {}): LastingFailureLog => {
  const now = opts.now ?? Date.now;
  let since: number | undefined;
  return {
    failed(error, fields, msg, began) {
      if (!isDependencyOutage(error)) {
        log.error({ ...fields, err: error }, msg);
        return;
      }
      const at = now();
      since ??= Math.min(began ?? at, at);
      if (at - since < escalateAfterMs && !opts.imminent?.()) log.warn({ ...fields, outage: outageChain(error) }, msg);
      else log.error({ ...fields, outage: outageChain(error), outageSince: new Date(since).toISOString(), outageForSeconds: Math.round((at - since) / 1000) }, msg);
    },
    succeeded() {
      since = undefined;
    },
    outageSeconds: () => (since === undefined ? 0 : Math.max(0, (now() - since) / 1000)),
  };
};

export const registerProblemHandlers = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const p = toProblem(error, request);
    if (p.status === 503) request.log.warn({ status: 503, outage: outageChain(error) }, 'request failed: a dependency is unavailable');
    else if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: p.status, code: error.code }, clip(p.detail, LOGGED_DETAIL_LENGTH));
    if (error instanceof HttpProblem) reply.headers(error.headers);
    const acceptHeader = p.status === 415 ? ACCEPT_HEADER_OF[request.method] : undefined;
    if (acceptHeader) reply.header(acceptHeader, ACCEPTED_BODY_TYPE);
    // Both are worth retrying; say when (a 429 of the rate limiter, rateLimited(), carries its own).
    if (reply.getHeader('retry-after') === undefined && (p.status === 429 || p.status === 503)) reply.header('retry-after', String(p.status === 429 ? RETRY_AFTER_SECONDS.rateLimited : RETRY_AFTER_SECONDS.unavailable));
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allow = allowedMethods(app, path);
    if (allow.length === 0) return sendProblem(reply, problem(404, `No route ${request.method} ${path}`, { instance: request.url }));
    // RFC 9110 15.5.6: the path exists, the method does not; Allow says which methods it takes.
    return sendProblem(reply.header('allow', allow.join(', ')), problem(405, `${path} does not take ${request.method}; it takes ${allow.join(', ')}`, { instance: request.url }));
  });
};

/** The methods a route can have (Fastify adds HEAD to every GET route itself). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The methods this path has a route for, as the router itself matches it (parameters included), or
 * none when no route has the path. Fastify's router has no 405 of its own: a request whose method the
 * path does not take reaches the not-found handler like one for a path that does not exist.
 */
const allowedMethods = (app: FastifyInstance, path: string): string[] =>
  METHODS.filter((method) => {
    try {
      return app.findRoute({ method, url: path }) !== null;
    } catch {
      // A path the router cannot decode has no route under any method.
      return false;
    }
  });
