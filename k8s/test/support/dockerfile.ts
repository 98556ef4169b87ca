/**
 * A service image's Dockerfile as data (parsed with dockerfile-ast), for the offline checks of
 * k8s/test/images.test.ts: there is no Docker here, so the tests compare what the Dockerfile says
 * with what the rendered manifests ask of the container.
 */
import { readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { createRequire } from 'node:module';
import type dockerignoreFactory from '@balena/dockerignore';

// The package is CommonJS (`module.exports = factory`) but its types declare an ES default export,
// which NodeNext reads as a `.default` property that does not exist: load it as what it is.
const dockerignore = createRequire(import.meta.url)('@balena/dockerignore') as typeof dockerignoreFactory.default;

export interface Copy {
  /** Stage the files come from; undefined = the build context (the repository root). */
  readonly from?: string;
  readonly sources: readonly string[];
  /** Absolute destination in the image. */
  readonly dest: string;
}

export interface Stage {
  readonly name?: string;
  /** The FROM image after ARG defaults are substituted. */
  readonly image: string;
  readonly workdir: string;
  readonly user?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly copies: readonly Copy[];
  readonly runs: readonly string[];
  readonly expose: readonly string[];
  /** Exec-form CMD, parsed as JSON; undefined when absent (or in shell form). */
  readonly cmd?: readonly string[];
  /** Exec-form ENTRYPOINT, parsed as JSON; undefined when absent (or in shell form). */
  readonly entrypoint?: readonly string[];
}

const argsOf = (i: Instruction): string[] => i.getArguments().map((a) => a.getValue());
const rawArgs = (i: Instruction): string => i.getTextContent().slice(i.getKeyword().length).trim();

export function parseDockerfile(text: string): Stage[] {
  const doc = DockerfileParser.parse(text);
  const args = new Map<string, string>();
  const substitute = (s: string) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a?: string, b?: string) => args.get((a ?? b)!) ?? m);
  const stages: Stage[] = [];
  let current: { -readonly [K in keyof Stage]: Stage[K] } | undefined;
  for (const i of doc.getInstructions()) {
    const keyword = i.getKeyword().toUpperCase();
    const a = argsOf(i);
    if (keyword === 'ARG' && !current) {
      const [name, value = ''] = a[0]!.split(/=(.*)/s);
      args.set(name!, value);
    } else if (keyword === 'FROM') {
      const parent = stages.find((s) => s.name === a[0]);
      current = {
        image: substitute(a[0]!),
        name: a[2],
        workdir: parent?.workdir ?? '/',
        user: parent?.user,
        env: { ...parent?.env },
        copies: [...(parent?.copies ?? [])],
        runs: [...(parent?.runs ?? [])],
        expose: [...(parent?.expose ?? [])],
        cmd: parent?.cmd,
        entrypoint: parent?.entrypoint,
      };
      stages.push(current);
    } else if (!current) {
      throw new Error(`${keyword} before the first FROM`);
    } else if (keyword === 'WORKDIR') {
      current.workdir = posix.resolve(current.workdir, a[0]!);
    } else if (keyword === 'USER') {
      current.user = a[0];
    } else if (keyword === 'ENV') {
      for (const kv of a) {
        const [k, v = ''] = kv.split(/=(.*)/s);
        current.env = { ...current.env, [k!]: v.replace(/^"(.*)"$/, '$1') };
      }
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      // Flags (--from, --chown) are not arguments to dockerfile-ast.
      const flags = i instanceof ModifiableInstruction ? i.getFlags() : [];
      const from = flags.find((f) => f.getName() === 'from')?.getValue() ?? undefined;
      const paths = a;
      const dest = paths.at(-1)!;
      const resolved = posix.resolve(current.workdir, dest) + (dest.endsWith('/') ? '/' : '');
      current.copies = [...current.copies, { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: resolved }];
    } else if (keyword === 'RUN') {
      current.runs = [...current.runs, rawArgs(i)];
    } else if (keyword === 'EXPOSE') {
      current.expose = [...current.expose, ...a];
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      const raw = rawArgs(i);
      const exec = raw.startsWith('[') ? (JSON.parse(raw) as string[]) : undefined;
      if (keyword === 'CMD') current.cmd = exec;
      else current.entrypoint = exec;
    }
  }
  return stages;
}

/**
 * Where a file of the build context lands in the image built by `stage` (context copies only),
 * or undefined. Follows Docker's rules: a directory source copies its contents into dest; a file
 * goes to dest/<basename> when dest ends with '/' (or there are several sources), else to dest.
 */
export function imagePathOf(stage: Stage, contextRoot: string, file: string): string | undefined {
  let found: string | undefined;
  for (const c of stage.copies) {
    if (c.from) continue;
    for (const src of c.sources) {
      const isDir = statSync(posix.join(contextRoot, src), { throwIfNoEntry: false })?.isDirectory() ?? false;
      if (isDir && (file === src || file.startsWith(`${src.replace(/\/$/, '')}/`))) {
        found = posix.join(c.dest, posix.relative(src, file));
      } else if (!isDir && file === src) {
        found = c.dest.endsWith('/') || c.sources.length > 1 ? posix.join(c.dest, posix.basename(src)) : c.dest;
      }
    }
  }
  return found;
}

/** Paths of the build context that .dockerignore keeps out. */
export function dockerignored(contextRoot: string): (path: string) => boolean {
  const text = readFileSync(posix.join(contextRoot, '.dockerignore'), 'utf8');
  const ig = dockerignore({ ignorecase: false }).add(text.split('\n'));
  return (path: string) => ig.ignores(path);
}
