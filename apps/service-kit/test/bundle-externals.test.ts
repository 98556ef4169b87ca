/**
 * Every package a service's bundle leaves external (third-party, loaded from node_modules at run time)
 * is found from where the bundle runs, apps/<service>/dist/: Node looks in the node_modules folders of
 * that folder and its parents only. A package npm installed inside a library's own folder
 * (apps/service-kit/node_modules/...) is found from the library's sources, which the tests run, but not
 * from the bundle they are built into: @azure/monitor-opentelemetry-exporter was, so every service
 * stopped at start with ERR_MODULE_NOT_FOUND when APPLICATIONINSIGHTS_CONNECTION_STRING was set (the
 * pods of prod). The image installs the same lockfile, so the same layout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { REPO_ROOT, existingServices } from '@tripgen/dev-tools/layout';

/** The packages an ES module imports by name (static, side-effect and dynamic imports), as esbuild writes them. */
const importedPackages = (code: string): string[] => {
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|^import\s*|\bimport\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?::[\w/.-]+|\/[\w/.@-]*)?)["']/gm)].map((m) => m[1]!);
  const names = specifiers.filter((s) => !s.startsWith('node:')).map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(names)].sort();
};

/** The folder holding `name` that Node's lookup from `dir` finds, or undefined. */
const packageFrom = (dir: string, name: string): string | undefined => {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (d === path.dirname(d)) return undefined;
  }
};

it.each(existingServices())('the %s bundle finds every package it imports from its own folder', async (service) => {
  const dist = path.dirname(path.resolve(REPO_ROOT, await builtServiceEntry(service)));
  const modules = readdirSync(dist).filter((f) => f.endsWith('.mjs'));
  const imported = [...new Set(modules.flatMap((f) => importedPackages(readFileSync(path.join(dist, f), 'utf8'))))];
  expect(imported).toContain('@prisma/client');
  expect(imported.filter((name) => !packageFrom(dist, name))).toEqual([]);
});

it('reads the package names of a bundle\'s imports', () => {
  const code = 'import { a } from "fastify";\nimport "pg";\nconst m = await import("@azure/monitor-opentelemetry-exporter");\nimport x from "./y.mjs";\nimport os from "node:os";\nimport { c } from "@prisma/client/runtime/client";';
  expect(importedPackages(code)).toEqual(['@azure/monitor-opentelemetry-exporter', '@prisma/client', 'fastify', 'pg']);
});
