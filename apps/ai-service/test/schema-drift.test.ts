/**
 * ai_db as the committed migrations build it is exactly the Prisma schema (no drift): a column the
 * schema gains (as generations.withdrawn, withdrawn_at: the withdrawal kept for a notify message) has
 * its migration, made by `prisma migrate diff` as every migration here, on the wasm schema engine the
 * service's migrate step runs.
 */
import path from 'node:path';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { openMigrationEngine, readSchemaFolder } from '@tripgen/service-kit/migrations';
import { adminUrl } from '@tripgen/testing';
import { expect, it } from 'vitest';

it('the migrations build the schema, nothing left to migrate', { timeout: 120_000 }, async () => {
  const dir = serviceMigrationsDir('ai');
  const engine = await openMigrationEngine(adminUrl());
  try {
    const sql = await engine.diffFromMigrations(dir, await readSchemaFolder(path.resolve(dir, '..')));
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.?)?$/);
  } finally {
    await engine.dispose();
  }
});
