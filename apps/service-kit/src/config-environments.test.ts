import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEV_ADDRESS_HASH_SECRET } from './http/address-hash.ts';

// What differs between a pod and a developer's machine, and the settings that cannot go together.
// The location service: the kit's variables alone (the user service needs its signing key in production).
const ADDRESS_KEY = 'a'.repeat(44);
const base = { DATABASE_URL: 'postgresql://u:p@db:5432/location_db', REDIS_URL: 'redis://redis:6379', JWKS_URL: 'http://user-service.tripgen.svc.cluster.local/.well-known/jwks.json' };
const problems = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig({ service: 'location' }, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return '';
};

describe('loadConfig by environment', () => {
  it('in production listens on every interface and waits 5 s before draining; locally on 127.0.0.1 at once', () => {
    const prod = loadConfig({ service: 'location' }, { ...base, NODE_ENV: 'production', ADDRESS_HASH_KEY: ADDRESS_KEY, SERVICEBUS_FQDN: 'sb-tripgen-prod.servicebus.windows.net' });
    expect([prod.host, prod.shutdownDelayMs]).toEqual(['0.0.0.0', 5_000]);
    expect(prod.serviceBus).toEqual({ fqdn: 'sb-tripgen-prod.servicebus.windows.net' });
    const emulator = 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true';
    const local = loadConfig({ service: 'location' }, { ...base, NODE_ENV: 'development', SERVICEBUS_CONNECTION_STRING: emulator });
    expect([local.host, local.shutdownDelayMs, local.serviceBus]).toEqual(['127.0.0.1', 0, { connectionString: emulator }]);
    expect(loadConfig({ service: 'location' }, { ...base, NODE_ENV: 'production', ADDRESS_HASH_KEY: ADDRESS_KEY, HOST: '10.0.1.5', SERVICEBUS_FQDN: 'sb-tripgen-prod.servicebus.windows.net' }).host).toBe('10.0.1.5');
  });

  it('asks for the address hash key in production, a long one, and keys local runs with the fixed development one', () => {
    const bus = { SERVICEBUS_FQDN: 'sb-tripgen-prod.servicebus.windows.net' };
    expect(problems({ ...base, ...bus, NODE_ENV: 'production' })).toMatch(/ADDRESS_HASH_KEY is required/);
    expect(problems({ ...base, ...bus, NODE_ENV: 'production', ADDRESS_HASH_KEY: 'short' })).toMatch(/ADDRESS_HASH_KEY must be at least 32 characters/);
    expect(loadConfig({ service: 'location' }, { ...base, ...bus, NODE_ENV: 'production', ADDRESS_HASH_KEY: ADDRESS_KEY }).addressHashSecret).toBe(ADDRESS_KEY);
    expect(loadConfig({ service: 'location' }, { ...base, ...bus }).addressHashSecret).toBe(DEV_ADDRESS_HASH_SECRET);
  });

  it('refuses both Service Bus settings at once, a connection string without an endpoint, and an unknown sampler', () => {
    expect(problems({ ...base, SERVICEBUS_FQDN: 'sb-x.servicebus.windows.net', SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;UseDevelopmentEmulator=true' })).toMatch(/not both/);
    expect(problems({ ...base, SERVICEBUS_CONNECTION_STRING: 'Host=127.0.0.1' })).toMatch(/must contain Endpoint=sb:/);
    expect(problems({ ...base, OTEL_TRACES_SAMPLER: 'sometimes' })).toMatch(/OTEL_TRACES_SAMPLER must be one of .*"sometimes"/);
  });
});
