/**
 * The pod's asks for Entra tokens of a dependency (PostgreSQL, Service Bus, Event Hubs, Azure OpenAI;
 * Redis's early asks), watched: the credential
 * those clients are given, whose failures are logged as an outage that escalates (catalog
 * ENTRA_TOKEN_OUTAGE) and counted for the pod's gauge. Without it the failures were nobody's: the
 * PostgreSQL password callback's background refresh dropped them while the token in hand still
 * served, the Service Bus SDK wrote them to its own logger (off), and an SRE learned of the outage
 * when connections were refused at the token's expiry. With `fresh` the watch also asks Entra itself
 * at half of each token's life, past MSAL's cache, for each of them (Redis's renewal logs and counts its
 * own asks, with Redis's refusals of the token: `watchOwnAsks: false`).
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ENTRA_TOKEN_OUTAGE, type EntraDependency } from '@tripgen/catalog';
import { pino } from 'pino';
import { lastingFailureLog, type FailureLogger } from './http/problem.ts';

export interface EntraTokenWatch {
  /** The credential to give the dependency's client in place of the pod's own. */
  readonly credential: TokenCredential;
  /** For how long its token asks have been failing for an outage, an ask under way counted from its start; in seconds (0: none). */
  outageSeconds(): number;
  /** Stops its early asks (app.close): their timer is unref'd, so it held no process, but it went on asking Entra for a closed app. */
  close(): void;
}

// The pod's watches, one per dependency, and where they log: a process is one pod with one
// identity, and the PostgreSQL credential is made before the app and its logger exist
// (databasePassword), so the app hands its logger over once it has one (logEntraTokensTo).
const watches = new Map<EntraDependency, EntraTokenWatch>();
// Every watch not closed, those a newer one replaced in `watches` included.
const open = new Set<EntraTokenWatch>();
let sharedLog: FailureLogger = pino({ base: undefined });

/** Where every watch logs from now on (the app's logger). */
export const logEntraTokensTo = (log: FailureLogger): void => {
  sharedLog = log;
};

/** Stops every watch of the process (its last app closing): no early ask is made after. */
const closeEntraTokenWatches = (): void => {
  for (const watch of [...open]) watch.close();
};

// The process's apps not closed: the watches are the pod's, not one app's, and serve them all.
let appsOpen = 0;

/**
 * An app of the process opens: the watches serve until the last app open closes (the returned
 * function, once). Closing every watch at each app's close stopped the half-life asks of an app left
 * running beside it (two services in one test process) and zeroed its gauge while its asks failed.
 */
export const holdEntraTokenWatches = (): (() => void) => {
  appsOpen += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    appsOpen -= 1;
    if (appsOpen === 0) closeEntraTokenWatches();
  };
};


/** The gauge's reading for `dependency`: 0 while no watch of it exists in this process (no Entra, or not this service's). */
export const entraTokenOutageSeconds = (dependency: EntraDependency): number => watches.get(dependency)?.outageSeconds() ?? 0;

/**
 * When the watch asks Entra itself, ahead of the dependency's own renewal: at this share of the token
 * in hand's life (as the watch first saw it). The pods' credential answers from MSAL's cache until a
 * token's last 5 minutes and @azure/identity has no way to ask past that cache, so a blocked egress
 * first showed 1.5 to 4 minutes before the expiry, the ticket 2 minutes later, about at the impact.
 * Asked at half-life through a credential of its own (an empty cache), Entra out of reach fails
 * about 30 minutes ahead of a 60-minute token's expiry, the ticket follows 2 minutes on, and each
 * answer is a new token, which the dependency's next renewal takes (half an hour more to fix the
 * egress). One more token request per dependency and half-life: Entra's limits are far off.
 */
export const EARLY_REFRESH_FRACTION = 0.5;

/** A cached token is renewed by MSAL once it expires within 5 minutes (msal-common DEFAULT_TOKEN_RENEWAL_OFFSET_SEC). */
const MSAL_CACHE_SERVES_UNTIL_MS = 5 * 60_000;

/** How often a failed early ask is repeated while the token in hand still serves. */
const EARLY_RETRY_MS = 30_000;

/**
 * How long an ask of Entra is waited for. @azure/identity sets no timeout and does not pass a
 * caller's abortSignal to MSAL's token request: a connection that stalls (a proxy that accepts and
 * never answers) left the ask pending for good, and with it every new PostgreSQL connection once the
 * token in hand expired (the callback's one refresh at a time), the pod unready until restarted. Past
 * this the ask is a failure (the token in hand handed out while it serves); its answer, should it
 * come, is still taken.
 */
export const ENTRA_ASK_TIMEOUT_MS = 30_000;

/** `asked`, or a rejection once it has been pending `ms`; a later answer goes to `late`. */
const withinTime = <T>(asked: Promise<T>, ms: number, what: string, late: (value: T) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // ETIMEDOUT: Entra out of reach, an outage (problem.ts isDependencyOutage), not our configuration.
      reject(Object.assign(new Error(`Entra gave no answer for ${what} within ${ms / 1000} s`), { code: 'ETIMEDOUT' }));
    }, ms);
    asked.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) late(value);
        else resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(err);
      },
    );
  });

export interface WatchOptions {
  readonly log?: FailureLogger;
  readonly now?: () => number;
  /**
   * A new credential of the pod's, with an empty cache (azureCredentialFromEnv): with it the watch
   * asks Entra at EARLY_REFRESH_FRACTION of each token's life. Without it only the dependency's own
   * asks are watched.
   */
  readonly fresh?: () => TokenCredential | Promise<TokenCredential>;
  /**
   * Whether the failures of the dependency's own asks are logged and counted here (default true).
   * Redis's renewal does that itself (redis.ts), with Redis's refusals of the token.
   */
  readonly watchOwnAsks?: boolean;
}

/**
 * Watches `credential`'s asks for `dependency`'s token (the process's watch of it from now on). Each
 * failure is `no Entra token for <dependency>; retrying`: at warn with `outage` while Entra is out of
 * reach, at error once that has lasted ENTRA_TOKEN_OUTAGE.escalateAfterMs or the last token it gave
 * is within escalateBeforeExpiryMs of its expiry (or past it); at error with `err` from the first when
 * Entra refuses our configuration. Any token ends the outage. With `fresh`, it also asks Entra at
 * half of each token's life (EARLY_REFRESH_FRACTION) and hands the new token to the next ask.
 */
export const watchEntraTokens = (credential: TokenCredential, dependency: EntraDependency, opts: WatchOptions = {}): EntraTokenWatch => {
  const now = opts.now ?? Date.now;
  const log: FailureLogger = { info: (o, m) => (opts.log ?? sharedLog).info(o, m), warn: (o, m) => (opts.log ?? sharedLog).warn(o, m), error: (o, m) => (opts.log ?? sharedLog).error(o, m) };
  const msg = `no Entra token for ${dependency}; retrying`;
  // The newest token seen, when first seen (its life as the watch knows it), and the scopes it is for.
  let held: { token: AccessToken; seenAt: number; scopes: string | string[] } | undefined;
  const failures = lastingFailureLog(log, ENTRA_TOKEN_OUTAGE.escalateAfterMs, {
    imminent: () => held !== undefined && held.token.expiresOnTimestamp - now() <= ENTRA_TOKEN_OUTAGE.escalateBeforeExpiryMs,
    now,
  });
  // When each ask under way began: packets to Entra dropped leave one unanswered for minutes
  // (@azure/identity sets no timeout), and the outage counts from its start (as redis.ts does).
  const asking = new Set<{ readonly began: number }>();
  let early: NodeJS.Timeout | undefined;
  let earlyDue = Infinity;
  let closed = false;
  /** The next early ask in `delayMs`; with `sooner`, only if none is due before then. */
  const scheduleEarly = (delayMs: number, { sooner = false } = {}): void => {
    if (!opts.fresh || closed) return;
    const due = now() + Math.max(0, delayMs);
    if (sooner && earlyDue <= due) return;
    clearTimeout(early);
    earlyDue = due;
    early = setTimeout(() => {
      earlyDue = Infinity;
      void askEarly();
    }, Math.max(0, delayMs));
    // The process's lifetime is not the watch's to hold.
    early.unref?.();
  };
  const earlyAt = (h: NonNullable<typeof held>): number => h.seenAt + (h.token.expiresOnTimestamp - h.seenAt) * EARLY_REFRESH_FRACTION;

  /** Whether `token` is a new one (Entra answered): the cache's answer of the one in hand is no news of Entra. */
  const took = (token: AccessToken, scopes: string | string[]): boolean => {
    if (held !== undefined && token.expiresOnTimestamp <= held.token.expiresOnTimestamp) return false;
    held = { token, seenAt: now(), scopes };
    scheduleEarly(earlyAt(held) - now());
    return true;
  };

  // An answer past ENTRA_ASK_TIMEOUT_MS is still Entra's answer: a new token ends the outage.
  const takeLate =
    (scopes: string | string[]) =>
    (token: AccessToken | null): void => {
      if (token && took(token, scopes)) failures.succeeded();
    };

  const askEarly = async (): Promise<void> => {
    if (!held || !opts.fresh || closed) return;
    const { scopes } = held;
    const ask = { began: now() };
    asking.add(ask);
    try {
      const fresh = await opts.fresh();
      const token = await withinTime(fresh.getToken(scopes), ENTRA_ASK_TIMEOUT_MS, dependency, takeLate(scopes));
      if (!token) throw new Error(`Entra gave no token for ${dependency}`);
      took(token, scopes);
      failures.succeeded();
    } catch (err) {
      failures.failed(err, { dependency, early: true }, msg, ask.began);
      // Again, past the token in hand's expiry too: only a new token ends the outage, and a
      // dependency asked on demand (Azure OpenAI, a reading's call) may ask no more for hours, which
      // left the gauge growing and the ticket open after Entra was back.
      scheduleEarly(EARLY_RETRY_MS);
    } finally {
      asking.delete(ask);
    }
  };

  const watch: EntraTokenWatch = {
    credential: {
      async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
        const ask = { began: now() };
        if (opts.watchOwnAsks !== false) asking.add(ask);
        try {
          const token = await withinTime(credential.getToken(scopes, options), ENTRA_ASK_TIMEOUT_MS, dependency, takeLate(scopes));
          if (token && took(token, scopes)) failures.succeeded();
          // A newer token from an early ask serves in place of the cache's older one.
          return held !== undefined && token !== null && held.token.expiresOnTimestamp > token.expiresOnTimestamp ? held.token : token;
        } catch (err) {
          if (opts.watchOwnAsks !== false) {
            failures.failed(err, { dependency }, msg, ask.began);
            // Only a new token ends the outage this opened, and the token handed out below keeps the
            // dependency from asking again for most of its life: a single failed ask (Entra's 503)
            // counted until the next half-life ask, 13.5 minutes past the alert's 2. Asked again soon.
            if (held !== undefined && held.token.expiresOnTimestamp > now()) scheduleEarly(EARLY_RETRY_MS, { sooner: true });
          }
          // The cache's token near its end asked in vain, while an early ask's still serves; no longer
          // than MSAL's cache would serve it (the Service Bus SDK asks again at once for a token within
          // 2 minutes of its expiry).
          if (held !== undefined && held.token.expiresOnTimestamp - now() > MSAL_CACHE_SERVES_UNTIL_MS) return held.token;
          throw err;
        } finally {
          asking.delete(ask);
        }
      },
    },
    outageSeconds() {
      const oldest = Math.min(...[...asking].map((a) => a.began));
      return Math.max(failures.outageSeconds(), asking.size === 0 ? 0 : (now() - oldest) / 1000);
    },
    close() {
      closed = true;
      clearTimeout(early);
      earlyDue = Infinity;
      open.delete(watch);
      if (watches.get(dependency) === watch) watches.delete(dependency);
    },
  };
  watches.set(dependency, watch);
  open.add(watch);
  return watch;
};

/** The gauge's reading where two watch one token (Redis: its renewal and the early asks). */
export const longestOutageSeconds = (...sources: readonly { outageSeconds(): number }[]): number => Math.max(0, ...sources.map((s) => s.outageSeconds()));
