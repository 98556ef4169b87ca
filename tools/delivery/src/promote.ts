/**
 * Promotion: one environment's image tag, written in the one place the renderer reads it
 * (k8s/src/config/image-tags.json), gitops/ re-rendered, and both committed together. Refuses when
 * gitops/ is not a fresh render of the committed sources before the change (the commit would then
 * carry someone else's change), or when the render changes anything outside that environment.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentName } from '@tripgen/catalog';
import { IMAGE_TAG_PATTERN, parseImageTags } from '@tripgen/k8s/src/config/releases.ts';
import { REPO_ROOT } from './repo.ts';

export const ENVIRONMENTS: readonly EnvironmentName[] = ['dev', 'prod'];
/** Relative to the repository root. */
export const IMAGE_TAGS_PATH = 'k8s/src/config/image-tags.json';
const SYNTH_ENTRY = 'k8s/src/main.ts';

export interface PromoteOptions {
  readonly env: string;
  readonly tag: string;
  /** Repository to work in (default: this one). */
  readonly root?: string;
  /** Commit the change (default true). */
  readonly commit?: boolean;
  /**
   * Leave the environment as it is when the commit it runs already contains `tag` (CI: a re-run of
   * an older commit's pipeline must not take dev back; a rollback is a promotion by hand).
   */
  readonly forwardOnly?: boolean;
}

export interface PromoteResult {
  /** False when the environment already runs this tag, or (forwardOnly) a later commit (nothing written). */
  readonly changed: boolean;
  /** forwardOnly: the later commit the environment runs, when that is why nothing changed. */
  readonly newer?: string;
  /** Paths the change touched, relative to the root. */
  readonly files: readonly string[];
  readonly commit?: string;
}

const git = (root: string, args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const synth = (root: string, check: boolean): void => {
  const out = spawnSync(process.execPath, ['--import', 'tsx', SYNTH_ENTRY, ...(check ? ['--check'] : [])], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(
      check
        ? `gitops/ is not a fresh render of the sources: run \`npm run synth\` and commit it first, then promote.\n${out.stdout}${out.stderr}`
        : `the render failed:\n${out.stdout}${out.stderr}`,
    );
  }
};

/**
 * True when `later` is a commit of this repository whose history contains the commit `tag`. Tags that
 * are no commit here (a version like 0.1.0) are never ancestors. Needs the history (no shallow clone).
 */
const runsLater = (root: string, tag: string, later: string): boolean =>
  tag !== later && spawnSync('git', ['merge-base', '--is-ancestor', `${tag}^{commit}`, `${later}^{commit}`], { cwd: root }).status === 0;

/** Paths with uncommitted changes (tracked or untracked) under the given pathspecs. */
const dirty = (root: string, ...paths: string[]): string[] =>
  execFileSync('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(3));

export const formatImageTags = (tags: Readonly<Record<EnvironmentName, string>>): string =>
  `${JSON.stringify(Object.fromEntries(ENVIRONMENTS.map((e) => [e, tags[e]])), null, 2)}\n`;

export function promote(opts: PromoteOptions): PromoteResult {
  const root = opts.root ?? REPO_ROOT;
  const env = opts.env as EnvironmentName;
  if (!ENVIRONMENTS.includes(env)) throw new Error(`unknown environment "${opts.env}" (expected one of ${ENVIRONMENTS.join(', ')})`);
  if (!IMAGE_TAG_PATTERN.test(opts.tag) || opts.tag === 'latest') throw new Error(`"${opts.tag}" is not a pinned image tag`);

  const pending = dirty(root, IMAGE_TAGS_PATH, 'gitops');
  if (pending.length > 0) throw new Error(`uncommitted changes in ${pending.join(', ')}: commit or stash them first`);
  const file = join(root, IMAGE_TAGS_PATH);
  const tags = parseImageTags(readFileSync(file, 'utf8'));
  if (tags[env] === opts.tag) return { changed: false, files: [] };
  if (opts.forwardOnly) {
    if (git(root, ['rev-parse', '--is-shallow-repository']) === 'true') throw new Error('--forward-only needs the history: this clone is shallow (fetch-depth: 0)');
    if (runsLater(root, opts.tag, tags[env])) return { changed: false, files: [], newer: tags[env] };
  }
  synth(root, true);

  writeFileSync(file, formatImageTags({ ...tags, [env]: opts.tag }));
  synth(root, false);
  const files = dirty(root, IMAGE_TAGS_PATH, 'gitops');
  const outside = files.filter((f) => f !== IMAGE_TAGS_PATH && !f.startsWith(`gitops/${env}/`));
  if (outside.length > 0) {
    git(root, ['checkout', '--', IMAGE_TAGS_PATH, 'gitops']);
    throw new Error(`promoting ${env} changed files of another environment (${outside.join(', ')}); nothing was written`);
  }
  if (opts.commit === false) return { changed: true, files };
  git(root, ['add', '--', ...files]);
  git(root, ['commit', '--quiet', '-m', `release(${env}): run images ${opts.tag}`, '-m', `npm run promote -- ${env} ${opts.tag}`, '--', ...files]);
  return { changed: true, files, commit: git(root, ['rev-parse', 'HEAD']) };
}
