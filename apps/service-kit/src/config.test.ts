import { JWT_AUDIENCE, SERVICES, TRACE_SAMPLING_RATIO } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { DATABASE_URL: 'postgresql://u:p@db:5432/user_db', REDIS_URL: 'redis://redis:6379' };

describe('loadConfig', () => {
  it('reads the variables the manifests set, with catalog defaults for the rest', () => {
    const c = loadConfig({ service: 'user' }, { ...base, SERVICE_NAME: 'user', SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true' });
    expect(c.port).toBe(SERVICES.user.port);
    expect(c.jwtAudience).toBe(JWT_AUDIENCE);
    expect(c.tracesSampler).toBe('parentbased_traceidratio');
    expect(c.tracesSamplerArg).toBe(TRACE_SAMPLING_RATIO);
    expect(c.serviceBus).toEqual({ connectionString: expect.stringContaining('sb://') });
    expect(c.otlpEndpoint).toBeUndefined();
  });

  it('names every bad or missing variable in one clear error', () => {
    const attempt = () =>
      loadConfig(
        { service: 'trip' },
        { SERVICE_NAME: 'user', PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', OTEL_TRACES_SAMPLER_ARG: '2' },
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const msg = (err as Error).message;
      for (const name of ['SERVICE_NAME', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'SERVICEBUS_FQDN', 'JWKS_URL', 'OTEL_TRACES_SAMPLER_ARG']) expect(msg).toContain(name);
    }
  });

  it('takes PORT=0 (a free port the process picks: the process tests) but no negative port', () => {
    const bus = { SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v' };
    expect(loadConfig({ service: 'user' }, { ...base, ...bus, PORT: '0' }).port).toBe(0);
    expect(() => loadConfig({ service: 'user' }, { ...base, ...bus, PORT: '-1' })).toThrow(/PORT/);
  });

  it('refuses both Service Bus settings at once', () => {
    expect(() => loadConfig({ service: 'ai' }, { ...base, SERVICEBUS_FQDN: 'sb.servicebus.windows.net', SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://x' })).toThrow(/not both/);
  });

  it('asks each service for what its catalog entry implies: queues, the issuer\'s keys, its own variables', () => {
    // The issuer verifies its own tokens (no JWKS_URL); every other service needs the issuer's keys.
    const bus = { SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v' };
    expect(loadConfig({ service: 'user' }, { ...base, ...bus }).jwksUrl).toBeUndefined();
    expect(() => loadConfig({ service: 'location' }, { ...base, ...bus })).toThrow(/JWKS_URL is required/);
    expect(() => loadConfig({ service: 'location' }, { ...base, JWKS_URL: 'http://user-service:3001/jwks' })).toThrow(/SERVICEBUS_FQDN or SERVICEBUS_CONNECTION_STRING is required/);
  });

  it('hands a service its own variables, required in production when the contract says so', () => {
    const bus = { SERVICEBUS_FQDN: 'sb-tripgen.servicebus.windows.net' };
    const own = loadConfig({ service: 'user' }, { ...base, ...bus, JWT_SIGNING_KEY_FILE: '/tmp/key.pem' }).own;
    expect(own).toEqual({ JWT_SIGNING_KEY: undefined, JWT_SIGNING_KEY_FILE: '/tmp/key.pem' });
    const addressKey = { ADDRESS_HASH_KEY: 'k'.repeat(44) };
    expect(() => loadConfig({ service: 'user' }, { ...base, ...bus, ...addressKey, NODE_ENV: 'production' })).toThrow(/JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE is required/);
    expect(loadConfig({ service: 'user' }, { ...base, ...bus, ...addressKey, NODE_ENV: 'production', JWT_SIGNING_KEY: 'pem' }).own.JWT_SIGNING_KEY).toBe('pem');
  });
});
