/**
 * A benchmark's HTTP calls, each checked against the answers it expects. Unchecked, an answer that
 * was not the one the run relies on went on as if it were: a trip created with a 503 gave no id and
 * the next call asked for `/trips/undefined/...` (a 404 about something else), a register refused
 * ended in "login answered 401", an error body was read for figures. Now the run ends at that call,
 * naming it, with its status and body.
 */

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
