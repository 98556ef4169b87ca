/**
 * A fresh pod fetches the issuer's keys as it starts, not on its first traveller's request: a real
 * app (real Redis) behind an HTTP key set standing in for the user service's JWKS (answering late,
 * failing, or accepting and never answering), counting its fetches.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { HEALTH_PATHS } from '@tripgen/catalog';
import { createApp, type App } from '../app.ts';
import type { ServiceConfig } from '../config.ts';
import { standInConfig } from '../../test/stand-in-env.ts';
import { createTokenVerifier, KEYS_RECOVERED_MSG, remoteJwks, remoteTokenVerifier, type TokenVerifier } from './jwt.ts';

type Answer = { readonly keysAfterMs: number } | 'error' | 'stall';

interface Issuer {
  readonly url: string;
  /** Key-set requests received. */
  fetches: number;
  /** Key sets sent. */
  answered: number;
  /** Settles at the next key-set request: the slow path of a request that had to fetch. */
  readonly nextFetch: () => Promise<'fetched'>;
  answer: Answer;
  /** Connections open now. */
  readonly sockets: Set<Socket>;
  /** Connections that carry a key-set request and are open now (a stalled fetch keeps its own until it is aborted). */
  readonly asking: Set<Socket>;
  readonly close: () => Promise<void>;
}

/** Not a key-set request: answers at once with how many key-set requests are still open. */
const PROBE_PATH = '/probe';

const startIssuer = async (answer: Answer, keys: JWK[]): Promise<Issuer> => {
  const sockets = new Set<Socket>();
  const asking = new Set<Socket>();
  const fetchWaiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    if (req.url === PROBE_PATH) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ asking: asking.size }));
    issuer.fetches += 1;
    for (const w of fetchWaiters.splice(0)) w();
    // Not a bare connection: undici may open a spare one of its own when a request is aborted.
    asking.add(req.socket);
    req.socket.on('close', () => asking.delete(req.socket));
    const now = issuer.answer;
    if (now === 'stall') return;
    if (now === 'error') return void res.writeHead(500).end('upstream exploded');
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      issuer.answered += 1;
    }, now.keysAfterMs);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer: Issuer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    fetches: 0,
    answered: 0,
    nextFetch: () => new Promise<'fetched'>((r) => fetchWaiters.push(() => r('fetched'))),
    answer,
    sockets,
    asking,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
  return issuer;
};

const configFor = (jwksUrl: string): ServiceConfig => standInConfig(jwksUrl, 'warn');

/** The app's log lines, parsed. */
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

/** The app's warnings of a start fetch that failed. */
const warned = () => lines.filter((l) => String(l.msg).startsWith('the token-signing keys could not be fetched at start'));
/** The app's lines saying the keys came after a failure. */
const recovered = () => lines.filter((l) => l.msg === KEYS_RECOVERED_MSG);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  lines.length = 0;
});

const startApp = async (config: ServiceConfig, verifier: TokenVerifier, level = 'warn'): Promise<App> => {
  const app = await createApp({
    config,
    database: { ping: async () => undefined, close: async () => undefined },
    verifier,
    logger: { level, stream: sink },
    domain: async (a) => {
      a.get('/api/v1/trips/mine', async (req) => ({ user: req.user?.id }));
    },
  });
  await app.ready();
  return app;
};

const newKey = async (): Promise<{ privateKey: CryptoKey; jwk: JWK }> => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' } };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const get = async (app: App, token: string) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/trips/mine', headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, retryAfter: res.headers['retry-after'] };
};

/**
 * The request raced against the issuer's next key-set request: 'fetched' when the request (or
 * anything meanwhile) went to the issuer before it was answered, i.e. it was not answered at once
 * from what the app already had.
 */
const getBeforeAnyFetch = (app: App, issuer: Issuer, token: string) => Promise.race([get(app, token), issuer.nextFetch()]);

describe('the key set fetched as the app starts', () => {
  it('is there for the first request: once the start fetch (answered in 500 ms) is in, the first token is verified without a fetch of its own', async () => {
    const key = await newKey();
    const issuer = await startIssuer({ keysAfterMs: 500 }, [key.jwk]);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    const app = await startApp(config, remoteTokenVerifier(config));
    cleanups.push(() => app.close());
    // Readiness does not wait for the keys (docs/runbooks.md "token-signing keys").
    expect((await app.inject({ method: 'GET', url: HEALTH_PATHS.readiness })).statusCode).toBe(200);
    // Before: no fetch until a token came (the timeout only keeps a broken start from hanging the test).
    await expect.poll(() => issuer.answered, { timeout: 5_000 }).toBe(1);
    expect(issuer.fetches).toBe(1);
    // From here the issuer would hold a fetch: a request that needed one loses the race below.
    issuer.answer = 'stall';
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject('u-1').setIssuer(config.jwtIssuer).setAudience(config.jwtAudience).setExpirationTime('5m').sign(key.privateKey);
    const first = await getBeforeAnyFetch(app, issuer, token);
    console.log(`first authenticated request after the start fetch, issuer answering in 500 ms: ${JSON.stringify(first)}, fetches ${issuer.fetches}`);
    expect(first).toMatchObject({ status: 200 });
    expect(issuer.fetches).toBe(1);
  });

  it('that fails is one warning, not an unhandled rejection; the first request gets its 503 at once, saying when it asks again', async () => {
    const key = await newKey();
    const issuer = await startIssuer('error', [key.jwk]);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    // Long enough that the request below comes before the retry.
    const retryMs = 1_000;
    const app = await startApp(config, createTokenVerifier(remoteJwks(issuer.url, { retryMs }), config.jwtIssuer, config.jwtAudience));
    cleanups.push(() => app.close());
    await expect.poll(() => warned().length).toBe(1);
    expect(warned()[0]).toMatchObject({ level: 40, outage: expect.any(Array) });
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject('u-2').setIssuer(config.jwtIssuer).setAudience(config.jwtAudience).setExpirationTime('5m').sign(key.privateKey);
    // Were the request to fetch (and wait for it), the issuer would hold it: it loses the race below.
    issuer.answer = 'stall';
    const first = await getBeforeAnyFetch(app, issuer, token);
    expect(first).toMatchObject({ status: 503, retryAfter: '1' });
    expect(issuer.fetches).toBe(1);
    expect(warned()).toHaveLength(1);
  });

  it('that fails is asked again every retryMs in the background with no request coming, so that the first request once the issuer is back is a 200', async () => {
    const key = await newKey();
    const issuer = await startIssuer('error', [key.jwk]);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    const retryMs = 500;
    const started = performance.now();
    // At info: the line that says the keys came (KEYS_RECOVERED_MSG) is what the first request waits for.
    const app = await startApp(config, createTokenVerifier(remoteJwks(issuer.url, { retryMs }), config.jwtIssuer, config.jwtAudience), 'info');
    cleanups.push(() => app.close());
    await expect.poll(() => warned().length).toBe(1);
    // No request at all: a pod out of traffic (a quiet hour, a canary) asks all the same, once per
    // retryMs (a retry after each failure), and logs none of those failures again. Waited for, not
    // slept: under load (CPU hogs beside two test files) 1.5 s saw 5 fetches, a retry is late or early to a timer.
    await expect.poll(() => issuer.fetches, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const elapsedMs = performance.now() - started;
    console.log(`issuer failing, no request: ${issuer.fetches} fetches (the start's included) ${elapsedMs.toFixed(0)} ms after the start, retryMs ${retryMs}`);
    // Before: 1 (the start's; the retry waited for a request). None sooner than retryMs after the one before.
    expect(issuer.fetches).toBeLessThanOrEqual(1 + Math.floor(elapsedMs / retryMs));
    expect(warned()).toHaveLength(1);
    // The issuer back, still no request: the next retry gets the keys and the first request finds them.
    issuer.answer = { keysAfterMs: 0 };
    const fetchesBack = issuer.fetches;
    const backAt = performance.now();
    // The keys in, as the app says: the issuer's answer sent is not yet the keys read, and a request meanwhile is
    // answered 503 at once (not held for the retry under way): 300 ms between them, as a loaded event loop, failed
    // 'expected 503 to be 200' when this waited for the answer alone.
    await expect.poll(() => recovered().length, { timeout: 30_000 }).toBe(1);
    expect(issuer.answered).toBe(1);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject('u-3').setIssuer(config.jwtIssuer).setAudience(config.jwtAudience).setExpirationTime('5m').sign(key.privateKey);
    const first = await get(app, token);
    console.log(`first request ${(performance.now() - backAt).toFixed(0)} ms after the issuer came back, its retry answered: ${first.status}`);
    // Before: 503 (this request set the retry off).
    expect(first.status).toBe(200);
    expect(issuer.fetches).toBe(fetchesBack + 1);
    // The keys in, the retries stop.
    await sleep(retryMs * 2);
    expect(issuer.fetches).toBe(fetchesBack + 1);
    expect(warned()).toHaveLength(1);
  });

  it('that fails and then gets its keys says so once at info (the warning\'s counterpart), not again at the fetches after', async () => {
    const key = await newKey();
    const issuer = await startIssuer('error', [key.jwk]);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    const retryMs = 300;
    // The keys go stale, and the failures' cooldown ends, as fast as the retries come: the requests below refetch them.
    const app = await startApp(config, createTokenVerifier(remoteJwks(issuer.url, { retryMs, cacheMaxAgeMs: retryMs, cooldownMs: retryMs }), config.jwtIssuer, config.jwtAudience), 'info');
    cleanups.push(() => app.close());
    await expect.poll(() => warned().length).toBe(1);
    await sleep(retryMs * 2);
    // The retries' failures: no line, and no recovery yet.
    expect(recovered()).toEqual([]);
    const failedFetches = issuer.fetches;
    issuer.answer = { keysAfterMs: 0 };
    // Before: none ever (the warning stayed the operator's last word).
    await expect.poll(() => recovered().length, { timeout: retryMs * 4 }).toBe(1);
    expect(issuer.fetches).toBe(failedFetches + 1);
    const [line] = recovered();
    console.log(`keys back after failing: ${JSON.stringify(line)}`);
    expect(line).toMatchObject({ level: 30, jwks: 'recovered', failedFetches, unavailableMs: expect.any(Number) });
    expect(line!.unavailableMs).toBeGreaterThanOrEqual(retryMs * 2);
    // Fetches after, the keys in hand (each request finds them stale and fetches): nothing more said.
    for (const subject of ['u-4', 'u-5']) {
      await sleep(retryMs + 50);
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject(subject).setIssuer(config.jwtIssuer).setAudience(config.jwtAudience).setExpirationTime('5m').sign(key.privateKey);
      expect((await get(app, token)).status).toBe(200);
    }
    expect(issuer.fetches).toBeGreaterThanOrEqual(failedFetches + 3);
    expect(recovered()).toHaveLength(1);
    expect(warned()).toHaveLength(1);
  });

  it('does not hold the shutdown: close returns promptly and stops the retries of a start fetch that failed', async () => {
    const issuer = await startIssuer('error', []);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    const retryMs = 300;
    const app = await startApp(config, createTokenVerifier(remoteJwks(issuer.url, { retryMs }), config.jwtIssuer, config.jwtAudience));
    await expect.poll(() => issuer.fetches).toBe(2);
    // Close settles before the next retry would have asked: it waits for none.
    expect(await Promise.race([app.close().then(() => 'closed'), issuer.nextFetch()])).toBe('closed');
    const atClose = issuer.fetches;
    await sleep(retryMs * 3);
    expect(issuer.fetches).toBe(atClose);
  });

  it('does not keep a process alive: one whose fetch failed and that is never closed ends by itself', async () => {
    // The retry timer is unref'd: a process ending (a CLI, a test worker) does not wait retryMs for it.
    const script = `import { remoteJwks } from './src/auth/jwt.ts';
      const failure = await remoteJwks('http://127.0.0.1:1/jwks.json', { retryMs: 60_000 }).prefetch();
      // Ref'd timers only: the 60 s retry counts here unless it was unref'd. One that would hold the
      // process is reported and the process leaves, so the test fails on the count, not its timeout.
      const holding = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      console.log(failure?.statusCode, holding);
      if (holding > 0) process.exit(0);`;
    // The exec timeout only keeps a regression from hanging the test; the count above tells.
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url), timeout: 60_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
    );
    expect(out.trim()).toBe('503 0');
    // Under load a child's start through tsx alone took past the 10 s this allowed (killed, the test failed on that).
  }, 90_000);

  it('does not hold the shutdown: close aborts a start fetch under way on an issuer that never answers', async () => {
    const issuer = await startIssuer('stall', []);
    cleanups.push(issuer.close);
    const config = configFor(issuer.url);
    const app = await startApp(config, remoteTokenVerifier(config));
    await expect.poll(() => issuer.fetches).toBe(1);
    expect(issuer.asking.size).toBeGreaterThan(0);
    await app.close();
    // Aborted, not left to its 2 s timeout: the issuer has seen that connection close by the time it
    // answers a request sent after close (on a new connection, so behind the abort's FIN).
    const probe = await fetch(new URL(PROBE_PATH, issuer.url));
    expect(await probe.json()).toEqual({ asking: 0 });
    // And no warning for a fetch the app itself gave up.
    await sleep(50);
    expect(warned()).toEqual([]);
  });
});
