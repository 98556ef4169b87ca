/** The settings of a stand-in app of the kit's tests, "the trip service" as the catalog's contract describes it. */
import { SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { loadConfig, type ServiceConfig } from '../src/config.ts';

/** The trip service's contract asks for its bus, the issuer's keys and its peers; a stand-in app uses none. */
export const STAND_IN_ENV = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
  JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
};

/** A stand-in's config verifying tokens against the keys at `jwksUrl`, on the local stack's PostgreSQL and Redis. */
export const standInConfig = (jwksUrl: string, logLevel: 'warn' | 'silent'): ServiceConfig =>
  loadConfig(
    { service: 'trip' },
    { ...STAND_IN_ENV, JWKS_URL: jwksUrl, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: logLevel, MAX_EVENT_LOOP_DELAY_MS: '0' },
  );
