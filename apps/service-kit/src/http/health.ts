/**
 * Probes on the catalog's paths (the manifests use the same constants):
 *  - liveness: the process serves HTTP; never looks at a dependency (a database outage must not
 *    restart every pod);
 *  - startup: the app finished booting;
 *  - readiness: PostgreSQL (hard dependency) answers and we are not draining after SIGTERM.
 *    Redis is soft: its state shows in the details and in `dependency_up`, never in the status
 *    (the app is started only once the cache's subscriber has subscribed, at most 3 s after boot).
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Metrics } from '../telemetry/metrics.ts';
import { isRedisReady } from '../redis.ts';

export interface HealthState {
  started: boolean;
  draining: boolean;
}

export interface HealthOptions {
  readonly state: HealthState;
  readonly pingDatabase: () => Promise<void>;
  readonly redis: Redis;
  readonly metrics: Metrics;
  readonly timeoutMs?: number;
  /** Each readiness answer: `ready` for a 200 (the kubelet then keeps the pod among its Service's endpoints), else a 503. */
  readonly onReadyAnswered?: (ready: boolean) => void;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });

export const registerHealthRoutes = (app: FastifyInstance, opts: HealthOptions): void => {
  const probe = { schema: { hide: true }, config: { rateLimit: false } } as const;
  const noStore = { 'cache-control': 'no-store' };

  app.get(HEALTH_PATHS.liveness, probe, async (_req, reply) => reply.headers(noStore).send({ status: 'ok' }));

  app.get(HEALTH_PATHS.startup, probe, async (_req, reply) =>
    reply.headers(noStore).code(opts.state.started ? 200 : 503).send({ status: opts.state.started ? 'ok' : 'starting' }),
  );

  app.get(HEALTH_PATHS.readiness, probe, async (_req, reply) => {
    const redisUp = isRedisReady(opts.redis);
    opts.metrics.dependencyUp.set({ dependency: 'redis' }, redisUp ? 1 : 0);
    let postgresql: { status: 'up' } | { status: 'down'; error: string };
    try {
      await withTimeout(opts.pingDatabase(), opts.timeoutMs ?? 2_000);
      postgresql = { status: 'up' };
    } catch (err) {
      postgresql = { status: 'down', error: (err as Error).message.split('\n')[0] ?? 'unreachable' };
    }
    opts.metrics.dependencyUp.set({ dependency: 'postgresql' }, postgresql.status === 'up' ? 1 : 0);
    const ready = opts.state.started && !opts.state.draining && postgresql.status === 'up';
    opts.onReadyAnswered?.(ready);
    return reply
      .headers(noStore)
      .code(ready ? 200 : 503)
      .send({
        status: ready ? 'ok' : opts.state.draining ? 'draining' : 'unavailable',
        dependencies: { postgresql, redis: { status: redisUp ? 'up' : 'down', soft: true } },
      });
  });
};
