/**
 * Microsoft Entra ID's token endpoint as a pod's workload identity reaches it, for a service run as
 * its own process. The pod keeps the address the AKS webhook injects (AZURE_AUTHORITY_HOST
 * https://login.microsoftonline.com/), which MSAL trusts without instance discovery; the process is
 * given HTTPS_PROXY (core-rest-pipeline's proxy policy), and this proxy answers its CONNECT to
 * login.microsoftonline.com:443 itself, over TLS with a certificate made here for that name
 * (NODE_EXTRA_CA_CERTS). What it answers is the wire format of the client-credentials flow with a
 * federated client assertion (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow,
 * "Third case: Access token request with a federated credential"; the tenant's OpenID configuration,
 * https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri).
 * `up = false`: the endpoint accepts and drops every connection (an outage of Entra ID or of the
 * pod's egress to it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRA_HOST = 'login.microsoftonline.com';

export interface EntraStub {
  /** The variables the pod gets: the webhook's (token file, client, tenant, authority host) and the proxy's. */
  readonly env: Record<string, string>;
  /** Whether the token endpoint answers. */
  up: boolean;
  /** Token requests answered (a token issued each) and connections refused while down. */
  readonly counts: { issued: number; refused: number };
  stop(): Promise<void>;
}

export const startEntraStub = async (opts: {
  readonly accessToken: string;
  readonly up: boolean;
  /** The tokens' lifetime in seconds (Entra's: about an hour); short, a test sees the half-life asks within seconds. */
  readonly expiresIn?: number;
}): Promise<EntraStub> => {
  const dir = mkdtempSync(join(tmpdir(), 'entra-stub-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${ENTRA_HOST}`, '-addext', `subjectAltName=DNS:${ENTRA_HOST}`], { stdio: 'ignore' });
  const tokenFile = join(dir, 'azure-identity-token');
  // The projected service-account token the webhook mounts: the stub does not check it, Entra ID would.
  writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6dHJpcGdlbjp0cmlwLXNlcnZpY2UifQ.c2ln');
  const tenant = '72f988bf-0000-4000-8000-00000000cafe';
  const clientId = '0b9e0d8c-0000-4000-8000-00000000beef';
  const base = `https://${ENTRA_HOST}/${tenant}`;
  const counts = { issued: 0, refused: 0 };
  const stub = { up: opts.up, counts } as { up: boolean; counts: typeof counts };

  const entra: HttpsServer = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
      if (req.method === 'GET' && req.url?.startsWith(`/${tenant}/v2.0/.well-known/openid-configuration`)) {
        return json(200, { issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token`, end_session_endpoint: `${base}/oauth2/v2.0/logout`, jwks_uri: `https://${ENTRA_HOST}/${tenant}/discovery/v2.0/keys`, response_types_supported: ['code', 'id_token', 'token'] });
      }
      if (req.method === 'POST' && req.url?.startsWith(`/${tenant}/oauth2/v2.0/token`)) {
        const form = new URLSearchParams(body);
        const assertionType = form.get('client_assertion_type');
        if (form.get('grant_type') !== 'client_credentials' || assertionType !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || form.get('client_id') !== clientId || !form.get('client_assertion')) {
          return json(400, { error: 'invalid_request', error_description: `AADSTS900144: unexpected request ${body.slice(0, 200)}` });
        }
        counts.issued += 1;
        return json(200, { token_type: 'Bearer', expires_in: opts.expiresIn ?? 3599, ext_expires_in: opts.expiresIn ?? 3599, access_token: opts.accessToken });
      }
      json(404, { error: 'not_found' });
    });
  });

  const sockets = new Set<Socket>();
  const proxy: HttpServer = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (req.url !== `${ENTRA_HOST}:443`) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    if (!stub.up) {
      counts.refused += 1;
      return void socket.destroy();
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    entra.emit('connection', socket);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  return Object.assign(stub, {
    env: {
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
      AZURE_CLIENT_ID: clientId,
      AZURE_TENANT_ID: tenant,
      AZURE_AUTHORITY_HOST: `https://${ENTRA_HOST}/`,
      HTTPS_PROXY: proxyUrl,
      NODE_EXTRA_CA_CERTS: certFile,
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
      entra.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
};
