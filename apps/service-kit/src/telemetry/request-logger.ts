/**
 * A request's logger that becomes a pino child only when it writes a line at an enabled level:
 * Fastify makes a child logger for every request, and pino builds its bindings (request id, trace
 * and span id) into a JSON fragment right away, about 7 us of each request (issue 15) that a
 * service logging at `warn` never uses. Every line it does write is the child's, bindings
 * included. pino has no lazy child of its own, so this wrapper is written here.
 */
import type { FastifyBaseLogger } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildLoggerOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;
/** The part of pino (Fastify's logger) used here; pino is Fastify's dependency, not the kit's. */
export interface PinoLogger extends FastifyBaseLogger {
  readonly levelVal: number;
}

/** What carries a request's trace and span id (an OpenTelemetry span). */
export interface TraceIds {
  spanContext(): { readonly traceId: string; readonly spanId: string };
}
const withTrace = (bindings: Bindings, trace: TraceIds | undefined): Bindings => {
  if (!trace) return bindings;
  const sc = trace.spanContext();
  return { ...bindings, trace_id: sc.traceId, span_id: sc.spanId };
};

/** Marks a request's child (and, through pino's prototype chain, its own children): its lines carry the ids already. */
const TRACE_BOUND = Symbol('tripgen.traceBound');
type Marked = { [TRACE_BOUND]?: true };

const boundChild = (parent: FastifyBaseLogger, bindings: Bindings, trace: TraceIds | undefined, options?: ChildLoggerOptions): FastifyBaseLogger => {
  const child = options ? parent.child(withTrace(bindings, trace), options) : parent.child(withTrace(bindings, trace));
  if (trace) (child as Marked)[TRACE_BOUND] = true;
  return child;
};

/**
 * pino's `mixin`: the active span's ids (`ids`) on a line written by any other logger than a
 * request's (the app's logger inside a message delivery, or inside a handler). Called only for
 * lines written at an enabled level. A new object each time: pino merges the line's fields into it.
 */
export const traceIdsMixin =
  (ids: () => object | undefined) =>
  (_merge: object, _level: number, logger: unknown): object =>
    (logger as Marked)[TRACE_BOUND] ? {} : (ids() ?? {});

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

class LazyChildLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: PinoLogger,
    private readonly bindings: Bindings,
    private readonly ids?: TraceIds,
  ) {}

  private get child_(): FastifyBaseLogger {
    return (this.#child ??= boundChild(this.parent, this.bindings, this.ids));
  }

  private enabled(level: number): boolean {
    // Read at each call: a level changed on the parent (or on this logger: the child) later holds.
    return level >= (this.#child ? (this.#child as PinoLogger).levelVal : this.parent.levelVal);
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.child_.level = level;
  }

  fatal(...args: unknown[]): void {
    if (this.enabled(LEVELS.fatal)) (this.child_.fatal as (...a: unknown[]) => void)(...args);
  }
  error(...args: unknown[]): void {
    if (this.enabled(LEVELS.error)) (this.child_.error as (...a: unknown[]) => void)(...args);
  }
  warn(...args: unknown[]): void {
    if (this.enabled(LEVELS.warn)) (this.child_.warn as (...a: unknown[]) => void)(...args);
  }
  info(...args: unknown[]): void {
    if (this.enabled(LEVELS.info)) (this.child_.info as (...a: unknown[]) => void)(...args);
  }
  debug(...args: unknown[]): void {
    if (this.enabled(LEVELS.debug)) (this.child_.debug as (...a: unknown[]) => void)(...args);
  }
  trace(...args: unknown[]): void {
    if (this.enabled(LEVELS.trace)) (this.child_.trace as (...a: unknown[]) => void)(...args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.child_.child(bindings, options);
  }
}

/**
 * For Fastify's childLoggerFactory: a route's own level or serializers (`options`) make the child at once.
 * `trace` adds `trace_id` and `span_id` to the bindings when the child is made (no object of them
 * for a request that logs nothing).
 */
export const requestLogger = (parent: PinoLogger, bindings: Bindings, options: ChildLoggerOptions, trace?: TraceIds): FastifyBaseLogger => {
  if (options.level !== undefined || options.serializers !== undefined || options.msgPrefix !== undefined || options.redact !== undefined) return boundChild(parent, bindings, trace, options);
  return new LazyChildLogger(parent, bindings, trace);
};

/** At most `max` characters of a text a client chose, marked with … when cut: what a log line or a problem repeats of it. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The longest request target a log line keeps (a head may carry 16 KiB). */
const LOGGED_URL_LENGTH = 300;

/**
 * The request as its log lines show it (Fastify's `req` serializer, replaced): the method, the path,
 * the query's parameter names without their values (a parameter without a value is all value), host
 * and client. A query value can hold what no log should (a token or password a client put there:
 * the audit sent `?access_token=`), and the path with the names is what a reader needs to tell
 * requests apart.
 */
export const loggedRequest = (req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }): Record<string, unknown> => {
  const q = req.url.indexOf('?');
  const url = q < 0 ? req.url : `${req.url.slice(0, q)}?${req.url.slice(q + 1).split('&').map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=…` : '…')).join('&')}`;
  return { method: req.method, url: clip(url, LOGGED_URL_LENGTH), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
};
