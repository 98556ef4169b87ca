/**
 * A location service started from fresh modules (after vi.resetModules: a release with whatever its
 * modules are mocked to), on a Redis database shared with the other releases of the test, as
 * releases share Redis during a rollout. Its answers go to that Redis once it is connected.
 */
import type { TestDatabase } from '@tripgen/testing';
import { waitFor } from '@tripgen/testing';
import type { RunningLocationService } from '../harness.ts';

export const startRelease = async (db: TestDatabase, redisUrl: string, running: RunningLocationService[]): Promise<RunningLocationService> => {
  const harness = await import('../harness.ts');
  const service = await harness.startLocationService({ db, env: { REDIS_URL: redisUrl } });
  running.push(service);
  await waitFor(() => service.app.kit.redis.status === 'ready', 'Redis connected');
  await service.app.kit.cache.subscribed;
  return service;
};
