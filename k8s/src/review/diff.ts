/**
 * `npm run diff [base-ref]`: what a change does to the rendered objects, between a git ref
 * (default: origin/main when it exists, else HEAD) and a fresh render of the working tree,
 * grouped by env / kind / name with field-level changes, as Markdown for a PR comment.
 */
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { loadProfiles } from '../config/profile.ts';
import { REPO_ROOT } from '../lib/paths.ts';
import { render } from '../render.ts';
import { diffObjects, refKey, refOf, toMarkdown, type ObjectRef } from './field-diff.ts';

const git = (args: string[], input?: string): string =>
  execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });

function defaultBase(): string {
  try {
    git(['rev-parse', '--verify', '--quiet', 'origin/main']);
    return 'origin/main';
  } catch {
    return 'HEAD';
  }
}

type Index = Map<string, { ref: ObjectRef; object: unknown }>;

function add(index: Index, path: string, text: string): void {
  const env = path.split('/')[0]!;
  const object = parse(text) as unknown;
  const ref = refOf(env, object);
  index.set(refKey(ref), { ref, object });
}

/** Every gitops/ YAML file at a ref, read in one `git cat-file --batch`. */
function atRef(ref: string): Index {
  const index: Index = new Map();
  const paths = git(['ls-tree', '-r', '--name-only', ref, '--', 'gitops'])
    .split('\n')
    .filter((p) => p.endsWith('.yaml'));
  if (paths.length === 0) return index;
  const out = Buffer.from(
    execFileSync('git', ['cat-file', '--batch'], { cwd: REPO_ROOT, input: paths.map((p) => `${ref}:${p}`).join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 }),
  );
  let offset = 0;
  for (const path of paths) {
    const headerEnd = out.indexOf(0x0a, offset);
    const size = Number(out.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    add(index, path.slice('gitops/'.length), out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return index;
}

const USAGE = 'usage: npm run diff [base-ref]   (default: origin/main when it exists, else HEAD)';

/** The ref to compare with: a usage error (message, usage, exit 2) for an option or a ref git does not know, not git's stack trace. */
function baseRef(args: readonly string[]): string {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const option = args.find((a) => a.startsWith('-'));
  const problem = option ? `unknown option '${option}'` : args.length > 1 ? `one base ref, got ${args.length}` : undefined;
  if (problem) {
    console.error(`npm run diff: ${problem}\n${USAGE}`);
    process.exit(2);
  }
  const ref = args[0] ?? defaultBase();
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    console.error(`npm run diff: ${ref} is not a commit of this repository (a shallow clone may lack it: git fetch it first)\n${USAGE}`);
    process.exit(2);
  }
  return ref;
}

const base = baseRef(process.argv.slice(2));
const before = atRef(base);
const after: Index = new Map();
for (const [path, text] of render(loadProfiles()).files) add(after, path, text);
process.stdout.write(toMarkdown(diffObjects(before, after), `Rendered manifests: \`${base}\` → working tree`));
