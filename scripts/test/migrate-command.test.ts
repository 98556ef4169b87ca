/**
 * `npm run migrate` as the README gives it (`npm run migrate -- deploy [service]`): a service name
 * typed wrong is a message naming the services and the usage (exit 2), `--help` the usage (exit 0);
 * neither a stack trace nor a database touched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SERVICE_NAMES } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const migrate = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/migrate.ts'), ...args], { encoding: 'utf8', timeout: 30_000 });

it('answers a wrong service name and --help with the usage, not a stack trace', { timeout: 60_000 }, () => {
  for (const args of [['deploy', 'users'], ['create', 'users', 'add_x']]) {
    const wrong = migrate(...args);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(`unknown service "users"; one of ${SERVICE_NAMES.join(', ')}`);
    expect(wrong.stderr).toContain('usage: migrate.ts deploy [service...]');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  }
  const help = migrate('--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^usage: migrate\.ts deploy/);
});

it('answers `create <service>` without a migration name with the usage, not a stack trace, before reading a schema', { timeout: 60_000 }, () => {
  const missing = migrate('create', 'trip');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('a migration name');
  expect(missing.stderr).toContain('usage: migrate.ts deploy [service...] | create <service> <name>');
  expect(missing.stderr).not.toMatch(/\n\s+at /);
});
