/**
 * A benchmark's HTTP calls, each checked against the answers it expects. Unchecked, an answer that
 * was not the one the run relies on went on as if it were: a trip created with a 503 gave no id and
 * the next call asked for `/trips/undefined/...` (a 404 about something else), a register refused
 * ended in "login answered 401", an error body was read for figures. Now the run ends at that call,
 * naming it, with its status and body.
 */
import { GENERATION_STATUSES, SCHEDULES_ROUTE } from '@tripgen/catalog';

/** What a call answered: its status, Retry-After, and its body as JSON (undefined when it is not JSON). */
export interface BenchAnswer {
  readonly status: number;
  readonly retryAfter: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a benchmark reads a few fields of what the services answer
  readonly json: any;
}

export interface BenchCall {
  /** What the call is for, named in the error ('login', 'trip created'). */
  readonly what: string;
  readonly method?: string;
  readonly url: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The statuses the run goes on with (a 503 the caller retries is one of them); any other ends it. */
  readonly expect: readonly number[];
}

/** An answer a benchmark did not expect: the call, its status and body. */
export class BenchCallError extends Error {
  constructor(
    call: BenchCall,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${call.what} (${call.method ?? 'GET'} ${call.url}) answered ${status}, not ${call.expect.join(' or ')}: ${body.slice(0, 1_000)}`);
    this.name = 'BenchCallError';
  }
}

/** Makes the call; throws BenchCallError for a status it does not expect, and names the call when none came. */
export const benchCall = async (call: BenchCall): Promise<BenchAnswer> => {
  const { method = 'GET', url, body } = call;
  const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers };
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new Error(`${call.what} (${method} ${url}) got no answer`, { cause: err });
  }
  const text = await res.text();
  if (!call.expect.includes(res.status)) throw new BenchCallError(call, res.status, text);
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json };
};

/** The Bearer authorization of a login's answer; a login answered without an `accessToken` ends the run there, naming it. */
export const bearerOf = (what: string, login: BenchAnswer): string => {
  if (typeof login.json?.accessToken !== 'string') throw new Error(`${what} answered ${login.status} without an accessToken: ${JSON.stringify(login.json)}`);
  return `Bearer ${login.json.accessToken}`;
};

/** How long an answer asks its client to wait before asking again: its Retry-After (seconds), 1 s without one. */
const retryAfterMs = (answer: BenchAnswer): number => {
  const seconds = Number(answer.retryAfter);
  return 1_000 * (Number.isFinite(seconds) && seconds > 0 ? seconds : 1);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A trip's schedules on a base URL (the gateway's or the trip service's), asked for by its traveller. */
export interface BenchScheduleTarget {
  readonly base: string;
  readonly tripId: string;
  readonly authorization: string;
}

/**
 * Asks for a schedule of the trip, as a client does (docs/api.md): a 503 (the trip service shedding
 * load, its database pool) asked again after its Retry-After, up to `retries` times, each told to
 * `retried`. The id of the 202; a 202 without one, or any status but 202 and 503, ends the run there.
 */
export const requestSchedule = async (target: BenchScheduleTarget, opts: { readonly retries?: number; readonly retried?: () => void } = {}): Promise<string> => {
  const { retries = 10 } = opts;
  const url = `${target.base}${SCHEDULES_ROUTE.replace(':id', target.tripId)}`;
  const call: BenchCall = { what: 'schedule request', method: 'POST', url, body: {}, headers: { authorization: target.authorization }, expect: [202, 503] };
  for (let retry = 0; ; retry++) {
    const asked = await benchCall(call);
    if (asked.status === 202) {
      if (typeof asked.json?.id !== 'string') throw new Error(`schedule request (POST ${url}) answered 202 without a schedule id: ${JSON.stringify(asked.json)}`);
      return asked.json.id;
    }
    if (retry === retries) throw new Error(`schedule request (POST ${url}) still answered ${asked.status} after ${retries} retries: ${JSON.stringify(asked.json)}`);
    opts.retried?.();
    await sleep(retryAfterMs(asked));
  }
};

/** How a schedule read by awaitSchedule ended: its outcome, or `timeout` when it had none within `giveUpMs`. */
export interface BenchScheduleEnd {
  readonly status: 'completed' | 'failed' | 'timeout';
  readonly error?: string;
}

/**
 * Reads the schedule `id` until it is completed or failed, as a client does (docs/api.md): with
 * `waitS`, the trip service answers as soon as it ends (without, `pauseMs` between reads); a 502-504
 * (the gateway, a pod busy or shedding load) is read again after its Retry-After. A 200 that is not
 * a schedule, or any other status, ends the run there; `timeout` past `giveUpMs`.
 */
export const awaitSchedule = async (
  target: BenchScheduleTarget & { readonly id: string },
  opts: { readonly giveUpMs: number; readonly waitS?: number; readonly pauseMs?: number },
): Promise<BenchScheduleEnd> => {
  const started = performance.now();
  const url = `${target.base}${SCHEDULES_ROUTE.replace(':id', target.tripId)}/${target.id}${opts.waitS === undefined ? '' : `?wait=${opts.waitS}`}`;
  const call: BenchCall = { what: 'schedule read', url, headers: { authorization: target.authorization }, expect: [200, 502, 503, 504] };
  for (;;) {
    const got = await benchCall(call);
    if (got.status === 200) {
      const status: unknown = got.json?.status;
      if (status === 'completed' || status === 'failed') return { status, ...(typeof got.json.error === 'string' ? { error: got.json.error } : {}) };
      if (!(GENERATION_STATUSES as readonly unknown[]).includes(status)) throw new Error(`schedule read (GET ${url}) answered 200 without a schedule's status: ${JSON.stringify(got.json)}`);
    }
    if (performance.now() - started > opts.giveUpMs) return { status: 'timeout' };
    await sleep(got.status === 200 ? (opts.pauseMs ?? 0) : retryAfterMs(got));
  }
};
