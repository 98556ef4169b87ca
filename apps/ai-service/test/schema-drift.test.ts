/**
 * ai_db as the committed migrations build it is exactly the Prisma schema (no drift): a column the
 * schema gains (as generations.withdrawn, withdrawn_at: the withdrawal kept for a notify message) has
 * its migration, made by `prisma migrate diff` as every migration here, on the wasm schema engine the
 * service's migrate step runs.
 */
import { migrationDrift, NO_DRIFT } from '@tripgen/testing';
import { expect, it } from 'vitest';

it('the migrations build the schema, nothing left to migrate', { timeout: 120_000 }, async () => {
  expect(await migrationDrift('ai')).toMatch(NO_DRIFT);
});
