/**
 * The npm commands a newcomer types on a fresh clone (after `npm ci`, before `npm run dev` or
 * `npm test`) work there: the Prisma clients are generated code (git-ignored, apps/<service>/src/generated),
 * and a command whose program imports one runs scripts/generate.sh first, the one way `npm test` and
 * `npm run dev` make them. Without it `npm run places:load` stopped on ERR_MODULE_NOT_FOUND for
 * apps/location-service/src/generated/prisma/client.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createScratchDatabase } from '@tripgen/dev-tools/local-stack';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, copyRepositoryAlone } from './support/repo-copy.ts';

const GENERATION = 'scripts/generate.sh';
const GENERATED = /[\\/]generated[\\/]/;

const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true };

/** What a module loads when it runs: its imports and re-exports but `import type` (erased), and its import() of a literal. */
const runtimeImports = (file: string): string[] => {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  return found;
};

/** The repository's TypeScript modules `entry` loads (through workspace packages too): the first import of generated code, or undefined. */
const importOfGeneratedCode = (entry: string): string | undefined => {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const resolved = ts.resolveModuleName(specifier, file, compilerOptions, ts.sys).resolvedModule?.resolvedFileName;
      // Missing on a fresh clone, present once generated: either way the program needs it.
      if (GENERATED.test(specifier) || (resolved && GENERATED.test(resolved))) return `${path.relative(REPO_ROOT, file)} imports ${specifier}`;
      if (resolved && !resolved.includes(`${path.sep}node_modules${path.sep}`) && /\.(ts|mts)$/.test(resolved) && !resolved.endsWith('.d.ts')) queue.push(resolved);
    }
  }
  return undefined;
};

interface Command {
  readonly pkg: string;
  readonly name: string;
  readonly script: string;
}

/** Every npm script of the root package and the workspaces. */
const commands = (): Command[] => {
  const dirs = ['.', ...['apps', 'tools'].flatMap((d) => readdirSync(path.join(REPO_ROOT, d)).map((w) => `${d}/${w}`)), 'k8s', 'infra-bicep', 'scripts'];
  return dirs
    .filter((d) => existsSync(path.join(REPO_ROOT, d, 'package.json')))
    .flatMap((d) => {
      const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, d, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      return Object.entries(scripts).map(([name, script]) => ({ pkg: d, name, script }));
    });
};

describe('a fresh clone', () => {
  it('runs the code generation before every npm command whose program imports generated code', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { pkg, name, script } of commands()) {
      for (const m of script.matchAll(/\bnode --import tsx (\S+\.ts)\b/g)) {
        const entry = path.resolve(REPO_ROOT, pkg, m[1]!);
        checked++;
        const reason = importOfGeneratedCode(entry);
        const before = script.slice(0, m.index);
        if (reason && !before.includes(GENERATION)) missing.push(`${pkg} ${name}: ${reason}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('finds the generated client the place loader imports (the check above is not vacuous)', () => {
    expect(importOfGeneratedCode(path.join(REPO_ROOT, 'apps/location-service/src/cli/load-places-command.ts'))).toMatch(/load-places-command\.ts imports \.\.\/generated\/prisma\/client\.ts/);
    expect(importOfGeneratedCode(path.join(REPO_ROOT, 'apps/location-service/src/cli/import-osm.ts'))).toBeUndefined();
  });

  it('loads the places with `npm run places:load` before anything generated the Prisma clients', async () => {
    const copy = copyRepositoryAlone();
    const db = await createScratchDatabase('fresh_clone_places', serviceMigrationsDir('location'));
    try {
      expect(existsSync(path.join(copy, 'apps/location-service/src/generated'))).toBe(false);
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url };
      const out = spawnSync('npm', ['run', '-s', 'places:load'], { cwd: copy, env, encoding: 'utf8' });
      expect(out.status, out.stdout + out.stderr).toBe(0);
      expect(out.stdout).toMatch(/^places: \d+ in \d+ file\(s\): \d+ inserted/m);
    } finally {
      await db.drop();
      rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });
});
