import type { MessagingLogger } from '@tripgen/service-kit/messaging';

/**
 * Polls `condition` until it holds, at most `timeoutMs` (generous: CI shares 2 cores). Waiting is
 * bounded and never an assertion in itself: the test asserts on what it observed afterwards.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Keeps expected warnings (abandons, broker or Redis outages) out of the test output. */
export const quietLogger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
