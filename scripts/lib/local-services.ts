/**
 * Running the services on this machine, for `npm run dev` and `npm run bench:api`: the local
 * stack's settings, migrations, the Service Bus emulator and one Node process per service that
 * exists, each with exactly the environment its pod gets (names from the service kit's config).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HEALTH_PATHS, JWKS_PATH, QUEUE_NAMES, SERVICE_NAMES, SERVICES, needsJwks, nodeOptions, serviceUrlVariable, type ServiceName } from '@tripgen/catalog';
import { openMigrationEngine } from '@tripgen/service-kit/migrations';
import { REPO_ROOT, serviceEntry, serviceMigrationsDir, startNodeProcess, type NodeProcess } from '@tripgen/service-kit/testing';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';

const STACK_VARS = ['STACK_DIR', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'DATABASE_URL_ADMIN', 'REDIS_PORT', 'REDIS_URL'];

/** Starts (or reuses) PostgreSQL and Redis with scripts/stack-up.sh and adopts its settings. */
export const ensureStack = (): void => {
  const out = spawnSync('bash', ['-c', 'source scripts/stack-env.sh && bash scripts/stack-up.sh >&2 && env'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/stack-up.sh failed');
  for (const line of out.stdout.split('\n')) {
    const i = line.indexOf('=');
    const name = line.slice(0, i);
    if (STACK_VARS.includes(name)) process.env[name] = line.slice(i + 1);
  }
};

/** Prisma clients (git-ignored) are generated from the committed schemas. */
export const generateCode = (): void => {
  const out = spawnSync('bash', ['scripts/generate.sh'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/generate.sh failed');
};

export const existingServices = (): ServiceName[] => SERVICE_NAMES.filter((s) => existsSync(path.join(REPO_ROOT, serviceEntry(s))));

/** The order to start services in: the token issuer first, since the others fetch its JWKS. */
export const inStartOrder = (services: readonly ServiceName[]): ServiceName[] =>
  [...services].sort((a, b) => Number(needsJwks(SERVICES[a])) - Number(needsJwks(SERVICES[b])));

export const databaseUrl = (s: ServiceName, database: string = SERVICES[s].database): string => {
  const u = new URL(process.env.DATABASE_URL_ADMIN ?? '');
  u.pathname = `/${database}`;
  return u.toString();
};

export const migrate = async (s: ServiceName, url = databaseUrl(s)): Promise<string[]> => {
  const dir = serviceMigrationsDir(s);
  if (!existsSync(dir)) return [];
  const engine = await openMigrationEngine(url);
  try {
    return await engine.deploy(dir);
  } finally {
    await engine.dispose();
  }
};

/** The location service's data set into its database (`npm run places:load`, the service's own command). */
export const loadPlaces = (url = databaseUrl('location')): void => {
  const out = spawnSync('npm', ['run', '-s', 'places:load'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('npm run places:load failed');
};

export const startEmulator = (port: number): Promise<ServiceBusEmulator> => startServiceBusEmulator({ port, queues: QUEUE_NAMES });

export interface ServiceProcess extends NodeProcess {
  readonly name: ServiceName;
}

/** The environment a service's pod gets, pointed at the local stack. */
export const serviceEnv = (s: ServiceName, extra: Record<string, string>, portOf: (peer: ServiceName) => number = (peer) => SERVICES[peer].port): NodeJS.ProcessEnv => ({
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
  // The services it calls, on their catalog ports (the pods get the cluster addresses).
  ...Object.fromEntries(SERVICES[s].calls.map((c) => [serviceUrlVariable(c), `http://127.0.0.1:${portOf(c)}`])),
  JWT_SIGNING_KEY_FILE: path.join(process.env.STACK_DIR ?? os.tmpdir(), 'user-service-signing-key.pem'),
  ...extra,
});

/** A service as its container runs it; up once its startup probe answers. */
export const spawnService = async (s: ServiceName, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ServiceProcess> => {
  if (env.JWT_SIGNING_KEY_FILE) await mkdir(path.dirname(env.JWT_SIGNING_KEY_FILE), { recursive: true });
  return { name: s, ...(await startNodeProcess({ entry: serviceEntry(s), env, readyPath: HEALTH_PATHS.startup, onLine: log })) };
};
