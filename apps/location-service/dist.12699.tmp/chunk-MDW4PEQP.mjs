import {
  MIGRATION_LOCKS
} from "./chunk-ZR3UZUN5.mjs";

// apps/service-kit/src/data/migration-locks.ts
var SQLSTATE = {
  /** `canceling statement due to lock timeout`. */
  lockNotAvailable: "55P03",
  /** `... cannot run inside a transaction block` (CREATE INDEX CONCURRENTLY, VACUUM, ...). */
  activeSqlTransaction: "25001",
  /** `deadlock detected`: PostgreSQL ended one of the transactions waiting for each other. */
  deadlockDetected: "40P01",
  /** `could not serialize access ...`. */
  serializationFailure: "40001"
};
var TRANSIENT_FAILURES = {
  [SQLSTATE.lockNotAvailable]: "lock_timeout",
  [SQLSTATE.deadlockDetected]: "deadlock",
  [SQLSTATE.serializationFailure]: "serialization failure"
};
var sqlState = (err) => {
  const e = err;
  const code = e?.cause?.originalCode ?? e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : void 0;
};
var serverMessage = (err) => {
  const e = err;
  const text = e?.cause?.originalMessage ?? e?.message;
  return typeof text === "string" ? text : String(err);
};
var walk = function* (tree) {
  if (Array.isArray(tree)) for (const t of tree) yield* walk(t);
  else if (tree !== null && typeof tree === "object") {
    yield tree;
    for (const v of Object.values(tree)) yield* walk(v);
  }
};
var quoteIdent = (s) => `"${s.replaceAll('"', '""')}"`;
var relationsOf = (tree) => {
  const names = /* @__PURE__ */ new Set();
  for (const node of walk(tree)) {
    if (typeof node.relname !== "string") continue;
    names.add(typeof node.schemaname === "string" ? `${quoteIdent(node.schemaname)}.${quoteIdent(node.relname)}` : quoteIdent(node.relname));
  }
  return [...names];
};
var runsConcurrently = (tree) => {
  for (const node of walk(tree)) {
    if (node.concurrent === true) return true;
    if (node.DefElem?.defname === "concurrently") return true;
  }
  return false;
};
var TIMEOUTS = /* @__PURE__ */ new Set(["lock_timeout", "statement_timeout"]);
var UNIT_MS = { us: 1e-3, ms: 1, s: 1e3, min: 6e4, h: 36e5, d: 864e5 };
var settingMs = (arg) => {
  const c = arg?.A_Const;
  if (!c) return void 0;
  if (c.ival) return c.ival.ival ?? 0;
  const text = c.fval?.fval ?? c.sval?.sval;
  const m = text === void 0 ? null : /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2] ?? "ms"] : void 0;
};
var ENDS_OR_STARTS_A_TRANSACTION = /* @__PURE__ */ new Set([
  "TRANS_STMT_BEGIN",
  "TRANS_STMT_START",
  "TRANS_STMT_COMMIT",
  "TRANS_STMT_ROLLBACK",
  "TRANS_STMT_PREPARE",
  "TRANS_STMT_COMMIT_PREPARED",
  "TRANS_STMT_ROLLBACK_PREPARED"
]);
var timeoutOverrides = (trees, policy = MIGRATION_LOCKS) => {
  const limit = { lock_timeout: policy.lockTimeoutMs, statement_timeout: policy.statementTimeoutMs };
  const found = [];
  for (const { sql, tree } of trees) {
    const control = tree?.TransactionStmt?.kind;
    if (control !== void 0 && ENDS_OR_STARTS_A_TRANSACTION.has(control)) {
      found.push(`ends the file's transaction, or starts one, so what follows would run without the kit's lock_timeout / statement_timeout and apart from the rest: ${sql}`);
    }
    for (const node of walk(tree)) {
      if (typeof node.name === "string" && TIMEOUTS.has(node.name) && typeof node.kind === "string" && node.kind.startsWith("VAR_")) {
        const ms = node.kind === "VAR_SET_VALUE" ? settingMs(node.args?.[0]) : 0;
        if (ms === void 0 || ms === 0 || ms > limit[node.name]) found.push(`sets ${node.name} longer than the kit's ${limit[node.name]} ms or off: ${sql}`);
      }
      const fn = node.FuncCall;
      const setting = fn?.args?.[0]?.A_Const?.sval?.sval;
      if (fn?.funcname?.at(-1)?.String?.sval === "set_config" && setting !== void 0 && TIMEOUTS.has(setting)) found.push(`sets ${setting} with set_config: ${sql}`);
    }
  }
  return found;
};
var lockHolders = async (db, relations) => {
  if (relations.length === 0) return [];
  const result = await db.queryRaw({
    sql: `SELECT a.pid, a.usename, a.application_name, a.state,
                 floor(extract(epoch FROM now() - a.xact_start))::int AS transaction_seconds,
                 l.relation::regclass::text AS relation, l.mode, left(a.query, 200) AS query
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
             AND l.relation IN (SELECT to_regclass(n) FROM json_array_elements_text($1::json) AS n)
           ORDER BY a.xact_start, a.pid`,
    args: [JSON.stringify(relations)],
    argTypes: [{ scalarType: "string", arity: "scalar" }]
  });
  return result.rows.map(([pid, user, application, state, transactionSeconds, relation, mode, query]) => ({
    pid: Number(pid),
    user,
    application,
    state,
    transactionSeconds: transactionSeconds === null ? null : Number(transactionSeconds),
    relation,
    mode,
    query
  }));
};
var PRISMA_MIGRATION_LOCK = { key: 72707369, statement: "SELECT pg_advisory_lock(72707369)" };
var ADVISORY_LOCK = "advisory lock";
var isAdvisoryLockTimeout = (err) => err instanceof Error && err.message.includes(PRISMA_MIGRATION_LOCK.statement);
var advisoryLockHolders = async (db) => {
  const result = await db.queryRaw({
    sql: `SELECT a.pid, a.usename, a.application_name, a.state,
                 floor(extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start)))::int AS seconds,
                 left(a.query, 200) AS query
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
             AND l.classid = 0 AND l.objsubid = 1 AND l.objid = $1::int::oid
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY a.pid`,
    args: [PRISMA_MIGRATION_LOCK.key],
    argTypes: [{ scalarType: "int", arity: "scalar" }]
  });
  return result.rows.map(([pid, user, application, state, seconds, query]) => ({
    pid: Number(pid),
    user,
    application,
    state,
    transactionSeconds: seconds === null ? null : Number(seconds),
    relation: "Prisma Migrate advisory lock",
    mode: "ExclusiveLock",
    query
  }));
};
var oneLine = (s, max = 120) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
};
var describeHolders = (wait) => wait.holders.length === 0 ? `no session holds a lock on ${wait.relations.join(", ") || "its tables"} any more` : `held by ${wait.holders.map(
  (h) => `pid ${h.pid} (user ${h.user ?? "?"}, application "${h.application ?? ""}", ${h.state ?? "?"}, transaction open ${h.transactionSeconds ?? "?"} s, ${h.mode} on ${h.relation}, last query "${oneLine(h.query ?? "")}")`
).join("; ")}`;
var MigrationLockTimeout = class extends Error {
  constructor(migration, attempts, wait, policy, options) {
    super(
      (wait.reason === "lock_timeout" ? `migration ${migration} waited ${policy.lockTimeoutMs} ms (lock_timeout) for a lock ${attempts} times and gave up, so reads and writes of its tables did not queue behind it: ` : wait.reason === ADVISORY_LOCK ? `migrate waited for Prisma's migration lock (the engine's 10 s) ${attempts} times and gave up, another migrate of this database holding it: ` : `migration ${migration} was ended by PostgreSQL (${wait.reason}) ${attempts} times and gave up: `) + `"${oneLine(wait.statement)}" ${describeHolders(wait)}. Nothing of it is applied; it runs again at the next migrate (the Job's next pod, or re-sync) once that transaction ends (docs/runbooks.md#migration-lock-wait)`,
      options
    );
    this.migration = migration;
    this.attempts = attempts;
    this.wait = wait;
  }
  migration;
  attempts;
  wait;
  name = "MigrationLockTimeout";
};
var MigrationRolledBack = class extends Error {
  constructor(migration, statement, sqlState2, reason, options) {
    super(
      `migration ${migration} failed at "${oneLine(statement)}": ${reason}${sqlState2 ? ` (SQLSTATE ${sqlState2})` : ""}. It was rolled back whole, nothing of it is applied, and it is marked rolled back, so the next migrate runs it again once the migration or the data is fixed (docs/runbooks.md#migration-lock-wait)`,
      options
    );
    this.migration = migration;
    this.statement = statement;
    this.sqlState = sqlState2;
  }
  migration;
  statement;
  sqlState;
  name = "MigrationRolledBack";
};

export {
  SQLSTATE,
  TRANSIENT_FAILURES,
  sqlState,
  serverMessage,
  relationsOf,
  runsConcurrently,
  timeoutOverrides,
  lockHolders,
  PRISMA_MIGRATION_LOCK,
  ADVISORY_LOCK,
  isAdvisoryLockTimeout,
  advisoryLockHolders,
  describeHolders,
  MigrationLockTimeout,
  MigrationRolledBack
};
