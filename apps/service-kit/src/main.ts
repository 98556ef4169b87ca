/**
 * A service image's entry point (its Dockerfile's ENTRYPOINT runs the service's src/server.ts,
 * which calls this): with no command, or `serve`, it runs the service; `migrate` applies the
 * service's committed migrations, shipped in the image beside its code, to DATABASE_URL with the
 * offline WebAssembly schema engine and exits; `database-roles` (prod) ensures every service's
 * PostgreSQL role for its managed identity (data/database-roles.ts) and exits. The Jobs run the
 * same image with the catalog's `migrationArgs` / `databaseRolesArgs`, so they need nothing from
 * the repository.
 */
import { DATABASE_ROLES_JOB_ENVIRONMENT, KIT_ENVIRONMENT, SERVICE_COMMANDS, workloadName, type ServiceName } from '@tripgen/catalog';
import type { App } from './app.ts';
import { ConfigError, readEnvironment } from './config.ts';
import { runService } from './server.ts';

export interface ServiceMainOptions {
  readonly service: ServiceName;
  /** The service's committed migrations (absolute path; the image copies them beside the code). */
  readonly migrationsDir: string;
  /** Builds the app; imported lazily by the service so that `migrate` loads no Fastify, Redis or Prisma client. */
  readonly build: () => Promise<App>;
}

const USAGE = `usage: <service entry> [${Object.values(SERVICE_COMMANDS).join(' | ')}]`;

/** One JSON line, in the shape of the service's own logs, for the one-shot command. */
const logLine = (service: ServiceName, level: number, msg: string, extra: Record<string, unknown> = {}): void =>
  console.log(JSON.stringify({ level, time: Date.now(), service: workloadName(service), msg, ...extra }));

const migrate = async (opts: ServiceMainOptions): Promise<void> => {
  const { DATABASE_URL, DATABASE_AUTH } = KIT_ENVIRONMENT;
  const { values, problems } = readEnvironment({ DATABASE_URL, DATABASE_AUTH }, process.env);
  if (problems.length) throw new ConfigError(problems);
  const { deployMigrations } = await import('./data/schema-engine.ts');
  const { databasePassword } = await import('./data/postgres-entra.ts');
  // The Job signs in like its service: with DATABASE_AUTH=entra, the pod's workload identity.
  const password = await databasePassword({ databaseAuth: (values.DATABASE_AUTH ?? 'password') as 'password' | 'entra' }, process.env);
  const applied = await deployMigrations(values.DATABASE_URL, opts.migrationsDir, password);
  logLine(opts.service, 30, applied.length ? 'migrations applied' : 'migrations up to date', { applied });
};

const databaseRoles = async (opts: ServiceMainOptions): Promise<void> => {
  // Exactly the Job's contract: a variable it needs and lacks is one clear line, not a stack.
  const { values, problems } = readEnvironment(DATABASE_ROLES_JOB_ENVIRONMENT, process.env);
  if (problems.length) throw new ConfigError(problems);
  const { runDatabaseRoles } = await import('./data/database-roles.ts');
  const result = await runDatabaseRoles(
    { DATABASE_URL: values.DATABASE_URL, DATABASE_AUTH: values.DATABASE_AUTH as 'password' | 'entra', DATABASE_ROLES: values.DATABASE_ROLES },
    process.env,
  );
  logLine(opts.service, 30, 'database roles ensured', { created: result.created, existing: result.existing });
};

const FAILED: Readonly<Record<string, string>> = { [SERVICE_COMMANDS.migrate]: 'migration failed', [SERVICE_COMMANDS.databaseRoles]: 'database roles failed' };

export const serviceMain = async (opts: ServiceMainOptions, argv: readonly string[] = process.argv.slice(2)): Promise<void> => {
  const [command = SERVICE_COMMANDS.serve, ...rest] = argv;
  try {
    if (rest.length > 0) throw new ConfigError([USAGE]);
    if (command === SERVICE_COMMANDS.serve) {
      await runService(await opts.build());
      return;
    }
    if (command === SERVICE_COMMANDS.migrate) await migrate(opts);
    else if (command === SERVICE_COMMANDS.databaseRoles) await databaseRoles(opts);
    else throw new ConfigError([`unknown command "${command}"; ${USAGE}`]);
    // The wasm engine keeps its adapter's pool referenced after free(); a one-shot command just ends.
    process.exit(0);
  } catch (err) {
    // A configuration error is the operator's to fix: one clear line, no stack.
    if (err instanceof ConfigError) console.error(err.message);
    else logLine(opts.service, 60, FAILED[command] ?? 'start failed', { err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) });
    process.exit(1);
  }
};
