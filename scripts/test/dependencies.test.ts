/**
 * Every package declares exactly what it imports, in the right section, checked by knip (its view of
 * the workspaces: knip.ts at the root):
 *  - all code: no declared dependency left unused, no import of an undeclared package, no
 *    unresolved import, no undeclared binary in a package script;
 *  - production code only (`--production --strict`: a service's process, a tool's commands, the
 *    renderer; each workspace on its own): no `dependencies` entry only the tests use, and no
 *    production import satisfied only by a devDependency or by the root.
 * Shown failing on a copy of the repository with a planted unused, misplaced and undeclared dependency.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('declared dependencies (knip)', () => {
  it('all code: nothing unused, undeclared or unresolved', () => {
    const { status, report } = knip(REPO_ROOT, ALL_CODE);
    expect(report).toBe('');
    expect(status).toBe(0);
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
  });
});
