/**
 * Every package declares exactly what it imports, in the right section, checked by knip (its view of
 * the workspaces: knip.ts at the root):
 *  - all code: no declared dependency left unused, no import of an undeclared package, no
 *    unresolved import, no undeclared binary in a package script;
 *  - production code only (`--production --strict`: a service's process, a tool's commands, the
 *    renderer; each workspace on its own): no `dependencies` entry only the tests use, and no
 *    production import satisfied only by a devDependency or by the root.
 * knip resolves imports of the repository's own packages (@tripgen/*) through the workspace links
 * and reports none of them as undeclared (knip 6.44, tried by removing a declared one), so those
 * are checked here, in the same two ways.
 * Shown failing on a copy of the repository with a planted unused, misplaced and undeclared dependency.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, copyRepositoryAlone } from './support/repo-copy.ts';

const KNIP = path.join(REPO_ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
const ALL_CODE = ['--include', 'dependencies,devDependencies,unlisted,binaries,unresolved'];
const PRODUCTION = ['--production', '--strict', '--include', 'dependencies,unlisted,binaries,unresolved'];

const knip = (cwd: string, mode: string[]) => {
  const out = spawnSync(process.execPath, [KNIP, '--no-progress', '--no-config-hints', ...mode], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
  return { status: out.status, report: `${out.stdout}${out.stderr}`.trim() };
};

interface Manifest {
  readonly name: string;
  readonly workspaces?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** The workspace folders of the repository at `root` (package.json "workspaces", `dir/*` expanded). */
const workspaceDirs = (root: string): string[] =>
  (manifest(root).workspaces ?? []).flatMap((w) =>
    w.endsWith('/*')
      ? readdirSync(path.join(root, w.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(path.join(root, w.slice(0, -2), d.name, 'package.json')))
          .map((d) => `${w.slice(0, -2)}/${d.name}`)
      : [w],
  );

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (['node_modules', 'generated', 'coverage'].includes(d.name) ? [] : sourceFiles(path.join(dir, d.name))) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );

/** Test code, test support, benchmarks and configs: what may import devDependencies. */
const isTestOrTooling = (file: string): boolean => /(^|\/)(test|test-support|bench)\//.test(file) || /\.test\.ts$|(^|\/)vitest\.config\.ts$/.test(file);

/** Imports of the repository's own packages that their importer does not declare, or declares as a devDependency for production code. */
const workspaceImportProblems = (root: string): string[] => {
  const problems: string[] = [];
  for (const dir of workspaceDirs(root)) {
    const pkg = manifest(path.join(root, dir));
    for (const file of sourceFiles(path.join(root, dir))) {
      const relative = path.relative(root, file);
      const imported = new Set([...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(@tripgen\/[^/']+)/g)].map((m) => m[1]!));
      for (const name of imported) {
        if (name === pkg.name) continue;
        if (!pkg.dependencies?.[name] && !pkg.devDependencies?.[name]) problems.push(`${relative} imports ${name}, which ${dir}/package.json does not declare`);
        else if (!pkg.dependencies?.[name] && !isTestOrTooling(path.relative(path.join(root, dir), file))) problems.push(`${relative} (production code) imports ${name}, a devDependency of ${dir}`);
      }
    }
  }
  return problems;
};

describe('declared dependencies (knip)', () => {
  it('all code: nothing unused, undeclared or unresolved', () => {
    const { status, report } = knip(REPO_ROOT, ALL_CODE);
    expect(report).toBe('');
    expect(status).toBe(0);
  });

  it('the repository\'s own packages: every import declared, production ones in dependencies', () => {
    expect(workspaceImportProblems(REPO_ROOT)).toEqual([]);
  });

  it('production code: runtime imports in dependencies, nothing there only the tests use', () => {
    const { status, report } = knip(REPO_ROOT, PRODUCTION);
    expect(report).toBe('');
    expect(status).toBe(0);
  });
});

describe('the check bites on a copy with planted mistakes', () => {
  let copy: string | undefined;
  afterAll(() => {
    if (copy) rmSync(path.dirname(copy), { recursive: true, force: true });
  });

  it('reports an unused dependency, a test-only one in dependencies and an undeclared import', () => {
    copy = copyRepositoryAlone();
    const pkgFile = path.join(copy, 'apps', 'catalog', 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { dependencies?: Record<string, string> };
    // Unused: nothing in the catalog imports it. Misplaced: only the catalog's tests import vitest.
    pkg.dependencies = { ...pkg.dependencies, 'lru-cache': '11.5.3', vitest: '4.1.12' };
    writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    // Undeclared: the catalog's production code imports a package it does not declare.
    writeFileSync(path.join(copy, 'apps', 'catalog', 'src', 'planted.ts'), "import { parse } from 'yaml';\nexport const planted = parse('a: 1');\n");
    writeFileSync(path.join(copy, 'apps', 'catalog', 'src', 'index.ts'), `${readFileSync(path.join(copy, 'apps', 'catalog', 'src', 'index.ts'), 'utf8')}export * from './planted.ts';\n`);

    const all = knip(copy, ALL_CODE);
    expect(all.status).not.toBe(0);
    expect(all.report).toMatch(/Unused dependencies[\s\S]*lru-cache\s+apps\/catalog\/package\.json/);
    expect(all.report).toMatch(/Unlisted dependencies[\s\S]*yaml\s+apps\/catalog\/src\/planted\.ts/);

    const production = knip(copy, PRODUCTION);
    expect(production.status).not.toBe(0);
    expect(production.report).toMatch(/Unused dependencies[\s\S]*vitest\s+apps\/catalog\/package\.json/);

    // One of the repository's own packages undeclared (the user service's tests use @tripgen/testing),
    // another moved to devDependencies though the service's code imports it.
    const userFile = path.join(copy, 'apps', 'user-service', 'package.json');
    const user = JSON.parse(readFileSync(userFile, 'utf8')) as Required<Pick<Manifest, 'dependencies' | 'devDependencies'>>;
    const { '@tripgen/testing': _testing, ...devDependencies } = user.devDependencies;
    const { '@tripgen/catalog': catalog, ...dependencies } = user.dependencies;
    writeFileSync(userFile, JSON.stringify({ ...user, dependencies, devDependencies: { ...devDependencies, '@tripgen/catalog': catalog } }, null, 2));
    const problems = workspaceImportProblems(copy);
    expect(problems).toContainEqual(expect.stringMatching(/^apps\/user-service\/test\/.* imports @tripgen\/testing, which apps\/user-service\/package\.json does not declare$/));
    expect(problems).toContainEqual('apps/user-service/src/routes/auth.ts (production code) imports @tripgen/catalog, a devDependency of apps/user-service');
  });
});
