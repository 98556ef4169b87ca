/**
 * The README's per-workspace commands, `npm run typecheck` (turbo run typecheck) and
 * `npx turbo run lint test`, must be runnable: turbo plans every task of turbo.json over the
 * workspaces without refusing the graph, after the code generation (scripts/generate.sh) that
 * their typecheck and tests need on a fresh clone. Planned only (--dry): running them is the whole suite.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const TURBO = path.join(REPO_ROOT, 'node_modules', '.bin', 'turbo');

it.each([{ tasks: ['typecheck'] }, { tasks: ['lint', 'test'] }])('turbo plans `turbo run $tasks` over every workspace', ({ tasks }) => {
  const out = spawnSync(TURBO, ['run', ...tasks, '--dry=json'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  expect(out.stderr).not.toMatch(/Cyclic dependency/);
  expect(out.status, out.stderr).toBe(0);
  const planned = (JSON.parse(out.stdout) as { tasks: { taskId: string; command: string }[] }).tasks.filter((t) => t.command !== '<NONEXISTENT>');
  for (const task of tasks) expect(planned.filter((t) => t.taskId.endsWith(`#${task}`)).length, task).toBeGreaterThan(5);
});

it('generates the code the services import (Prisma clients, git-ignored) before it typechecks or tests any workspace, as npm test does: on a fresh clone it is not there yet', () => {
  const out = spawnSync(TURBO, ['run', 'typecheck', 'test', '--dry=json'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  expect(out.status, out.stderr).toBe(0);
  const tasks = (JSON.parse(out.stdout) as { tasks: { taskId: string; command: string; dependencies: string[] }[] }).tasks.filter((t) => t.command !== '<NONEXISTENT>');
  expect(tasks.find((t) => t.taskId === '//#generate')?.command).toBe('bash scripts/generate.sh');
  const workspaceTasks = tasks.filter((t) => !t.taskId.startsWith('//#'));
  expect(workspaceTasks.filter((t) => t.taskId.startsWith('@tripgen/user-service#')).length).toBe(2);
  expect(workspaceTasks.filter((t) => !t.dependencies.includes('//#generate')).map((t) => t.taskId)).toEqual([]);
});

it('hands the tasks the environment they are run in (the local stack\'s settings from scripts/stack-env.sh), as npm test has it', () => {
  // turbo's default (strict) would give a test only the variables turbo.json lists: DATABASE_URL_ADMIN and REDIS_URL not among them.
  const out = spawnSync(TURBO, ['run', 'test', '--dry=json'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  expect(out.status, out.stderr).toBe(0);
  const tasks = (JSON.parse(out.stdout) as { tasks: { taskId: string; envMode: string }[] }).tasks;
  expect(tasks.filter((t) => t.envMode !== 'loose').map((t) => t.taskId)).toEqual([]);
});
