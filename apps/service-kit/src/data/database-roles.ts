/**
 * The PostgreSQL side of Entra ID sign-in (prod): each service's managed identity becomes a login
 * role of the same name, and that role gets its database. Run by the prod database-roles Job as a
 * PostgreSQL Entra administrator (infra-bicep `id-tripgen-dbroles-<env>`), before the migration
 * Jobs. Azure Database for PostgreSQL flexible server creates an Entra role only through
 * `pgaadauth_create_principal_with_oid(roleName, objectId, objectType, isAdmin, isMfa)` in the
 * `postgres` database (learn.microsoft.com/azure/postgresql/flexible-server/how-to-manage-azure-ad-users);
 * the object id, not the name, is what the server matches a token against.
 *
 * Idempotent: an existing role is left as it is, and the grants and extensions are statements
 * that change nothing the second time. Database ownership is not moved (the administrator may
 * not own the databases Azure created); the role gets every privilege on its database and on its
 * `public` schema, which is what the migrations need, and the extensions the catalog lists are
 * created by the administrator (the service role may not create untrusted extensions such as PostGIS).
 */
import pg from 'pg';

export interface ServiceDatabaseRole {
  /** The managed identity's name: the PostgreSQL user the service signs in as. */
  readonly role: string;
  /** The managed identity's object (principal) id. */
  readonly objectId: string;
  readonly database: string;
  readonly extensions: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[a-z0-9_-]{1,63}$/;

/** Parses the DATABASE_ROLES JSON the manifests render (from the Bicep hand-over and the catalog). */
export function parseDatabaseRoles(json: string | undefined): ServiceDatabaseRole[] {
  if (!json) throw new Error('DATABASE_ROLES is required: a JSON list of {role, objectId, database, extensions}');
  const raw = JSON.parse(json) as unknown;
  if (!Array.isArray(raw) || raw.length === 0) throw new Error('DATABASE_ROLES must be a non-empty JSON list');
  return raw.map((r: unknown, i) => {
    const o = (r ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof o.role !== 'string' || !NAME.test(o.role)) problems.push('role');
    if (typeof o.objectId !== 'string' || !GUID.test(o.objectId)) problems.push('objectId');
    if (typeof o.database !== 'string' || !NAME.test(o.database)) problems.push('database');
    const extensions = o.extensions ?? [];
    if (!Array.isArray(extensions) || !extensions.every((e) => typeof e === 'string' && NAME.test(e))) problems.push('extensions');
    if (problems.length > 0) throw new Error(`DATABASE_ROLES[${i}]: invalid ${problems.join(', ')}`);
    return { role: o.role as string, objectId: o.objectId as string, database: o.database as string, extensions: extensions as string[] };
  });
}

export interface EnsureRolesResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * Creates the missing roles (connected to the administrator's `postgres` database through
 * `admin`), then grants each role its database and schema (through `connectTo(database)`).
 */
export async function ensureDatabaseRoles(
  admin: pg.ClientBase,
  connectTo: (database: string) => Promise<pg.ClientBase & { end(): Promise<void> }>,
  roles: readonly ServiceDatabaseRole[],
): Promise<EnsureRolesResult> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const r of roles) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [r.role]);
    if (rowCount) {
      existing.push(r.role);
    } else {
      // 'service': a managed identity; not an administrator; no MFA claim (a workload has none).
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

/**
 * The `database-roles` command of a service image's entry point (main.ts), which the prod Job runs:
 * signs in to DATABASE_URL (the server's `postgres` database, as the Entra administrator, with the
 * pod's workload-identity token when DATABASE_AUTH=entra) and ensures the roles of DATABASE_ROLES.
 * Throws on any failure, so the Job fails and Argo CD stops the sync before the migration Jobs.
 */
export async function runDatabaseRoles(
  values: { readonly DATABASE_URL: string; readonly DATABASE_AUTH: 'password' | 'entra'; readonly DATABASE_ROLES: string },
  env: Readonly<Record<string, string | undefined>>,
): Promise<EnsureRolesResult> {
  const roles = parseDatabaseRoles(values.DATABASE_ROLES);
  const { databasePassword, poolConfigWithPassword } = await import('./postgres-entra.ts');
  const password = await databasePassword({ databaseAuth: values.DATABASE_AUTH }, env);
  const clientFor = async (database: string): Promise<pg.Client> => {
    const u = new URL(values.DATABASE_URL);
    u.pathname = `/${database}`;
    const client = new pg.Client(password ? poolConfigWithPassword(u.toString(), password) : { connectionString: u.toString() });
    await client.connect();
    return client;
  };
  const admin = await clientFor(new URL(values.DATABASE_URL).pathname.replace(/^\//, '') || 'postgres');
  try {
    return await ensureDatabaseRoles(admin, clientFor, roles);
  } finally {
    await admin.end();
  }
}
