/**
 * A test file's migrated database is copied from a template migrated once, not migrated again: the
 * wasm schema engine took 0.5-3.9 s a database at load (a trip-service stack migrates three, and
 * some 250 databases are made in a run of the suite), where a copy of the migrated database takes
 * 0.1-0.9 s. The template is named for what made it (the migration files and the engine's version),
 * so a changed migration, in this clone or in another one on the same server, gets its own; it stays
 * on the server for the next run, made again only when that changes.
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

/** `tripgen_template_<hash>`: the hash of the engine's version and of each migration's folder name and file. */
export const templateName = async (migrationsDir: string): Promise<string> => {
  const { lockfile, migrationDirectories } = await readMigrations(migrationsDir);
  const hash = createHash('sha256').update(engineVersion()).update(JSON.stringify({ lockfile, migrationDirectories })).digest('hex');
  return `tripgen_template_${hash.slice(0, 16)}`;
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
