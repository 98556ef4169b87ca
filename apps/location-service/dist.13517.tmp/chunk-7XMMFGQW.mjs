import {
  CommandError,
  ConfigError,
  readEnvironment
} from "./chunk-JT54J6WX.mjs";
import {
  DATABASE_ROLES_JOB_ENVIRONMENT,
  IDLE_HEAP_REDUCTION,
  KIT_ENVIRONMENT,
  MIGRATION_JOB,
  SERVICE_COMMANDS,
  SHUTDOWN_TIMING,
  shutdownDeadlineMs,
  workloadName
} from "./chunk-ZR3UZUN5.mjs";

// apps/service-kit/src/main.ts
import { parseArgs } from "node:util";

// apps/service-kit/src/idle-heap-reducer.ts
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { threadId } from "node:worker_threads";
import { runInNewContext } from "node:vm";
var MiB = 2 ** 20;
var SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size=(\d+)$/;
var startingSemiSpaceMiB = (execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") => {
  let mib = 0;
  for (const arg of [...nodeOptions.split(/\s+/), ...execArgv]) {
    const m = SEMI_SPACE_FLAG.exec(arg);
    if (m) mib = Number(m[1]);
  }
  return mib;
};
var exposedGc;
var collector = () => {
  if (exposedGc) return exposedGc;
  if (typeof globalThis.gc === "function") return exposedGc = globalThis.gc;
  v8.setFlagsFromString("--expose-gc");
  try {
    exposedGc = runInNewContext("gc");
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
  return exposedGc;
};
var committedHeap = () => v8.getHeapStatistics().total_heap_size;
var reduceHeapNow = (semiSpaceMiB = startingSemiSpaceMiB()) => {
  const gc = collector();
  const beforeBytes = committedHeap();
  const started = performance.now();
  const profiler = new v8.GCProfiler();
  profiler.start();
  v8.setFlagsFromString("--optimize-for-size");
  let collections = [];
  try {
    gc();
    gc();
  } finally {
    v8.setFlagsFromString("--no-optimize-for-size");
    v8.setFlagsFromString(`--max-semi-space-size=${semiSpaceMiB}`);
    collections = profiler.stop().statistics;
  }
  return { beforeBytes, afterBytes: committedHeap(), ms: performance.now() - started, threadId, fullCollections: collections.filter((c) => c.gcType === "MarkSweepCompact").length };
};
var utilizationSinceLast = () => {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const u = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return u;
  };
};
var startIdleHeapReducer = (opts = {}) => {
  const quietSeconds = opts.quietSeconds ?? IDLE_HEAP_REDUCTION.quietSeconds;
  const quietUtilization = opts.quietUtilization ?? IDLE_HEAP_REDUCTION.quietUtilization;
  const minGrowth = (opts.minGrowthMiB ?? IDLE_HEAP_REDUCTION.minGrowthMiB) * MiB;
  const heapBytes = opts.heapBytes ?? committedHeap;
  const utilization = opts.utilization ?? utilizationSinceLast();
  const semiSpace = startingSemiSpaceMiB();
  const reduce = opts.reduce ?? (() => reduceHeapNow(semiSpace));
  let baseline = heapBytes();
  const recent = [];
  let othersReducing = false;
  const reduceOthers = async (others) => {
    for (const other of others) {
      try {
        opts.onReduced?.(await other.reduce(semiSpace), other.name);
      } catch (err) {
        opts.onFailed?.(err, other.name);
      }
    }
  };
  const tick = () => {
    recent.push(utilization());
    if (recent.length > quietSeconds) recent.shift();
    const heap = heapBytes();
    baseline = Math.min(baseline, heap);
    const quiet = recent.length === quietSeconds && recent.reduce((a, b) => a + b, 0) / quietSeconds < quietUtilization;
    if (!quiet || othersReducing) return;
    const grown = heap >= baseline + minGrowth;
    const others = opts.others?.().filter((o) => o.pending()) ?? [];
    if (!grown && others.length === 0) return;
    recent.length = 0;
    if (grown) {
      const r = reduce();
      baseline = r.afterBytes;
      opts.onReduced?.(r, "main thread");
    }
    if (others.length > 0) {
      othersReducing = true;
      void reduceOthers(others).finally(() => othersReducing = false);
    }
  };
  const timer = setInterval(tick, opts.tickMs ?? 1e3);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
};

// apps/service-kit/src/server.ts
var CLOSE_GRACE_MS = SHUTDOWN_TIMING.closeGraceMs;
var MiB2 = 2 ** 20;
var drainAndClose = async (app, onPhase = () => void 0) => {
  app.kit.drain();
  onPhase("drain delay");
  const delay = app.kit.config.shutdownDelayMs;
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  onPhase("closing");
  const cut = setTimeout(() => {
    app.server.getConnections((_err, open) => {
      app.log.warn({ open, closeGraceMs: CLOSE_GRACE_MS }, "connections still open after the close grace; cut");
      app.server.closeAllConnections();
    });
  }, CLOSE_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
};
var runService = async (app) => {
  const { port, host } = app.kit.config;
  let stopping = false;
  let exitCode = 0;
  const stop = (reason, code) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) {
      if (code === 0) app.log.warn({ reason }, "already draining; signal ignored");
      return;
    }
    stopping = true;
    app.log.info({ reason }, "draining before exit");
    let phase = "drain delay";
    setTimeout(() => {
      app.log.error({ reason, phase, pending: app.kit.pendingShutdownSteps() }, "shutdown outlasted its time; exiting before the kill");
      process.exit(1);
    }, shutdownDeadlineMs()).unref();
    drainAndClose(app, (p) => phase = p).then(
      () => process.exit(exitCode),
      (err) => {
        app.log.error({ err }, "unclean shutdown");
        process.exit(1);
      }
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("SIGINT", () => stop("SIGINT", 0));
  process.on("uncaughtException", (err, origin) => {
    app.log.fatal({ err, origin }, origin === "unhandledRejection" ? "unhandled promise rejection" : "uncaught exception");
    if (origin === "unhandledRejection") stop("unhandledRejection", 1);
    else process.exit(1);
  });
  await app.listen({ port, host });
  startIdleHeapReducer({
    others: () => app.kit.heapsReducedWhenQuiet(),
    onReduced: (r, heap) => app.log.info({ heap, heapBeforeMiB: Math.round(r.beforeBytes / MiB2), heapAfterMiB: Math.round(r.afterBytes / MiB2), ms: Math.round(r.ms) }, "idle heap reduced"),
    onFailed: (err, heap) => app.log.warn({ heap, err }, "idle heap reduction failed")
  });
};

// apps/service-kit/src/main.ts
var OPERATOR_ERRORS = /* @__PURE__ */ new Set(["ConfigError", "CommandError"]);
var isOperatorError = (err) => err instanceof Error && OPERATOR_ERRORS.has(err.name);
var usage = (commands) => `usage: <service entry> [${[...Object.values(SERVICE_COMMANDS), ...Object.entries(commands).map(([name, c]) => c.args ? `${name} ${c.args}` : name)].join(" | ")}]`;
var KIT_COMMANDS = new Set(Object.values(SERVICE_COMMANDS));
var commandArgs = (name, command, rest, usageLine) => {
  const { tokens, positionals } = parseArgs({ args: [...rest], options: {}, strict: false, allowPositionals: true, tokens: true });
  const option = tokens.find((t) => t.kind === "option");
  if (option) throw new CommandError(`${name}: unknown option "${option.rawName}"; ${usageLine}`);
  if (positionals.length > 0 && !command.args) throw new CommandError(`${name} takes no arguments; ${usageLine}`);
  return positionals;
};
var logLine = (service, level, msg, extra = {}) => console.log(JSON.stringify({ level, time: Date.now(), service: workloadName(service), msg, ...extra }));
var migrate = async (opts) => {
  const { DATABASE_URL, DATABASE_AUTH } = KIT_ENVIRONMENT;
  const { values, problems } = readEnvironment({ DATABASE_URL, DATABASE_AUTH }, process.env);
  if (problems.length) throw new ConfigError(problems);
  const { deployMigrations } = await import("./chunk-6S2FXMGL.mjs");
  const { databasePassword } = await import("./chunk-IAQRPSQW.mjs");
  const password = await databasePassword({ databaseAuth: values.DATABASE_AUTH ?? "password" }, process.env);
  const { describeHolders } = await import("./chunk-EZTWICRQ.mjs");
  const applied = await deployMigrations(values.DATABASE_URL, opts.migrationsDir, password, {
    // Each attempt given up for a lock (the file rolled back whole), and who held it: the operator's
    // to end or wait for (docs/runbooks.md#migration-lock-wait).
    onLockRetry: ({ migration, attempt, attempts, delayMs, wait }) => logLine(opts.service, 40, "migration waited for a lock, trying again", {
      migration,
      attempt,
      attempts,
      // lock_timeout, deadlock or serialization failure
      reason: wait.reason,
      retryInMs: delayMs,
      statement: wait.statement,
      blockedBy: describeHolders(wait),
      holders: wait.holders
    })
  });
  logLine(opts.service, 30, applied.length ? "migrations applied" : "migrations up to date", { applied });
};
var databaseRoles = async (opts) => {
  const { values, problems } = readEnvironment(DATABASE_ROLES_JOB_ENVIRONMENT, process.env);
  if (problems.length) throw new ConfigError(problems);
  const { runDatabaseRoles } = await import("./chunk-DZ6XX5DX.mjs");
  const result = await runDatabaseRoles(
    { DATABASE_URL: values.DATABASE_URL, DATABASE_AUTH: values.DATABASE_AUTH, DATABASE_ROLES: values.DATABASE_ROLES },
    process.env
  );
  logLine(opts.service, 30, "database roles ensured", { created: result.created, existing: result.existing });
};
var FAILED = { [SERVICE_COMMANDS.migrate]: "migration failed", [SERVICE_COMMANDS.databaseRoles]: "database roles failed" };
var serviceMain = async (opts, argv = process.argv.slice(2)) => {
  const commands = opts.commands ?? {};
  const clash = Object.keys(commands).filter((name) => KIT_COMMANDS.has(name));
  if (clash.length > 0) throw new Error(`${opts.service}: its own commands may not be named as the kit's: ${clash.join(", ")}`);
  const USAGE = usage(commands);
  const [command = SERVICE_COMMANDS.serve, ...rest] = argv;
  const own = Object.hasOwn(commands, command) ? commands[command] : void 0;
  try {
    if (own) await own.run(commandArgs(command, own, rest, USAGE));
    else {
      if (!KIT_COMMANDS.has(command)) throw new CommandError(`unknown command "${command}"; ${USAGE}`);
      if (rest.length > 0) throw new CommandError(`${command} takes no arguments; ${USAGE}`);
      if (command === SERVICE_COMMANDS.serve) {
        await runService(await opts.build());
        return;
      }
      if (command === SERVICE_COMMANDS.migrate) await migrate(opts);
      else await databaseRoles(opts);
    }
    process.exit(0);
  } catch (err) {
    if (isOperatorError(err)) console.error(err.message);
    else {
      const { stdSerializers } = await import("pino");
      logLine(opts.service, 60, own?.failed ?? FAILED[command] ?? "start failed", { err: stdSerializers.err(err instanceof Error ? err : new Error(String(err))) });
    }
    const rolledBack = !own && command === SERVICE_COMMANDS.migrate && err instanceof Error && err.name === "MigrationRolledBack";
    process.exit(rolledBack ? MIGRATION_JOB.failJobExitCode : 1);
  }
};

export {
  serviceMain
};
