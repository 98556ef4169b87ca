/**
 * serviceMain, the image's entry point, in-process: the commands it accepts, the one line an
 * operator gets for a wrong one, and `migrate` applying committed migrations to a real database
 * (the migration Job's command) and ending with exit code 0, or 1 when the database is out of reach,
 * or MIGRATION_JOB.failJobExitCode when a migration failed for itself.
 * process.exit is intercepted so the test process survives.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIGRATION_JOB } from '@tripgen/catalog';
import { createTestDatabase, unreachableDatabaseUrl, type TestDatabase } from '@tripgen/testing';
import { CommandError, serviceMain, type ServiceCommand, type ServiceMainOptions } from '../src/main.ts';

const migrationsDir = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

let errors: string[];
let lines: string[];
let exits: (number | undefined)[];
const savedEnv = { ...process.env };
beforeEach(() => {
  errors = [];
  lines = [];
  exits = [];
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    exits.push(code);
    throw new Exit(code);
  }) as typeof process.exit);
  vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
  vi.spyOn(console, 'log').mockImplementation((m: unknown) => void lines.push(String(m)));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
});

const options = (build: ServiceMainOptions['build'] = () => Promise.reject(new Error('not built in this test'))): ServiceMainOptions => ({ service: 'user', migrationsDir, build });

/**
 * Runs serviceMain and answers the first exit code it asked for (undefined: it returned without
 * exiting). The first: the intercepted exit throws, which serviceMain's own catch then sees.
 */
const run = async (argv: string[], opts = options()): Promise<number | undefined> => {
  try {
    await serviceMain(opts, argv);
  } catch (err) {
    if (!(err instanceof Exit)) throw err;
  }
  return exits[0];
};

describe('serviceMain', () => {
  it('refuses an unknown command and extra arguments with one usage line, exit 1, building nothing', async () => {
    const build = vi.fn(() => Promise.reject(new Error('must not build')));
    expect(await run(['seed'], options(build))).toBe(1);
    expect(errors.join('\n')).toMatch(/unknown command "seed"; usage: <service entry> \[serve \| migrate \| database-roles\]/);
    expect(await run(['migrate', '--force'], options(build))).toBe(1);
    expect(errors.at(-1)).toMatch(/usage: <service entry> \[serve \| migrate \| database-roles\]/);
    expect(build).not.toHaveBeenCalled();
  });

  it('serves by default and logs a failed start as one JSON line (level 60) with its type and its causes\' stacks, exit 1', async () => {
    const build = vi.fn(() => Promise.reject(new Error('port taken', { cause: Object.assign(new Error('listen EADDRINUSE: address already in use :::3001'), { code: 'EADDRINUSE' }) })));
    expect(await run([], options(build))).toBe(1);
    expect(build).toHaveBeenCalledTimes(1);
    const line = JSON.parse(lines.at(-1)!) as { err: { stack: string } };
    expect(line).toMatchObject({ level: 60, service: 'user-service', msg: 'start failed', err: { type: 'Error', message: 'port taken: listen EADDRINUSE: address already in use :::3001' } });
    expect(line.err.stack).toMatch(/^Error: port taken\n {4}at [^]*caused by: Error: listen EADDRINUSE/);
  });

  it('database-roles: reads exactly its contract (a missing variable is one clear line) and logs a failure as one JSON line, exit 1', async () => {
    const build = vi.fn(() => Promise.reject(new Error('must not build')));
    delete process.env.DATABASE_ROLES;
    process.env.DATABASE_URL = 'postgresql://admin@127.0.0.1:1/postgres';
    process.env.DATABASE_AUTH = 'password';
    expect(await run(['database-roles'], options(build))).toBe(1);
    expect(errors.at(-1)).toMatch(/DATABASE_ROLES is required/);
    exits = [];
    process.env.DATABASE_ROLES = '[{"role":"x y","objectId":"nope","database":"d"}]';
    expect(await run(['database-roles'], options(build))).toBe(1);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 60, msg: 'database roles failed', err: { message: expect.stringMatching(/invalid role, objectId/) } });
    expect(build).not.toHaveBeenCalled();
  });

  it('migrate: a missing or misspelt setting is one clear line, not a stack', async () => {
    delete process.env.DATABASE_URL;
    expect(await run(['migrate'])).toBe(1);
    expect(errors.at(-1)).toMatch(/DATABASE_URL is required/);
    process.env.DATABASE_URL = 'postgresql://u:p@127.0.0.1:1/x';
    process.env.DATABASE_AUTH = 'kerberos';
    expect(await run(['migrate'])).toBe(1);
    expect(errors.at(-1)).toMatch(/DATABASE_AUTH/);
  });

  describe("a service's own commands", () => {
    const withCommand = (command: ServiceCommand, build: ServiceMainOptions['build'] = () => Promise.reject(new Error('must not build'))): ServiceMainOptions => ({
      ...options(build),
      commands: { 'load-things': command },
    });

    it('runs one with its positional arguments (after `--` too) and exits 0; serve neither runs nor imports it', async () => {
      const load = vi.fn((_args: readonly string[]) => Promise.resolve());
      expect(await run(['load-things', 'a.json', '--', '-b.json'], withCommand({ args: '[file ...]', failed: 'load failed', run: load }))).toBe(0);
      expect(load).toHaveBeenCalledExactlyOnceWith(['a.json', '-b.json']);
      exits = [];
      const build = vi.fn(() => Promise.reject(new Error('port taken')));
      expect(await run([], withCommand({ args: '[file ...]', failed: 'load failed', run: load }, build))).toBe(1);
      expect(build).toHaveBeenCalledTimes(1);
      expect(load).toHaveBeenCalledTimes(1);
    });

    it('lists it in the usage line, and refuses an option or an argument it does not take with that one line, exit 1, running nothing', async () => {
      const load = vi.fn(() => Promise.resolve());
      expect(await run(['seed'], withCommand({ args: '[file ...]', failed: 'load failed', run: load }))).toBe(1);
      expect(errors).toEqual(['unknown command "seed"; usage: <service entry> [serve | migrate | database-roles | load-things [file ...]]']);
      errors = [];
      exits = [];
      expect(await run(['load-things', '--all', 'a.json'], withCommand({ args: '[file ...]', failed: 'load failed', run: load }))).toBe(1);
      expect(errors).toEqual(['load-things: unknown option "--all"; usage: <service entry> [serve | migrate | database-roles | load-things [file ...]]']);
      errors = [];
      exits = [];
      expect(await run(['load-things', 'a.json'], withCommand({ failed: 'load failed', run: load }))).toBe(1);
      expect(errors).toEqual(['load-things takes no arguments; usage: <service entry> [serve | migrate | database-roles | load-things]']);
      expect(load).not.toHaveBeenCalled();
    });

    it('prints a CommandError as it is (bad input), and logs any other failure as one JSON line with its own message; exit 1 both', async () => {
      expect(await run(['load-things'], withCommand({ failed: 'load failed', run: () => Promise.reject(new CommandError('a.json #3: /rating must be <= 5\nb.json #0: /id required')) }))).toBe(1);
      expect(errors).toEqual(['a.json #3: /rating must be <= 5\nb.json #0: /id required']);
      expect(lines).toEqual([]);
      exits = [];
      expect(await run(['load-things'], withCommand({ failed: 'load failed', run: () => Promise.reject(new Error('connection refused')) }))).toBe(1);
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 60, service: 'user-service', msg: 'load failed', err: { message: 'connection refused' } });
    });

    it('prints as it is an operator error raised by another copy of the kit (a command bundled apart from the server)', async () => {
      class CopiedCommandError extends Error {
        override name = 'CommandError';
      }
      class CopiedConfigError extends Error {
        override name = 'ConfigError';
      }
      expect(await run(['load-things'], withCommand({ failed: 'load failed', run: () => Promise.reject(new CopiedCommandError('a.json: not readable JSON')) }))).toBe(1);
      exits = [];
      expect(await run(['load-things'], withCommand({ failed: 'load failed', run: () => Promise.reject(new CopiedConfigError('invalid configuration:\n  - DATABASE_AUTH must be one of password, entra')) }))).toBe(1);
      expect(errors).toEqual(['a.json: not readable JSON', 'invalid configuration:\n  - DATABASE_AUTH must be one of password, entra']);
      expect(lines).toEqual([]);
    });

    it('may not take a name of the kit\'s commands', async () => {
      const opts = { ...options(), commands: { migrate: { failed: 'x', run: () => Promise.resolve() } } };
      await expect(serviceMain(opts, ['migrate'])).rejects.toThrow(/may not be named as the kit's: migrate/);
      expect(exits).toEqual([]);
    });
  });

  describe('migrate against PostgreSQL', () => {
    let db: TestDatabase;
    afterAll(async () => db?.drop());

    it('applies the committed migrations once, then reports them up to date; exit 0 both times', async () => {
      db = await createTestDatabase('kit_main');
      process.env.DATABASE_URL = db.url;
      expect(await run(['migrate'])).toBe(0);
      expect(JSON.parse(lines.find((l) => l.includes('migrations'))!)).toMatchObject({ level: 30, msg: 'migrations applied', applied: ['20260101000000_init'] });
      lines = [];
      exits = [];
      expect(await run(['migrate'])).toBe(0);
      expect(JSON.parse(lines.find((l) => l.includes('migrations'))!)).toMatchObject({ msg: 'migrations up to date', applied: [] });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        expect((await client.query("SELECT to_regclass('public.fixture_rows')::text AS t")).rows).toEqual([{ t: 'fixture_rows' }]);
      } finally {
        await client.end();
      }
    });

    it('ends with the code the Job fails on at once when a migration failed for itself (rolled back and marked so)', async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'kit-main-rolled-back-'));
      const own = await createTestDatabase('kit_main_rolled_back');
      try {
        await cp(migrationsDir, folder, { recursive: true });
        await mkdir(path.join(folder, '20260102000000_duplicate'));
        await writeFile(path.join(folder, '20260102000000_duplicate', 'migration.sql'), 'CREATE TABLE "again" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "again" VALUES (1), (1);\n');
        process.env.DATABASE_URL = own.url;
        // Before: 1, as for any failure, and the Job's next pods ran the migration again.
        expect(await run(['migrate'], { ...options(), migrationsDir: folder })).toBe(MIGRATION_JOB.failJobExitCode);
        expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 60, msg: 'migration failed', err: { type: 'MigrationRolledBack' } });
      } finally {
        await own.drop();
        await rm(folder, { recursive: true, force: true });
      }
    });

    it('fails with exit 1 and a JSON line when the database is out of reach', async () => {
      process.env.DATABASE_URL = unreachableDatabaseUrl();
      expect(await run(['migrate'])).toBe(1);
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 60, msg: 'migration failed' });
    });
  });
});
