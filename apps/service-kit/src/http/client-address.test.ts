/**
 * The anonymous rate limit keyed on the client, with X-Forwarded-For as the real chains send it.
 * prod: client -> Application Gateway (appends the client as `ip:port`) -> Istio ingress gateway
 * (Envoy with use_remote_address appends its downstream peer, an Application Gateway instance in
 * the gateway subnet; istio.io "Configuring Gateway Network Topology") -> the pod's sidecar
 * (appends nothing; the app's socket peer). dev: client -> NGINX Ingress (appends the client) -> app.
 * Real Redis and the real app factory; requests injected with the peer address the app would see.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { createApp, type App } from '../app.ts';
import { createTokenVerifier, localJwks } from '../auth/jwt.ts';
import { loadConfig } from '../config.ts';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { clientAddressKey } from './client-address.ts';
import { CURRENT_TARGET } from './preconditions.ts';

const MAX = 3;
/** The trip service's contract asks for its bus, the issuer's keys and its peers; this stand-in app uses none. */
const STAND_IN_ENV = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
  JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
};
const apps: App[] = [];
const pools: pg.Pool[] = [];

async function appTrusting(hops: number): Promise<App> {
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  pools.push(pool);
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), TRUST_PROXY_HOPS: String(hops), RATE_LIMIT_MAX: String(MAX), MAX_EVENT_LOOP_DELAY_MS: '0' });
  const app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: () => pool.end() },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    // Outside the trip service's public prefix, where the kit would ask every caller for a token.
    domain: async (a) => void a.get('/stand-in/trips/:id', { config: { target: async () => CURRENT_TARGET } }, async () => ({ ok: true })),
  });
  apps.push(app);
  return app;
}
afterAll(async () => {
  for (const a of apps) await a.close();
});

/** A fresh public address per run (the budget lives in the shared Redis for a minute). */
const publicV4 = () => `198.51.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
const APPGW_INSTANCE = '10.0.4.7'; // an Application Gateway instance in its subnet (10.0.4.0/24)
const SIDECAR = '127.0.0.6'; // Istio's inbound passthrough source address

/** What the app receives in prod for one request of `client` from source port `port` that wrote `forged` itself. */
const viaProdChain = (client: string, port: number, forged?: string) => ({
  remoteAddress: SIDECAR,
  headers: { 'x-forwarded-for': [...(forged ? [forged] : []), `${client}:${port}`, APPGW_INSTANCE].join(', ') },
});

async function statuses(app: App, requests: { remoteAddress: string; headers: Record<string, string> }[]): Promise<number[]> {
  const out: number[] = [];
  for (const r of requests) out.push((await app.inject({ method: 'GET', url: '/stand-in/trips/1', ...r })).statusCode);
  return out;
}

describe('anonymous rate limit behind Application Gateway -> Istio ingress gateway -> sidecar (TRUST_PROXY_HOPS=2)', () => {
  it('gives each client its own budget, whatever source port each connection used and whatever the client wrote before', async () => {
    const app = await appTrusting(2);
    const a = publicV4();
    const b = publicV4();
    const fromA = Array.from({ length: MAX + 1 }, (_, i) => viaProdChain(a, 40_000 + i, i % 2 ? `203.0.113.${i}` : undefined));
    expect(await statuses(app, fromA)).toEqual([...Array(MAX).fill(200), 429]);
    // Another client is not limited by A's requests (keyed on the client, not the gateway).
    expect(await statuses(app, [viaProdChain(b, 51_000)])).toEqual([200]);
  });

  it('fails the old way: trusting one hop keys every anonymous caller on the Application Gateway instance', async () => {
    const app = await appTrusting(1);
    const requests = Array.from({ length: MAX + 1 }, (_, i) => viaProdChain(publicV4(), 40_000 + i));
    // Four different clients, one shared budget: the fourth is refused.
    expect((await statuses(app, requests)).at(-1)).toBe(429);
  });
});

describe('anonymous rate limit behind the dev NGINX Ingress Controller (TRUST_PROXY_HOPS=1)', () => {
  it('keys on the address NGINX appended, not on the ones the client wrote', async () => {
    const app = await appTrusting(1);
    const client = publicV4();
    const requests = Array.from({ length: MAX + 1 }, (_, i) => ({ remoteAddress: '10.244.1.17', headers: { 'x-forwarded-for': `192.0.2.${i}, ${client}` } }));
    expect(await statuses(app, requests)).toEqual([...Array(MAX).fill(200), 429]);
  });
});

describe('client address key', () => {
  it('drops the port Application Gateway adds and normalizes IPv6 and IPv4-mapped forms', () => {
    expect(clientAddressKey('203.0.113.9:51234')).toBe('203.0.113.9');
    expect(clientAddressKey('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8::1');
    expect(clientAddressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey(' 203.0.113.9 ')).toBe('203.0.113.9');
  });
});
