/**
 * The local runner gives each service exactly the environment its contract asks for, pointed at
 * this machine: the kit accepts it for every service (the four contracts), and nothing the
 * service does not read is set.
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES, serviceEnvironment } from '@tripgen/catalog';
import { loadConfig } from '@tripgen/service-kit';
import { serviceEnv } from '../src/local-services.ts';

const BUS = { SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true' };

describe.each(SERVICE_NAMES)('%s service, run locally', (s) => {
  it('gets only variables it reads, and the kit accepts them', () => {
    const env = serviceEnv(s, BUS);
    const contract = serviceEnvironment(s);
    expect(Object.keys(env).filter((n) => n !== 'PATH' && !(n in contract))).toEqual([]);
    expect(() => loadConfig({ service: s }, env)).not.toThrow();
  });
});

it('gives the issuer no JWKS_URL and the others the issuer\'s local address', () => {
  expect(serviceEnv('user', BUS).JWKS_URL).toBeUndefined();
  expect(serviceEnv('trip', BUS).JWKS_URL).toMatch(/^http:\/\/127\.0\.0\.1:3001\/api\/v1\/auth\/jwks\.json$/);
});

it('lets one variable of a group replace the others\' defaults, drops overrides a service does not read, and refuses a typo', () => {
  const env = serviceEnv('user', { ...BUS, JWT_SIGNING_KEY: 'pem', JWKS_URL: 'http://elsewhere/jwks.json' });
  expect(env.JWT_SIGNING_KEY).toBe('pem');
  expect(env.JWT_SIGNING_KEY_FILE).toBeUndefined();
  expect(env.JWKS_URL).toBeUndefined();
  expect(() => serviceEnv('user', { JWKS_ULR: 'x' })).toThrow(/no service reads JWKS_ULR/);
});

it('points the services a service calls at their local ports, the catalog\'s or a run\'s own', () => {
  expect(serviceEnv('trip', BUS)).toMatchObject({ USER_SERVICE_URL: 'http://127.0.0.1:3001', LOCATION_SERVICE_URL: 'http://127.0.0.1:3004', AI_SERVICE_URL: 'http://127.0.0.1:3003' });
  const ports = { user: 41001, trip: 41002, ai: 41003, location: 41004 } as const;
  const env = serviceEnv('ai', BUS, (s) => ports[s]);
  expect(env).toMatchObject({ PORT: '41003', LOCATION_SERVICE_URL: 'http://127.0.0.1:41004', JWKS_URL: 'http://127.0.0.1:41001/api/v1/auth/jwks.json' });
  // The AI service reaches the user service only for its keys: no USER_SERVICE_URL.
  expect(env.USER_SERVICE_URL).toBeUndefined();
});
