/**
 * The Event Hubs producer of a prod pod (EVENTHUBS_FQDN: the trip service's analytics events) signs in
 * with the pod's workload identity, and the SDK asks that credential for each link's token: at the
 * link's open and again 2 minutes before the expiry, a failure going to the SDK's own logger only (as
 * Service Bus's, @azure/core-amqp's CBS renewal; entra-token-watch.test.ts plays that schedule). The
 * SDK cannot reach Azure here: its client is replaced by one that keeps the credential it is given,
 * and that credential, the real WorkloadIdentityCredential (MSAL), asks Entra's authority through a
 * proxy that refuses (Entra or the pod's egress out of reach: a network_error). Before, it was the pod's credential
 * bare: no line, no entra_token_failing_seconds{dependency="eventhubs"}, no ticket.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { EVENT_STREAMS } from '@tripgen/catalog';
import { capturedLogger } from '@tripgen/testing';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { entraTokenOutageSeconds, logEntraTokensTo } from '../entra-token-watch.ts';
import { eventHubsPublisherFromEnv, outboxEvent } from './events.ts';

const given = vi.hoisted(() => [] as unknown[]);
vi.mock('@azure/event-hubs', () => ({
  EventHubProducerClient: class {
    constructor(_namespace: string, _hub: string, credential: unknown) {
      given.push(credential);
    }
    async createBatch() {
      return { count: 0, tryAdd() {
        this.count += 1;
        return true;
      } };
    }
    async sendBatch() {}
    async close() {}
  },
}));

const dir = mkdtempSync(join(tmpdir(), 'events-entra-'));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("Entra out of reach for a pod's Event Hubs token", () => {
  it('the credential the producer is given is watched: its failing ask is logged and counted from its start', async () => {
    // Entra's own authority (whose endpoints MSAL knows without asking) behind the pod's egress proxy, which
    // refuses: Entra out of reach (MSAL's network_error), the credential's own retries included.
    vi.stubEnv('AZURE_AUTHORITY_HOST', 'https://login.microsoftonline.com/');
    vi.stubEnv('HTTPS_PROXY', 'http://127.0.0.1:1');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6dHJpcGdlbjp0cmlwIn0.');
    const { logger, lines } = capturedLogger();
    logEntraTokensTo(logger);
    const hub = EVENT_STREAMS[0].hub;
    const publisher = (await eventHubsPublisherFromEnv({ EVENTHUBS_FQDN: 'tripgen-test.servicebus.windows.net', AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_CLIENT_ID: 'client-1', AZURE_TENANT_ID: 'tenant-1' }))!;
    const row = outboxEvent(hub, { source: '/trips', type: 'tripgen.trip.created', subject: 'trips/1', data: {} });
    await publisher.publish(hub, [{ messageId: row.messageId, body: JSON.parse(row.json) as unknown }]);
    expect(given).toHaveLength(1);
    // What the SDK does when a link opens: ask for the namespace's token.
    const asked = (given[0] as TokenCredential).getToken('https://eventhubs.azure.net/.default').then(
      () => 'token',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 1_100));
    // An ask under way counts from its start (before: 0, nothing watched it).
    expect(entraTokenOutageSeconds('eventhubs')).toBeGreaterThanOrEqual(1);
    expect(await asked).toBe('failed');
    expect(lines.find((l) => l.msg === 'no Entra token for eventhubs; retrying')).toMatchObject({ level: 40, dependency: 'eventhubs', outage: expect.anything() });
    expect(entraTokenOutageSeconds('eventhubs')).toBeGreaterThanOrEqual(1);
    await publisher.close();
  }, 60_000);
});
