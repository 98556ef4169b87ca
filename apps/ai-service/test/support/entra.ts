/**
 * A local Microsoft Entra ID token service for the pod's own credential (@azure/identity's
 * WorkloadIdentityCredential, the client-assertion flow the AKS workload identity uses), so a test
 * sees the errors that credential really gives. It speaks what the credential asks (Microsoft
 * identity platform, OAuth 2.0 client credentials with a federated assertion): the tenant's OpenID
 * metadata (`GET /{tenant}/v2.0/.well-known/openid-configuration`) and the token endpoint
 * (`POST /{tenant}/oauth2/v2.0/token`), answering the token request as `token` says: an OAuth error
 * body ({error, error_description, error_codes, timestamp, trace_id, correlation_id}, as the
 * identity platform's "Microsoft Entra authentication and authorization error codes" shows them),
 * a page that is no OAuth answer, or a connection cut.
 * The credential insists on an https authority: it is given one (https://login.entra.test, no
 * instance discovery) and a per-call pipeline policy sends its requests to this stub over http.
 * The kit's test/entra-stub.ts serves a service run as its own process (a proxy, and a certificate
 * the process trusts from its start, NODE_EXTRA_CA_CERTS), and answers a token or nothing; this one
 * serves a credential in the test's own process, and answers each of Entra's errors.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkloadIdentityCredential } from '@azure/identity';

export type EntraAnswer = { status: number; body: string; type?: string } | 'cut';

/** An OAuth error of the token endpoint as Entra writes it. */
export const oauthError = (status: number, error: string, aadsts: number, description: string): EntraAnswer => ({
  status,
  body: JSON.stringify({ error, error_description: `AADSTS${aadsts}: ${description}`, error_codes: [aadsts], timestamp: '2026-12-07 08:00:00Z', trace_id: 'trace-1', correlation_id: 'correlation-1' }),
});

const AUTHORITY = 'https://login.entra.test';
const TENANT = 'tenant-1';

export const startEntra = async () => {
  let token: () => EntraAnswer = () => oauthError(503, 'temporarily_unavailable', 50196, 'The server is temporarily unavailable.');
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)) {
      const base = `${AUTHORITY}/${TENANT}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ issuer: `${base}/v2.0`, token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, end_session_endpoint: `${base}/oauth2/v2.0/logout`, jwks_uri: `${base}/discovery/v2.0/keys`, response_modes_supported: ['query', 'fragment', 'form_post'] }),
      );
      return;
    }
    const a = token();
    if (a === 'cut') res.destroy();
    else res.writeHead(a.status, { 'content-type': a.type ?? 'application/json' }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  // The projected service-account token the webhook mounts: the stub does not read it.
  const tokenFile = join(tmpdir(), `entra-stub-${port}.jwt`);
  writeFileSync(tokenFile, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6dHJpcGdlbjphaSJ9.');
  return {
    answer: (next: () => EntraAnswer) => {
      token = next;
    },
    /**
     * The pod's credential on this stub (or on `reach`, a port nothing listens on). `retries`: the
     * credential's own (its default: 3 more tries, ~5 s against a 503, measured); off, a test sees at
     * once the error those tries end with. `authority`: the authority host it is given (the stub's own
     * by default, whose endpoints it asks for; Entra's real one, `https://login.microsoftonline.com`,
     * whose endpoints MSAL knows without asking: the token request is its first).
     */
    credential: ({ retries = true, reach = port, authority = AUTHORITY }: { retries?: boolean; reach?: number; authority?: string } = {}) =>
      new WorkloadIdentityCredential({
        tenantId: TENANT,
        clientId: 'client-1',
        tokenFilePath: tokenFile,
        authorityHost: authority,
        disableInstanceDiscovery: true,
        ...(retries ? {} : { retryOptions: { maxRetries: 0 } }),
        additionalPolicies: [
          {
            position: 'perCall',
            policy: {
              name: 'to-the-local-entra',
              sendRequest: (request, next) => {
                request.url = request.url.replace(authority, `http://127.0.0.1:${reach}`);
                request.allowInsecureConnection = true;
                return next(request);
              },
            },
          },
        ],
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(tokenFile, { force: true });
    },
  };
};
