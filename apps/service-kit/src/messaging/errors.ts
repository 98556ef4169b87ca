import { refusedDataSqlState } from '../data/adapter-error.ts';

/**
 * A handler throws this when retrying cannot help (invalid body, unknown entity, violated business
 * rule): the message is dead-lettered at once instead of being redelivered up to the max count.
 * So is a message whose data PostgreSQL refuses (permanentFailure). Any other error counts as
 * transient: the message is abandoned and comes back.
 */
export class PermanentMessageError extends Error {
  override readonly name = 'PermanentMessageError';
  /** Short, stable reason recorded as the dead-letter reason (e.g. 'InvalidBody'). */
  readonly reason: string;

  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * A handler throws this for a message it can read but holds a value a newer release added (an enum
 * value this version does not know). During a rollout the queue's other consumers may be that newer
 * release, so the message is not poison: it is transient like any other error (abandoned after the
 * backoff, redelivered, and another pod may take it); only its last delivery ends it.
 */
export class NewerMessageError extends Error {
  override readonly name = 'NewerMessageError';
}

/**
 * A message larger than its destination accepts (the link's max message size: Service Bus Standard
 * 256 KiB, Event Hubs 1 MiB). No retry can send it: the outbox sets its row aside rather than retry
 * it for ever ahead of the rows behind it.
 */
export class OversizeMessageError extends Error {
  override readonly name = 'OversizeMessageError';

  constructor(
    readonly messageId: string,
    readonly limitBytes: number,
    destination: string,
  ) {
    super(`message ${messageId} is larger than ${destination} accepts (${limitBytes} bytes)`);
  }
}

export const isPermanentMessageError = (error: unknown): error is PermanentMessageError => error instanceof PermanentMessageError;

export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Dead-letter reason of a message whose data PostgreSQL refuses (a NUL in text, a value out of range, a NOT NULL column left empty). */
export const DATA_REFUSED_REASON = 'DatabaseRefusedData';

/**
 * Why no redelivery can help, as the dead-letter reason and description, or undefined when the
 * failure is transient: a PermanentMessageError, or data PostgreSQL refuses (refusedDataSqlState:
 * the same data fails the same way on each of the ~4 minutes of redeliveries).
 */
export const permanentFailure = (error: unknown): { readonly reason: string; readonly description: string } | undefined => {
  if (isPermanentMessageError(error)) return { reason: error.reason, description: describeError(error) };
  const sqlState = refusedDataSqlState(error);
  return sqlState === undefined ? undefined : { reason: DATA_REFUSED_REASON, description: `SQLSTATE ${sqlState}: ${describeError(error)}` };
};

/** pino-compatible logger slice (the kit passes its pino instance). */
export interface MessagingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** An `err` as pino's serializer shows it (type, message, stack); JSON.stringify alone makes an Error `{}`. */
const withErr = (obj: object): object => {
  const err = (obj as { err?: unknown }).err;
  return err instanceof Error ? { ...obj, err: { type: err.name, message: err.message, stack: err.stack } } : obj;
};

/** JSON lines on stderr when the caller gives no logger: failures must never be silent. */
export const stderrLogger: MessagingLogger = {
  info: () => undefined,
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...withErr(obj) })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...withErr(obj) })}\n`),
};
