/**
 * Reading GitHub Actions workflows offline: the steps, the actions they use, the npm scripts and
 * repository files their commands call. The workflows cannot run here; tests check with these
 * helpers that what they call exists and that every action is pinned as pinned-actions.json says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../src/repo.ts';

export interface Step {
  readonly job: string;
  readonly index: number;
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly if?: string;
}

export interface Job {
  readonly id: string;
  readonly needs: readonly string[];
  readonly if?: string;
  readonly environment?: string;
  readonly permissions?: Readonly<Record<string, string>> | string;
  readonly strategy?: { readonly matrix?: unknown };
  /** `container:` (a string is the image alone). */
  readonly container?: { readonly image: string; readonly options?: string };
  readonly steps: readonly Step[];
}

export interface Workflow {
  readonly file: string;
  readonly text: string;
  readonly on: unknown;
  readonly jobs: readonly Job[];
}

export const WORKFLOWS_DIR = '.github/workflows';

export const workflowFiles = (root = REPO_ROOT): string[] =>
  readdirSync(join(root, WORKFLOWS_DIR))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${WORKFLOWS_DIR}/${f}`);

type Raw = Record<string, unknown>;
const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function parseWorkflow(text: string, file: string): Workflow {
  const doc = parse(text) as Raw;
  const jobs = Object.entries((doc.jobs ?? {}) as Record<string, Raw>).map(([id, j]): Job => {
    const env = j.environment;
    return {
      id,
      needs: asList(j.needs),
      ...(j.if !== undefined ? { if: String(j.if) } : {}),
      ...(env !== undefined ? { environment: typeof env === 'object' && env !== null ? String((env as Raw).name) : String(env) } : {}),
      ...(j.permissions !== undefined ? { permissions: j.permissions as Record<string, string> | string } : {}),
      ...(j.strategy !== undefined ? { strategy: j.strategy as { matrix?: unknown } } : {}),
      ...(j.container !== undefined
        ? { container: typeof j.container === 'string' ? { image: j.container } : { image: String((j.container as Raw).image), ...((j.container as Raw).options !== undefined ? { options: String((j.container as Raw).options) } : {}) } }
        : {}),
      steps: ((j.steps ?? []) as Raw[]).map((s, index) => ({
        job: id,
        index,
        ...(s.name !== undefined ? { name: String(s.name) } : {}),
        ...(s.id !== undefined ? { id: String(s.id) } : {}),
        ...(s.uses !== undefined ? { uses: String(s.uses) } : {}),
        ...(s.run !== undefined ? { run: String(s.run) } : {}),
        ...(s.with !== undefined ? { with: s.with as Record<string, unknown> } : {}),
        ...(s.env !== undefined ? { env: Object.fromEntries(Object.entries(s.env as Raw).map(([k, v]) => [k, String(v)])) } : {}),
        ...(s.if !== undefined ? { if: String(s.if) } : {}),
      })),
    };
  });
  return { file, text, on: doc.on, jobs };
}

export const loadWorkflows = (root = REPO_ROOT): Workflow[] => workflowFiles(root).map((f) => parseWorkflow(readFileSync(join(root, f), 'utf8'), f));

export const allSteps = (w: Workflow): Step[] => w.jobs.flatMap((j) => j.steps);

/** An action reference: `owner/repo[/path]@ref`, with the version comment of its line when pinned. */
export interface ActionRef {
  readonly action: string;
  readonly ref: string;
  /** `# v1.2.3` after the reference on the same line, if any. */
  readonly comment?: string;
  readonly line: number;
}

/** Every `uses:` of steps and jobs, read from the text so the comment that names the version is kept. */
export function actionRefs(text: string): ActionRef[] {
  const refs: ActionRef[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#@]+)@([^\s"'#]+)["']?\s*(?:#\s*(\S.*?))?\s*$/.exec(raw);
    if (m) refs.push({ action: m[1]!, ref: m[2]!, ...(m[3] ? { comment: m[3] } : {}), line: i + 1 });
  });
  return refs;
}

/** npm scripts a command runs: `npm run [-s] <name>`, `npm run-script <name>`, `npm test`/`npm start`. */
export function npmScriptsCalled(command: string): string[] {
  const names = new Set<string>();
  for (const m of command.matchAll(/\bnpm\s+(?:run|run-script)\s+(?:(?:-s|--silent|--if-present)\s+)*([\w:.-]+)/g)) names.add(m[1]!);
  for (const m of command.matchAll(/\bnpm\s+(test|start)\b/g)) names.add(m[1]!);
  return [...names];
}

/** Repository files a command or an input names (paths under the repository's top folders). */
export function repositoryPathsNamed(text: string): string[] {
  const paths = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s"'=(])((?:\.\/)?(?:apps|tools|k8s|infra-bicep|scripts|docs|gitops|\.ci|\.github)\/[\w./-]*[\w])/g)) {
    paths.add(m[1]!.replace(/^\.\//, ''));
  }
  return [...paths];
}
