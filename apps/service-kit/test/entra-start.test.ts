/**
 * A pod that signs in to PostgreSQL with its workload identity (DATABASE_AUTH=entra) started while
 * Entra ID's token endpoint does not answer (entra-stub.ts: the real client, MSAL through
 * @azure/identity's WorkloadIdentityCredential, against a stub of the endpoint's wire format): it
 * must start, unready, as it does while PostgreSQL itself is down (probes.test.ts), and become ready
 * once a token comes, not exit and crash-loop. The token is the password of a login role of the
 * real local PostgreSQL (scram-sha-256), so ready means signed in with it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATHS } from '@tripgen/catalog';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, waitFor } from '@tripgen/testing';
import { startEntraStandIn } from './entra-stand-in.ts';
import { startEntraStub, type EntraStub } from './entra-stub.ts';

const role = `tripgen_wi_${randomBytes(4).toString('hex')}`;
const accessToken = `eyJ${randomBytes(24).toString('base64url')}`;
let admin: pg.Client;
let stub: EntraStub;
let service: NodeProcess | undefined;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${accessToken}'`);
  stub = await startEntraStub({ accessToken, up: false });
});

afterAll(async () => {
  await service?.kill();
  await stub?.stop();
  await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  await admin.end();
});

const readiness = async (s: NodeProcess) => {
  const res = await fetch(`${s.url}${HEALTH_PATHS.readiness}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as { dependencies?: Record<string, { status: string }> } };
};

describe('a pod started while Entra ID does not answer', () => {
  it('starts unready instead of exiting, asks again with backoff, and is ready once a token comes', async () => {
    const started = performance.now();
    service = await startEntraStandIn('apps/service-kit/test/fixtures/entra-stand-in-service.ts', role, stub);
    const answeredMs = performance.now() - started;
    const down = await readiness(service);
    expect([down.status, down.body.dependencies?.postgresql?.status]).toEqual([503, 'down']);
    expect(service.output()).toContain('no Entra token for PostgreSQL yet');
    expect(stub.counts.issued).toBe(0);
    // Asked again while it waits, but not by every probe (here 4 a second for 5 s): after 1 s, 2 s more, 4 s more.
    const probesFrom = performance.now();
    let probes = 0;
    while (performance.now() - probesFrom < 5_000) {
      expect((await readiness(service)).status).toBe(503);
      probes += 1;
      await new Promise((r) => setTimeout(r, 250));
    }
    const refusedWhileDown = stub.counts.refused;
    expect(refusedWhileDown).toBeGreaterThanOrEqual(2);
    expect(refusedWhileDown).toBeLessThanOrEqual(5);

    stub.up = true;
    const upAt = performance.now();
    await waitFor(async () => (await readiness(service!)).status === 200, 'ready once Entra ID answers', 45_000, 250);
    const readyMs = performance.now() - upAt;
    console.log(`entra down at start: liveness answered after ${answeredMs.toFixed(0)} ms, ${refusedWhileDown} connections to the token endpoint in ${probes} readiness probes over 5 s, ready ${readyMs.toFixed(0)} ms after it came back, ${stub.counts.issued} token(s)`);
    expect(stub.counts.issued).toBeGreaterThanOrEqual(1);
    expect(service.child.exitCode).toBeNull();
  }, 120_000);
});
