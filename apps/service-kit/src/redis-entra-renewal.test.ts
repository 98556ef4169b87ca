/**
 * When the kit's Redis connections get their new Entra token, against the credential the pods use:
 * @azure/identity's WorkloadIdentityCredential answers getToken from MSAL's cache, the same token,
 * until it is within 5 minutes of its expiry (msal-node ClientCredentialClient: a cached token is
 * renewed once it expires within `tokenRenewalOffsetSeconds`, msal-common
 * DEFAULT_TOKEN_RENEWAL_OFFSET_SEC = 300; @azure/identity 4.13 asks acquireTokenByClientCredential,
 * which looks in that cache first). Azure's advice ("Best practices for Microsoft Entra
 * authentication", learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication):
 * send the new token at least 3 minutes before the old one expires, to avoid connections disrupted.
 * Fake clocks (Date and timers): when each new token reaches the kit is computed, not measured.
 */
import { AuthenticationRequiredError, type AccessToken, type TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRA_REAUTH_MARGIN_MS, REDIS_ENTRA_SCOPE, redisTokenAuth, type RenewalReport } from './redis.ts';
import { capturedLogger, quietLogger } from '@tripgen/testing';

const MSAL_RENEWAL_OFFSET_MS = 300_000;
const MINUTE = 60_000;

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Entra issuing tokens of `lifetimeMs` behind MSAL's cache, as the pods' credential answers. */
const msalLikeCredential = (lifetimeMs: number, networkDown: () => boolean = () => false): TokenCredential & { issued: number } => {
  let cached: AccessToken | undefined;
  const credential = {
    issued: 0,
    async getToken(): Promise<AccessToken> {
      if (!cached || cached.expiresOnTimestamp - Date.now() < MSAL_RENEWAL_OFFSET_MS) {
        // Entra out of reach as WorkloadIdentityCredential reports it (MSAL's code, redis-entra.test.ts).
        if (networkDown()) throw new AuthenticationRequiredError({ scopes: [REDIS_ENTRA_SCOPE], message: 'network_error: Network request failed' });
        credential.issued += 1;
        cached = { token: `${b64url({ alg: 'RS256' })}.${b64url({ oid: 'identity', n: credential.issued })}.sig`, expiresOnTimestamp: Date.now() + lifetimeMs };
      }
      return cached;
    },
  };
  return credential;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('Entra token renewal for Redis, against a credential that caches its tokens as MSAL does', () => {
  it.each([60, 75, 90])('a %i-minute token: each new one is applied at least 3 minutes before the one it replaces expires', async (minutes) => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.UTC(2026, 11, 7, 9, 0) });
    const credential = msalLikeCredential(minutes * MINUTE);
    const applied: { at: number; report: RenewalReport }[] = [];
    const auth = redisTokenAuth({ credential, log: quietLogger, onRenewed: (report) => applied.push({ at: Date.now(), report }) });
    try {
      // Four lifetimes: three replacements.
      for (let t = 0; t < 4 * minutes; t++) await vi.advanceTimersByTimeAsync(MINUTE);
    } finally {
      auth.close();
    }
    expect(applied.length).toBeGreaterThanOrEqual(4);
    const margins = applied.slice(1).map(({ at }, i) => (applied[i]!.report.expiresOnTimestamp - at) / MINUTE);
    expect(margins.filter((m) => m < ENTRA_REAUTH_MARGIN_MS / MINUTE)).toEqual([]);
  });
});

describe('Entra token renewal for Redis while the credential fails', () => {
  it('asks no more often than every retry interval once the last token has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.UTC(2026, 11, 7, 9, 0) });
    const inner = msalLikeCredential(60 * MINUTE);
    // Entra answers once, then is out of reach (or refuses the pod's assertion) for good.
    let asked = 0;
    const credential: TokenCredential = {
      async getToken(scopes) {
        asked += 1;
        if (asked === 1) return inner.getToken(scopes);
        throw new Error('AADSTS700024: client assertion is not within its valid time range');
      },
    };
    const retryMs = 5_000;
    const auth = redisTokenAuth({ credential, log: quietLogger, retryMs });
    try {
      // To the token's expiry: halving the wait as the expiry nears is bounded (a few dozen asks).
      await vi.advanceTimersByTimeAsync(60 * MINUTE);
      const byExpiry = asked;
      // Ten minutes after it: every retry interval, not every MIN_DELAY (250 ms: 2,400 asks).
      await vi.advanceTimersByTimeAsync(10 * MINUTE);
      expect(asked - byExpiry).toBeLessThanOrEqual((10 * MINUTE) / retryMs + 1);
    } finally {
      auth.close();
    }
  });
});

describe('Entra out of reach for the Redis token, for long', () => {
  it('warns while it is short, logs at error once it has lasted 10 minutes (before the token in hand expires), and warns again for the next one after a token came', async () => {
    const start = Date.UTC(2026, 11, 7, 9, 0);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: start });
    const inner = msalLikeCredential(60 * MINUTE);
    // Entra out of reach (a blocked egress: MSAL's `network_error`, as WorkloadIdentityCredential
    // reports it, redis-entra.test.ts) from minute 40 to 56, and from minute 95 to 100.
    const down = (t: number) => (t >= 40 * MINUTE && t < 56 * MINUTE) || (t >= 95 * MINUTE && t < 100 * MINUTE);
    const credential: TokenCredential = {
      async getToken(scopes) {
        if (down(Date.now() - start)) throw new AuthenticationRequiredError({ scopes: [REDIS_ENTRA_SCOPE], message: 'network_error: Network request failed' });
        return inner.getToken(scopes);
      },
    };
    const { logger, lines } = capturedLogger();
    const seen: { minute: number; level: number; outageForSeconds?: number }[] = [];
    // What the pod's gauge (catalog ENTRA_TOKEN_OUTAGE.failingMetric, dependency="redis") reads, at each minute.
    const outage = new Map<number, number>();
    const auth = redisTokenAuth({ credential, log: { info: logger.info.bind(logger), warn: logger.warn.bind(logger), error: logger.error.bind(logger) } });
    try {
      for (let t = 0; t < 110; t++) {
        await vi.advanceTimersByTimeAsync(MINUTE);
        for (const l of lines.splice(0)) if (l.msg === 'no Entra token for redis; retrying') seen.push({ minute: t, level: l.level as number, outageForSeconds: l.outageForSeconds as number | undefined });
        outage.set(t + 1, auth.outageSeconds());
      }
    } finally {
      auth.close();
    }
    // The bound (redis.ts ENTRA_OUTAGE_ESCALATE_MS), as the runbook states it.
    const escalateMinutes = 10;
    const first = seen.filter((l) => l.minute < 60);
    // The token asked at 70 % of its hour (minute 42) is refused until minute 56: 14 minutes of retries.
    expect(first.length).toBeGreaterThan(20);
    expect(first.filter((l) => l.minute < 42 + escalateMinutes - 1).map((l) => l.level)).toEqual(expect.arrayContaining([40]));
    expect(first.filter((l) => l.minute < 42 + escalateMinutes - 1).every((l) => l.level === 40)).toBe(true);
    // Before: every one at warn (40) for as long as it lasted.
    const escalated = first.filter((l) => l.level === 50);
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated[0]!.minute).toBeLessThan(60 - ENTRA_REAUTH_MARGIN_MS / MINUTE);
    expect(escalated.every((l) => (l.outageForSeconds ?? 0) >= escalateMinutes * 60)).toBe(true);
    // The gauge: 0 before, the outage's length while it lasts (from the refused ask at minute 42), 0 once a token came.
    expect(outage.get(40)).toBe(0);
    expect(outage.get(54)).toBeGreaterThanOrEqual(11 * 60);
    expect(outage.get(54)).toBeLessThanOrEqual(12 * 60);
    expect(outage.get(58)).toBe(0);
    // The second outage, after a token came at minute 56: a new one, short, at warn.
    const second = seen.filter((l) => l.minute >= 95);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((l) => l.level === 40)).toBe(true);
  });
});

describe('Entra out of reach for the Redis token, behind MSAL\'s cache', () => {
  it('the first failure comes in the token\'s last minutes (the cache answers before): at error before the token expires, not 10 minutes later', async () => {
    const start = Date.UTC(2026, 11, 7, 9, 0);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: start });
    // Egress to Entra blocked from minute 30 on (a firewall rule): the 60-minute token expires at minute 60.
    const credential = msalLikeCredential(60 * MINUTE, () => Date.now() - start >= 30 * MINUTE);
    const { logger, lines } = capturedLogger();
    const seen: { at: number; level: number }[] = [];
    const auth = redisTokenAuth({ credential, log: { info: logger.info.bind(logger), warn: logger.warn.bind(logger), error: logger.error.bind(logger) } });
    try {
      for (let t = 0; t < 70 * 6; t++) {
        await vi.advanceTimersByTimeAsync(10_000);
        for (const l of lines.splice(0)) if (l.msg === 'no Entra token for redis; retrying') seen.push({ at: (Date.now() - start) / MINUTE, level: l.level as number });
      }
    } finally {
      auth.close();
    }
    // Nothing fails while MSAL answers from its cache; the first ask that reaches Entra is the one 4 minutes before the expiry.
    expect(seen[0]!.at).toBeGreaterThan(55);
    expect(seen[0]!.level).toBe(40);
    // Before: at warn until 10 minutes after that (past the expiry, Redis dropping the connections at 60).
    const firstError = seen.find((l) => l.level === 50);
    expect(firstError?.at).toBeLessThanOrEqual(60 - ENTRA_REAUTH_MARGIN_MS / MINUTE + 1 / 6);
    expect(seen.filter((l) => l.at > firstError!.at).every((l) => l.level === 50)).toBe(true);
  });
});

describe('Entra out of reach for the Redis token, its packets dropped', () => {
  it('counts the outage from the ask that got no answer, not from its failure minutes later: the gauge passes the alert\'s bound before the token expires', async () => {
    const start = Date.UTC(2026, 11, 7, 9, 0);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: start });
    // A firewall or proxy that drops the packets (an NSG deny): @azure/identity sets no timeout on its
    // requests to Entra (identityClient.js sendPostRequestAsync), so each waits for Linux's TCP connect
    // timeout (tcp_syn_retries 6: 127 s) and the pipeline's retries (3): the ask fails about 8.5
    // minutes after it began. From minute 30 on; the 60-minute token expires at minute 60.
    const DROPPED_ASK_MS = 4 * 127_000;
    const dropped = () => Date.now() - start >= 30 * MINUTE;
    const inner = msalLikeCredential(60 * MINUTE);
    let cached: AccessToken | undefined;
    const credential: TokenCredential = {
      async getToken(scopes) {
        // MSAL's cache answers without a request until the token's last 5 minutes.
        if (cached && cached.expiresOnTimestamp - Date.now() >= MSAL_RENEWAL_OFFSET_MS) return cached;
        if (dropped()) {
          await new Promise((resolve) => setTimeout(resolve, DROPPED_ASK_MS));
          throw new AuthenticationRequiredError({ scopes: [REDIS_ENTRA_SCOPE], message: 'network_error: Network request failed' });
        }
        const token = await inner.getToken(scopes);
        cached = token ?? undefined;
        return token;
      },
    };
    const { logger, lines } = capturedLogger();
    const gauge = new Map<number, number>();
    const auth = redisTokenAuth({ credential, log: { info: logger.info.bind(logger), warn: logger.warn.bind(logger), error: logger.error.bind(logger) } });
    try {
      for (let t = 0; t < 70 * 6; t++) {
        await vi.advanceTimersByTimeAsync(10_000);
        gauge.set((Date.now() - start) / 1000, auth.outageSeconds());
      }
    } finally {
      auth.close();
    }
    const at = (minute: number) => gauge.get(minute * 60)!;
    // The ask that reached Entra began 4 minutes before the expiry; 2 minutes on (ENTRA_TOKEN_OUTAGE.alertAfterMs)
    // the gauge is past the alert's bound, a minute and more before Redis drops the connections at 60.
    // Before: 0 at minute 59 (no failure yet), past 120 s only at about minute 66.5.
    expect(at(55)).toBe(0);
    expect(at(58.5)).toBeGreaterThan(120);
    expect(at(59)).toBeGreaterThan(150);
    // The first failure line says when the outage began: at the ask, not at its failure.
    const first = lines.find((l) => l.msg === 'no Entra token for redis; retrying')!;
    expect(first).toMatchObject({ level: 50 });
    expect(Date.parse(String(first.outageSince)) - start).toBeLessThan(57 * MINUTE);
  });
});
