/**
 * `npm run synth:check` (CI's drift check) must not pass when git cannot answer: it skipped the
 * "not committed" check on any git error, so a repository git refuses (the CI test job's container
 * runs as root in a workspace another user owns: "detected dubious ownership") passed with
 * untracked or changed files under gitops/. Only a folder that is no git checkout is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
// Skipped only in a folder that is no git checkout (an exported tarball): nothing to refuse there. The
// repository copied alone (scripts/test/stands-alone.test.ts) is one commit in a git repository of its
// own, so this runs there too: that file fails its copy's run on any skip but the promtool runs'.
const IS_GIT_CHECKOUT = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: REPO, encoding: 'utf8' }).status === 0;
const check = (cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'k8s/src/main.ts', '--check'], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('synth:check and git', () => {
  it.skipIf(!IS_GIT_CHECKOUT)('fails, naming git, when git refuses the repository', () => {
    // Git's own switch for its ownership check (t/t0033-safe-directory.sh).
    const run = check(REPO, { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/git status failed: .*dubious ownership/);
  }, 60_000);

  it('compares the files alone when git finds no repository (an exported tarball)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-check-'));
    try {
      // GIT_DIR naming no repository: git answers "not a git repository", as in an unpacked tarball.
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'k8s/src/main.ts'), '--check'], {
        cwd: dir,
        env: { ...process.env, GIT_DIR: join(dir, 'no-such-git-dir') },
        encoding: 'utf8',
      });
      expect(run.stderr).not.toMatch(/git status failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
