/**
 * Access-token verification: EdDSA/ES256 JWTs from the user service, checked against its JWKS
 * (fetched once and cached by jose, refetched on an unknown key id at most once per cooldown) with
 * issuer and audience from the configuration. A missing, malformed, expired or foreign token is a
 * 401 problem; a key set that cannot be fetched is a 503 unless keys fetched before can stand in.
 */
import { createLocalJWKSet, createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { SESSION_REVOCATIONS } from '@tripgen/catalog';
import { HttpProblem, logFailure, RETRY_AFTER_SECONDS, type FailureLogger } from '../http/problem.ts';
import { issuedAtMs } from './revocations.ts';

export interface AuthenticatedUser {
  readonly id: string;
  readonly email?: string;
  /** The token's `iat` in ms (revocations.ts compares it with the account's revocation); undefined without one. */
  readonly issuedAtMs?: number;
  /** The login's session (the token's `sid`, catalog SESSION_REVOCATIONS): signing out refuses it alone; undefined for a token signed before sessions. */
  readonly sessionId?: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
  /** The user of a token verified before and not expired, without waiting (undefined: call verify). */
  verified?(token: string): AuthenticatedUser | undefined;
  /** Whether this verifier has accepted the token before and it has not expired (verify may still check it again). */
  acceptedBefore?(token: string): boolean;
  /**
   * Starts fetching the keys now, not awaited (the kit calls it when the app is ready, readiness not
   * waiting for it: docs/runbooks.md "token-signing keys"), so that a fresh pod's first requests find
   * them; a failure is logged once at warn and counts as the first failed fetch (503 at once, retried
   * in the background every retryMs until the keys come, the retries' failures not logged). Keys
   * that come after a failure are one line at info (KEYS_RECOVERED_MSG), whichever fetch brought them.
   */
  prefetch?(log: FailureLogger): void;
  /** Aborts a key fetch under way and stops the retries: the app's close does not wait for the issuer. */
  close?(): void;
}

/** The keys come at last to a service that had none after a failed fetch. */
export interface KeysRecovered {
  /** From the first failed fetch to the one that brought the keys. */
  readonly unavailableMs: number;
  /** Fetches that failed meanwhile (the start's, the retries', any a request made). */
  readonly failedFetches: number;
}

/**
 * What an operator who saw the start's warning looks for: the keys are in and tokens verify again.
 * Said once per recovery, not per fetch (the refetches of a service that has keys say nothing).
 */
export const KEYS_RECOVERED_MSG = 'the token-signing keys were fetched after failing; tokens are verified again';

/** A remote key set that can be fetched ahead of the first token and aborted on close. */
export interface RemoteJwks extends JWTVerifyGetKey {
  /**
   * Fetches the key set unless it is there or under way (shared with the requests); resolves to the
   * failure, never rejects. `onRecovered` is told when keys come after a failed fetch left none.
   */
  prefetch(onRecovered?: (recovery: KeysRecovered) => void): Promise<HttpProblem | undefined>;
  close(): void;
}

export interface RemoteJwksOptions {
  /** How long the key set is used before it is fetched again (default 10 minutes). */
  readonly cacheMaxAgeMs?: number;
  /** An unknown `kid` refetches the set at most this often (default 30 s): made-up kids cannot flood the issuer. */
  readonly cooldownMs?: number;
  /**
   * A service that never had the keys asks again this long after a failed fetch (default the kit's
   * 503 Retry-After, 5 s), in the background whether requests come or not, answering 503 at once
   * meanwhile: it can verify nothing, so it asks sooner than the cooldown of a service that has keys
   * to fall back on.
   */
  readonly retryMs?: number;
}

/** What a token can be refused for while looking its key up; anything else is the key set's fault. */
const TOKEN_KEY_ERRORS = [joseErrors.JWKSNoMatchingKey, joseErrors.JWKSMultipleMatchingKeys, joseErrors.JOSENotSupported];

export const remoteJwks = (url: string, opts: RemoteJwksOptions = {}): RemoteJwks => {
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const retryMs = opts.retryMs ?? RETRY_AFTER_SECONDS.unavailable * 1000;
  // close() aborts the fetch under way: a shutdown does not hold a socket open on a stalled issuer.
  const closed = new AbortController();
  // jose shares one fetch among the requests waiting for it, and forgets a failed one: the next
  // request fetches again and waits its whole timeout.
  const keys = createRemoteJWKSet(new URL(url), {
    cacheMaxAge: opts.cacheMaxAgeMs ?? 10 * 60_000,
    cooldownDuration: cooldownMs,
    timeoutDuration: 2_000,
    [customFetch]: (input, init) => fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, closed.signal]) : closed.signal }),
  });
  // Stale-if-error: when a refresh fails, the keys fetched before keep verifying tokens (the issuer's
  // outage must not log everyone out), and the issuer is asked again only after a cooldown, so that
  // requests do not each wait for a fetch that is bound to fail. A service that never had keys
  // waits for its first fetch only; once one failed it answers 503 at once and asks again in the
  // background when its retry is due: behind a stalled issuer each request waited the fetch's 2 s
  // timeout for its 503, and the pod held every request of those 2 s.
  let failedAt = Number.NEGATIVE_INFINITY;
  // Without keys the retry is a timer, not left to the next request: a pod with no traffic (a new one
  // in a quiet hour, a canary) had fetched nothing when the issuer came back, and its first request
  // was still a 503 (it set the retry off). Unref'd: it never holds a process that is ending.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // Without keys since a failed fetch (and how many failed since): the start's warning is then
  // waiting for the line that says the keys came, or the operator never learns the 503s ended.
  let down: { since: number; failures: number } | undefined;
  let onRecovered: ((recovery: KeysRecovered) => void) | undefined;
  const gotKeys = (): void => {
    if (down === undefined || keys.jwks() === undefined) return;
    const recovery: KeysRecovered = { unavailableMs: Date.now() - down.since, failedFetches: down.failures };
    down = undefined;
    onRecovered?.(recovery);
  };
  const retry = (): void => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (closed.signal.aborted || keys.jwks() !== undefined) return;
    // jose shares a fetch under way: a request meanwhile joins this one, never a second.
    keys.reload().then(gotKeys, failed);
  };
  const failed = (): void => {
    failedAt = Date.now();
    // With keys in hand a failed refresh is stale-if-error, not an outage of this service.
    if (keys.jwks() === undefined) {
      down ??= { since: failedAt, failures: 0 };
      down.failures += 1;
    }
    if (retryTimer !== undefined || closed.signal.aborted || keys.jwks() !== undefined) return;
    retryTimer = setTimeout(retry, retryMs).unref();
  };
  let stale: { json: string; getKey: JWTVerifyGetKey } | undefined;
  const staleKeys = (): JWTVerifyGetKey | undefined => {
    const jwks = keys.jwks();
    if (!jwks) return undefined;
    const json = JSON.stringify(jwks);
    if (stale?.json !== json) stale = { json, getKey: createLocalJWKSet(jwks) };
    return stale.getKey;
  };
  // The issuer is down, slow or answering nonsense and we never had its keys: our problem, not a bad
  // token (a 401 would tell the client to throw its token away); Retry-After says when we ask again.
  const unavailable = (cause?: unknown): HttpProblem => {
    const seconds = Math.max(1, Math.ceil((failedAt + retryMs - Date.now()) / 1000));
    const problem = new HttpProblem(503, 'The token-signing keys are unavailable; try again shortly', {}, { 'retry-after': String(seconds) });
    if (cause !== undefined) problem.cause = cause; // for the logs only: problem extensions go to the client
    return problem;
  };
  const getKey: JWTVerifyGetKey = async (header, token) => {
    const sinceFailure = Date.now() - failedAt;
    if (sinceFailure < cooldownMs) {
      const fallback = staleKeys();
      if (fallback) return fallback(header, token);
    }
    if (failedAt > Number.NEGATIVE_INFINITY && keys.jwks() === undefined) {
      // The one retry, shared by every request; a request that comes while it is under way is not held either.
      if (sinceFailure >= retryMs && !keys.reloading) retry();
      throw unavailable();
    }
    try {
      const key = await keys(header, token);
      gotKeys();
      return key;
    } catch (err) {
      if (TOKEN_KEY_ERRORS.some((type) => err instanceof type)) throw err;
      failed();
      const fallback = staleKeys();
      if (fallback) return fallback(header, token);
      throw unavailable(err);
    }
  };
  const prefetch = async (recovered?: (recovery: KeysRecovered) => void): Promise<HttpProblem | undefined> => {
    onRecovered = recovered;
    if (keys.jwks() !== undefined || failedAt > Number.NEGATIVE_INFINITY) return undefined;
    try {
      await keys.reload();
      return undefined;
    } catch (err) {
      failed();
      return unavailable(err);
    }
  };
  const close = (): void => {
    closed.abort();
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };
  return Object.assign(getKey, { prefetch, close });
};

export const localJwks = (jwks: JSONWebKeySet): JWTVerifyGetKey => createLocalJWKSet(jwks);

/**
 * Signature checks are the dearest step of an authenticated request (WebCrypto on the thread
 * pool), and a client sends the same token for its whole lifetime: a verified token is answered
 * without a check for 5 minutes after it, then checked again against the key set (so a key the
 * issuer withdraws stops its tokens within 5 minutes of the key set's next read); keyed by the full
 * token string, so nothing is trusted that was not verified.
 * It is remembered as accepted until it expires (`acceptedBefore`): past its address's refused-token
 * budget (app.ts) such a token is still checked, where any other is refused unchecked. Remembered
 * only until its 5 minutes, a traveller using a token all along was refused 5 minutes after its first
 * check whenever someone behind the same address sent bad tokens.
 */
const VERIFIED_TTL_MS = 5 * 60_000;

interface Accepted {
  readonly user: AuthenticatedUser;
  /** Date.now() of its last signature check. */
  readonly checkedAt: number;
}

const isRemote = (keys: JWTVerifyGetKey): keys is RemoteJwks => 'prefetch' in keys && typeof keys.prefetch === 'function';

export const createTokenVerifier = (keys: JWTVerifyGetKey, issuer: string, audience: string): TokenVerifier => {
  const accepted = new LRUCache<string, Accepted>({ max: 10_000 });
  const verified = (token: string): AuthenticatedUser | undefined => {
    const known = accepted.get(token);
    return known !== undefined && Date.now() - known.checkedAt < VERIFIED_TTL_MS ? known.user : undefined;
  };
  let closing = false;
  const remote = isRemote(keys) ? keys : undefined;
  return {
    verified,
    acceptedBefore: (token) => accepted.has(token),
    // A key set in memory (the issuer's own ring) has nothing to fetch.
    prefetch: remote
      ? (log) => {
          const recovered = (recovery: KeysRecovered): void => {
            if (!closing) log.info({ jwks: 'recovered', ...recovery }, KEYS_RECOVERED_MSG);
          };
          void remote.prefetch(recovered).then((failure) => {
            if (failure && !closing) logFailure(log, failure, { jwks: 'prefetch' }, 'the token-signing keys could not be fetched at start; tokens are answered 503 until a later fetch succeeds');
          });
        }
      : undefined,
    close: remote
      ? () => {
          closing = true;
          remote.close();
        }
      : undefined,
    async verify(token) {
      const known = verified(token);
      if (known) return known;
      // Refused now (its key withdrawn): no longer accepted, so past the budget it is refused unchecked.
      const user = await verifyOnce(keys, issuer, audience, token).catch((err: unknown) => {
        accepted.delete(token);
        throw err;
      });
      accepted.set(token, { user: user.user, checkedAt: Date.now() }, { ttl: Math.max(1, user.expiresAtMs - Date.now()) });
      return user.user;
    },
  };
};

const verifyOnce = async (keys: JWTVerifyGetKey, issuer: string, audience: string, token: string): Promise<{ user: AuthenticatedUser; expiresAtMs: number }> => {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['EdDSA', 'ES256'], requiredClaims: ['exp'] });
    if (typeof payload.sub !== 'string' || !payload.sub) throw new HttpProblem(401, 'The access token has no subject');
    const sid = payload[SESSION_REVOCATIONS.claim];
    return {
      user: { id: payload.sub, email: typeof payload.email === 'string' ? payload.email : undefined, issuedAtMs: issuedAtMs(payload.iat), sessionId: typeof sid === 'string' && sid ? sid : undefined },
      expiresAtMs: (payload.exp ?? 0) * 1000,
    };
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    const detail =
      err instanceof joseErrors.JWTExpired
        ? 'The access token has expired'
        : err instanceof joseErrors.JOSEError
          ? `The access token is not valid (${err.code})`
          : 'The access token could not be verified';
    throw new HttpProblem(401, detail);
  }
};

/**
 * The WWW-Authenticate challenge of a 401 (RFC 9110 15.5.2: a 401 MUST carry one; RFC 6750 3): `Bearer`
 * alone when no token came, with `error="invalid_request"` for an Authorization header that is not a
 * bearer token, `error="invalid_token"` for a token refused (expired, badly signed, its account gone).
 * A client tells "sign in again" from the rest by it, and HTTP libraries that read it (to retry with
 * a fresh token) find it.
 */
export const bearerChallenge = (error?: 'invalid_request' | 'invalid_token'): Readonly<Record<string, string>> => ({
  'www-authenticate': error === undefined ? 'Bearer' : `Bearer error="${error}"`,
});

// The usual form, checked with test() and cut with slice(): exec's match array was about 130 bytes of
// garbage on every authenticated request (issue 15). Every other form goes through the full pattern.
const PLAIN_BEARER = /^Bearer \S+$/;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The bearer token of an Authorization header, or undefined when there is none. */
export const bearerToken = (header: string | undefined): string | undefined => {
  if (!header) return undefined;
  if (PLAIN_BEARER.test(header)) return header.slice(7);
  const m = BEARER.exec(header);
  if (!m) throw new HttpProblem(401, 'The Authorization header must be "Bearer <accessToken>"', {}, bearerChallenge('invalid_request'));
  return m[1];
};

/** The verifier of a service that is not the issuer: the issuer's JWKS from JWKS_URL (its contract requires it). */
export const remoteTokenVerifier = (config: { readonly jwksUrl: string | undefined; readonly jwtIssuer: string; readonly jwtAudience: string }): TokenVerifier => {
  if (!config.jwksUrl) throw new Error('JWKS_URL is required to verify tokens of another issuer');
  return createTokenVerifier(remoteJwks(config.jwksUrl), config.jwtIssuer, config.jwtAudience);
};
