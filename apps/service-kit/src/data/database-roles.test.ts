/**
 * The database-roles Job against the real local PostgreSQL. Azure's
 * `pgaadauth_create_principal_with_oid(roleName, objectId, objectType, isAdmin, isMfa)` (in the
 * server's `postgres` database; learn.microsoft.com/azure/postgresql/flexible-server/how-to-manage-azure-ad-users)
 * is stood in for by a function of the same signature that creates the login role and records the
 * call, so the test sees exactly what the Job asks of Azure, and the roles it leaves behind are real.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_ROLES_IMAGE, databaseRolesArgs } from '@tripgen/catalog';
import { REPO_ROOT, serviceEntry } from '@tripgen/dev-tools/layout';
import { adminUrl, createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { ensureDatabaseRoles, parseDatabaseRoles, type ServiceDatabaseRole } from './database-roles.ts';

const STUB = `
CREATE TABLE stub_principals (role_name text, object_id text, object_type text, is_admin boolean, is_mfa boolean);
CREATE FUNCTION pgaadauth_create_principal_with_oid(role_name text, object_id text, object_type text, is_admin boolean, is_mfa boolean)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE ROLE %I LOGIN', role_name);
  INSERT INTO stub_principals VALUES (role_name, object_id, object_type, is_admin, is_mfa);
  RETURN format('Created role for "%s"', role_name);
END $$;`;

const connect = async (url: string): Promise<pg.Client> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
};

describe('database roles (pgaadauth stand-in on the local PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const dbs: TestDatabase[] = [];
  let adminDb: TestDatabase;
  let roles: ServiceDatabaseRole[];
  const urlOf = (database: string) => {
    const u = new URL(adminUrl());
    u.pathname = `/${database}`;
    return u.toString();
  };

  beforeAll(async () => {
    adminDb = await createTestDatabase('dbroles_admin');
    const a = await connect(adminDb.url);
    await a.query(STUB);
    await a.end();
    const trip = await createTestDatabase('dbroles_trip');
    const location = await createTestDatabase('dbroles_location');
    dbs.push(trip, location);
    roles = [
      { role: `id-tripgen-trip-${suffix}`, objectId: '00000000-0000-0000-0000-000000000102', database: trip.name, extensions: [] },
      { role: `id-tripgen-location-${suffix}`, objectId: '00000000-0000-0000-0000-000000000104', database: location.name, extensions: ['postgis'] },
    ];
  });

  afterAll(async () => {
    for (const db of [...dbs, adminDb]) await db?.drop();
    const a = await connect(adminUrl());
    for (const r of roles ?? []) await a.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(r.role)}`);
    await a.end();
  });

  it('creates each missing role once through pgaadauth (a service principal, no admin, no MFA), and a rerun changes nothing', async () => {
    const admin = await connect(adminDb.url);
    try {
      const first = await ensureDatabaseRoles(admin, (db) => connect(urlOf(db)), roles);
      expect(first).toEqual({ created: roles.map((r) => r.role), existing: [] });
      const second = await ensureDatabaseRoles(admin, (db) => connect(urlOf(db)), roles);
      expect(second).toEqual({ created: [], existing: roles.map((r) => r.role) });
      const calls = await admin.query('SELECT role_name, object_id, object_type, is_admin, is_mfa FROM stub_principals ORDER BY role_name');
      expect(calls.rows).toEqual(
        [...roles].sort((x, y) => x.role.localeCompare(y.role)).map((r) => ({ role_name: r.role, object_id: r.objectId, object_type: 'service', is_admin: false, is_mfa: false })),
      );
    } finally {
      await admin.end();
    }
  });

  it('lets each role sign in to its database and create its tables in public; the catalog extensions exist', async () => {
    const a = await connect(adminUrl());
    for (const r of roles) await a.query(`ALTER ROLE ${pg.escapeIdentifier(r.role)} PASSWORD 'token-stand-in'`);
    await a.end();
    for (const r of roles) {
      const u = new URL(urlOf(r.database));
      u.username = r.role;
      u.password = 'token-stand-in';
      const c = await connect(u.toString());
      try {
        await c.query('CREATE TABLE public.migration_probe (id int)');
        const ext = await c.query('SELECT extname FROM pg_extension WHERE extname = ANY($1)', [r.extensions]);
        expect(ext.rows.map((x: { extname: string }) => x.extname)).toEqual(r.extensions);
      } finally {
        await c.end();
      }
    }
  });

  it('runs as the Job does (the image\'s entry point with the catalog\'s database-roles command, DATABASE_ROLES from the manifests), and refuses bad input', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('node', ['--import', 'tsx', serviceEntry(DATABASE_ROLES_IMAGE), ...databaseRolesArgs], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: adminDb.url, DATABASE_AUTH: 'password', DATABASE_ROLES: JSON.stringify(roles) },
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ msg: 'database roles ensured', created: [], existing: roles.map((r) => r.role) });
    expect(() => parseDatabaseRoles('[{"role":"x y","objectId":"nope","database":"d"}]')).toThrow(/invalid role, objectId/);
    expect(() => parseDatabaseRoles(undefined)).toThrow(/DATABASE_ROLES is required/);
  });
});
