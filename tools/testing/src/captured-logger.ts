import { Writable } from 'node:stream';
import Fastify from 'fastify';

/** A line as a service prints it: pino's level number, its message, and the rest (an `err` as pino's serializer made it). */
export interface LoggedLine {
  readonly level: number;
  readonly msg: string;
  readonly err?: { readonly type?: string; readonly message?: string; readonly stack?: string };
  readonly [field: string]: unknown;
}

/**
 * A logger as the services' own (Fastify's pino, with its `err` serializer: type, message and stack,
 * causes included) whose lines land in `lines`, parsed: a test asserts what production would print,
 * not what was handed to the logger.
 */
export const capturedLogger = (level = 'info'): { logger: ReturnType<typeof Fastify>['log']; lines: LoggedLine[] } => {
  const lines: LoggedLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LoggedLine);
      done();
    },
  });
  return { logger: Fastify({ logger: { level, stream } }).log, lines };
};
