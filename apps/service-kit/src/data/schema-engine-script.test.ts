/**
 * A migration file whose semicolons are not all statement ends, on the real migration path (the wasm
 * schema engine through the pg adapter, what every service's `migrate` runs) against the local
 * PostgreSQL: a trigger function's body, a string and a comment each hold one, as a hand-written
 * migration does (user_db's deletion records: a trigger that writes a row).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { deployMigrations, scriptStatements } from './schema-engine.ts';

const MIGRATION = `-- A table; its log written by a trigger (a comment with a semicolon)
CREATE TABLE "things" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL DEFAULT 'a;b');
CREATE TABLE "things_log" ("id" INTEGER NOT NULL, "note" TEXT NOT NULL);
/* a block comment; with one too */
CREATE FUNCTION "log_thing"() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  INSERT INTO "things_log" ("id", "note") VALUES (NEW."id", 'added; logged');
  RETURN NULL;
END
$body$;
CREATE TRIGGER "things_logged" AFTER INSERT ON "things" FOR EACH ROW EXECUTE FUNCTION "log_thing"();
SELECT E'it\\'s; quoted';
`;

let dir: string;
let db: TestDatabase;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kit-migrations-'));
  await mkdir(path.join(dir, '20260101000000_things'));
  await writeFile(path.join(dir, '20260101000000_things', 'migration.sql'), MIGRATION);
  await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  db = await createTestDatabase('kit_script_statements_test');
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('a migration script split into its statements', () => {
  it('applies a file whose function body, strings and comments hold semicolons, as PostgreSQL reads it', { timeout: 60_000 }, async () => {
    expect(await deployMigrations(db.url, dir)).toEqual(['20260101000000_things']);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('INSERT INTO "things" ("id") VALUES (1)');
      expect((await client.query('SELECT "label" FROM "things"')).rows).toEqual([{ label: 'a;b' }]);
      expect((await client.query('SELECT "id", "note" FROM "things_log"')).rows).toEqual([{ id: 1, note: 'added; logged' }]);
    } finally {
      await client.end();
    }
  });

  it('reads the statements by byte offsets of UTF-8 text, and a script of comments alone as none', async () => {
    expect(await scriptStatements("SELECT '한국;어' AS a; SELECT 2")).toEqual(["SELECT '한국;어' AS a", 'SELECT 2']);
    expect(await scriptStatements('-- nothing; to do\n')).toEqual([]);
  });

  it('refuses a script that does not parse before running any of it', async () => {
    await expect(scriptStatements('CREATE TABLE "x" ("id" INTEGER); CREAT TABLE "y" ()')).rejects.toThrow(/syntax error/);
  });
});
