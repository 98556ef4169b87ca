/**
 * The generations index migration on the real migration path (the wasm schema engine through the pg
 * adapter, what the service's migrate step runs): the index is built CONCURRENTLY, so writes to
 * generations go on while it builds on a table already full (the deploy after b1bc2bc).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { deployMigrations } from '@tripgen/service-kit/migrations';
import { createTestDatabase } from '@tripgen/testing';
import pg from 'pg';
import { expect, it } from 'vitest';

const INDEX_MIGRATION = '20261204085711_generations_prune';

it('builds the (status, finished_at) index while inserts into generations complete', { timeout: 180_000 }, async () => {
  // The migrations before the index one, to fill the table first.
  const before = await mkdtemp(path.join(tmpdir(), 'ai-migrations-'));
  await cp(serviceMigrationsDir('ai'), before, { recursive: true, filter: (src) => !src.includes(INDEX_MIGRATION) });
  const db = await createTestDatabase('ai_generations_index_migration_test', before);
  const writer = new pg.Client({ connectionString: db.url });
  const watcher = new pg.Client({ connectionString: db.url });
  await writer.connect();
  await watcher.connect();
  try {
    await writer.query(`INSERT INTO generations (id, trip_id, user_id, status, request, finished_at, created_at)
      SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), (CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'completed' END)::"GenerationStatus",
             '{}'::jsonb, now() - (i * interval '1 second'), now() FROM generate_series(1, 500000) AS i`);
    const building = async (): Promise<boolean> =>
      (await watcher.query("SELECT 1 FROM pg_stat_progress_create_index WHERE relid = 'generations'::regclass")).rowCount! > 0;
    let done = false;
    let duringBuild = 0; // inserts begun and completed while the index was being built
    const writes = (async () => {
      while (!done) {
        const began = await building();
        await writer.query("INSERT INTO generations (id, trip_id, user_id, status, request) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'running', '{}'::jsonb)");
        if (began && (await building())) duringBuild += 1;
      }
    })();
    expect(await deployMigrations(db.url, serviceMigrationsDir('ai'))).toEqual([INDEX_MIGRATION]);
    done = true;
    await writes;
    // Before (a plain CREATE INDEX): 0, each insert waited for the build to end.
    expect(duringBuild).toBeGreaterThan(0);
    const index = await watcher.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'generations_status_finished_at_idx'::regclass");
    expect(index.rows).toEqual([{ indisvalid: true }]);
  } finally {
    await writer.end();
    await watcher.end();
    await db.drop();
    await rm(before, { recursive: true, force: true });
  }
});
