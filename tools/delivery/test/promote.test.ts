/**
 * `npm run promote -- <env> <tag>` on a scratch branch of a scratch repository (a copy of this
 * working tree, its own git history): the commit it makes changes exactly the image tag of that
 * environment and, in gitops/<env>/ only, the image references and version labels that follow from
 * it, in every workload and migration Job of every service; nothing else. It refuses a stale
 * gitops/, an unknown environment and an unpinned tag.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES, imageRepository, workloadName } from '@tripgen/catalog';
import { diffFields } from '@tripgen/k8s/src/review/field-diff.ts';
import { IMAGE_TAGS_PATH, promote } from '../src/promote.ts';
import { REPO_ROOT } from '../src/repo.ts';

const scratch = mkdtempSync(join(os.tmpdir(), 'tripgen-promote-'));
const git = (...args: string[]): string => execFileSync('git', args, { cwd: scratch, encoding: 'utf8' }).trim();
const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };
const NEW_TAG = '3f2a9c1d5e7b8a6f4c3d2e1f0a9b8c7d6e5f4a3b';

const yamlAt = (rev: string, path: string): unknown[] => parseAllDocuments(git('show', `${rev}:${path}`)).map((d) => d.toJS() as unknown);
const existsAt = (rev: string, path: string): boolean => spawnSync('git', ['cat-file', '-e', `${rev}:${path}`], { cwd: scratch }).status === 0;

beforeAll(() => {
  Object.assign(process.env, GIT_ENV);
  // The working tree as it is (tracked and new files, not ignored ones), node_modules shared.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(scratch, f)), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, f), join(scratch, f));
    } catch {
      // Deleted in the working tree but still in the index.
    }
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(scratch, 'node_modules'));
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'base');
  git('checkout', '--quiet', '-b', 'scratch');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('promote dev to a new tag on a scratch branch', () => {
  let before: Record<string, string>;
  let changed: string[];

  beforeAll(() => {
    before = JSON.parse(git('show', `main:${IMAGE_TAGS_PATH}`)) as Record<string, string>;
    const out = spawnSync('npm', ['run', '-s', 'promote', '--', 'dev', NEW_TAG], { cwd: scratch, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    // --no-renames: a migration Job's file renamed by its digest lists both its old and its new path.
    changed = git('diff', '--name-only', '--no-renames', 'main', 'scratch').split('\n').filter(Boolean);
  });

  it('makes one commit that touches only the tags file and gitops/dev', () => {
    expect(git('rev-list', '--count', 'main..scratch')).toBe('1');
    expect(git('status', '--porcelain')).toBe('');
    expect(changed).toContain(IMAGE_TAGS_PATH);
    expect(changed.filter((f) => f !== IMAGE_TAGS_PATH && !f.startsWith('gitops/dev/'))).toEqual([]);
  });

  it('changes the dev tag and nothing else in the tags file', () => {
    const after = JSON.parse(readFileSync(join(scratch, IMAGE_TAGS_PATH), 'utf8')) as Record<string, string>;
    expect(after).toEqual({ ...before, dev: NEW_TAG });
  });

  it('changes, in every dev workload and migration Job of every service, only the image tag and the version label', () => {
    const oldTag = before.dev!;
    const gitopsChanges = changed.filter((f) => f.startsWith('gitops/'));
    // Each service's Deployment and Job at least (more objects may carry the version label).
    // A migration Job is named (and its file) by the digest of its content: the new tag is a new
    // file in place of the old one (k8s/src/constructs/migration-job.ts).
    const jobFile = (s: string) => new RegExp(`/Job\\.${s}-migrate-[0-9a-f]{10}\\.yaml$`);
    const renamed = new Map<string, string>();
    for (const s of SERVICE_NAMES) {
      expect(gitopsChanges.some((f) => f.includes(`/Deployment.${workloadName(s)}.yaml`)), s).toBe(true);
      const jobs = gitopsChanges.filter((f) => jobFile(s).test(f));
      const [was, is] = [jobs.filter((f) => existsAt('main', f)), jobs.filter((f) => existsAt('scratch', f))];
      expect([was.length, is.length], s).toEqual([1, 1]);
      renamed.set(is[0]!, was[0]!);
    }
    for (const file of gitopsChanges.filter((f) => existsAt('scratch', f))) {
      const [a, b] = [yamlAt('main', renamed.get(file) ?? file), yamlAt('scratch', file)];
      expect(b.length, file).toBe(a.length);
      a.forEach((doc, i) => {
        const fields = diffFields(doc, b[i]);
        expect(fields.length, file).toBeGreaterThan(0);
        for (const f of fields) {
          const [was, is] = [JSON.parse(f.before ?? 'null') as unknown, JSON.parse(f.after ?? 'null') as unknown];
          if (/\.image$/.test(f.path)) {
            const repo = SERVICE_NAMES.map(imageRepository).find((r) => String(was).includes(`/${r}:`));
            expect(repo, `${file} ${f.path}`).toBeDefined();
            expect(is, `${file} ${f.path}`).toBe(String(was).replace(`:${oldTag}`, `:${NEW_TAG}`));
          } else if (renamed.has(file) && f.path === 'metadata.name') {
            expect(is, file).toBe(file.split('/Job.').at(-1)!.replace(/\.yaml$/, ''));
            expect(String(was).replace(/-[0-9a-f]{10}$/, ''), file).toBe(String(is).replace(/-[0-9a-f]{10}$/, ''));
          } else {
            expect(f.path, file).toMatch(/labels\."app\.kubernetes\.io\/version"$/);
            expect([was, is], file).toEqual([oldTag, NEW_TAG]);
          }
        }
      });
    }
  });

  it('does nothing when the environment already runs the tag', () => {
    expect(promote({ env: 'dev', tag: NEW_TAG, root: scratch })).toEqual({ changed: false, files: [] });
    expect(git('rev-list', '--count', 'main..scratch')).toBe('1');
  });
});

describe('refuses, writing nothing', () => {
  it('an unknown environment, an unpinned or malformed tag', () => {
    expect(() => promote({ env: 'staging', tag: NEW_TAG, root: scratch })).toThrow(/unknown environment "staging"/);
    expect(() => promote({ env: 'prod', tag: 'latest', root: scratch })).toThrow(/not a pinned image tag/);
    expect(() => promote({ env: 'prod', tag: 'a tag', root: scratch })).toThrow(/not a pinned image tag/);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('a gitops/ that is not a fresh render (its commit would carry another change)', () => {
    const file = join(scratch, 'gitops/prod/platform', git('ls-files', 'gitops/prod/platform').split('\n')[0]!.split('/').at(-1)!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}# hand edit\n`);
    git('commit', '--quiet', '-am', 'a hand edit of gitops/');
    const head = git('rev-parse', 'HEAD');
    expect(() => promote({ env: 'prod', tag: NEW_TAG, root: scratch })).toThrow(/not a fresh render/);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('uncommitted changes to the tags file or gitops/', () => {
    git('reset', '--quiet', '--hard', 'HEAD~1');
    writeFileSync(join(scratch, IMAGE_TAGS_PATH), '{}\n');
    expect(() => promote({ env: 'prod', tag: NEW_TAG, root: scratch })).toThrow(/uncommitted changes in k8s\/src\/config\/image-tags.json/);
    git('checkout', '--', IMAGE_TAGS_PATH);
  });
});

describe('--forward-only (CI): a re-run of an older commit\'s pipeline does not take dev back', () => {
  it('leaves dev on a later commit that contains the tag, and promotes otherwise', () => {
    git('reset', '--quiet', '--hard');
    git('commit', '--quiet', '--allow-empty', '-m', 'older change');
    const older = git('rev-parse', 'HEAD');
    git('commit', '--quiet', '--allow-empty', '-m', 'later change');
    const later = git('rev-parse', 'HEAD');
    expect(promote({ env: 'dev', tag: later, root: scratch, forwardOnly: true }).changed).toBe(true);
    const head = git('rev-parse', 'HEAD');

    expect(promote({ env: 'dev', tag: older, root: scratch, forwardOnly: true })).toEqual({ changed: false, files: [], newer: later });
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe('');

    // By hand (no --forward-only), going back is a rollback, and allowed.
    expect(promote({ env: 'dev', tag: older, root: scratch }).changed).toBe(true);
    expect((JSON.parse(readFileSync(join(scratch, IMAGE_TAGS_PATH), 'utf8')) as Record<string, string>).dev).toBe(older);
    // A later commit than the one dev runs goes forward.
    expect(promote({ env: 'dev', tag: later, root: scratch, forwardOnly: true }).changed).toBe(true);
  });
});
