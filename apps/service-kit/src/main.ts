/**
 * A service image's entry point (its Dockerfile's ENTRYPOINT runs the service's src/server.ts,
 * which calls this): with no command, or `serve`, it runs the service; `migrate` applies the
 * service's committed migrations, shipped in the image beside its code, to DATABASE_URL with the
 * offline WebAssembly schema engine and exits; `database-roles` (prod) ensures every service's
 * PostgreSQL role for its managed identity (data/database-roles.ts) and exits. The Jobs run the
 * same image with the catalog's `migrationArgs` / `databaseRolesArgs`, so they need nothing from
 * the repository. A service may add commands of its own (`commands`, e.g. the location service's
 * `load-places`): they run in its image the same way, from the bundle, with nothing else shipped.
 */
import { parseArgs } from 'node:util';
import { DATABASE_ROLES_JOB_ENVIRONMENT, KIT_ENVIRONMENT, MIGRATION_JOB, SERVICE_COMMANDS, workloadName, type ServiceName } from '@tripgen/catalog';
import type { App } from './app.ts';
import { CommandError } from './command-error.ts';
import { ConfigError, readEnvironment } from './config.ts';
import { runService } from './server.ts';
import { watchProcessStart, type StartWatchOptions } from './start-watch.ts';

export { CommandError } from './command-error.ts';

export interface ServiceMainOptions {
  readonly service: ServiceName;
  /** The service's committed migrations (absolute path; the image copies them beside the code). */
  readonly migrationsDir: string;
  /** Builds the app; imported lazily by the service so that `migrate` loads no Fastify, Redis or Prisma client. */
  readonly build: () => Promise<App>;
  /**
   * The service's own one-shot commands beside the kit's (SERVICE_COMMANDS), by name: each imports
   * its code lazily, as `build` does, so that `serve` loads none of it.
   */
  readonly commands?: Readonly<Record<string, ServiceCommand>>;
  /** How `serve` watches the process's start (start-watch.ts); tests give a shorter probe timing's. */
  readonly startWatch?: Pick<StartWatchOptions, 'timing'>;
}

/** A one-shot command of one service's entry point (ServiceMainOptions.commands). */
export interface ServiceCommand {
  /** The positional arguments it takes, for the usage line (e.g. `[file.json ...]`); absent: none. */
  readonly args?: string;
  /** The message of the JSON line logged when it fails otherwise than by a CommandError or a ConfigError. */
  readonly failed: string;
  /** Runs it with its positional arguments (options are refused before it runs); the process exits 0 when it resolves. */
  readonly run: (args: readonly string[]) => Promise<void>;
}


/**
 * Whether `err` is the operator's to fix from its message alone (a ConfigError, a CommandError). By
 * name, not instanceof: whether a command's module (an entry of its own, bundle-service.mjs) holds the
 * server's copy of a kit class or one of its own is the bundler's choice (its code splitting shares it
 * today). The names each class sets (a bundler may rename a class, never a string).
 */
const OPERATOR_ERRORS: ReadonlySet<string> = new Set(['ConfigError', 'CommandError']);
const isOperatorError = (err: unknown): err is Error => err instanceof Error && OPERATOR_ERRORS.has(err.name);

const usage = (commands: Readonly<Record<string, ServiceCommand>>): string =>
  `usage: <service entry> [${[...Object.values(SERVICE_COMMANDS), ...Object.entries(commands).map(([name, c]) => (c.args ? `${name} ${c.args}` : name))].join(' | ')}]`;

const KIT_COMMANDS: ReadonlySet<string> = new Set(Object.values(SERVICE_COMMANDS));

/** The positional arguments of a service's own command; an option, or an argument where it takes none, is a usage error. */
const commandArgs = (name: string, command: ServiceCommand, rest: readonly string[], usageLine: string): string[] => {
  // `--` ends the options, as everywhere: a file whose name starts with '-' is still a file.
  const { tokens, positionals } = parseArgs({ args: [...rest], options: {}, strict: false, allowPositionals: true, tokens: true });
  const option = tokens.find((t) => t.kind === 'option');
  if (option) throw new CommandError(`${name}: unknown option "${option.rawName}"; ${usageLine}`);
  if (positionals.length > 0 && !command.args) throw new CommandError(`${name} takes no arguments; ${usageLine}`);
  return positionals;
};

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
  const { describeHolders } = await import('./data/migration-locks.ts');
  const applied = await deployMigrations(values.DATABASE_URL, opts.migrationsDir, password, {
    // Each attempt given up for a lock (the file rolled back whole), and who held it: the operator's
    // to end or wait for (docs/runbooks.md#migration-lock-wait).
    onLockRetry: ({ migration, attempt, attempts, delayMs, wait }) =>
      logLine(opts.service, 40, 'migration waited for a lock, trying again', {
        migration,
        attempt,
        attempts,
        // lock_timeout, deadlock or serialization failure
        reason: wait.reason,
        retryInMs: delayMs,
        statement: wait.statement,
        blockedBy: describeHolders(wait),
        holders: wait.holders,
      }),
  });
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

/** The process's logger until its app's (in the app logger's shape, at LOG_LEVEL): the steps of the start before the app. */
const entryLogger = async (service: ServiceName) => {
  const { LOG_LEVEL } = KIT_ENVIRONMENT;
  // A bad level is loadConfig's to refuse, in the build, naming it with the other bad variables.
  const { values } = readEnvironment({ LOG_LEVEL }, process.env);
  const { pino } = await import('pino');
  return pino({ level: values.LOG_LEVEL ?? 'info', base: { service: workloadName(service) } });
};

/**
 * Runs the service. Its start is watched from here (start-watch.ts: the steps before its createApp
 * too), its warnings counting from the process's own start, as the kubelet counts from its
 * container's. A SIGTERM (or SIGINT) before the app's own handlers are set (runService) names the
 * steps still running and ends the process as the app's drain does after a SIGTERM, with 0: there is
 * nothing to drain yet, no request taken and no message, and Node's default would end it with no line.
 */
const serve = async (opts: ServiceMainOptions): Promise<void> => {
  const start = watchProcessStart(await entryLogger(opts.service), opts.startWatch?.timing);
  const stopBeforeApp = (): void => {
    start.stopping();
    process.exit(0);
  };
  process.on('SIGTERM', stopBeforeApp);
  process.on('SIGINT', stopBeforeApp);
  const handOver = (): void => {
    process.off('SIGTERM', stopBeforeApp);
    process.off('SIGINT', stopBeforeApp);
  };
  let app: App;
  try {
    app = await opts.build();
  } catch (err) {
    handOver();
    throw err;
  }
  // Ours go once runService has set its own (before its first await), never before: removing a
  // signal's last listener closes its handle, and a SIGTERM caught but not yet run (one that came as
  // the build resolved) went with it, the process serving on until the kubelet's SIGKILL.
  const running = runService(app);
  handOver();
  await running;
};

const FAILED: Readonly<Record<string, string>> = { [SERVICE_COMMANDS.migrate]: 'migration failed', [SERVICE_COMMANDS.databaseRoles]: 'database roles failed' };

export const serviceMain = async (opts: ServiceMainOptions, argv: readonly string[] = process.argv.slice(2)): Promise<void> => {
  const commands = opts.commands ?? {};
  const clash = Object.keys(commands).filter((name) => KIT_COMMANDS.has(name));
  // The service's code, not the operator's input: a stack is right.
  if (clash.length > 0) throw new Error(`${opts.service}: its own commands may not be named as the kit's: ${clash.join(', ')}`);
  const USAGE = usage(commands);
  const [command = SERVICE_COMMANDS.serve, ...rest] = argv;
  const own = Object.hasOwn(commands, command) ? commands[command] : undefined;
  try {
    if (own) await own.run(commandArgs(command, own, rest, USAGE));
    else {
      if (!KIT_COMMANDS.has(command)) throw new CommandError(`unknown command "${command}"; ${USAGE}`);
      if (rest.length > 0) throw new CommandError(`${command} takes no arguments; ${USAGE}`);
      if (command === SERVICE_COMMANDS.serve) {
        await serve(opts);
        return;
      }
      if (command === SERVICE_COMMANDS.migrate) await migrate(opts);
      else await databaseRoles(opts);
    }
    // The wasm engine keeps its adapter's pool referenced after free(); a one-shot command just ends.
    process.exit(0);
  } catch (err) {
    // A configuration error, a wrong command or argument, bad input: the operator's to fix from the
    // message alone, no stack.
    if (isOperatorError(err)) console.error(err.message);
    // As the service's own logger shows an err: its type, and its causes' messages and stacks too
    // (loaded here: the entry links no package before it runs a command, bundle-commands.test.ts).
    else {
      const { stdSerializers } = await import('pino');
      logLine(opts.service, 60, own?.failed ?? FAILED[command] ?? 'start failed', { err: stdSerializers.err(err instanceof Error ? err : new Error(String(err))) });
    }
    // The migration failed for itself and is marked rolled back: the Job's next pod would only run it
    // again, so the Job's podFailurePolicy ends the Job on this code (catalog MIGRATION_JOB).
    const rolledBack = !own && command === SERVICE_COMMANDS.migrate && err instanceof Error && err.name === 'MigrationRolledBack';
    process.exit(rolledBack ? MIGRATION_JOB.failJobExitCode : 1);
  }
};
