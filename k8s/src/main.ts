/**
 * `npm run synth`: renders dev and prod into gitops/ from a clean folder and prints objects by
 * kind per environment. `npm run synth:check` (`--check`): renders in memory and fails when
 * gitops/ differs from the render (changed, missing or extra files) or when git sees gitops/ as
 * changed or untracked, i.e. when the committed render is stale.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadProfiles } from './config/profile.ts';
import { GITOPS_DIR, REPO_ROOT } from './lib/paths.ts';
import { render, summarize, summarizeAddOns } from './render.ts';

function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

function check(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const onDisk = new Set(listFiles(GITOPS_DIR));
  for (const [path, content] of files) {
    if (!onDisk.has(path)) problems.push(`missing: gitops/${path}`);
    else if (readFileSync(join(GITOPS_DIR, path), 'utf8') !== content) problems.push(`stale:   gitops/${path}`);
  }
  for (const path of onDisk) if (!files.has(path)) problems.push(`extra:   gitops/${path}`);
  try {
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'gitops'], { cwd: REPO_ROOT, encoding: 'utf8' });
    for (const line of status.split('\n').filter(Boolean)) problems.push(`not committed: ${line}`);
  } catch (err) {
    // Not a git checkout (e.g. an exported tarball) or no git: the file comparison above is the check.
    // Any other failure (a repository git refuses, as "dubious ownership" in a CI container) would
    // hide uncommitted files, so it is a problem, not a skip.
    const text = `${String((err as { stderr?: unknown }).stderr ?? '')}${(err as Error).message}`;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !/not a git repository/i.test(text)) {
      problems.push(`git status failed: ${text.trim().split('\n')[0]}`);
    }
  }
  return problems;
}

function write(files: ReadonlyMap<string, string>): void {
  rmSync(GITOPS_DIR, { recursive: true, force: true });
  for (const [path, content] of files) {
    const file = join(GITOPS_DIR, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

const { files, objects } = render(loadProfiles());
if (process.argv.includes('--check')) {
  const problems = check(files);
  if (problems.length > 0) {
    const shown = problems.slice(0, 25);
    if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more`);
    console.error(`gitops/ is not the render of the current source (run \`npm run synth\` and commit gitops/):\n  ${shown.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`gitops/ is up to date (${files.size} files).`);
} else {
  write(files);
  const summary = summarize(objects);
  const addOns = summarizeAddOns(objects);
  for (const [env, kinds] of Object.entries(summary)) {
    const total = Object.values(kinds).reduce((a, b) => a + b, 0);
    console.log(`${env}: ${total} objects — ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`${env} platform add-ons (Helm, pinned): ${(addOns[env] ?? []).join(', ')}`);
  }
}
