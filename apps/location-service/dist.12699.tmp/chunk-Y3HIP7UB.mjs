import {
  QUERY_READ_TIMEOUT,
  driverAdapterCause
} from "./chunk-JM6ARQPD.mjs";
import {
  ENTRA_TOKEN_OUTAGE,
  RATE_LIMIT,
  REQUEST_RECEIVE_TIMEOUT_MS
} from "./chunk-ZR3UZUN5.mjs";

// apps/service-kit/src/entra-token-watch.ts
import { pino } from "pino";

// apps/service-kit/src/http/problem.ts
import { maxHeaderSize, STATUS_CODES } from "node:http";

// apps/service-kit/src/telemetry/request-logger.ts
var withTrace = (bindings, trace3) => {
  if (!trace3) return bindings;
  const sc = trace3.spanContext();
  return { ...bindings, trace_id: sc.traceId, span_id: sc.spanId };
};
var TRACE_BOUND = /* @__PURE__ */ Symbol("tripgen.traceBound");
var boundChild = (parent, bindings, trace3, options) => {
  const child = options ? parent.child(withTrace(bindings, trace3), options) : parent.child(withTrace(bindings, trace3));
  if (trace3) child[TRACE_BOUND] = true;
  return child;
};
var traceIdsMixin = (ids) => (_merge, _level, logger) => logger[TRACE_BOUND] ? {} : ids() ?? {};
var LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
var LazyChildLogger = class {
  constructor(parent, bindings, ids) {
    this.parent = parent;
    this.bindings = bindings;
    this.ids = ids;
  }
  parent;
  bindings;
  ids;
  #child;
  get child_() {
    return this.#child ??= boundChild(this.parent, this.bindings, this.ids);
  }
  enabled(level) {
    return level >= (this.#child ? this.#child.levelVal : this.parent.levelVal);
  }
  get level() {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level) {
    this.child_.level = level;
  }
  fatal(...args) {
    if (this.enabled(LEVELS.fatal)) this.child_.fatal(...args);
  }
  error(...args) {
    if (this.enabled(LEVELS.error)) this.child_.error(...args);
  }
  warn(...args) {
    if (this.enabled(LEVELS.warn)) this.child_.warn(...args);
  }
  info(...args) {
    if (this.enabled(LEVELS.info)) this.child_.info(...args);
  }
  debug(...args) {
    if (this.enabled(LEVELS.debug)) this.child_.debug(...args);
  }
  trace(...args) {
    if (this.enabled(LEVELS.trace)) this.child_.trace(...args);
  }
  silent() {
  }
  child(bindings, options) {
    return this.child_.child(bindings, options);
  }
};
var requestLogger = (parent, bindings, options, trace3) => {
  if (options.level !== void 0 || options.serializers !== void 0 || options.msgPrefix !== void 0 || options.redact !== void 0) return boundChild(parent, bindings, trace3, options);
  return new LazyChildLogger(parent, bindings, trace3);
};
var clip = (text, max) => text.length > max ? `${text.slice(0, max)}\u2026` : text;
var LOGGED_URL_LENGTH = 300;
var loggedRequest = (req) => {
  const q = req.url.indexOf("?");
  const url = q < 0 ? req.url : `${req.url.slice(0, q)}?${req.url.slice(q + 1).split("&").map((pair) => pair.includes("=") ? `${pair.slice(0, pair.indexOf("="))}=\u2026` : "\u2026").join("&")}`;
  return { method: req.method, url: clip(url, LOGGED_URL_LENGTH), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
};

// apps/service-kit/src/http/query-string.ts
import { parse } from "fast-querystring";
var MALFORMED_PARAMETERS = /* @__PURE__ */ Symbol("malformed query parameters");
var decoded = (text) => {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return void 0;
  }
};
var parseQueryString = (text) => {
  const query = parse(text);
  if (!text.includes("%")) return query;
  const malformed = [];
  for (const pair of text.split("&")) {
    const at = pair.indexOf("=");
    const [name, value] = at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    const decodedName = decoded(name);
    if (decodedName === void 0 || decoded(value) === void 0) malformed.push(decodedName ?? name);
  }
  if (malformed.length > 0) Object.defineProperty(query, MALFORMED_PARAMETERS, { value: malformed, enumerable: false });
  return query;
};

// apps/service-kit/src/http/service-client.ts
import { context, propagation, SpanKind, SpanStatusCode, trace as trace2 } from "@opentelemetry/api";

// apps/service-kit/src/telemetry/kit-tracer.ts
import { trace } from "@opentelemetry/api";
var KIT_TRACER_NAME = "@tripgen/service-kit";
var kitTracer = () => trace.getTracer(KIT_TRACER_NAME);

// apps/service-kit/src/http/service-client.ts
var ServiceUnavailableError = class extends Error {
  constructor(service, detail, options) {
    super(`the ${service} service is unavailable: ${detail}`, options);
    this.service = service;
  }
  service;
  name = "ServiceUnavailableError";
};

// apps/service-kit/src/http/problem.ts
var RETRY_AFTER_SECONDS = { unavailable: 5, rateLimited: RATE_LIMIT.timeWindowMs / 1e3 };
var PROBLEM_CONTENT_TYPE = "application/problem+json";
var HttpProblem = class extends Error {
  constructor(statusCode, detail, extensions = {}, headers = {}) {
    super(detail);
    this.statusCode = statusCode;
    this.extensions = extensions;
    this.headers = headers;
    this.name = "HttpProblem";
  }
  statusCode;
  extensions;
  headers;
};
var problem = (status, detail, extra = {}) => ({
  type: "about:blank",
  title: STATUS_CODES[status] ?? "Error",
  status,
  detail,
  ...extra
});
var sendProblem = (reply, p) => reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p);
var MAX_PATH_PARAM_LENGTH = 100;
var routerErrorAnswer = (securityHeaders) => (error, _request, reply) => {
  for (const [name, value] of securityHeaders) reply.header(name, value);
  const detail = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? `A path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters` : "The path is not a valid URL (malformed percent-encoding)";
  return sendProblem(reply, problem(error.statusCode ?? 400, detail));
};
var ECHOED_LENGTH = 100;
var LOGGED_DETAIL_LENGTH = 500;
var clipped = (given) => given === void 0 ? void 0 : clip(String(given), ECHOED_LENGTH);
var RECEIVE_TIMEOUT_OPTIONS = {
  requestTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
  http: { headersTimeout: REQUEST_RECEIVE_TIMEOUT_MS, connectionsCheckingInterval: 1e3 }
};
var PARSER_ERRORS = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, `The request was not received in full within ${REQUEST_RECEIVE_TIMEOUT_MS / 1e3} s`],
  HPE_HEADER_OVERFLOW: [431, `The request head is larger than the ${maxHeaderSize / 1024} KiB accepted`]
};
var clientErrorAnswer = (securityHeaders) => (error, socket) => {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const answering = socket._httpMessage;
  if (socket.writable && !answering?.headersSent) {
    const [status, detail] = PARSER_ERRORS[error.code ?? ""] ?? [400, "The request is not valid HTTP/1.1"];
    const body = JSON.stringify(problem(status, detail));
    const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, `content-type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`, `content-length: ${Buffer.byteLength(body)}`, "connection: close", ...securityHeaders.map(([name, value]) => `${name}: ${value}`)];
    socket.write(`${head.join("\r\n")}\r
\r
${body}`);
  }
  socket.destroy(error);
};
var refusalOptions = (securityHeaders) => ({
  ...RECEIVE_TIMEOUT_OPTIONS,
  routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH, querystringParser: parseQueryString },
  frameworkErrors: routerErrorAnswer(securityHeaders),
  clientErrorHandler: clientErrorAnswer(securityHeaders)
});
var ACCEPTED_BODY_TYPE = "application/json";
var ACCEPT_HEADER_OF = { POST: "accept-post", PATCH: "accept-patch" };
var CLIENT_ERRORS = {
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 400,
  FST_ERR_CTP_EMPTY_JSON_BODY: 400,
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_JSON_BODY: 400,
  FST_ERR_VALIDATION: 400
};
var DATABASE_UNAVAILABLE = /* @__PURE__ */ new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
var DRIVER_UNAVAILABLE = new RegExp(`^(timeout exceeded when trying to connect|Connection terminated due to connection timeout|Connection terminated unexpectedly|${QUERY_READ_TIMEOUT})`);
var ADAPTER_UNAVAILABLE = /* @__PURE__ */ new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
var POSTGRES_UNAVAILABLE = /* @__PURE__ */ new Set(["57P01", "57P02", "57P03"]);
var isPostgresOutageState = (code) => /^08[0-9A-Z]{3}$/.test(code) || POSTGRES_UNAVAILABLE.has(code);
var isDatabaseUnavailable = (error) => {
  if (typeof error.code === "string" && (DATABASE_UNAVAILABLE.has(error.code) || isPostgresOutageState(error.code))) return true;
  if (DRIVER_UNAVAILABLE.test(error.message ?? "")) return true;
  if (error.code !== "P2010") return false;
  const cause = driverAdapterCause(error);
  if (typeof cause?.kind !== "string") return false;
  return ADAPTER_UNAVAILABLE.has(cause.kind) || cause.kind === "postgres" && typeof cause.code === "string" && POSTGRES_UNAVAILABLE.has(cause.code);
};
var UNKNOWN_FIELD = "is not a field of this request (misspelt?)";
var toProblem = (error, request) => {
  if (error instanceof HttpProblem) return problem(error.statusCode, error.message, { instance: request.url, ...error.extensions });
  if (error.validation) {
    const where = error.validationContext ?? "body";
    const errors = error.validation.map((v) => {
      const named = clipped(v.params?.missingProperty ?? v.params?.additionalProperty);
      const path = `${where}${v.instancePath ?? ""}${named === void 0 ? "" : `/${named}`}`;
      return { path, message: v.keyword === "additionalProperties" ? UNKNOWN_FIELD : v.message ?? "invalid" };
    });
    const unknown = error.validation[0]?.keyword === "additionalProperties" ? errors[0] : void 0;
    return problem(400, `Request ${where} is invalid: ${unknown ? `${unknown.path} ${UNKNOWN_FIELD}` : error.message}`, { instance: request.url, errors });
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, "The database is unavailable; try again shortly", { instance: request.url });
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    const sent = request.headers["content-type"];
    return problem(415, `${sent === void 0 ? "A body without a Content-Type" : `Content-Type ${clipped(sent)}`} is not accepted: send ${ACCEPTED_BODY_TYPE}`, { instance: request.url });
  }
  const known = error.code ? CLIENT_ERRORS[error.code] : void 0;
  const status = known ?? (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500);
  if (status >= 500) return problem(status, "The server failed to handle this request; it has been logged.", { instance: request.url });
  return problem(status, error.message || (STATUS_CODES[status] ?? "Bad request"), { instance: request.url });
};
var outageChain = (error) => {
  const chain = [];
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) {
    const code = e.code;
    chain.push({ type: e.name, message: clip(e.message, LOGGED_DETAIL_LENGTH), ...code === void 0 ? {} : { code } });
  }
  if (chain.length === 0 && error !== void 0) chain.push({ type: typeof error, message: clip(String(error), LOGGED_DETAIL_LENGTH) });
  return chain;
};
var SOCKET_UNREACHABLE = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
var SERVICE_BUS_UNAVAILABLE = /* @__PURE__ */ new Set(["ServiceBusy", "ServiceTimeout", "ServiceCommunicationProblem"]);
var isBrokerUnavailable = (error) => {
  if (error.name === "MessagingError") return error.retryable === true;
  if (error.name !== "ServiceBusError" || typeof error.code !== "string") return false;
  return SERVICE_BUS_UNAVAILABLE.has(error.code) || error.code === "GeneralError" && error.retryable === true;
};
var IDENTITY_PLATFORM_UNAVAILABLE = /^(network_error|temporarily_unavailable|server_error):/;
var isIdentityPlatformUnavailable = (error) => {
  if (error.name === "AuthenticationError") return typeof error.statusCode === "number" && (error.statusCode === 429 || error.statusCode >= 500);
  return (error.name === "AuthenticationRequiredError" || error.name === "CredentialUnavailableError") && IDENTITY_PLATFORM_UNAVAILABLE.test(error.message);
};
var isOutageError = (error) => {
  const code = error.code;
  return isDatabaseUnavailable(error) || isBrokerUnavailable(error) || isIdentityPlatformUnavailable(error) || typeof code === "string" && SOCKET_UNREACHABLE.has(code);
};
var isDependencyOutage = (error) => {
  if (error instanceof ServiceUnavailableError || error instanceof HttpProblem && error.statusCode === 503) return true;
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (isOutageError(e)) return true;
  }
  return false;
};
var logFailure = (log, error, fields, msg, outageLevel = "warn") => {
  if (isDependencyOutage(error)) log[outageLevel]({ ...fields, outage: outageChain(error) }, msg);
  else log.error({ ...fields, err: error }, msg);
};
var lastingFailureLog = (log, escalateAfterMs, opts = {}) => {
  const now = opts.now ?? Date.now;
  let since;
  return {
    failed(error, fields, msg, began) {
      if (!isDependencyOutage(error)) {
        log.error({ ...fields, err: error }, msg);
        return;
      }
      const at = now();
      since ??= Math.min(began ?? at, at);
      if (at - since < escalateAfterMs && !opts.imminent?.()) log.warn({ ...fields, outage: outageChain(error) }, msg);
      else log.error({ ...fields, outage: outageChain(error), outageSince: new Date(since).toISOString(), outageForSeconds: Math.round((at - since) / 1e3) }, msg);
    },
    succeeded() {
      since = void 0;
    },
    outageSeconds: () => since === void 0 ? 0 : Math.max(0, (now() - since) / 1e3)
  };
};
var registerProblemHandlers = (app) => {
  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error, request);
    if (p.status === 503) request.log.warn({ status: 503, outage: outageChain(error) }, "request failed: a dependency is unavailable");
    else if (p.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ status: p.status, code: error.code }, clip(p.detail, LOGGED_DETAIL_LENGTH));
    if (error instanceof HttpProblem) reply.headers(error.headers);
    const acceptHeader = p.status === 415 ? ACCEPT_HEADER_OF[request.method] : void 0;
    if (acceptHeader) reply.header(acceptHeader, ACCEPTED_BODY_TYPE);
    if (reply.getHeader("retry-after") === void 0 && (p.status === 429 || p.status === 503)) reply.header("retry-after", String(p.status === 429 ? RETRY_AFTER_SECONDS.rateLimited : RETRY_AFTER_SECONDS.unavailable));
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const allow = allowedMethods(app, path);
    if (allow.length === 0) return sendProblem(reply, problem(404, `No route ${request.method} ${path}`, { instance: request.url }));
    return sendProblem(reply.header("allow", allow.join(", ")), problem(405, `${path} does not take ${request.method}; it takes ${allow.join(", ")}`, { instance: request.url }));
  });
};
var METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
var allowedMethods = (app, path) => METHODS.filter((method) => {
  try {
    return app.findRoute({ method, url: path }) !== null;
  } catch {
    return false;
  }
});

// apps/service-kit/src/entra-token-watch.ts
var watches = /* @__PURE__ */ new Map();
var sharedLog = pino({ base: void 0 });
var logEntraTokensTo = (log) => {
  sharedLog = log;
};
var entraTokenOutageSeconds = (dependency) => watches.get(dependency)?.outageSeconds() ?? 0;
var EARLY_REFRESH_FRACTION = 0.5;
var MSAL_CACHE_SERVES_UNTIL_MS = 5 * 6e4;
var EARLY_RETRY_MS = 3e4;
var ENTRA_ASK_TIMEOUT_MS = 3e4;
var withinTime = (asked, ms, what, late) => new Promise((resolve, reject) => {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    reject(Object.assign(new Error(`Entra gave no answer for ${what} within ${ms / 1e3} s`), { code: "ETIMEDOUT" }));
  }, ms);
  asked.then(
    (value) => {
      clearTimeout(timer);
      if (timedOut) late(value);
      else resolve(value);
    },
    (err) => {
      clearTimeout(timer);
      if (!timedOut) reject(err);
    }
  );
});
var watchEntraTokens = (credential, dependency, opts = {}) => {
  const now = opts.now ?? Date.now;
  const log = { info: (o, m) => (opts.log ?? sharedLog).info(o, m), warn: (o, m) => (opts.log ?? sharedLog).warn(o, m), error: (o, m) => (opts.log ?? sharedLog).error(o, m) };
  const msg = `no Entra token for ${dependency}; retrying`;
  let held;
  const failures = lastingFailureLog(log, ENTRA_TOKEN_OUTAGE.escalateAfterMs, {
    imminent: () => held !== void 0 && held.token.expiresOnTimestamp - now() <= ENTRA_TOKEN_OUTAGE.escalateBeforeExpiryMs,
    now
  });
  const asking = /* @__PURE__ */ new Set();
  let early;
  let earlyDue = Infinity;
  const scheduleEarly = (delayMs, { sooner = false } = {}) => {
    if (!opts.fresh) return;
    const due = now() + Math.max(0, delayMs);
    if (sooner && earlyDue <= due) return;
    clearTimeout(early);
    earlyDue = due;
    early = setTimeout(() => {
      earlyDue = Infinity;
      void askEarly();
    }, Math.max(0, delayMs));
    early.unref?.();
  };
  const earlyAt = (h) => h.seenAt + (h.token.expiresOnTimestamp - h.seenAt) * EARLY_REFRESH_FRACTION;
  const took = (token, scopes) => {
    if (held !== void 0 && token.expiresOnTimestamp <= held.token.expiresOnTimestamp) return false;
    held = { token, seenAt: now(), scopes };
    scheduleEarly(earlyAt(held) - now());
    return true;
  };
  const takeLate = (scopes) => (token) => {
    if (token && took(token, scopes)) failures.succeeded();
  };
  const askEarly = async () => {
    if (!held || !opts.fresh) return;
    const { scopes } = held;
    const ask = { began: now() };
    asking.add(ask);
    try {
      const fresh = await opts.fresh();
      const token = await withinTime(fresh.getToken(scopes), ENTRA_ASK_TIMEOUT_MS, dependency, takeLate(scopes));
      if (!token) throw new Error(`Entra gave no token for ${dependency}`);
      took(token, scopes);
      failures.succeeded();
    } catch (err) {
      failures.failed(err, { dependency, early: true }, msg, ask.began);
      if (held.token.expiresOnTimestamp > now()) scheduleEarly(EARLY_RETRY_MS);
    } finally {
      asking.delete(ask);
    }
  };
  const watch = {
    credential: {
      async getToken(scopes, options) {
        const ask = { began: now() };
        if (opts.watchOwnAsks !== false) asking.add(ask);
        try {
          const token = await withinTime(credential.getToken(scopes, options), ENTRA_ASK_TIMEOUT_MS, dependency, takeLate(scopes));
          if (token && took(token, scopes)) failures.succeeded();
          return held !== void 0 && token !== null && held.token.expiresOnTimestamp > token.expiresOnTimestamp ? held.token : token;
        } catch (err) {
          if (opts.watchOwnAsks !== false) {
            failures.failed(err, { dependency }, msg, ask.began);
            if (held !== void 0 && held.token.expiresOnTimestamp > now()) scheduleEarly(EARLY_RETRY_MS, { sooner: true });
          }
          if (held !== void 0 && held.token.expiresOnTimestamp - now() > MSAL_CACHE_SERVES_UNTIL_MS) return held.token;
          throw err;
        } finally {
          asking.delete(ask);
        }
      }
    },
    outageSeconds() {
      const oldest = Math.min(...[...asking].map((a) => a.began));
      return Math.max(failures.outageSeconds(), asking.size === 0 ? 0 : (now() - oldest) / 1e3);
    }
  };
  watches.set(dependency, watch);
  return watch;
};
var longestOutageSeconds = (...sources) => Math.max(0, ...sources.map((s) => s.outageSeconds()));

export {
  traceIdsMixin,
  requestLogger,
  loggedRequest,
  MALFORMED_PARAMETERS,
  KIT_TRACER_NAME,
  kitTracer,
  RETRY_AFTER_SECONDS,
  PROBLEM_CONTENT_TYPE,
  HttpProblem,
  problem,
  refusalOptions,
  UNKNOWN_FIELD,
  outageChain,
  logFailure,
  lastingFailureLog,
  registerProblemHandlers,
  logEntraTokensTo,
  entraTokenOutageSeconds,
  EARLY_REFRESH_FRACTION,
  ENTRA_ASK_TIMEOUT_MS,
  watchEntraTokens,
  longestOutageSeconds
};
