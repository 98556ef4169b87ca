/**
 * `npm run bench:api`: throughput and tail latency of a cached, authenticated GET
 * (/api/v1/users/me: JWT verification, rate limit counted in Redis, profile from the two-level
 * cache) next to a bare Fastify hello-world on the same machine, and each service's peak RSS.
 * Services run as their own processes with production settings (LOG_LEVEL=warn so the figure is
 * the service, not the log volume); autocannon drives them from this process. The CPU time the
 * user service spends per request (from /proc, user + system) goes into tools/capacity/figures.json,
 * with the date and commit, for `npm run capacity`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { AUTH_PATHS, HEALTH_PATHS, JWKS_PATH, TOKEN_ISSUER, type ServiceName } from '@tripgen/catalog';
import { writeFigure } from '@tripgen/capacity/figures';
import { existingServices, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createScratchDatabase, ensureStack } from '@tripgen/dev-tools/local-stack';
import { freePort, startNodeProcess } from '@tripgen/dev-tools/processes';
import { exportPKCS8, generateKeyPair } from 'jose';
import { generateCode, inStartOrder, serviceEnv, spawnService, startEmulator, type ServiceProcess } from '@tripgen/dev-tools/local-services';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

/** CPU seconds (user + system, all threads) a live process has used so far, from /proc/<pid>/stat. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
};

const run = async (title: string, url: string, headers: Record<string, string> = {}, pid?: number) => {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up (JIT, pools, caches)
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const cpu = pid === undefined ? Number.NaN : cpuSeconds(pid) - cpuBefore;
  if (r.non2xx || r.errors) throw new Error(`${title}: ${r.non2xx} non-2xx answers and ${r.errors} errors; the figure would be meaningless`);
  return { title, rps: r.requests.average, p99: r.latency.p99, total: r.requests.total, cpu };
};

const gitCommit = (): string => {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() === '' ? head : `${head}-dirty`;
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
  const commit = gitCommit();
  const me = await run('GET /api/v1/users/me (JWT + Redis rate limit + cached profile)', `${user.url}/api/v1/users/me`, { authorization: `Bearer ${accessToken}` }, user.child.pid);
  const ready = await fetch(`${user.url}${HEALTH_PATHS.readiness}`).then((r) => r.json());

  const rows = [base, me].map((r) => `${r.title.padEnd(64)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests)`);
  console.log(rows.join('\n'));
  console.log(`ratio: the cached authenticated GET runs at ${((me.rps / base.rps) * 100).toFixed(0)} % of hello-world's req/s; p99 ${me.p99} ms vs ${base.p99} ms`);
  console.log('peak RSS (VmHWM):');
  for (const p of services) console.log(`  ${`${p.name}-service`.padEnd(20)} ${mib(p.peakRss())}`);
  console.log(`  ${'hello-world'.padEnd(20)} ${mib(hello.peakRss())}`);
  console.log(`user service readiness during the run: ${JSON.stringify(ready)}`);
  const cpuPerRequest = me.cpu / me.total;
  console.log(`user service CPU: ${me.cpu.toFixed(2)} s for ${me.total} requests = ${(cpuPerRequest * 1000).toFixed(3)} ms per request (${(1 / cpuPerRequest).toFixed(0)} req per CPU-second)`);
  writeFigure('api', {
    date: new Date().toISOString().slice(0, 10),
    commit,
    source: 'npm run bench:api',
    machine: `${os.cpus().length} cores shared (load average ${os.loadavg()[0]!.toFixed(1)}), autocannon with ${CONNECTIONS} connections on the same machine`,
    provisional: false,
    note: 'CPU time of the user service process (user + system) over the measured run, divided by the requests answered',
    route: me.title,
    requestsPerSecond: Math.round(me.rps),
    cpuSecondsPerRequest: Number(cpuPerRequest.toPrecision(4)),
  });
  console.log('wrote the api figure to tools/capacity/figures.json (npm run capacity reads it)');
} finally {
  for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error('cleanup:', err));
}
process.exit(0);
