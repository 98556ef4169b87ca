/**
 * `npm run bench:api`: throughput and tail latency of a cached, authenticated GET
 * (/api/v1/users/me: JWT verification, rate limit counted in Redis, profile from the two-level
 * cache) next to a bare Fastify hello-world on the same machine, and each service's peak RSS.
 * Services run as their own processes with production settings (LOG_LEVEL=warn so the figure is
 * the service, not the log volume); autocannon drives them from this process.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { AUTH_PATHS, HEALTH_PATHS, JWKS_PATH, TOKEN_ISSUER, type ServiceName } from '@tripgen/catalog';
import { existingServices, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createScratchDatabase, ensureStack } from '@tripgen/dev-tools/local-stack';
import { freePort, startNodeProcess } from '@tripgen/dev-tools/processes';
import { exportPKCS8, generateKeyPair } from 'jose';
import { generateCode, inStartOrder, serviceEnv, spawnService, startEmulator, type ServiceProcess } from '@tripgen/dev-tools/local-services';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

const run = async (title: string, url: string, headers: Record<string, string> = {}) => {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up (JIT, pools, caches)
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (r.non2xx || r.errors) throw new Error(`${title}: ${r.non2xx} non-2xx answers and ${r.errors} errors; the figure would be meaningless`);
  return { title, rps: r.requests.average, p99: r.latency.p99, total: r.requests.total };
};

ensureStack();
generateCode();
const cleanups: (() => Promise<unknown>)[] = [];
try {
  const bus = await startEmulator(0);
  cleanups.push(() => bus.stop());
  const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  const signingKey = await exportPKCS8(privateKey);

  const services: ServiceProcess[] = [];
  const ports = new Map<ServiceName, number>();
  for (const s of existingServices()) ports.set(s, await freePort());
  for (const s of inStartOrder(existingServices())) {
    const db = await createScratchDatabase(`bench_${s}`, serviceMigrationsDir(s));
    cleanups.push(() => db.drop());
    const env = serviceEnv(s, {
      PORT: String(ports.get(s)),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      JWT_SIGNING_KEY: signingKey,
      JWKS_URL: `http://127.0.0.1:${ports.get(TOKEN_ISSUER)}${JWKS_PATH}`,
      // The catalog's 100/min per user would turn the run into 429s after 100 requests.
      RATE_LIMIT_MAX: '100000000',
      SHUTDOWN_DELAY_MS: '0',
    }, (peer) => ports.get(peer)!);
    const p = await spawnService(s, env, (line) => console.error(`[${s}] ${line}`));
    services.push(p);
    cleanups.push(() => p.stop());
  }
  const user = services.find((p) => p.name === 'user');
  if (!user) throw new Error('the user service does not exist: nothing to benchmark');

  const hello = await startNodeProcess({ entry: 'scripts/lib/hello-fastify.ts', env: { PATH: process.env.PATH, PORT: String(await freePort()) }, readyPath: '/' });
  cleanups.push(() => hello.stop());

  const credentials = { email: 'bench@example.com', password: 'benchmark-password', name: 'Bench' };
  const post = (path: string, body: unknown) => fetch(`${user.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post(AUTH_PATHS.register, credentials);
  const { accessToken } = (await (await post(AUTH_PATHS.login, credentials)).json()) as { accessToken: string };

  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per target after a 2 s warm-up, on ${os.cpus().length} cores`);
  const base = await run('Fastify hello-world (bare)', `${hello.url}/`);
  const me = await run('GET /api/v1/users/me (JWT + Redis rate limit + cached profile)', `${user.url}/api/v1/users/me`, { authorization: `Bearer ${accessToken}` });
  const ready = await fetch(`${user.url}${HEALTH_PATHS.readiness}`).then((r) => r.json());

  const rows = [base, me].map((r) => `${r.title.padEnd(64)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests)`);
  console.log(rows.join('\n'));
  console.log(`ratio: the cached authenticated GET runs at ${((me.rps / base.rps) * 100).toFixed(0)} % of hello-world's req/s; p99 ${me.p99} ms vs ${base.p99} ms`);
  console.log('peak RSS (VmHWM):');
  for (const p of services) console.log(`  ${`${p.name}-service`.padEnd(20)} ${mib(p.peakRss())}`);
  console.log(`  ${'hello-world'.padEnd(20)} ${mib(hello.peakRss())}`);
  console.log(`user service readiness during the run: ${JSON.stringify(ready)}`);
} finally {
  for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error('cleanup:', err));
}
process.exit(0);
