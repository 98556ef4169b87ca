/**
 * The time limit of one outgoing call, joined with the signals that may end it sooner (the
 * caller's, a shutdown's). Not `AbortSignal.any([AbortSignal.timeout(ms), ...])`: on Node 20 the
 * joined signal holds its sources weakly, and so does the timeout's own timer, so a timeout signal
 * nothing else holds is collected with the next garbage and never fires (nodejs/node#57736; the
 * fix proposed in #57867 is not in Node 20): the kit's revocation read bounded at 2 s ran 9.8 s
 * (d7186b76). Here the timer's callback holds the controller it aborts, and `clear()` (the call
 * settled) drops the timer at once instead of leaving it pending until the limit.
 */
export interface TimeLimit {
  /** Aborts at the limit (a TimeoutError) or with the first of the given signals to abort. */
  readonly signal: AbortSignal;
  /** Whether the limit itself ended the call (not one of the given signals). */
  readonly timedOut: boolean;
  /** The call settled: stops the timer. The signal stays as it is (not aborted by this). */
  clear(): void;
}

export const timeLimit = (ms: number, ...until: ReadonlyArray<AbortSignal | undefined>): TimeLimit => {
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
  // Like AbortSignal.timeout's: a pending limit alone does not keep a process that is ending alive.
  timer.unref();
  const given = until.filter((s): s is AbortSignal => s !== undefined);
  const signal = given.length === 0 ? limit.signal : AbortSignal.any([limit.signal, ...given]);
  return {
    signal,
    get timedOut() {
      return limit.signal.aborted;
    },
    clear: () => {
      clearTimeout(timer);
      // Held until here: a given signal nothing else holds (an inline AbortSignal.timeout) is not collected unfired.
      given.length = 0;
    },
  };
};
