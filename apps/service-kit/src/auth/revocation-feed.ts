/**
 * The token issuer's record of revocations, for a verifier's pod (trip, AI, location) that Redis cannot
 * tell: one started while Redis is out of reach knew no revocation and accepted every token revoked in
 * the last token lifetime (signed out, password changed, account deleted) until Redis answered it,
 * and one cut off accepted those revoked meanwhile. It reads them from the user service's internal
 * route (catalog REVOCATIONS_PATH, at the issuer's address JWKS_URL gives) into its memory alone (the
 * kit's `remember`): as it gets ready, and every TOKEN_REVOCATIONS.republishEveryMs while cut off, the
 * rows since its last read, or since Redis last answered it, TOKEN_REVOCATIONS.learnOverlapMs back.
 *
 * Soft, as Redis is: the user service out of reach too, readiness waits for the read
 * TOKEN_REVOCATIONS.feedTimeoutMs at most (a period's read, which nothing waits on, the period), the pod gets ready all the same (logged, a warning when the problem
 * changes, not every period) and tries again each period;
 * refusing readiness would take every verifier down with the issuer.
 */
import { REVOCATIONS_PATH, TOKEN_REVOCATIONS, type RevocationsResponse } from '@tripgen/catalog';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis.ts';
import type { TokenRevocations } from './revocations.ts';

export interface RevocationFeedOptions {
  /** The issuer's JWKS_URL: the route is read at its origin. */
  readonly jwksUrl: string;
  readonly revocations: TokenRevocations;
  /** The kit's command connection: read only while it is not ready. */
  readonly redis: Redis;
  /** The kit's subscriber: a period counts as told only while it is ready too (it carries the revocations published). */
  readonly subscriber: Redis;
  readonly log: FastifyBaseLogger;
  /** Default the catalog's; tests shorten it. */
  readonly everyMs?: number;
}

export interface RevocationFeed {
  /** Reads the revocations since the last read into memory, waiting feedTimeoutMs at most; false when the issuer did not answer within it (logged). */
  learn(): Promise<boolean>;
  close(): void;
}

const isEntry = (key: string) => (e: unknown): boolean => typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>)[key] === 'string' && Number.isFinite((e as Record<string, unknown>).at);
const isAnswer = (body: unknown): body is RevocationsResponse => {
  const b = body as Partial<Record<keyof RevocationsResponse, unknown>> | null;
  return typeof b === 'object' && b !== null && Array.isArray(b.accounts) && Array.isArray(b.sessions) && b.accounts.every(isEntry('userId')) && b.sessions.every(isEntry('sessionId'));
};

/**
 * A read's failure as news to an operator: what the issuer answered (its status, a body not understood),
 * or that it did not answer in time, or that it could not be reached. The last whatever the socket said:
 * an issuer going away closes, resets and refuses in turn (a pod stopping, the mesh), and keyed on the
 * error's message each read's differed from the last, a warning each (19 in 400 ms at a 20 ms period).
 */
const problemOf = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'no answer in time';
  // fetch's network failures (undici's TypeError 'fetch failed', the socket's error its cause).
  if (err instanceof TypeError) return 'unreachable';
  return err.message;
};

export const revocationFeed = (opts: RevocationFeedOptions): RevocationFeed => {
  const { revocations, redis, log } = opts;
  const url = new URL(REVOCATIONS_PATH, opts.jwksUrl);
  let learnedUpTo = Number.NEGATIVE_INFINITY;
  // The last period Redis answered this pod (its clock), which told it every revocation until then: cut
  // off, it needs those since, not a token's lifetime of them. Every running verifier's first read
  // after a cut-off was the whole record (100,000 accounts and as many sessions: 14.7 MB, 2.1 s alone,
  // four at once each past feedTimeoutMs), so none learnt anything.
  let toldUpTo = Number.NEGATIVE_INFINITY;
  let learning: Promise<boolean> | undefined;
  // `close` gives up a read in flight (app.close): left to its bound, a period's (30 s) outlived the app,
  // remembered into closed sets and warned of a next tick there was no more.
  const closing = new AbortController();
  /** The last read's failure, until a read succeeds: logged as a warning only when it changes. */
  let lastProblem: string | undefined;
  const everyMs = opts.everyMs ?? TOKEN_REVOCATIONS.republishEveryMs;
  const step = async (timeoutMs: number): Promise<boolean> => {
    const since = Math.floor(Math.max(Date.now() - TOKEN_REVOCATIONS.lifetimeMs, Math.max(learnedUpTo, toldUpTo) - TOKEN_REVOCATIONS.learnOverlapMs));
    try {
      const res = await fetch(`${url.href}?since=${since}`, { signal: AbortSignal.any([closing.signal, AbortSignal.timeout(timeoutMs)]) });
      if (!res.ok) throw new Error(`${url.pathname} answered ${res.status}`);
      const body: unknown = await res.json();
      if (!isAnswer(body)) throw new Error(`${url.pathname} answered an unexpected body`);
      revocations.remember(body);
      for (const { at } of [...body.accounts, ...body.sessions]) learnedUpTo = Math.max(learnedUpTo, at);
      lastProblem = undefined;
      return true;
    } catch (err) {
      if (closing.signal.aborted) return false;
      // The same problem again each period (a user service of the release before answers 404 until it
      // is rolled; every verifier pod read every 30 s) says nothing new: a warning when it changes.
      const problem = problemOf(err);
      const level = problem === lastProblem ? 'debug' : 'warn';
      lastProblem = problem;
      log[level]({ err }, 'token revocations could not be read from the user service while Redis is out of reach; trying again at the next tick');
      return false;
    }
  };
  const read = (timeoutMs: number): Promise<boolean> => (learning ??= step(timeoutMs).finally(() => (learning = undefined)));
  // The readiness read is bounded by feedTimeoutMs; the period's, which nothing waits on, by the period:
  // a pod started during an outage reads the whole record, which at 100,000 accounts and as many
  // sessions took 2.1 s (more with several pods at once), and given up at 2 s each period it never learnt it.
  const timer = setInterval(() => {
    if (!isRedisReady(redis)) void read(Math.max(TOKEN_REVOCATIONS.feedTimeoutMs, everyMs));
    else if (isRedisReady(opts.subscriber)) toldUpTo = Date.now();
  }, everyMs);
  timer.unref();
  /**
   * Readiness waits feedTimeoutMs at most, a period's read in flight too: it shares that read (one at a
   * time), whose own bound is the period (30 s), and waited it out (3.8 s where the bound is 2 s, period 4 s,
   * revocation-feed.test.ts). The read goes on; what it brings is remembered all the same.
   */
  const learn = async (): Promise<boolean> => {
    const boundMs = TOKEN_REVOCATIONS.feedTimeoutMs;
    if (!learning) return read(boundMs);
    let giveUp: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (giveUp = setTimeout(() => resolve(false), boundMs)));
    try {
      return await Promise.race([learning, gaveUp]);
    } finally {
      clearTimeout(giveUp);
    }
  };
  return {
    learn,
    close: () => {
      clearInterval(timer);
      closing.abort();
    },
  };
};
