/**
 * A handler throws this when retrying cannot help (invalid body, unknown entity, violated business
 * rule): the message is dead-lettered at once instead of being redelivered up to the max count.
 * Any other error counts as transient: the message is abandoned and comes back.
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

export const isPermanentMessageError = (error: unknown): error is PermanentMessageError => error instanceof PermanentMessageError;

export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** pino-compatible logger slice (the kit passes its pino instance). */
export interface MessagingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** JSON lines on stderr when the caller gives no logger: failures must never be silent. */
export const stderrLogger: MessagingLogger = {
  info: () => undefined,
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};
