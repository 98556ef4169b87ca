/**
 * user_db as the committed migrations build it is exactly the Prisma schema (no drift): a table the
 * schema gains (deleted_accounts, the records of deletions) has its migration, on the wasm schema
 * engine the service's migrate step runs. Triggers and functions are outside Prisma's schema (the
 * deletion record's trigger is written by hand): account-deletion.test.ts checks it on a database the
 * migrations built.
 */
import { migrationDrift, NO_DRIFT } from '@tripgen/testing';
import { expect, it } from 'vitest';

it('the migrations build the schema, nothing left to migrate', { timeout: 120_000 }, async () => {
  expect(await migrationDrift('user')).toMatch(NO_DRIFT);
});
