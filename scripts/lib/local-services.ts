/**
 * Running the services on this machine, for `npm run dev` and `npm run bench:api`: the local
 * stack's settings, migrations, the Service Bus emulator and one Node process per service that
 * exists, each with exactly the environment its pod gets (names from the service kit's config).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HEALTH_PATHS, JWKS_PATH, QUEUE_NAMES, SERVICE_NAMES, SERVICES, nodeOptions, type ServiceName } from '@tripgen/catalog';
import { openMigrationEngine } from '@tripgen/service-kit/migrations';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const STACK_VARS = ['STACK_DIR', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'DATABASE_URL_ADMIN', 'REDIS_PORT', 'REDIS_URL'];

/** Starts (or reuses) PostgreSQL and Redis with scripts/stack-up.sh and adopts its settings. */
export const ensureStack = (): void => {
  const out = spawnSync('bash', ['-c', 'source scripts/stack-env.sh && bash scripts/stack-up.sh >&2 && env'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/stack-up.sh failed');
  for (const line of out.stdout.split('\n')) {
    const i = line.indexOf('=');
    const name = line.slice(0, i);
    if (STACK_VARS.includes(name)) process.env[name] = line.slice(i + 1);
  }
};

/** Prisma clients (git-ignored) are generated from the committed schemas. */
export const generateCode = (): void => {
  const out = spawnSync('bash', ['scripts/generate.sh'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/generate.sh failed');
};

export const existingServices = (): ServiceName[] => SERVICE_NAMES.filter((s) => existsSync(path.join(ROOT, 'apps', `${s}-service`, 'src', 'server.ts')));

export const databaseUrl = (s: ServiceName, database: string = SERVICES[s].database): string => {
  const u = new URL(process.env.DATABASE_URL_ADMIN ?? '');
  u.pathname = `/${database}`;
  return u.toString();
};

export const migrate = async (s: ServiceName, url = databaseUrl(s)): Promise<string[]> => {
  const dir = path.join(ROOT, 'apps', `${s}-service`, 'prisma', 'migrations');
  if (!existsSync(dir)) return [];
  const engine = await openMigrationEngine(url);
  try {
    return await engine.deploy(dir);
  } finally {
    await engine.dispose();
  }
};

export const startEmulator = (port: number): Promise<ServiceBusEmulator> => startServiceBusEmulator({ port, queues: QUEUE_NAMES });

export interface ServiceProcess {
  readonly name: ServiceName;
  readonly child: ChildProcess;
  readonly url: string;
  /** Peak resident set (VmHWM) so far, in bytes. */
  peakRss(): number;
  stop(): Promise<void>;
}

/** The environment a service's pod gets, pointed at the local stack. */
export const serviceEnv = (s: ServiceName, extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  SERVICE_NAME: s,
  PORT: String(SERVICES[s].port),
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
  // The pod's heap cap (its ConfigMap), so local peak RSS figures are those of the container.
  NODE_OPTIONS: nodeOptions(SERVICES[s]),
  LOG_LEVEL: 'info',
  DATABASE_URL: databaseUrl(s),
  REDIS_URL: process.env.REDIS_URL,
  JWKS_URL: `http://127.0.0.1:${SERVICES.user.port}${JWKS_PATH}`,
  JWT_SIGNING_KEY_FILE: path.join(process.env.STACK_DIR ?? os.tmpdir(), 'user-service-signing-key.pem'),
  ...extra,
});

export const spawnService = async (s: ServiceName, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ServiceProcess> => {
  if (env.JWT_SIGNING_KEY_FILE) await mkdir(path.dirname(env.JWT_SIGNING_KEY_FILE), { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('apps', `${s}-service`, 'src', 'server.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => log(l));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${s} service exited with ${child.exitCode} during start`);
    if (await fetch(`${url}${HEALTH_PATHS.startup}`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`${s} service did not start within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name: s,
    child,
    url,
    peakRss: () => {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : Number.NaN;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};
