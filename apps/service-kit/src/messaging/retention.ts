/**
 * Bounded growth of the messaging tables: processed message ids and sent outbox rows are deleted
 * once older than the catalog's MESSAGE_RETENTION (a day past the window in which a duplicate can
 * arrive), on a schedule inside the running services: each idempotent consumer prunes its own ids,
 * each outbox relay the sent rows. Every replica prunes; the deletes are idempotent. The services
 * schedule their own tables' prunes with the same schedulePruning (the AI service's failed
 * generations, the user service's notifications beyond the inbox).
 */
import { MESSAGE_RETENTION } from '@tripgen/catalog';
import { logFailure } from '../http/problem.ts';
import type { MessagingLogger } from './errors.ts';

export interface Retention {
  /** Rows older than this are deleted (default: the catalog's MESSAGE_RETENTION.keepMs). */
  readonly keepMs?: number;
  /** How often (default: the catalog's MESSAGE_RETENTION.pruneEveryMs). */
  readonly pruneEveryMs?: number;
}

export const retentionOf = (r: Retention = {}): Required<Retention> => ({
  keepMs: r.keepMs ?? MESSAGE_RETENTION.keepMs,
  pruneEveryMs: r.pruneEveryMs ?? MESSAGE_RETENTION.pruneEveryMs,
});

export interface Pruner {
  /** Stops the schedule and waits for a prune in flight. */
  stop(): Promise<void>;
}

/**
 * Runs `prune` now and then every `everyMs`, one at a time; a failure is retried at the next tick,
 * logged by logFailure (the database out of reach: warn with its causes; anything else: error with its stack). The timer does not keep the process alive. A prune in batches ends
 * between two when `stopped` is aborted (stop(): the pod drains): a backlog's first prune may take
 * minutes, and the drain waits for the prune in flight.
 */
export function schedulePruning(what: string, prune: (stopped: AbortSignal) => Promise<number>, everyMs: number, logger: MessagingLogger): Pruner {
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const tick = () => {
    if (stopping.signal.aborted || running) return;
    running = prune(stopping.signal)
      .then(
        (deleted) => {
          if (deleted > 0) logger.info({ deleted, table: what }, 'pruned old rows');
        },
        (err: unknown) => logFailure(logger, err, { table: what }, 'pruning failed; retrying at the next tick'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
