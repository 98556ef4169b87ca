/**
 * A test file's migrated database is copied from a template migrated once, not migrated again: the
 * wasm schema engine took 0.5-3.9 s a database at load (a trip-service stack migrates three, and
 * some 250 databases are made in a run of the suite), where a copy of the migrated database takes
 * 0.1-0.9 s. The template is named for what made it (the migration files, the engine's version, the
 * kit's code that applies them and the server's PostGIS version, which CREATE EXTENSION installs), so a
 * change of any of them, in this clone or in another one on the same server, gets its own; it stays on
 * the server for the next run, made again only when that changes. Its name's prefix says whose
 * migrations (`tripgen_template_<workspace>_`): a new template replaces the same prefix's others, which
 * piled up before (8-15 MB each, one more at each change of a migration or the kit), unless one is in use.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { adminUrl, createScratchDatabase, type ScratchDatabase } from '@tripgen/dev-tools/local-stack';
import { readMigrations } from '@tripgen/service-kit/migrations';

/** The schema engine's version (its `_prisma_migrations` bookkeeping is in every template), found where the kit's migrations resolve it. */
const engineVersion = (): string => {
  const kitMigrations = createRequire(import.meta.url).resolve('@tripgen/service-kit/migrations');
  const engineEntry = createRequire(kitMigrations).resolve('@prisma/schema-engine-wasm');
  return (JSON.parse(readFileSync(path.join(path.dirname(engineEntry), 'package.json'), 'utf8')) as { version: string }).version;
};

/**
 * The kit's code that applies migrations (its `migrations` export) and the kit's modules it imports, by
 * their text: a change of how a migration is applied or recorded makes a template of its own.
 */
const kitMigrateCode = (): string[] => {
  const texts: string[] = [];
  const pending = [createRequire(import.meta.url).resolve('@tripgen/service-kit/migrations')];
  for (const seen = new Set<string>(); pending.length > 0; ) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    texts.push(text);
    for (const [, relative] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) pending.push(path.resolve(path.dirname(file), relative!));
  }
  return texts;
};

/** The PostGIS version the server installs (`CREATE EXTENSION postgis` in a migration), or `none`. */
const postgisVersion = async (): Promise<string> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string | null }>("SELECT (SELECT default_version FROM pg_available_extensions WHERE name = 'postgis') AS v");
    return rows[0]?.v ?? 'none';
  } finally {
    await client.end();
  }
};
let serverPostgis: Promise<string> | undefined;

/** Where the migrations are, for the name's prefix: the workspace holding them (`trip` of @tripgen/trip-service), else the folder's path, hashed. */
const migrationsOwner = (migrationsDir: string): string => {
  for (let dir = path.resolve(migrationsDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    let name: unknown;
    try {
      name = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name;
    } catch {
      continue;
    }
    // This repository's workspaces only: a package.json above a folder elsewhere (a home's) names no migrations.
    if (typeof name === 'string' && name.startsWith('@tripgen/')) return name.replace(/^@[^/]+\//, '').replace(/-service$/, '').replace(/[^a-z0-9]/g, '_').slice(0, 12);
  }
  return `d${createHash('sha256').update(path.resolve(migrationsDir)).digest('hex').slice(0, 8)}`;
};

/** The part of a template's name before its hash: the templates of one workspace's migrations. */
export const templatePrefix = (migrationsDir: string): string => `tripgen_template_${migrationsOwner(migrationsDir)}_`;

/** What applies the migrations to a template, besides the migrations: in its name's hash. */
export interface TemplateMaker {
  readonly engineVersion: string;
  /** The text of the kit's migrate code, each file. */
  readonly kitCode: readonly string[];
  readonly postgisVersion: string;
}

/** This checkout's engine and kit, and the server's PostGIS. */
export const templateMaker = async (): Promise<TemplateMaker> => {
  serverPostgis ??= postgisVersion().catch((err: unknown) => {
    serverPostgis = undefined;
    throw err;
  });
  return { engineVersion: engineVersion(), kitCode: kitMigrateCode(), postgisVersion: await serverPostgis };
};

/** `tripgen_template_<workspace>_<hash>`: the hash of what makes it (`maker`) and of each migration's folder name and file. */
export const templateName = async (migrationsDir: string, maker?: TemplateMaker): Promise<string> => {
  const { lockfile, migrationDirectories } = await readMigrations(migrationsDir);
  const by = maker ?? (await templateMaker());
  const hash = createHash('sha256')
    .update(by.engineVersion)
    .update(JSON.stringify(by.kitCode))
    .update(`postgis ${by.postgisVersion}`)
    .update(JSON.stringify({ lockfile, migrationDirectories }))
    .digest('hex');
  return `${templatePrefix(migrationsDir)}${hash.slice(0, 16)}`;
};

/** Lock waits a drop of a replaced template gives up after: one a copy holds is left for the next. */
const DROP_LOCK_TIMEOUT = '2s';

/**
 * The same prefix's other templates (their migrations, kit, engine or PostGIS since replaced), dropped
 * as a new one is made, except one in use: made by another process now (its maker's advisory lock held),
 * being copied (a `CREATE DATABASE ... TEMPLATE` of it running; one that starts meanwhile holds a lock the
 * DROP would wait for: given up after DROP_LOCK_TIMEOUT), or connected to. Never WITH (FORCE): that would
 * end a copy under way. Another clone whose migrations differ makes its own again when it needs it (3D000 below).
 */
const dropReplacedTemplates = async (client: pg.Client, name: string, prefix: string): Promise<void> => {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2 AND substr(datname, length($1) + 1) ~ '^[0-9a-f]{16}$' ORDER BY 1", [prefix, name]);
  await client.query(`SET lock_timeout = '${DROP_LOCK_TIMEOUT}'`);
  for (const { datname } of rows) {
    if (!(await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS got', [datname])).rows[0]!.got) continue;
    try {
      const copying = await client.query(`SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND strpos(query, 'TEMPLATE "' || $1 || '"') > 0`, [datname]);
      if (copying.rowCount === 0) await client.query(`DROP DATABASE IF EXISTS "${datname}"`);
    } catch (err) {
      // 55P03 lock_not_available (a copy began since), 55006 object_in_use (connected to): left.
      const code = (err as { code?: unknown }).code;
      if (code !== '55P03' && code !== '55006') throw err;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [datname]);
    }
  }
};

/** The prefix of the scratch database a template is migrated in before it gets its name. */
const makerPrefix = (name: string): string => `${name}_make`;

/**
 * The template of `migrationsDir`, made if the server has none: migrated under a scratch name, closed
 * to connections (a connection to it would make every copy fail) and renamed, so that a template
 * with its name is always whole. One maker at a time on the server (an advisory lock on its name);
 * the others wait for it and copy what it made.
 */
const ensureTemplate = async (name: string, migrationsDir: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    // Released when this session ends, also when the migration fails.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    // A maker's scratch database left by a process that died migrating it (its lock went with it):
    // nobody else makes this template now, so nothing uses them.
    const dead = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${makerPrefix(name)}_`]);
    for (const { datname } of dead.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
      const made = await createScratchDatabase(makerPrefix(name), migrationsDir);
      try {
        await client.query(`ALTER DATABASE "${made.name}" WITH ALLOW_CONNECTIONS false`);
        await client.query(`ALTER DATABASE "${made.name}" RENAME TO "${name}"`);
      } catch (err) {
        await made.drop();
        throw err;
      }
      await dropReplacedTemplates(client, name, templatePrefix(migrationsDir));
    }
  } finally {
    await client.end();
  }
};

/** The templates this test process found or made. */
const known = new Map<string, Promise<void>>();

/** A fresh database named `<prefix>_<random>` with the migrations of `migrationsDir` applied: a copy of their template. */
export const createMigratedDatabase = async (prefix: string, migrationsDir: string): Promise<ScratchDatabase> => {
  const name = await templateName(migrationsDir);
  for (let attempt = 1; ; attempt += 1) {
    let ready = known.get(name);
    if (ready === undefined) {
      ready = ensureTemplate(name, migrationsDir);
      known.set(name, ready);
      // A failed make is tried again by the next caller, not remembered.
      ready.catch(() => known.delete(name));
    }
    await ready;
    try {
      return await createScratchDatabase(prefix, undefined, name);
    } catch (err) {
      // 3D000: the template was dropped since (old templates may be, at will: another clone's on the
      // same server may look old to this one's clean-up); made again, once.
      if (attempt > 1 || (err as { code?: unknown }).code !== '3D000') throw err;
      if (known.get(name) === ready) known.delete(name);
    }
  }
};
