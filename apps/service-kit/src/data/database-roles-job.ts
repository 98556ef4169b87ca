/**
 * Entry point of the prod database-roles Job (k8s: `databaseRolesCommand` of @tripgen/catalog):
 * signs in to the server's `postgres` database as the Entra administrator named by DATABASE_URL
 * with the pod's workload-identity token (DATABASE_AUTH=entra), and ensures the roles of
 * DATABASE_ROLES (database-roles.ts). Exits non-zero on any failure, so Argo CD stops the sync
 * before the migration Jobs.
 */
import pg from 'pg';
import { databasePassword, poolConfigWithPassword } from './postgres-entra.ts';
import { ensureDatabaseRoles, parseDatabaseRoles } from './database-roles.ts';

const env = process.env;
const url = env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required: postgresql://<administrator role>@<host>:5432/postgres?sslmode=require');
const roles = parseDatabaseRoles(env.DATABASE_ROLES);
const password = await databasePassword({ databaseAuth: env.DATABASE_AUTH === 'entra' ? 'entra' : 'password' }, env);
const clientFor = async (database: string): Promise<pg.Client> => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  const client = new pg.Client(password ? poolConfigWithPassword(u.toString(), password) : { connectionString: u.toString() });
  await client.connect();
  return client;
};
const admin = await clientFor(new URL(url).pathname.replace(/^\//, '') || 'postgres');
try {
  const result = await ensureDatabaseRoles(admin, clientFor, roles);
  console.log(JSON.stringify({ msg: 'database roles ensured', created: result.created, existing: result.existing }));
} finally {
  await admin.end();
}
