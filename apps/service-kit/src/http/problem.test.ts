import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.ts';

const request = { url: '/x' } as FastifyRequest;
const asError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {}) as FastifyError;

describe('database out of reach', () => {
  it('is a retryable 503 whether Prisma names it or the pg pool only says so in words', () => {
    for (const err of [asError('Can not reach database server', 'P1001'), asError('timeout exceeded when trying to connect'), asError('Connection terminated due to connection timeout: Connection terminated unexpectedly')]) {
      expect(toProblem(err, request)).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
    }
  });

  it('any other failure of ours stays a 500 that leaks nothing', () => {
    expect(toProblem(asError('a timeout exceeded when trying to connect somewhere else'), request)).toMatchObject({ status: 500 });
  });
});
