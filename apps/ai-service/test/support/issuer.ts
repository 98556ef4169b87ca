/** An access-token issuer as the user service is one: Ed25519 keys, its JWKS on an ephemeral port (the services verify tokens the real way, over HTTP). */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { JWT_AUDIENCE, JWT_ISSUER } from '@tripgen/catalog';

export const startIssuer = async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'EdDSA', use: 'sig' };
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    token: (sub: string) => {
      const now = Math.floor(Date.now() / 1000);
      const signed = `${part({ alg: 'EdDSA', kid: 'test' })}.${part({ sub, iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now, exp: now + 3_600 })}`;
      return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
