import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { readMigrations } from '@tripgen/service-kit/migrations';
import { afterAll, expect, it } from 'vitest';
import { adminUrl, createTestDatabase, queryRows, waitFor, type TestDatabase } from './index.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { templateMaker, templateName, templatePrefix } from './migrated-template.ts';

const made: TestDatabase[] = [];
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((db) => db.drop()));
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

const appliedMigrations = async (db: TestDatabase): Promise<string[]> =>
  (await queryRows<{ migration_name: string }>(db.url, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1')).map((r) => r.migration_name);

it('makes each database with every migration applied and recorded, each its own', { timeout: 120_000 }, async () => {
  const dir = serviceMigrationsDir('user');
  const [a, b] = await Promise.all([createTestDatabase('template_probe', dir), createTestDatabase('template_probe', dir)]);
  made.push(a!, b!);
  const migrations = (await readMigrations(dir)).migrationDirectories.map((m) => m.path).sort();
  expect(migrations.length).toBeGreaterThan(0);
  expect(await appliedMigrations(a!)).toEqual(migrations);
  expect(await appliedMigrations(b!)).toEqual(migrations);
  await queryRows(a!.url, 'CREATE TABLE only_in_a (id int)');
  expect(await queryRows(b!.url, "SELECT 1 FROM pg_tables WHERE tablename = 'only_in_a'")).toEqual([]);
});

it('makes a template of their own for changed migrations, once for the databases asked at once, and copies each database from it', { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'template-migrations-'));
  scratch.push(dir);
  await cp(serviceMigrationsDir('user'), dir, { recursive: true });
  const table = `probe_${randomBytes(4).toString('hex')}`;
  await mkdir(path.join(dir, '29990101000000_probe'));
  await writeFile(path.join(dir, '29990101000000_probe', 'migration.sql'), `CREATE TABLE ${table} (id int);\n`);
  const name = await templateName(dir);
  expect(name).not.toBe(await templateName(serviceMigrationsDir('user')));
  try {
    const dbs = await Promise.all([1, 2, 3].map(() => createTestDatabase('template_probe', dir)));
    made.push(...dbs);
    for (const db of dbs) expect(await queryRows(db.url, 'SELECT tablename FROM pg_tables WHERE tablename = $1', [table])).toEqual([{ tablename: table }]);
    // One template, whole, closed to connections (a test's connection to it would make every copy fail).
    expect(await queryRows(adminUrl(), "SELECT datname, datallowconn FROM pg_database WHERE datname LIKE $1 || '%'", [name])).toEqual([{ datname: name, datallowconn: false }]);
    // The next database is a copy of it: a row planted in the template is there.
    await queryRows(adminUrl(), `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    const templateUrl = Object.assign(new URL(adminUrl()), { pathname: `/${name}` }).toString();
    await queryRows(templateUrl, `INSERT INTO ${table} VALUES (42)`);
    await queryRows(adminUrl(), `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    const copy = await createTestDatabase('template_probe', dir);
    made.push(copy);
    expect(await queryRows(copy.url, `SELECT id FROM ${table}`)).toEqual([{ id: 42 }]);
  } finally {
    await Promise.all(made.splice(0).map((db) => db.drop()));
    await queryRows(adminUrl(), `DROP DATABASE IF EXISTS "${name}"`);
  }
});

/** A copy of the user migrations and one more migration of `sql`: a folder, and so a template, of its own. */
const migrationsWith = async (sql: string): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'template-migrations-'));
  scratch.push(dir);
  await cp(serviceMigrationsDir('user'), dir, { recursive: true });
  await mkdir(path.join(dir, '29990101000000_probe'));
  await writeFile(path.join(dir, '29990101000000_probe', 'migration.sql'), sql);
  return dir;
};

/** The databases whose name starts with the template's and that are not it (a maker's scratch database). */
const makersLeft = async (name: string): Promise<string[]> =>
  (await queryRows<{ datname: string }>(adminUrl(), 'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $1 ORDER BY 1', [name])).map((r) => r.datname);

it("drops the scratch database of a template whose migration fails, and of a maker that died half-way", { timeout: 120_000 }, async () => {
  const failing = await migrationsWith('SELECT 1 / 0;\n');
  const failingName = await templateName(failing);
  const table = `probe_${randomBytes(4).toString('hex')}`;
  const whole = await migrationsWith(`CREATE TABLE ${table} (id int);\n`);
  const wholeName = await templateName(whole);
  // What a test process killed while it migrated leaves behind (the advisory lock goes with its session).
  const dead = `${wholeName}_make_${randomBytes(5).toString('hex')}`;
  await queryRows(adminUrl(), `CREATE DATABASE "${dead}"`);
  try {
    await expect(createTestDatabase('template_probe', failing)).rejects.toThrow(/division by zero/);
    expect(await makersLeft(failingName), 'after a failed migration').toEqual([]);
    made.push(await createTestDatabase('template_probe', whole));
    expect(await makersLeft(wholeName), 'after a maker that died half-way').toEqual([]);
  } finally {
    for (const db of [...(await makersLeft(failingName)), ...(await makersLeft(wholeName)), wholeName]) {
      await queryRows(adminUrl(), `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    }
  }
});

it('makes one template for test processes asking for it at once (CI runs two files at once, helpers share a server)', { timeout: 180_000 }, async () => {
  const table = `probe_${randomBytes(4).toString('hex')}`;
  const dir = await migrationsWith(`CREATE TABLE ${table} (id int);\n`);
  const name = await templateName(dir);
  // Each process its own module, so its own record of the templates it made: only the server can keep them apart.
  const program = `
    import { createTestDatabase, queryRows } from ${JSON.stringify(path.join(import.meta.dirname, 'index.ts'))};
    const db = await createTestDatabase('template_probe', ${JSON.stringify(dir)});
    const rows = await queryRows(db.url, 'SELECT tablename FROM pg_tables WHERE tablename = $1', [${JSON.stringify(table)}]);
    await db.drop();
    console.log(rows.length);
  `;
  const run = () =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { env: process.env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
  try {
    const runs = await Promise.all([run(), run(), run()]);
    for (const r of runs) expect(r, r.out).toEqual({ code: 0, out: '1\n' });
    expect(await queryRows(adminUrl(), 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [name])).toEqual([{ datname: name }]);
  } finally {
    for (const db of [...(await makersLeft(name)), name]) await queryRows(adminUrl(), `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
});

it('makes a template again when it was dropped after this process made it (the README lets the old ones be dropped at will)', { timeout: 120_000 }, async () => {
  const table = `probe_${randomBytes(4).toString('hex')}`;
  const dir = await migrationsWith(`CREATE TABLE ${table} (id int);\n`);
  const name = await templateName(dir);
  try {
    made.push(await createTestDatabase('template_probe', dir));
    // Another clone's clean-up on the shared server: to it this folder's template is an old one.
    await queryRows(adminUrl(), `DROP DATABASE "${name}"`);
    const again = await createTestDatabase('template_probe', dir);
    made.push(again);
    expect(await queryRows(again.url, 'SELECT tablename FROM pg_tables WHERE tablename = $1', [table])).toEqual([{ tablename: table }]);
  } finally {
    await queryRows(adminUrl(), `DROP DATABASE IF EXISTS "${name}"`);
  }
});

it("names a template for the kit's migrate code and the server's PostGIS version too, not only the migrations and the engine", async () => {
  // Before, a change of how the kit applies or records migrations, or a server with another PostGIS, copied a template made otherwise.
  const dir = serviceMigrationsDir('trip');
  const maker = await templateMaker();
  const [server] = await queryRows<{ v: string }>(adminUrl(), "SELECT default_version AS v FROM pg_available_extensions WHERE name = 'postgis'");
  expect(maker.postgisVersion).toBe(server!.v);
  const kitEntry = createRequire(import.meta.url).resolve('@tripgen/service-kit/migrations');
  expect(maker.kitCode).toContain(readFileSync(kitEntry, 'utf8'));
  expect(maker.kitCode).toContain(readFileSync(path.join(path.dirname(kitEntry), 'migration-locks.ts'), 'utf8'));
  const name = await templateName(dir, maker);
  expect(name).toBe(await templateName(dir));
  expect(name).toMatch(new RegExp(`^${templatePrefix(dir)}[0-9a-f]{16}$`));
  expect(templatePrefix(dir)).toBe('tripgen_template_trip_');
  expect(await templateName(dir, { ...maker, kitCode: [...maker.kitCode, '// changed'] }), 'the kit changed').not.toBe(name);
  expect(await templateName(dir, { ...maker, postgisVersion: `${maker.postgisVersion}.1` }), 'another PostGIS').not.toBe(name);
});

it('drops the same prefix\'s other templates when it makes a new one, but not one being copied, made or connected to, nor another prefix\'s', { timeout: 120_000 }, async () => {
  const table = `probe_${randomBytes(4).toString('hex')}`;
  const dir = await migrationsWith(`CREATE TABLE ${table} (id int);\n`);
  const prefix = templatePrefix(dir);
  const other = templatePrefix(await migrationsWith('SELECT 1;\n'));
  expect(other).not.toBe(prefix);
  const stale = (n: number, p = prefix) => `${p}${String(n).repeat(16)}`;
  const [replaced, copied, beingMade, connected, othersTemplate] = [stale(1), stale(2), stale(3), stale(4), stale(5, other)];
  const all = [replaced, copied, beingMade, connected, othersTemplate];
  for (const db of all) await queryRows(adminUrl(), `CREATE DATABASE "${db}"`);
  for (const db of all.filter((d) => d !== connected)) await queryRows(adminUrl(), `ALTER DATABASE "${db}" WITH ALLOW_CONNECTIONS false`);
  const holders: pg.Client[] = [];
  const hold = async (url: string, sql?: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    holders.push(c);
    if (sql) await c.query(sql, params);
    return c;
  };
  const asCopying = await hold(adminUrl());
  try {
    // A copy of one under way, as pg_stat_activity shows it (its statement's text, held running here by a sleep).
    void asCopying.query(`SELECT pg_sleep(60) /* CREATE DATABASE "x" TEMPLATE "${copied}" */`).catch(() => undefined);
    await waitFor(
      async () => (await queryRows(adminUrl(), `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND strpos(query, 'TEMPLATE "' || $1 || '"') > 0`, [copied])).length > 0,
      'the copy seen running',
    );
    // One another process is making (its maker's lock), one a session is connected to.
    await hold(adminUrl(), 'SELECT pg_advisory_lock(hashtext($1))', [beingMade]);
    await hold(Object.assign(new URL(adminUrl()), { pathname: `/${connected}` }).toString());
    made.push(await createTestDatabase('template_probe', dir));
    const left = (await queryRows<{ datname: string }>(adminUrl(), 'SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY 1', [all])).map((r) => r.datname);
    // Before: all five left. Sorted as the query is: the other prefix's hash (of a random folder) sorts either side of this one's.
    expect(left).toEqual([copied, beingMade, connected, othersTemplate].sort());
  } finally {
    for (const c of holders) await c.end().catch(() => undefined);
    await Promise.all(made.splice(0).map((db) => db.drop()));
    for (const db of [...all, await templateName(dir)]) await queryRows(adminUrl(), `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
});

