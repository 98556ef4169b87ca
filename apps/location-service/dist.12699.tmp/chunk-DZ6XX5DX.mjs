import "./chunk-7P6ASYW6.mjs";

// apps/service-kit/src/data/database-roles.ts
import pg from "pg";
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var NAME = /^[a-z0-9_-]{1,63}$/;
function parseDatabaseRoles(json) {
  if (!json) throw new Error("DATABASE_ROLES is required: a JSON list of {role, objectId, database, extensions}");
  const raw = JSON.parse(json);
  if (!Array.isArray(raw) || raw.length === 0) throw new Error("DATABASE_ROLES must be a non-empty JSON list");
  return raw.map((r, i) => {
    const o = r ?? {};
    const problems = [];
    if (typeof o.role !== "string" || !NAME.test(o.role)) problems.push("role");
    if (typeof o.objectId !== "string" || !GUID.test(o.objectId)) problems.push("objectId");
    if (typeof o.database !== "string" || !NAME.test(o.database)) problems.push("database");
    const extensions = o.extensions ?? [];
    if (!Array.isArray(extensions) || !extensions.every((e) => typeof e === "string" && NAME.test(e))) problems.push("extensions");
    if (problems.length > 0) throw new Error(`DATABASE_ROLES[${i}]: invalid ${problems.join(", ")}`);
    return { role: o.role, objectId: o.objectId, database: o.database, extensions };
  });
}
async function ensureDatabaseRoles(admin, connectTo, roles) {
  const created = [];
  const existing = [];
  for (const r of roles) {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [r.role]);
    if (rowCount) {
      existing.push(r.role);
    } else {
      await admin.query("SELECT * FROM pgaadauth_create_principal_with_oid($1, $2, 'service', false, false)", [r.role, r.objectId]);
      created.push(r.role);
    }
    const role = pg.escapeIdentifier(r.role);
    await admin.query(`GRANT ALL PRIVILEGES ON DATABASE ${pg.escapeIdentifier(r.database)} TO ${role}`);
    const db = await connectTo(r.database);
    try {
      for (const ext of r.extensions) await db.query(`CREATE EXTENSION IF NOT EXISTS ${pg.escapeIdentifier(ext)}`);
      await db.query(`GRANT ALL ON SCHEMA public TO ${role}`);
    } finally {
      await db.end();
    }
  }
  return { created, existing };
}
async function runDatabaseRoles(values, env) {
  const roles = parseDatabaseRoles(values.DATABASE_ROLES);
  const { databasePassword, poolConfigWithPassword } = await import("./chunk-IAQRPSQW.mjs");
  const password = await databasePassword({ databaseAuth: values.DATABASE_AUTH }, env);
  const clientFor = async (database) => {
    const u = new URL(values.DATABASE_URL);
    u.pathname = `/${database}`;
    const client = new pg.Client(password ? poolConfigWithPassword(u.toString(), password) : { connectionString: u.toString() });
    await client.connect();
    return client;
  };
  const admin = await clientFor(new URL(values.DATABASE_URL).pathname.replace(/^\//, "") || "postgres");
  try {
    return await ensureDatabaseRoles(admin, clientFor, roles);
  } finally {
    await admin.end();
  }
}
export {
  ensureDatabaseRoles,
  parseDatabaseRoles,
  runDatabaseRoles
};
