/**
 * app.close and the pod's Entra token watches: a watch asks Entra itself at half of each token's life
 * (entra-token-watch.ts `fresh`) on an unref'd timer, which held no process but went on asking for an
 * app that was closed (a test process, an embedding that builds and closes apps). The pod's
 * credential is the real one (MSAL through @azure/identity's WorkloadIdentityCredential) against
 * entra-stub.ts (the client-credentials flow's wire format), its tokens short-lived (6 s) so that the
 * half-life asks come every 3 s; the process lives on after the close (fixtures/entra-close-service.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, waitFor } from '@tripgen/testing';
import { startEntraStandIn } from './entra-stand-in.ts';
import { startEntraStub, type EntraStub } from './entra-stub.ts';

const role = `tripgen_wi_${randomBytes(4).toString('hex')}`;
const accessToken = `eyJ${randomBytes(24).toString('base64url')}`;
const TOKEN_SECONDS = 6;
let admin: pg.Client;
let stub: EntraStub;
let service: NodeProcess | undefined;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${accessToken}'`);
  stub = await startEntraStub({ accessToken, up: true, expiresIn: TOKEN_SECONDS });
});

afterAll(async () => {
  await service?.kill();
  await stub?.stop();
  await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  await admin.end();
});

describe("app.close and the pod's Entra token watches", () => {
  it('stops the half-life asks: after the close no further token is asked of Entra', async () => {
    service = await startEntraStandIn('apps/service-kit/test/fixtures/entra-close-service.ts', role, stub);
    // The early asks are running: a token every half-life (3 s) besides the pod's first.
    const before = stub.counts.issued;
    await waitFor(() => stub.counts.issued >= before + 2, 'two half-life asks while the app is open', 15_000, 100);
    service.signal('SIGUSR2');
    await waitFor(() => service!.output().includes('app closed'), 'the app closed', 15_000, 100);
    const atClose = stub.counts.issued;
    // Three half-lives: before, each asked Entra again (3 more tokens, on and on).
    await new Promise((r) => setTimeout(r, 3 * (TOKEN_SECONDS / 2) * 1000 + 500));
    console.log(`entra close: ${before} token(s) at start, ${atClose} at the close, ${stub.counts.issued} ${3 * (TOKEN_SECONDS / 2) + 0.5} s after it`);
    expect(stub.counts.issued - atClose).toBe(0);
    expect(service.child.exitCode).toBeNull();
  }, 90_000);
});
