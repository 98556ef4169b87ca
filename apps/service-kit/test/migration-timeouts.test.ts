/**
 * No committed migration lengthens or switches off the lock_timeout / statement_timeout the kit's
 * migrate runs it with (catalog MIGRATION_LOCKS; src/data/schema-engine.ts): a file that did would
 * let its ALTER TABLE queue the running release's reads and writes behind a long transaction again.
 * deployMigrations refuses such a folder at the Job; this finds it at review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { existingServices, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { describe, expect, it } from 'vitest';
import { timeoutOverrides } from '../src/data/migration-locks.ts';
import { parseScript } from '../src/data/schema-engine.ts';

const migrations = existingServices().flatMap((service) => {
  const dir = serviceMigrationsDir(service);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ id: `${service}/${d.name}`, sql: readFileSync(path.join(dir, d.name, 'migration.sql'), 'utf8') }));
});

describe("no migration lengthens or switches off the kit's lock_timeout / statement_timeout", () => {
  it.each(migrations)('$id', async ({ sql }) => {
    expect(await timeoutOverrides(await parseScript(sql))).toEqual([]);
  });
});
