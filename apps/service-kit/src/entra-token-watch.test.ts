/**
 * Entra out of reach for a pod's PostgreSQL and Service Bus tokens, against a credential that caches
 * its tokens as the pods' does: @azure/identity's WorkloadIdentityCredential answers getToken from
 * MSAL's cache until the token is within 5 minutes of its expiry (msal-common
 * DEFAULT_TOKEN_RENEWAL_OFFSET_SEC = 300; redis-entra-renewal.test.ts), and reports Entra out of
 * reach as MSAL's `network_error` (redis-entra.test.ts). Who asks, and when, is the real caller for
 * PostgreSQL (entraTokenPassword, a pool opening a connection every 30 s) and, for Service Bus, the
 * schedule of @azure/service-bus 7.9 (dist-esm/src/core/linkEntity.js `_negotiateClaim` and
 * `_ensureTokenRenewal`: a link asks when it opens, again 2 minutes before the token's expiry, and a
 * failure of that renewal goes to the SDK's own logger only; the service closes the link at the
 * expiry and the SDK reopens it, asking again at each attempt). Fake clocks (Date and timers).
 */
import { AuthenticationRequiredError, type AccessToken, type TokenCredential } from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRA_TOKEN_OUTAGE } from '@tripgen/catalog';
import { capturedLogger } from '@tripgen/testing';
import { entraTokenOutageSeconds, longestOutageSeconds, watchEntraTokens } from './entra-token-watch.ts';
import { redisTokenAuth } from './redis.ts';
import { entraTokenPassword, POSTGRES_ENTRA_SCOPE } from './data/postgres-entra.ts';

const MSAL_RENEWAL_OFFSET_MS = 300_000;
const MINUTE = 60_000;
const SERVICE_BUS_SCOPE = 'https://servicebus.azure.net//.default';
const START = Date.UTC(2026, 11, 7, 9, 0);

const networkError = () => new AuthenticationRequiredError({ scopes: [POSTGRES_ENTRA_SCOPE], message: 'network_error: Network request failed' });

/** Entra issuing 60-minute tokens behind MSAL's cache; `down(minute)`: out of reach then. */
const msalLikeCredential = (down: (minute: number) => boolean): TokenCredential => {
  let cached: AccessToken | undefined;
  let issued = 0;
  return {
    async getToken() {
      if (!cached || cached.expiresOnTimestamp - Date.now() < MSAL_RENEWAL_OFFSET_MS) {
        if (down((Date.now() - START) / MINUTE)) throw networkError();
        issued += 1;
        cached = { token: `token-${issued}`, expiresOnTimestamp: Date.now() + 60 * MINUTE };
      }
      return cached;
    },
  };
};

interface Seen {
  readonly minute: number;
  readonly level: number;
  readonly outageSince?: string;
  readonly dependency?: string;
}

const seenLines = (lines: Record<string, unknown>[], msg: string, into: Seen[]) => {
  for (const l of lines.splice(0)) {
    if (l.msg === msg) into.push({ minute: (Date.now() - START) / MINUTE, level: l.level as number, outageSince: l.outageSince as string | undefined, dependency: l.dependency as string | undefined });
  }
};

afterEach(() => {
  vi.useRealTimers();
});

describe("Entra out of reach for a pod's PostgreSQL token", () => {
  it('is logged, at error before the token in hand expires, and the gauge counts it: before, the background refresh dropped every failure until new connections were refused', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    // Egress to Entra blocked from minute 30 on (a firewall rule): the 60-minute token expires at minute 60.
    const { logger, lines } = capturedLogger();
    const watch = watchEntraTokens(msalLikeCredential((m) => m >= 30), 'postgresql', { log: logger });
    const password = entraTokenPassword(watch.credential);
    const seen: Seen[] = [];
    const gauge = new Map<number, number>();
    let refused = 0;
    expect(await password()).toBe('token-1');
    // A pool opening a connection every 30 s: each asks the callback for its password.
    for (let t = 0; t < 70 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      await password().catch(() => (refused += 1));
      await vi.advanceTimersByTimeAsync(0);
      seenLines(lines, 'no Entra token for postgresql; retrying', seen);
      gauge.set((Date.now() - START) / MINUTE, entraTokenOutageSeconds('postgresql'));
    }
    // Nothing fails while MSAL answers from its cache (the callback's refresh asks at 70 % of the
    // remaining life: minutes 42, 54.5, 58.5); the first ask that reaches Entra fails, 1.5 minutes
    // before the expiry, and is at error at once (within the catalog's 3 minutes of it).
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.minute).toBeGreaterThan(55);
    expect(seen[0]!.minute).toBeLessThan(60);
    expect(seen[0]).toMatchObject({ level: 50, dependency: 'postgresql' });
    expect(Date.parse(seen[0]!.outageSince!)).toBeLessThan(START + 60 * MINUTE);
    expect(seen.every((l) => l.level === 50)).toBe(true);
    // New connections refused from the expiry on (that much was there before, unexplained).
    expect(refused).toBeGreaterThan(0);
    // The gauge: 0 while the cache answers, past the alert's 2 minutes 2 minutes after the first failure.
    expect(gauge.get(55)).toBe(0);
    expect(gauge.get(seen[0]!.minute + 2.5)).toBeGreaterThan(ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000);
  });

  it('at start (no token yet): at warn while it is short, at error once it has lasted 10 minutes; a token ends it', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const { logger, lines } = capturedLogger();
    const watch = watchEntraTokens(msalLikeCredential((m) => m < 14), 'postgresql', { log: logger });
    const password = entraTokenPassword(watch.credential);
    const seen: Seen[] = [];
    let gaugeAt13 = 0;
    for (let t = 0; t < 16 * 6; t++) {
      await password().catch(() => undefined);
      await vi.advanceTimersByTimeAsync(MINUTE / 6);
      seenLines(lines, 'no Entra token for postgresql; retrying', seen);
      if (t === 13 * 6) gaugeAt13 = entraTokenOutageSeconds('postgresql');
    }
    const early = seen.filter((l) => l.minute < ENTRA_TOKEN_OUTAGE.escalateAfterMs / MINUTE - 0.5);
    expect(early.length).toBeGreaterThan(3);
    expect(early.every((l) => l.level === 40)).toBe(true);
    const late = seen.filter((l) => l.minute > ENTRA_TOKEN_OUTAGE.escalateAfterMs / MINUTE + 0.5);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((l) => l.level === 50)).toBe(true);
    expect(gaugeAt13).toBeGreaterThanOrEqual(13 * 60);
    expect(await password()).toBe('token-1');
    expect(entraTokenOutageSeconds('postgresql')).toBe(0);
  });

  it('Entra refusing our configuration (invalid_client) is at error with its stack from the first', async () => {
    const { logger, lines } = capturedLogger();
    const refused: TokenCredential = {
      async getToken() {
        throw new AuthenticationRequiredError({ scopes: [POSTGRES_ENTRA_SCOPE], message: 'invalid_client: AADSTS700213: No matching federated identity record found' });
      },
    };
    const password = entraTokenPassword(watchEntraTokens(refused, 'postgresql', { log: logger }).credential);
    await expect(password()).rejects.toThrow(/invalid_client/);
    const line = lines.find((l) => l.msg === 'no Entra token for postgresql; retrying');
    expect(line).toMatchObject({ level: 50, dependency: 'postgresql', err: { message: expect.stringContaining('invalid_client'), stack: expect.stringContaining('    at ') } });
    expect(entraTokenOutageSeconds('postgresql')).toBe(0);
  });
});

describe("Entra out of reach for a pod's Service Bus token", () => {
  it("the SDK's renewal 2 minutes before the expiry fails: logged at error at once and the gauge counts it; before, only the SDK's own logger (off) heard it", async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const { logger, lines } = capturedLogger();
    // Blocked from minute 30 to 66.
    const watch = watchEntraTokens(msalLikeCredential((m) => m >= 30 && m < 66), 'servicebus', { log: logger });
    // One link, on the SDK's schedule (linkEntity.js): asks at open, renews 2 minutes before the
    // expiry; a failed renewal is not retried; at the expiry the service detaches the link and the
    // SDK reopens it, asking again at each attempt (every 30 s here).
    let expires = 0;
    const open = async (): Promise<void> => {
      try {
        const token = await watch.credential.getToken(SERVICE_BUS_SCOPE);
        expires = token!.expiresOnTimestamp;
        setTimeout(() => void open(), expires - Date.now() - 2 * MINUTE);
      } catch {
        // The renewal's failure: the link lives until the expiry, then is reopened.
        setTimeout(() => void open(), Math.max(expires - Date.now(), 30_000));
      }
    };
    await open();
    const seen: Seen[] = [];
    const gauge = new Map<number, number>();
    for (let t = 0; t < 70 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      seenLines(lines, 'no Entra token for servicebus; retrying', seen);
      gauge.set((Date.now() - START) / MINUTE, entraTokenOutageSeconds('servicebus'));
    }
    // The renewal at minute 58, within 3 minutes of the expiry: at error from the first.
    expect(seen[0]!.minute).toBeGreaterThanOrEqual(58);
    expect(seen[0]!.minute).toBeLessThan(60);
    expect(seen[0]).toMatchObject({ level: 50, dependency: 'servicebus' });
    expect(seen.filter((l) => l.minute < 66).every((l) => l.level === 50)).toBe(true);
    expect(gauge.get(57)).toBe(0);
    expect(gauge.get(60.5)).toBeGreaterThan(ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000);
    // Entra back at 66: the next reopening gets a token, the outage is over.
    expect(gauge.get(67)).toBe(0);
  });

  it('an ask left unanswered (packets dropped) counts from its start, before it fails', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const hanging: TokenCredential = {
      async getToken() {
        // @azure/identity sets no timeout: 4 x Linux's TCP connect timeout (127 s), then a failure.
        await new Promise((resolve) => setTimeout(resolve, 4 * 127_000));
        throw networkError();
      },
    };
    const watch = watchEntraTokens(hanging, 'servicebus', { log: capturedLogger().logger });
    const ask = watch.credential.getToken(SERVICE_BUS_SCOPE).catch(() => 'failed');
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(entraTokenOutageSeconds('servicebus')).toBeGreaterThanOrEqual(180);
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    expect(await ask).toBe('failed');
    expect(entraTokenOutageSeconds('servicebus')).toBeGreaterThanOrEqual(9 * 60);
  });
});

/** Entra behind the pods' credentials: each credential made has its own MSAL cache (an empty one when new), Entra's state shared. */
const entraOf = (down: (minute: number) => boolean) => {
  const entra = { issued: 0, credential: (): TokenCredential => undefined as unknown as TokenCredential };
  entra.credential = () => {
    let cached: AccessToken | undefined;
    return {
      async getToken() {
        if (!cached || cached.expiresOnTimestamp - Date.now() < MSAL_RENEWAL_OFFSET_MS) {
          if (down((Date.now() - START) / MINUTE)) throw networkError();
          entra.issued += 1;
          cached = { token: `token-${entra.issued}`, expiresOnTimestamp: Date.now() + 60 * MINUTE };
        }
        return cached;
      },
    };
  };
  return entra;
};

describe('Entra asked at half of each token\'s life, past MSAL\'s cache', () => {
  it('PostgreSQL: Entra out of reach from minute 35 shows at the ask of minute 60, the ticket by 62.5, 27.5 minutes before the token in hand (from the ask of minute 30) expires at 90; connections go on meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const entra = entraOf((m) => m >= 35);
    const { logger, lines } = capturedLogger();
    const watch = watchEntraTokens(entra.credential(), 'postgresql', { log: logger, fresh: entra.credential });
    const password = entraTokenPassword(watch.credential);
    const seen: Seen[] = [];
    const gauge = new Map<number, number>();
    let refused = 0;
    await password();
    for (let t = 0; t < 100 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      await password().catch(() => (refused += Date.now() - START < 90 * MINUTE ? 1 : 0));
      await vi.advanceTimersByTimeAsync(0);
      seenLines(lines, 'no Entra token for postgresql; retrying', seen);
      gauge.set((Date.now() - START) / MINUTE, entraTokenOutageSeconds('postgresql'));
    }
    // The ask at minute 30 got the token that expires at 90 (before: the cache's, expiring at 60).
    expect(entra.issued).toBe(2);
    expect(seen[0]!.minute).toBeGreaterThanOrEqual(60);
    expect(seen[0]!.minute).toBeLessThan(61);
    expect(seen[0]).toMatchObject({ level: 40, dependency: 'postgresql' });
    const alertAt = [...gauge].find(([, seconds]) => seconds > ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000)![0];
    // Before (no early ask): the first failing ask at 58.5, the gauge past 120 s at 60.5, after the expiry at 60.
    expect(90 - alertAt).toBeGreaterThanOrEqual(27.5);
    expect(refused).toBe(0);
    // At error once within 3 minutes of the expiry (or after 10 minutes, at 70).
    expect(seen.find((l) => l.level === 50)!.minute).toBeLessThanOrEqual(70.5);
  });

  it('Service Bus: the SDK\'s link takes the newer token at its renewal; Entra out of reach from minute 40 raises the ticket by 62.5 (its renewal at 58 fails past the cache and is counted), 27.5 minutes and more before the expiry at 90', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const entra = entraOf((m) => m >= 40);
    const watch = watchEntraTokens(entra.credential(), 'servicebus', { log: capturedLogger().logger, fresh: entra.credential });
    const negotiated: number[] = [];
    const open = async (): Promise<void> => {
      try {
        const token = await watch.credential.getToken(SERVICE_BUS_SCOPE);
        negotiated.push(token!.expiresOnTimestamp);
        setTimeout(() => void open(), token!.expiresOnTimestamp - Date.now() - 2 * MINUTE);
      } catch {
        setTimeout(() => void open(), 30_000);
      }
    };
    await open();
    const gauge = new Map<number, number>();
    for (let t = 0; t < 95 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      gauge.set((Date.now() - START) / MINUTE, entraTokenOutageSeconds('servicebus'));
    }
    // The renewal at minute 58 negotiated the token of the early ask (expiring at 90), not the cache's.
    expect(negotiated.map((e) => (e - START) / MINUTE)).toEqual([60, 90]);
    const alertAt = [...gauge].find(([, seconds]) => seconds > ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000)![0];
    expect(alertAt).toBeLessThanOrEqual(62.5);
    // Before: the renewal at 58 failed, the gauge past 120 s at 60, the link closed at the expiry (60).
  });

  it('Redis: the renewal takes the newer token; Entra out of reach from minute 30 raises the ticket by 32.5, 27.5 minutes before the expiry at 60 (before: 58.2, redis-entra-renewal.test.ts \'..., its packets dropped\')', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    const entra = entraOf((m) => m >= 30);
    const { logger, lines } = capturedLogger();
    const watch = watchEntraTokens(entra.credential(), 'redis', { log: logger, fresh: entra.credential, watchOwnAsks: false });
    const auth = redisTokenAuth({ credential: watch.credential, log: logger });
    const gauge = new Map<number, number>();
    try {
      for (let t = 0; t < 65 * 2; t++) {
        await vi.advanceTimersByTimeAsync(MINUTE / 2);
        // The pod's gauge for Redis (app.ts): its renewal's outage or the early asks'.
        gauge.set((Date.now() - START) / MINUTE, longestOutageSeconds(auth, watch));
      }
    } finally {
      auth.close();
    }
    const alertAt = [...gauge].find(([, seconds]) => seconds > ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000)![0];
    expect(alertAt).toBeLessThanOrEqual(32.5);
    const first = lines.find((l) => l.msg === 'no Entra token for redis; retrying')!;
    expect(first).toMatchObject({ level: 40, early: true });
    // One line per failed ask: the renewal's own failures are its own lines, not the watch's again.
    expect(lines.filter((l) => l.msg === 'no Entra token for redis; retrying' && l.early === undefined).length).toBeGreaterThan(0);
  });

  it("PostgreSQL: one failed ask of the pod's credential (Entra's 503, answered again at once) is no outage past the alert's 2 minutes: before, the token handed out in its place left nobody asking until the next half-life ask, the gauge at 810 s", async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    // Entra up throughout, but the first ask past minute 40 of the pod's own credential (the
    // callback's refresh past MSAL's cache, at minute 76) answered 503 once.
    const entra = entraOf(() => false);
    let blipAt: number | undefined;
    let lastOfPod: string | undefined;
    const pods = entra.credential();
    const pod: TokenCredential = {
      async getToken(scopes, options) {
        const minute = (Date.now() - START) / MINUTE;
        const token = await pods.getToken(scopes, options);
        // Past the cache (a new token): that ask is the one Entra fails, once.
        if (blipAt === undefined && minute > 40 && token!.token !== lastOfPod) {
          blipAt = minute;
          throw new AuthenticationRequiredError({ scopes: [POSTGRES_ENTRA_SCOPE], message: 'temporarily_unavailable: AADSTS50196: The server is temporarily unavailable.' });
        }
        lastOfPod = token!.token;
        return token;
      },
    };
    const { logger, lines } = capturedLogger();
    const watch = watchEntraTokens(pod, 'postgresql', { log: logger, fresh: entra.credential });
    const password = entraTokenPassword(watch.credential);
    await password();
    let longest = 0;
    let refused = 0;
    for (let t = 0; t < 120 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      await password().catch(() => (refused += 1));
      await vi.advanceTimersByTimeAsync(0);
      longest = Math.max(longest, entraTokenOutageSeconds('postgresql'));
    }
    expect(blipAt).toBeDefined();
    expect(lines.filter((l) => l.msg === 'no Entra token for postgresql; retrying')).toHaveLength(1);
    // Asked again 30 s on (EARLY_RETRY_MS), a token: the outage over well within the alert's 2 minutes.
    expect(longest).toBeLessThanOrEqual(60);
    expect(longest).toBeLessThan(ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000);
    expect(refused).toBe(0);
  });

  it("PostgreSQL: an ask of the pod's credential that never gets an answer (a stalled connection: @azure/identity has no timeout) held every new connection once the token in hand expired; now it is given up after ENTRA_ASK_TIMEOUT_MS and the early token serves", async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    // Entra answers; the pod's own credential's asks past its cache stall from minute 40 on, for good.
    const entra = entraOf(() => false);
    const pods = entra.credential();
    let stalled = 0;
    let first: string | undefined;
    const pod: TokenCredential = {
      async getToken(scopes, options) {
        const token = await pods.getToken(scopes, options);
        if ((Date.now() - START) / MINUTE > 40 && token!.token !== first) {
          stalled += 1;
          return new Promise<AccessToken>(() => undefined);
        }
        first ??= token!.token;
        return token;
      },
    };
    const watch = watchEntraTokens(pod, 'postgresql', { log: capturedLogger().logger, fresh: entra.credential });
    const password = entraTokenPassword(watch.credential);
    await password();
    let held = 0;
    let refused = 0;
    let longest = 0;
    for (let t = 0; t < 150 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      // A connection opening: given up on (pg's connectionTimeoutMillis) if its password takes 10 s.
      let settled = false;
      void password().then(
        () => (settled = true),
        () => ((settled = true), (refused += 1)),
      );
      await vi.advanceTimersByTimeAsync(10_000);
      if (!settled) held += 1;
      longest = Math.max(longest, entraTokenOutageSeconds('postgresql'));
    }
    expect(stalled).toBeGreaterThan(0);
    // Before: from minute 90 (the expiry of the token in hand) every connection waited, for good.
    expect(held).toBe(0);
    expect(refused).toBe(0);
    // Each stalled ask an outage of its 30 s and the early ask 30 s on: no ticket (before: the gauge grew without end).
    expect(longest).toBeLessThan(ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000);
  });
});


describe("Entra out of reach for an idle pod's token, and back", () => {
  it('Azure OpenAI: the outage ends when Entra answers again, though no reading asked for a token since (before: the gauge grew on, the ticket stayed open)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
    // Out of reach from minute 20 to 70; the token in hand (minute 0) expires at 60.
    const entra = entraOf((m) => m >= 20 && m < 70);
    const watch = watchEntraTokens(entra.credential(), 'azureopenai', { log: capturedLogger().logger, fresh: entra.credential });
    // The AI service's one reading (the adapter asks the token per call: ai-service llm/azure-openai.ts,
    // scope https://cognitiveservices.azure.com/.default), then none: the readings are cached, the night is quiet.
    await watch.credential.getToken('https://cognitiveservices.azure.com/.default');
    const gauge = new Map<number, number>();
    for (let t = 0; t < 90 * 2; t++) {
      await vi.advanceTimersByTimeAsync(MINUTE / 2);
      gauge.set((Date.now() - START) / MINUTE, entraTokenOutageSeconds('azureopenai'));
    }
    console.log(`idle azureopenai: gauge ${gauge.get(65)} s at minute 65, ${gauge.get(80)} s at 80, ${gauge.get(90)} s at 90; ${entra.issued} token(s) issued`);
    // The early asks failed from minute 30 (the ticket by 32.5) and while the token served ...
    expect(gauge.get(59)).toBeGreaterThan(ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000);
    // ... and go on past its expiry, every 30 s: Entra back at 70 ends the outage by 70.5 (before: 3,000 s at 80, 3,600 at 90).
    expect(gauge.get(71)).toBe(0);
    expect(gauge.get(90)).toBe(0);
    expect(entra.issued).toBeGreaterThanOrEqual(2);
  });
});
