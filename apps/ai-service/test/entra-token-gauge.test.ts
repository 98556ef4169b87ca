/**
 * Entra out of reach for the AI pod's Azure OpenAI token: the pod's credential (@azure/identity's
 * WorkloadIdentityCredential, the client-assertion flow of the AKS workload identity) against
 * support/entra.ts, the local token service speaking the identity platform's wire format, which cuts
 * every connection (Entra or the pod's egress out of reach: MSAL's network_error). The service is
 * built for production (buildAiService) on a throwaway ai_db, the shared Redis and the Service Bus
 * emulator; a traveller's interest reading asks the token. Before, a failing token showed only as the
 * readings falling back to the keywords: no line naming Entra, no entra_token_failing_seconds series
 * for it, so no TripGenEntraTokenFailing (docs/runbooks.md#entra-token).
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { ENTRA_TOKEN_OUTAGE, METRICS_PATH, QUEUE_NAMES } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import type { App } from '@tripgen/service-kit';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAiService } from '../src/app.ts';
import { startEntra } from './support/entra.ts';
import { startIssuer } from './support/issuer.ts';

let entra: Awaited<ReturnType<typeof startEntra>>;
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let db: TestDatabase;
let bus: ServiceBusEmulator;
let app: App;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  [entra, issuer, db, bus] = await Promise.all([startEntra(), startIssuer(), createTestDatabase('ai_entra_gauge_test', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  entra.answer(() => 'cut');
  const logTo = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildAiService({
    env: {
      NODE_ENV: 'test', LOG_LEVEL: 'info', SERVICE_NAME: 'ai', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      JWKS_URL: issuer.jwksUrl, LOCATION_SERVICE_URL: 'http://127.0.0.1:1', MAX_EVENT_LOOP_DELAY_MS: '0',
      // Never reached: the token is asked first, and none comes.
      AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:1', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
    },
    logger: { level: 'info', stream: logTo },
    azureCredential: entra.credential({ retries: false }),
  });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([entra?.close(), issuer?.close(), bus?.stop()]);
  await db?.drop();
});

const gauge = async (dependency: string): Promise<number | undefined> => {
  const text = (await app.inject({ method: 'GET', url: METRICS_PATH })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${ENTRA_TOKEN_OUTAGE.failingMetric}{dependency="${dependency}"`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

describe("Entra out of reach for the AI pod's Azure OpenAI token", () => {
  it('is logged as Entra out of reach and counted on the gauge the alert reads, for as long as it lasts', async () => {
    expect(await gauge('azureopenai')).toBe(0);
    const res = await app.inject({ method: 'POST', url: '/api/v1/ai/interests', headers: { authorization: `Bearer ${issuer.token(randomUUID())}` }, payload: { interests: [`temples ${randomUUID()}`] } });
    // The traveller is answered all the same, from the keywords.
    expect([res.statusCode, res.json<{ source: string }>().source]).toEqual([200, 'keywords']);
    const line = lines.find((l) => l.msg === 'no Entra token for azureopenai; retrying');
    expect(line).toMatchObject({ level: 40, dependency: 'azureopenai', outage: expect.anything() });
    await new Promise((r) => setTimeout(r, 1_100));
    // Counted from the failed ask's start (before: no such series).
    expect(await gauge('azureopenai')).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
