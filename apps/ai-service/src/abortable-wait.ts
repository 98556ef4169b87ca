/**
 * A wait on a call shared by several callers (one load of a candidate area, one model reading):
 * the caller's own signal ends its wait; the shared call goes on for the others.
 */
export const abortable = <T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> =>
  !signal
    ? p
    : new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
