/**
 * A kit service process signing in to PostgreSQL as a workload identity would (DATABASE_AUTH=entra,
 * the role's password a token from entra-stub.ts), every other dependency pointed at nothing: the
 * stand-in services of entra-start.test.ts and entra-close.test.ts.
 */
import { SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, redisUrl } from '@tripgen/testing';
import type { EntraStub } from './entra-stub.ts';

export const startEntraStandIn = async (entry: string, role: string, stub: EntraStub): Promise<NodeProcess> => {
  const url = new URL(adminUrl());
  url.username = role;
  url.password = '';
  return startNodeProcess({
    entry,
    timeoutMs: 60_000,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      DATABASE_URL: url.toString(),
      DATABASE_AUTH: 'entra',
      REDIS_URL: redisUrl(),
      SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
      JWKS_URL: 'http://127.0.0.1:1/jwks.json',
      ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
      ...stub.env,
    },
  });
};
