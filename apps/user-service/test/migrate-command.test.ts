/**
 * The migration Job's command, run as the Job runs it: the service's own entry point (its bundle on
 * plain node, as the image's ENTRYPOINT) with `migrate` and nothing but DATABASE_URL (no repository script, no other variable). It applies the
 * committed migrations, is idempotent, and fails with one clear line on bad input.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SERVICE_COMMANDS, migrationArgs } from '@tripgen/catalog';
import { REPO_ROOT, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';

let db: TestDatabase;
let entry: string;
beforeAll(async () => {
  db = await createTestDatabase('user_migrate_cmd');
  entry = await builtServiceEntry('user');
});
afterAll(async () => db?.drop());

const run = (args: readonly string[], env: Record<string, string>) => {
  const out = spawnSync(process.execPath, [entry, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
};
/** The committed migrations, in the order Prisma applies them (their folder names sort by timestamp). */
const committed = readdirSync(serviceMigrationsDir('user'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; applied?: string[] });

it('applies the committed migrations to DATABASE_URL, then finds nothing to do', async () => {
  const first = run(migrationArgs, { DATABASE_URL: db.url });
  expect(first.code, first.stderr).toBe(0);
  expect(committed.slice(0, 2)).toEqual(['20261126131659_init', '20261126132512_messaging']);
  expect(lines(first.stdout)).toEqual([expect.objectContaining({ msg: 'migrations applied', applied: committed })]);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(Number(rows[0]!.n)).toBe(committed.length);
    await client.query('SELECT id FROM users LIMIT 0');
  } finally {
    await client.end();
  }
  const again = run(migrationArgs, { DATABASE_URL: db.url });
  expect(again.code, again.stderr).toBe(0);
  expect(lines(again.stdout)).toEqual([expect.objectContaining({ msg: 'migrations up to date', applied: [] })]);
});

it('refuses a missing or wrong DATABASE_URL and an unknown command, in one line each', () => {
  const missing = run(migrationArgs, {});
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/DATABASE_URL is required/);
  const wrong = run(migrationArgs, { DATABASE_URL: 'mysql://db/user_db' });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/DATABASE_URL must be a postgresql: or postgres: URL/);
  const unknown = run(['migrat'], { DATABASE_URL: db.url });
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain(`unknown command "migrat"; usage: <service entry> [${SERVICE_COMMANDS.serve} | ${SERVICE_COMMANDS.migrate} | ${SERVICE_COMMANDS.databaseRoles}]`);
});
