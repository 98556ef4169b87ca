/**
 * Running the services on this machine, for `npm run dev` and `npm run bench:api`: generated code,
 * migrations, the Service Bus emulator and one Node process per service that exists, each with
 * exactly the environment its pod gets (names from the service kit's config).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HEALTH_PATHS, JWKS_PATH, QUEUE_NAMES, SERVICES, needsJwks, nodeOptions, type ServiceName } from '@tripgen/catalog';
import { deployMigrations } from '@tripgen/service-kit/migrations';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { REPO_ROOT, serviceEntry, serviceMigrationsDir } from './layout.ts';
import { databaseUrl } from './local-stack.ts';
import { startNodeProcess, type NodeProcess } from './processes.ts';

/** Prisma clients (git-ignored) are generated from the committed schemas. */
export const generateCode = (): void => {
  const out = spawnSync('bash', ['scripts/generate.sh'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/generate.sh failed');
};

/** The order to start services in: the token issuer first, since the others fetch its JWKS. */
export const inStartOrder = (services: readonly ServiceName[]): ServiceName[] =>
  [...services].sort((a, b) => Number(needsJwks(SERVICES[a])) - Number(needsJwks(SERVICES[b])));

export const migrate = async (s: ServiceName, url = databaseUrl(s)): Promise<string[]> => {
  const dir = serviceMigrationsDir(s);
  if (!existsSync(dir)) return [];
  return deployMigrations(url, dir);
};

export const startEmulator = (port: number): Promise<ServiceBusEmulator> => startServiceBusEmulator({ port, queues: QUEUE_NAMES });

export interface ServiceProcess extends NodeProcess {
  readonly name: ServiceName;
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

/** A service as its container runs it; up once its startup probe answers. */
export const spawnService = async (s: ServiceName, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ServiceProcess> => {
  if (env.JWT_SIGNING_KEY_FILE) await mkdir(path.dirname(env.JWT_SIGNING_KEY_FILE), { recursive: true });
  return { name: s, ...(await startNodeProcess({ entry: serviceEntry(s), env, readyPath: HEALTH_PATHS.startup, onLine: log })) };
};
