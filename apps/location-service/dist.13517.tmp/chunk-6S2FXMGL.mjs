import {
  ADVISORY_LOCK,
  MigrationLockTimeout,
  MigrationRolledBack,
  PRISMA_MIGRATION_LOCK,
  SQLSTATE,
  TRANSIENT_FAILURES,
  advisoryLockHolders,
  isAdvisoryLockTimeout,
  lockHolders,
  relationsOf,
  runsConcurrently,
  serverMessage,
  sqlState,
  timeoutOverrides
} from "./chunk-MDW4PEQP.mjs";
import {
  MIGRATION_LOCKS,
  migrationRetryDelayMs
} from "./chunk-ZR3UZUN5.mjs";
import "./chunk-7P6ASYW6.mjs";

// apps/service-kit/src/data/schema-engine.ts
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory
} from "@prisma/driver-adapter-utils";
var PG_CHAR_OID = 18;
var PG_CHAR_ARRAY_OID = 1002;
var relabelChar = (result) => {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_CHAR_ARRAY_OID;
  }
};
var characterColumns = (result) => {
  const columnTypes = result.columnTypes.map(
    (type, i) => type === ColumnTypeEnum.CharacterArray && result.rows.some((row) => typeof row[i] === "string") ? ColumnTypeEnum.Character : type
  );
  return { ...result, columnTypes };
};
var withCharacterColumns = (queryable) => {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => characterColumns(await queryRaw(query));
  return queryable;
};
var decodeCharAsText = (pool) => {
  pool.on("connect", (client) => {
    const original = client.query.bind(client);
    client.query = (...args) => {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        args[args.length - 1] = (err, res) => {
          if (!err) relabelChar(res);
          last(err, res);
        };
        return original(...args);
      }
      const out = original(...args);
      if (out instanceof Promise) return out.then((res) => (relabelChar(res), res));
      return out;
    };
  });
  return pool;
};
var pgConfigFromUrl = (url) => {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    max: 4,
    // Let a one-shot CLI exit promptly once the engine is done.
    idleTimeoutMillis: 500,
    allowExitOnIdle: true
  };
};
var quoteIdent = (s) => `"${s.replaceAll('"', '""')}"`;
var parseScript = async (script) => {
  const { loadModule, parse } = await import("libpg-query");
  await loadModule();
  const { stmts } = await parse(script);
  const bytes = Buffer.from(script, "utf8");
  return (stmts ?? []).map(({ stmt, stmt_location: from = 0, stmt_len: length = 0 }) => ({
    sql: bytes.subarray(from, length === 0 ? bytes.length : from + length).toString("utf8").trim(),
    tree: stmt
  })).filter(({ sql }) => sql.length > 0);
};
var scriptStatements = async (script) => (await parseScript(script)).map(({ sql }) => sql);
var raw = (sql) => ({ sql, args: [], argTypes: [] });
var milliseconds = (ms) => {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`a timeout in whole milliseconds >= 0, not ${ms}`);
  return ms;
};
var migrationAdapterFactory = (url, password, options = {}) => {
  const config = password === void 0 ? pgConfigFromUrl(url) : { ...pgConfigFromUrl(url), password };
  const policy = { ...MIGRATION_LOCKS, ...options.locks };
  const connect = async (database, dispose) => {
    const pool = decodeCharAsText(new pg.Pool({ ...config, database }));
    const busy = /* @__PURE__ */ new Set();
    pool.on("acquire", (client) => busy.add(client));
    pool.on("release", (_err, client) => busy.delete(client));
    pool.on("remove", (client) => busy.delete(client));
    const adapter = withCharacterColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharacterColumns(await startTransaction(isolationLevel));
    const runAlone = async (statement) => {
      if (runsConcurrently(statement.tree)) {
        await adapter.executeRaw(raw(statement.sql));
        return;
      }
      const conn = await startTransaction();
      try {
        await conn.executeRaw(raw("COMMIT"));
        await conn.executeRaw(raw(`SET lock_timeout = ${milliseconds(policy.lockTimeoutMs)}`));
        await conn.executeRaw(raw(`SET statement_timeout = ${milliseconds(policy.statementTimeoutMs)}`));
        try {
          await conn.executeRaw(raw(statement.sql));
        } finally {
          await conn.executeRaw(raw("RESET lock_timeout"));
          await conn.executeRaw(raw("RESET statement_timeout"));
        }
      } finally {
        await conn.rollback();
      }
    };
    const commitOutcome = async (id) => {
      if (id === void 0) return void 0;
      try {
        const result = await adapter.queryRaw({ sql: "SELECT pg_xact_status($1::text::xid8)", args: [id], argTypes: [{ scalarType: "string", arity: "scalar" }] });
        const status = result.rows[0]?.[0];
        return typeof status === "string" ? status : void 0;
      } catch {
        return void 0;
      }
    };
    adapter.executeScript = async (script) => {
      const statements = await parseScript(script);
      const [first] = statements;
      if (first === void 0) return;
      const tx = await startTransaction();
      let running = first;
      let failure;
      let xid;
      let committing = false;
      try {
        await tx.executeRaw(raw(`SET LOCAL lock_timeout = ${milliseconds(policy.lockTimeoutMs)}`));
        await tx.executeRaw(raw(`SET LOCAL statement_timeout = ${milliseconds(policy.statementTimeoutMs)}`));
        for (const statement of statements) {
          running = statement;
          await tx.executeRaw(raw(statement.sql));
        }
        xid = String((await tx.queryRaw(raw("SELECT pg_current_xact_id()::text"))).rows[0]?.[0]);
        committing = true;
        await tx.executeRaw(raw("COMMIT"));
      } catch (err) {
        failure = err;
        await tx.executeRaw(raw("ROLLBACK")).catch(() => void 0);
      } finally {
        await tx.rollback();
      }
      if (failure === void 0) return;
      let rolledBackWhole = true;
      if (committing) {
        const status = await commitOutcome(xid);
        if (status === "committed") return;
        rolledBackWhole = status === "aborted";
      }
      if (statements.length === 1 && sqlState(failure) === SQLSTATE.activeSqlTransaction) {
        rolledBackWhole = !runsConcurrently(first.tree);
        try {
          await runAlone(first);
          return;
        } catch (err) {
          failure = err;
        }
      }
      if (options.onFileFailure) {
        const state = sqlState(failure);
        const reason = state === void 0 ? void 0 : TRANSIENT_FAILURES[state];
        let wait;
        if (reason !== void 0) {
          const relations = relationsOf(running.tree);
          const holders = await lockHolders(adapter, relations).catch(() => []);
          wait = { reason, statement: running.sql, relations, holders };
        }
        options.onFileFailure({ statement: running.sql, sqlState: state, message: serverMessage(failure), rolledBackWhole, ...wait ? { wait } : {} });
      }
      throw failure;
    };
    const close = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await cancelBackends(database, [...busy].map((c) => c.processID).filter((pid) => pid !== null)).catch(() => {
        for (const client of busy) client.connection?.stream?.destroy();
      });
      await close();
      await dispose?.();
    };
    return adapter;
  };
  const admin = async (sql, args = [], database = config.database) => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    try {
      await client.query(sql, args);
    } finally {
      await client.end();
    }
  };
  const cancelBackends = async (database, pids) => {
    if (pids.length > 0) await admin("SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid", [pids], database);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(config.database ?? "postgres"),
    connectToShadowDb: async () => {
      const shadow = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(`CREATE DATABASE ${quoteIdent(shadow)}`);
      return connect(shadow, () => admin(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`));
    }
  };
};
var wasmModule;
var loadWasm = () => wasmModule ??= (async () => {
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(fileURLToPath(bgUrl));
  const bg = await import(bgUrl);
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { WebAssembly: wasmApi } = globalThis;
  const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
})();
var readSchemaFolder = async (dir) => {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".prisma")).sort();
  return { files: await Promise.all(names.map(async (n) => ({ path: path.join(dir, n), content: await readFile(path.join(dir, n), "utf8") }))) };
};
var readMigrations = async (migrationsDir) => {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (d) => {
        const content = await readFile(path.join(migrationsDir, d, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok", value }),
          (e) => ({ tag: "error", value: e.message })
        );
        return { path: d, migrationFile: { path: "migration.sql", content } };
      })
    )
  };
};
var migrationChecksum = (sql) => createHash("sha256").update(sql).digest("hex");
var NO_FILTER = { externalTables: [], externalEnums: [] };
var openMigrationEngine = async (databaseUrl, schema, password, options = {}) => {
  const wasm = await loadWasm();
  const adapters = migrationAdapterFactory(databaseUrl, password, options);
  const opened = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    ...adapters,
    connect: async () => {
      const adapter = await adapters.connect();
      opened.push(adapter);
      return adapter;
    }
  });
  const logs = [];
  const datamodels = schema ? schema.files.map((f) => [f.path, f.content]) : void 0;
  const closeAll = () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
  const engine = await wasm.SchemaEngine.new({ datamodels }, (log) => logs.push(log), factory).catch(async (e) => {
    await closeAll();
    throw e;
  });
  const asScript = (r) => r.stdout ?? "";
  const container = (s) => ({ files: s.files.map((f) => ({ path: f.path, content: f.content })) });
  return {
    async deploy(migrationsDir) {
      const out = await engine.applyMigrations({ migrationsList: await readMigrations(migrationsDir), filters: NO_FILTER });
      return out.appliedMigrationNames;
    },
    async failedMigrations(migrationsDir) {
      const out = await engine.diagnoseMigrationHistory({ migrationsList: await readMigrations(migrationsDir), optInToShadowDatabase: false, filters: NO_FILTER });
      return out.failedMigrationNames;
    },
    async markRolledBack(migrationName) {
      await engine.markMigrationRolledBack({ migrationName });
    },
    async diffFromMigrations(migrationsDir, target) {
      const r = await engine.diff({
        from: { tag: "migrations", ...await readMigrations(migrationsDir) },
        to: { tag: "schemaDatamodel", ...container(target) },
        script: true,
        exitCode: null,
        filters: NO_FILTER
      });
      return asScript(r);
    },
    async diffFromEmpty(target) {
      const r = await engine.diff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", ...container(target) }, script: true, exitCode: null, filters: NO_FILTER });
      return asScript(r);
    },
    async dispose() {
      engine.free();
      await closeAll();
    }
  };
};
var refuseTimeoutOverrides = async (migrationsDir, policy) => {
  const problems = [];
  for (const { path: name, migrationFile } of (await readMigrations(migrationsDir)).migrationDirectories) {
    if (migrationFile.content.tag !== "ok") continue;
    for (const problem of timeoutOverrides(await parseScript(migrationFile.content.value), policy)) problems.push(`${name}: ${problem}`);
  }
  if (problems.length > 0) throw new Error(`migrations may not lengthen or switch off the kit's lock_timeout / statement_timeout (catalog MIGRATION_LOCKS):
${problems.join("\n")}`);
};
var whoHoldsTheMigrationLock = async (databaseUrl, password) => {
  const adapter = await migrationAdapterFactory(databaseUrl, password).connect();
  try {
    return await advisoryLockHolders(adapter);
  } finally {
    await adapter.dispose();
  }
};
var deployMigrations = async (databaseUrl, migrationsDir, password, options = {}) => {
  const policy = { ...MIGRATION_LOCKS, ...options.locks };
  await refuseTimeoutOverrides(migrationsDir, policy);
  for (let attempt = 1; ; attempt += 1) {
    const seen = {};
    const engine = await openMigrationEngine(databaseUrl, void 0, password, { locks: policy, onFileFailure: (failure) => seen.failure = failure });
    let gaveUp;
    try {
      return await engine.deploy(migrationsDir);
    } catch (err) {
      if (isAdvisoryLockTimeout(err)) {
        const holders = await whoHoldsTheMigrationLock(databaseUrl, password).catch(() => []);
        gaveUp = { migration: "(none started)", wait: { reason: ADVISORY_LOCK, statement: PRISMA_MIGRATION_LOCK.statement, relations: [], holders }, err };
      } else {
        const { failure } = seen;
        if (failure === void 0 || !failure.rolledBackWhole) throw err;
        const failed = await engine.failedMigrations(migrationsDir);
        for (const name of failed) await engine.markRolledBack(name);
        if (failure.wait === void 0) throw new MigrationRolledBack(failed.join(", "), failure.statement, failure.sqlState, failure.message, { cause: err });
        gaveUp = { migration: failed.join(", "), wait: failure.wait, err };
      }
    } finally {
      await engine.dispose();
    }
    if (attempt >= policy.attempts) throw new MigrationLockTimeout(gaveUp.migration, attempt, gaveUp.wait, policy, { cause: gaveUp.err });
    const delayMs = migrationRetryDelayMs(policy, attempt);
    options.onLockRetry?.({ migration: gaveUp.migration, attempt, attempts: policy.attempts, delayMs, wait: gaveUp.wait });
    await sleep(delayMs);
  }
};
export {
  MigrationLockTimeout,
  MigrationRolledBack,
  deployMigrations,
  migrationAdapterFactory,
  migrationChecksum,
  openMigrationEngine,
  parseScript,
  pgConfigFromUrl,
  readMigrations,
  readSchemaFolder,
  scriptStatements
};
