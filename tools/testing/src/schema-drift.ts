/** What a service's committed migrations leave to migrate for its Prisma schema, on the wasm schema engine its migrate step runs. */
import path from 'node:path';
import type { ServiceName } from '@tripgen/catalog';
import { adminUrl } from '@tripgen/dev-tools/local-stack';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { openMigrationEngine, readSchemaFolder } from '@tripgen/service-kit/migrations';

/**
 * The SQL `prisma migrate diff` would write from the migrations to the schema: empty (or Prisma's
 * empty-migration comment) when they agree. `edit`: applied to each schema file first, for a test of
 * how the differ reads a schema written otherwise.
 */
export const migrationDrift = async (service: ServiceName, edit: (schema: string) => string = (s) => s): Promise<string> => {
  const dir = serviceMigrationsDir(service);
  const schema = await readSchemaFolder(path.resolve(dir, '..'));
  const engine = await openMigrationEngine(adminUrl());
  try {
    return (await engine.diffFromMigrations(dir, { files: schema.files.map((f) => ({ ...f, content: edit(f.content) })) })).trim();
  } finally {
    await engine.dispose();
  }
};

/** What migrationDrift answers when the migrations build exactly the schema. */
export const NO_DRIFT = /^(-- This is an empty migration\.?)?$/;
