/**
 * The services a benchmark measures, started the one way every bench script needs them: each its
 * own process as its container runs it (bundle, node flags, heap cap) with production settings, on
 * a free port, on a throwaway database migrated from its committed migrations (the location one
 * loaded with the shipped places), the Service Bus emulator, and a signing key and an address hash key made for the run.
 * `stop` undoes it all, last started first, including what a script hands it with `onStop`.
 */
import { randomBytes } from 'node:crypto';
import { AUTH_PATHS, SERVICES, TOKEN_ISSUER, needsJwks, type ServiceName } from '@tripgen/catalog';
import { exportPKCS8, generateKeyPair } from 'jose';
import { bearerOf, benchCall } from './bench-calls.ts';
import { serviceMigrationsDir } from './layout.ts';
import { generateCode, inStartOrder, loadPlaces, serviceEnv, spawnService, startEmulator, type ServiceProcess } from './local-services.ts';
import { createScratchDatabase, ensureStack, type ScratchDatabase } from './local-stack.ts';
import { freePort } from './processes.ts';

/**
 * What every benchmark sets over a service's local environment. The catalog's 100 requests a
 * minute per user would turn a run into 429s after 100 requests; a benchmark's process stops at once.
 */
export const BENCH_ENVIRONMENT: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '100000000',
  SHUTDOWN_DELAY_MS: '0',
};

export interface BenchStackOptions {
  /** Set over BENCH_ENVIRONMENT for every service (a variable a service does not read is left out for it). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Set as given on every service after its contract's variables, read or not (an experiment with what
   * Node or the C library reads, e.g. LD_PRELOAD, which no contract lists).
   */
  readonly rawEnv?: Readonly<Record<string, string>>;
  /** Node arguments of a service's process, after its catalog flags (so a V8 flag given here wins). */
  readonly nodeArgs?: (s: ServiceName) => readonly string[];
  /** Each line a service writes; stderr, prefixed with its name, by default. */
  readonly onLine?: (s: ServiceName, line: string) => void;
}

export interface BenchStack {
  /** The services in the order they started. */
  readonly services: readonly ServiceProcess[];
  /** A started service (throws for one not started). */
  service(s: ServiceName): ServiceProcess;
  /** The scratch database of a started service. */
  database(s: ServiceName): ScratchDatabase;
  /** Runs `cleanup` at stop, before everything started earlier. */
  onStop(cleanup: () => Promise<unknown>): void;
  /** Stops everything, last started first; a failing step is reported and the others still run. */
  stop(): Promise<void>;
}

export const startBenchStack = async (wanted: readonly ServiceName[], options: BenchStackOptions = {}): Promise<BenchStack> => {
  // A service whose peer is not started would call whatever listens on that peer's catalog port (`npm run dev`'s).
  for (const s of wanted) {
    const missing = [...(needsJwks(SERVICES[s]) ? [TOKEN_ISSUER as ServiceName] : []), ...SERVICES[s].calls].filter((peer) => !wanted.includes(peer));
    if (missing.length > 0) throw new Error(`the ${s} service needs ${missing.join(', ')} started in the same benchmark`);
  }
  ensureStack();
  generateCode();
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((err: unknown) => console.error('cleanup:', err));
  };
  const started: ServiceProcess[] = [];
  const databases = new Map<ServiceName, ScratchDatabase>();
  try {
    const bus = await startEmulator(0);
    cleanups.push(() => bus.stop());
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const signingKey = await exportPKCS8(privateKey);
    // Production asks for it; one for every service, as in a cluster (their address counts are shared).
    const addressHashKey = randomBytes(32).toString('base64');
    const ports = new Map<ServiceName, number>();
    for (const s of wanted) ports.set(s, await freePort());
    const portOf = (peer: ServiceName): number => {
      const port = ports.get(peer);
      if (port === undefined) throw new Error(`${peer} has no port in this benchmark`);
      return port;
    };
    for (const s of inStartOrder(wanted)) {
      const db = await createScratchDatabase(`bench_${s}`, serviceMigrationsDir(s));
      cleanups.push(() => db.drop());
      databases.set(s, db);
      if (s === 'location') loadPlaces(db.url);
      const env = { ...serviceEnv(s, { ...BENCH_ENVIRONMENT, DATABASE_URL: db.url, SERVICEBUS_CONNECTION_STRING: bus.connectionString, JWT_SIGNING_KEY: signingKey, ADDRESS_HASH_KEY: addressHashKey, ...options.env }, portOf), ...options.rawEnv };
      const onLine = options.onLine ?? ((name: ServiceName, line: string) => console.error(`[${name}] ${line}`));
      const p = await spawnService(s, env, (line) => onLine(s, line), options.nodeArgs?.(s) ?? []);
      cleanups.push(() => p.stop());
      started.push(p);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const known = <T>(map: ReadonlyMap<ServiceName, T>, s: ServiceName): T => {
    const v = map.get(s);
    if (v === undefined) throw new Error(`the ${s} service was not started for this benchmark`);
    return v;
  };
  const byName = new Map(started.map((p) => [p.name, p] as const));
  return {
    services: started,
    service: (s) => known(byName, s),
    database: (s) => known(databases, s),
    onStop: (cleanup) => void cleanups.push(cleanup),
    stop,
  };
};

/**
 * The benchmark's traveller signed in on the user service at `userUrl` (registered first; a second
 * registration of the same address is refused and changes nothing): the `authorization` header value.
 */
export const benchAuthorization = async (userUrl: string): Promise<string> => {
  const credentials = { email: 'bench@example.com', password: 'benchmark-password', name: 'Bench' };
  // 409: the account is there from an earlier call of this run.
  await benchCall({ what: "the benchmark's register", method: 'POST', url: `${userUrl}${AUTH_PATHS.register}`, body: credentials, expect: [201, 409] });
  const login = await benchCall({ what: "the benchmark's login", method: 'POST', url: `${userUrl}${AUTH_PATHS.login}`, body: { email: credentials.email, password: credentials.password }, expect: [200] });
  return bearerOf("the benchmark's login", login);
};
