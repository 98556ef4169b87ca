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
import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRA_REAUTH_MARGIN_MS, redisTokenAuth, type RenewalReport } from './redis.ts';
import { quietLogger } from '@tripgen/testing';

const MSAL_RENEWAL_OFFSET_MS = 300_000;
const MINUTE = 60_000;

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Entra issuing tokens of `lifetimeMs` behind MSAL's cache, as the pods' credential answers. */
const msalLikeCredential = (lifetimeMs: number): TokenCredential & { issued: number } => {
  let cached: AccessToken | undefined;
  const credential = {
    issued: 0,
    async getToken(): Promise<AccessToken> {
      if (!cached || cached.expiresOnTimestamp - Date.now() < MSAL_RENEWAL_OFFSET_MS) {
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
