/**
 * The repository as a fresh clone would have it, for the repository-wide checks: the files git
 * would commit, copied into an empty temporary folder. Third-party packages are linked from this
 * checkout's node_modules (they are not the repository's files); the workspace links point into the
 * copy, so every file of the repository that runs is the copy's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Files git would commit now: tracked (and still present) or new and not ignored. */
export const committableFiles = (): string[] => {
  const out = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ls-files failed: ${out.stderr}`);
  return [...new Set(out.stdout.split('\0').filter(Boolean))].filter((f) => existsSync(path.join(REPO_ROOT, f)) || isSymlink(f)).sort();
};

export const isSymlink = (file: string): boolean => {
  try {
    return lstatSync(path.join(REPO_ROOT, file)).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The repository copied alone into `<tmp>/<random>/repo` (its parent holds nothing else), one commit in its own git repository; returns its path. */
export function copyRepositoryAlone(): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'tripgen-alone-'));
  const copy = path.join(parent, 'repo');
  for (const file of committableFiles()) {
    const from = path.join(REPO_ROOT, file);
    const to = path.join(copy, file);
    mkdirSync(path.dirname(to), { recursive: true });
    if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else cpSync(from, to);
  }
  const modules = path.join(REPO_ROOT, 'node_modules');
  mkdirSync(path.join(copy, 'node_modules', '@tripgen'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    // .bin too: the copy runs the tools a fresh clone's scripts run (prisma generate); other dot entries are caches.
    if ((entry.startsWith('.') && entry !== '.bin') || entry === '@tripgen') continue;
    symlinkSync(path.join(modules, entry), path.join(copy, 'node_modules', entry));
  }
  // Workspace links are relative (../../apps/catalog): recreated in the copy, they point into it.
  for (const ws of readdirSync(path.join(modules, '@tripgen'))) {
    symlinkSync(readlinkSync(path.join(modules, '@tripgen', ws)), path.join(copy, 'node_modules', '@tripgen', ws));
  }
  // Packages a workspace keeps in its own node_modules (a version that differs from the root's).
  for (const file of committableFiles().filter((f) => f.endsWith('/package.json') && !f.includes('node_modules'))) {
    const own = path.join(REPO_ROOT, path.dirname(file), 'node_modules');
    if (existsSync(own)) symlinkSync(own, path.join(copy, path.dirname(file), 'node_modules'));
  }
  // A clone has its history: one commit of the copied files, so the commands that read git (npm run
  // diff against a ref) run in the copy as they do in a clone (node_modules is ignored, as there).
  const git = (...args: string[]) => {
    const out = spawnSync('git', ['-c', 'user.name=copy', '-c', 'user.email=copy@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: copy, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`git ${args[0]} in the copy failed: ${out.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the repository copied alone');
  return copy;
}

