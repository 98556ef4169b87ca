/**
 * Running the services on this machine, for `npm run dev` and the benchmarks: generated code,
 * migrations, the Service Bus emulator and one Node process per service that exists, each with
 * exactly the environment its pod gets (names from the service kit's config).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  HEALTH_PATHS,
  JWKS_PATH,
  MALLOC_ENVIRONMENT,
  QUEUE_NAMES,
  SERVICE_COMMANDS,
  SERVICE_NAMES,
  SERVICES,
  TOKEN_ISSUER,
  needsJwks,
  nodeFlags,
  nodeOptions,
  oneOfGroups,
  serviceEnvironment,
  serviceUrlVariable,
  workloadName,
  type ServiceName,
} from '@tripgen/catalog';
import { builtEntry, bundleService, isFresh } from '@tripgen/service-kit/build';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { PLACE_LOADER, REPO_ROOT, serviceEntry, serviceMigrationsDir } from './layout.ts';
import { databaseUrl } from './local-stack.ts';
import { STARTUP_WAIT_MS, awaitReadiness } from './probes.ts';
import { runNodeCommand, startNodeProcess, type NodeProcess } from './processes.ts';

/** Prisma clients (git-ignored) are generated from the committed schemas. */
export const generateCode = (): void => {
  const out = spawnSync('bash', ['scripts/generate.sh'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/generate.sh failed');
};

/** What a service needs running before it: the token issuer's JWKS, and the services it calls. */
const startsAfter = (s: ServiceName): readonly ServiceName[] => (needsJwks(SERVICES[s]) ? [TOKEN_ISSUER, ...SERVICES[s].calls] : SERVICES[s].calls);

/**
 * The order to start services in: each after the ones it needs (the token issuer first, since the
 * others fetch its JWKS; a caller after the services it calls), so that a run whose processes pick
 * their own ports (PORT=0) can hand each one its peers' addresses. A call cycle (none today) is
 * broken where it closes; services not in the list are not waited for.
 */
export const inStartOrder = (services: readonly ServiceName[]): ServiceName[] => {
  const wanted = new Set(services);
  const order: ServiceName[] = [];
  const seen = new Set<ServiceName>();
  const visit = (s: ServiceName): void => {
    if (seen.has(s) || !wanted.has(s)) return;
    seen.add(s);
    for (const before of startsAfter(s)) visit(before);
    order.push(s);
  };
  for (const s of services) visit(s);
  return order;
};

/** Applies a service's migrations the way its migration Job does: its own entry point's migrate command. */
export const migrate = async (s: ServiceName, url = databaseUrl(s)): Promise<void> => {
  if (!existsSync(serviceMigrationsDir(s))) return;
  const code = await runNodeCommand(serviceEntry(s), [SERVICE_COMMANDS.migrate], { PATH: process.env.PATH, DATABASE_URL: url });
  if (code !== 0) throw new Error(`${s}: migrate exited with ${code}`);
};

/**
 * The location service's data set into its database: the service's own loader, as `npm run places:load`
 * runs it but without that script's code generation, which every caller (npm run dev, the benchmarks)
 * has just done (generateCode).
 */
export const loadPlaces = (url = databaseUrl('location')): void => {
  const out = spawnSync(process.execPath, ['--import', 'tsx', ...PLACE_LOADER], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status !== 0) throw new Error('the place loader (npm run places:load) failed');
};

export const startEmulator = (port: number): Promise<ServiceBusEmulator> => startServiceBusEmulator({ port, queues: QUEUE_NAMES });

export interface ServiceProcess extends NodeProcess {
  readonly name: ServiceName;
}

/** Where a service listens on this machine: its catalog port unless a run gives it another. */
export type PortOf = (s: ServiceName) => number;
const catalogPort: PortOf = (s) => SERVICES[s].port;

/** What each variable of the contract is on this machine (the pod's value, pointed at the local stack and local ports). */
const localValues = (s: ServiceName, portOf: PortOf): Readonly<Record<string, string | undefined>> => ({
  SERVICE_NAME: s,
  PORT: String(portOf(s)),
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
  // The pod's heap cap (its ConfigMap), so local peak RSS figures are those of the container.
  NODE_OPTIONS: nodeOptions(SERVICES[s]),
  ...MALLOC_ENVIRONMENT,
  LOG_LEVEL: 'info',
  DATABASE_URL: databaseUrl(s),
  REDIS_URL: process.env.REDIS_URL,
  JWKS_URL: `http://127.0.0.1:${portOf(TOKEN_ISSUER)}${JWKS_PATH}`,
  // The services it calls (the pods get the in-cluster addresses).
  ...Object.fromEntries(SERVICES[s].calls.map((peer) => [serviceUrlVariable(peer), `http://127.0.0.1:${portOf(peer)}`])),
  JWT_SIGNING_KEY_FILE: path.join(process.env.STACK_DIR ?? os.tmpdir(), `${workloadName(s)}-signing-key.pem`),
});

/**
 * The environment of a service's local process, generated from its environment contract: every
 * variable the service reads that has a local value (the platform's are never set), `extra`
 * overriding. An override the service does not read is left out; one no service reads is a typo
 * and throws. Giving one variable of a oneOf group (e.g. JWT_SIGNING_KEY) drops the others' defaults.
 * `portOf` places the services on other ports than the catalog's (benchmarks on free ports): the
 * service's own PORT, its JWKS_URL and the URLs of the services it calls follow it.
 */
export const serviceEnv = (s: ServiceName, extra: Readonly<Record<string, string>>, portOf: PortOf = catalogPort): NodeJS.ProcessEnv => {
  const contract = serviceEnvironment(s);
  const known = new Set(SERVICE_NAMES.flatMap((x) => Object.keys(serviceEnvironment(x))));
  const typos = Object.keys(extra).filter((name) => !known.has(name));
  if (typos.length > 0) throw new Error(`no service reads ${typos.join(', ')} (environment contracts in @tripgen/catalog)`);
  const overridden = new Set([...oneOfGroups(contract).values()].filter((names) => names.some((n) => n in extra)).flat());
  const values = localValues(s, portOf);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const [name, v] of Object.entries(contract)) {
    if (v.setBy === 'platform') continue;
    const value = name in extra ? extra[name] : overridden.has(name) ? undefined : values[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
};

/** A service's bundle as its image builds it (rebuilt when a source changed), relative to the repository root. */
export const builtServiceEntry = async (s: ServiceName): Promise<string> => {
  const dir = path.join(REPO_ROOT, 'apps', workloadName(s));
  if (!isFresh(dir)) await bundleService(dir);
  return path.relative(REPO_ROOT, builtEntry(dir));
};

/**
 * A service as its container runs it (its bundle on plain node), handed over once the kubelet would
 * list it among its Service's endpoints: its startup probe answered, then its readiness probe
 * (probes.ts; a service that never gets ready is killed and its start fails, naming it). `onSpawn`:
 * the child as soon as it runs, before it is handed over (startNodeProcess).
 */
export const spawnService = async (
  s: ServiceName,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  nodeArgs: readonly string[] = [],
  onSpawn?: (child: ChildProcess) => void,
): Promise<ServiceProcess> => {
  if (env.JWT_SIGNING_KEY_FILE) await mkdir(path.dirname(env.JWT_SIGNING_KEY_FILE), { recursive: true });
  const p = await startNodeProcess({ entry: await builtServiceEntry(s), env, readyPath: HEALTH_PATHS.startup, timeoutMs: STARTUP_WAIT_MS, onLine: log, nodeArgs: [...nodeFlags(SERVICES[s]), ...nodeArgs], onSpawn });
  try {
    await awaitReadiness(s, p);
  } catch (err) {
    await p.kill();
    throw err;
  }
  return { name: s, ...p };
};
