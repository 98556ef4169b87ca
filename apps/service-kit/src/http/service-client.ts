/**
 * Calls to another TripGen service (its routes under `internalPrefix`, or a public route with the
 * caller's token relayed): JSON in and out, a time limit on every call, and two kinds of failure a
 * caller can act on. `ServiceUnavailableError`: the service did not answer usefully (refused,
 * timed out, 5xx); retry later or degrade. `ServiceAnswerError`: it answered 4xx, i.e. our request
 * was wrong or the thing does not exist; retrying the same call cannot help.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { workloadName, type ServiceName } from '@tripgen/catalog';
import { kitTracer } from '../telemetry/kit-tracer.ts';
import { timeLimit } from './time-limit.ts';

export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  constructor(
    readonly service: ServiceName,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`the ${service} service is unavailable: ${detail}`, options);
  }
}

export class ServiceAnswerError extends Error {
  override readonly name = 'ServiceAnswerError';
  /** The answer's problem detail, or '' when it has none. */
  readonly detail: string;
  constructor(
    readonly service: ServiceName,
    readonly status: number,
    /** The answer's body (problem+json when the service is ours). */
    readonly body: unknown,
    /** The answer's headers (a 429's Retry-After: retryAfterSeconds). */
    readonly headers: Headers = new Headers(),
  ) {
    const detail = body && typeof body === 'object' && 'detail' in body ? String((body as { detail: unknown }).detail) : '';
    super(`the ${service} service answered ${status}${detail ? `: ${detail}` : ''}`);
    this.detail = detail;
  }
}

/** RFC 9110's IMF-fixdate, the HTTP-date a sender must write (Date.parse alone takes "-3" or "1.5" for dates). */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Seconds a Retry-After header asks to wait (RFC 9110 10.2.3: delay-seconds, or an HTTP-date,
 * counted from `now`); undefined when absent or neither form.
 */
export const retryAfterSeconds = (headers: Headers, now = Date.now()): number | undefined => {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = IMF_FIXDATE.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
};

export interface CallOptions {
  /** Time limit of this call in ms (default: the client's). */
  readonly timeoutMs?: number;
  /** Ends the call early (e.g. the caller's own deadline). */
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ServiceClient {
  readonly service: ServiceName;
  get<T>(path: string, options?: CallOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: CallOptions): Promise<T>;
}

export const createServiceClient = (service: ServiceName, baseUrl: string, defaults: { timeoutMs?: number } = {}): ServiceClient => {
  const base = baseUrl.replace(/\/+$/, '');
  const defaultTimeout = defaults.timeoutMs ?? 2_000;
  const peer = workloadName(service);
  const call = async <T>(method: string, path: string, body: unknown, options: CallOptions = {}): Promise<T> => {
    const limit = timeLimit(options.timeoutMs ?? defaultTimeout, options.signal);
    const { signal } = limit;
    const span = clientSpan(method, peer, `${base}${path}`);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': peer, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
    // W3C traceparent of this call's span, sampled or not: the called service continues the trace
    // and honours its sampling decision (parent-based) instead of rolling its own.
    propagation.inject(trace.setSpan(context.active(), span), headers);
    const unavailable = (err: unknown, status?: number): ServiceUnavailableError => {
      // fetch's own error says "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, "bad port").
      const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
      const because = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
      const why = limit.timedOut ? `no answer within ${options.timeoutMs ?? defaultTimeout} ms` : options.signal?.aborted ? 'the caller gave up' : `${(err as Error).message}${because ? ` (${because})` : ''}`;
      endClientSpan(span, status, why);
      return new ServiceUnavailableError(service, `${method} ${path}: ${why}`, { cause: err });
    };
    let res: Response;
    let text: string;
    try {
      try {
        res = await fetch(`${base}${path}`, { method, signal, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (err) {
        throw unavailable(err);
      }
      try {
        // The time limit covers the body too (undici ends its stream with the signal); a body that stops
        // coming or is cut short is no answer: read as '' it made a 200 with nothing for the caller.
        text = await res.text();
      } catch (err) {
        throw unavailable(err, res.status);
      }
    } finally {
      limit.clear();
    }
    endClientSpan(span, res.status);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (res.status >= 500) throw new ServiceUnavailableError(service, `${method} ${path} answered ${res.status}`);
    if (res.status >= 400) throw new ServiceAnswerError(service, res.status, parsed, res.headers);
    return parsed as T;
  };
  return {
    service,
    get: (path, options) => call('GET', path, undefined, options),
    post: (path, body, options) => call('POST', path, body, options),
  };
};

/**
 * A CLIENT span per call, a child of the active span (the request or message delivery that makes
 * the call), from the registered provider (the kit's setupTracing). Named after the method alone,
 * as the HTTP semantic conventions ask when no URL template is known (the path holds ids); the
 * query string is left out of the URL (it may carry what a trace should not keep).
 */
const clientSpan = (method: string, peer: string, url: string): Span =>
  kitTracer().startSpan(method, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'url.full': url.split('?')[0]!, 'peer.service': peer },
  });

const endClientSpan = (span: Span, status: number | undefined, failure?: string): void => {
  if (span.isRecording()) {
    if (status !== undefined) span.setAttribute('http.response.status_code', status);
    if (failure !== undefined || (status ?? 0) >= 500) span.setStatus({ code: SpanStatusCode.ERROR, ...(failure ? { message: failure } : {}) });
  }
  span.end();
};
