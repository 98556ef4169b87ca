/** The shutdown tests' service process (fixtures/stand-in-service.ts) and its JSON log lines. */
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { STAND_IN_ENV } from './stand-in-env.ts';

/** Starts the stand-in on a port it picks (reported in its "Server listening at" line); `env` adds to or overrides its settings. */
export const startStandIn = (env: Record<string, string>): Promise<NodeProcess> =>
  startNodeProcess({
    entry: 'apps/service-kit/test/fixtures/stand-in-service.ts',
    timeoutMs: 30_000,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATABASE_URL: adminUrl(),
      REDIS_URL: redisUrl(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...STAND_IN_ENV,
      ...env,
    },
  });

/** The process's JSON log lines so far. */
export const logLines = <T extends { msg: string }>(p: NodeProcess): T[] =>
  p
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
