/**
 * The token issuer's record of revocations, for a verifier's pod (trip, AI, location) that Redis cannot
 * tell: one started while Redis is out of reach knew no revocation and accepted every token revoked in
 * the last token lifetime (signed out, password changed, account deleted) until Redis answered it,
 * and one cut off accepted those revoked meanwhile. It reads them from the user service's internal
 * route (catalog REVOCATIONS_PATH, at the issuer's address JWKS_URL gives) into its memory alone (the
 * kit's `remember`): as it gets ready, and every TOKEN_REVOCATIONS.republishEveryMs while cut off, the
 * rows since its last read (and those a read cut short left, from where it stopped), or since the instant Redis last said it held them all, TOKEN_REVOCATIONS.learnOverlapMs back.
 *
 * Soft, as Redis is: the user service out of reach too, readiness waits for the read
 * TOKEN_REVOCATIONS.feedTimeoutMs at most (a period's read, which nothing waits on, the period), the pod gets ready all the same (logged, a warning when the problem
 * changes, not every period) and tries again each period;
 * refusing readiness would take every verifier down with the issuer.
 */
import { REVOCATIONS_PATH, TOKEN_REVOCATIONS, type RevocationsResponse } from '@tripgen/catalog';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { timeLimit } from '../http/time-limit.ts';
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
  // Up to when Redis, answering this pod, held every revocation user_db recorded: the user service's
  // TOKEN_REVOCATIONS.wholeUpToKey as Redis last gave it (absent: none known, a token's lifetime back).
  // Cut off, the pod needs those since, not a token's lifetime of them (every running verifier's first
  // read after a cut-off was the whole record, 14.7 MB at the design figure). It was the last period
  // Redis answered this pod, which says nothing of what the user service could not write there (its
  // own connection cut off, Redis back a moment between two outages): a revocation recorded more than
  // learnOverlapMs before that was not read until Redis, holding it, answered the pod again.
  let toldUpTo = Number.NEGATIVE_INFINITY;
  let learning: Promise<boolean> | undefined;
  // `close` gives up a read in flight (app.close): left to its bound, a period's (30 s) outlived the app,
  // remembered into closed sets and warned of a next tick there was no more.
  const closing = new AbortController();
  /** The last read's failure, until a read succeeds: logged as a warning only when it changes. */
  let lastProblem: string | undefined;
  const everyMs = opts.everyMs ?? TOKEN_REVOCATIONS.republishEveryMs;
  /** The bound of a read, the readiness one's included: nothing but readiness waits on it, and readiness waits feedTimeoutMs at most. */
  const readBoundMs = Math.max(TOKEN_REVOCATIONS.feedTimeoutMs, everyMs);
  /** GETs one answer of the route: `limit` absent, the whole record (an issuer of the release before refuses `limit` with a 400). */
  const answer = async (query: URLSearchParams, signal: AbortSignal): Promise<{ status: number; body?: RevocationsResponse }> => {
    const res = await fetch(`${url.href}?${query.toString()}`, { signal });
    if (!res.ok) {
      await res.body?.cancel();
      return { status: res.status };
    }
    const body: unknown = await res.json();
    if (!isAnswer(body)) throw new Error(`${url.pathname} answered an unexpected body`);
    return { status: res.status, body };
  };
  /**
   * The rows an earlier read did not get to: those from the `after` cursor down, after `since`. A read
   * cut short at its bound (a period, 30 s) started again at the newest page the next period, so an
   * issuer too slow for a whole read within a period never gave the oldest pages while it stayed slow
   * (a sign-out of 14 minutes ago accepted until its token expired); now the next read goes on from here.
   */
  let tail: { since: number; after: string } | undefined;
  /** Where a run of pages stopped: `done` it got the last, else `after` is the cursor to go on from (absent: none got). */
  interface Reach {
    newest: number;
    done: boolean;
    after?: string;
    err?: unknown;
  }
  /**
   * Reads the record after `since` page by page from the `from` cursor (absent: the newest), newest
   * first, TOKEN_REVOCATIONS.feedPageSize each, each page remembered as it comes: the whole record at the
   * design figure (100,000 accounts and as many sessions) was one 14.7 MB answer, 2.07 s alone, and
   * readiness gave it up at 2 s knowing nothing. Never throws: a run cut short (the bound, close, a
   * failure) says where it stopped.
   */
  const pages = async (since: number, from: string | undefined, signal: AbortSignal): Promise<Reach> => {
    let newest = Number.NEGATIVE_INFINITY;
    let after = from;
    let first = true;
    try {
      do {
        const query = new URLSearchParams({ since: String(since), limit: String(TOKEN_REVOCATIONS.feedPageSize), ...(after === undefined ? {} : { after }) });
        let page = await answer(query, signal);
        // The release before refuses the unknown `limit` (400): its whole record in one answer, as it served it.
        if (page.status === 400 && first) page = await answer(new URLSearchParams({ since: String(since) }), signal);
        if (!page.body) throw new Error(`${url.pathname} answered ${page.status}`);
        first = false;
        revocations.remember(page.body);
        for (const { at } of [...page.body.accounts, ...page.body.sessions]) newest = Math.max(newest, at);
        after = typeof page.body.next === 'string' && page.body.next !== '' ? page.body.next : undefined;
      } while (after !== undefined);
      return { newest, done: true };
    } catch (err) {
      return { newest, done: false, ...(after === undefined ? {} : { after }), err };
    }
  };
  /**
   * Reads the rows since the last read (the top) and, at once beside it, goes on with the tail an earlier
   * read left: both within the bound, so a new sign-out is learnt each period while the oldest rows come
   * on. The top's newest row moves `learnedUpTo` even when it is cut short: what it did not get becomes
   * the tail (one only: a top cut short while a tail is left makes one tail from its cursor down to the
   * older start, reading again what lies between, which only an issuer that cannot serve one period's
   * new rows within the period comes to).
   */
  const step = async (timeoutMs: number): Promise<boolean> => {
    const oldest = Date.now() - TOKEN_REVOCATIONS.lifetimeMs;
    const since = Math.floor(Math.max(oldest, Math.max(learnedUpTo, toldUpTo) - TOKEN_REVOCATIONS.learnOverlapMs));
    const left = tail;
    // timeLimit, not AbortSignal.timeout: joined by AbortSignal.any, that signal was collected with the
    // garbage of a large answer, never firing (the whole record at the design figure read for 9.8 s under a 2 s bound).
    const bound = timeLimit(timeoutMs, closing.signal);
    try {
      const [top, rest] = await Promise.all([
        pages(since, undefined, bound.signal),
        // Rows Redis said it held (wholeUpToKey) or older than a token's lifetime need no reading.
        left && pages(Math.floor(Math.max(left.since, oldest, toldUpTo - TOKEN_REVOCATIONS.learnOverlapMs)), left.after, bound.signal),
      ]);
      learnedUpTo = Math.max(learnedUpTo, top.newest);
      if (top.after !== undefined) tail = { since: Math.min(since, left?.since ?? since), after: top.after };
      else if (left && rest) tail = rest.done ? undefined : { since: left.since, after: rest.after ?? left.after };
      const err = top.err ?? rest?.err;
      if (err === undefined) {
        lastProblem = undefined;
        return true;
      }
      if (closing.signal.aborted) return false;
      // The same problem again each period (a user service of the release before answers 404 until it
      // is rolled; every verifier pod read every 30 s) says nothing new: a warning when it changes.
      const problem = problemOf(err);
      const level = problem === lastProblem ? 'debug' : 'warn';
      lastProblem = problem;
      log[level]({ err, leftToRead: tail !== undefined }, 'token revocations could not be read from the user service while Redis is out of reach; trying again at the next tick');
      return false;
    } finally {
      bound.clear();
    }
  };
  const read = (timeoutMs: number): Promise<boolean> => (learning ??= step(timeoutMs).finally(() => (learning = undefined)));
  // The readiness read is bounded by feedTimeoutMs; the period's, which nothing waits on, by the period:
  // a pod started during an outage reads the whole record, which at 100,000 accounts and as many
  // sessions took 2.1 s (more with several pods at once), and given up at 2 s each period it never learnt it.
  const timer = setInterval(() => {
    if (!isRedisReady(redis)) void read(readBoundMs);
    else if (isRedisReady(opts.subscriber)) {
      const askedAt = Date.now();
      redis.get(TOKEN_REVOCATIONS.wholeUpToKey).then(
        (value) => {
          const upTo = Number(value);
          toldUpTo = value !== null && Number.isFinite(upTo) ? Math.min(upTo, askedAt) : Number.NEGATIVE_INFINITY;
        },
        // Redis going away meanwhile: what it last said stands (a read since then starts there or earlier).
        () => undefined,
      );
    }
  }, everyMs);
  timer.unref();
  /**
   * Readiness waits feedTimeoutMs at most, a period's read in flight too: it shares that read (one at a
   * time), whose own bound is the period (30 s), and waited it out (3.8 s where the bound is 2 s, period 4 s,
   * revocation-feed.test.ts). The read goes on, its pages remembered as they come: given up at
   * feedTimeoutMs, the design figure's whole record (2.07 s) was read again only a period later, while
   * the pod, ready, accepted every token it revoked; now the pod is ready knowing the newest pages
   * (every revocation since some instant: those that refuse the most tokens still valid) and the rest
   * comes on at once.
   */
  const learn = async (): Promise<boolean> => {
    const boundMs = TOKEN_REVOCATIONS.feedTimeoutMs;
    const reading = read(readBoundMs);
    let giveUp: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (giveUp = setTimeout(() => resolve(false), boundMs)));
    try {
      return await Promise.race([reading, gaveUp]);
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
