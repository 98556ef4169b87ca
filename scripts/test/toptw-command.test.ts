/**
 * `npm run planner:toptw -- --instance <file> ...` (README, everyday commands) reads the instance file
 * a path relative to the folder it was typed in names, also from a folder of the repository that is
 * not its root, as the place commands do (places-commands.test.ts): npm runs the script in the root
 * and sets INIT_CWD to where it was typed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

it('solves the instance a path relative to the folder it was typed in names (from apps/)', () => {
  const args = ['run', '-s', 'planner:toptw', '--', '--instance', 'planner/bench/data/instances/pr01_10/pr01.txt', '--tours', '1', '--time-limit-ms', '100', '--seed', '1'];
  const out = spawnSync('npm', args, { cwd: path.join(REPO_ROOT, 'apps'), encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  expect(JSON.parse(out.stdout)).toMatchObject({ score: expect.any(Number), tours: [expect.any(Array)] });
});
