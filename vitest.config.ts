import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo: each workspace (package.json "workspaces") is a project with
// its own tests, and the coverage gate applies to each workspace on its own: a workspace below the
// minimum fails `npm test` (scripts/test.sh runs with --coverage), whatever the others reach.
const root = new URL('./', import.meta.url);
const workspacePatterns = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { workspaces: string[] }).workspaces;
/** The workspace folders (`apps/*` expanded to the folders that hold a package.json). */
const workspaces = workspacePatterns.flatMap((w) =>
  w.endsWith('/*')
    ? readdirSync(new URL(w.slice(0, -1), root), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(new URL(`${w.slice(0, -1)}${d.name}/package.json`, root)))
        .map((d) => `${w.slice(0, -1)}${d.name}`)
    : [w],
);

/** Seed §8: unit tests with at least 80% coverage; lines and branches, per workspace. */
export const COVERAGE_MINIMUM = { lines: 80, branches: 80 } as const;

/**
 * Test files run at once: at least two, else vitest's default (the cores less one). Most of the
 * suite waits on real servers, child processes and timers, and the default ran a 2-core machine
 * (ours and CI's) one file at a time. More than one a core starved the services' own 1 s peer-call
 * budgets: with three on two cores a trip test's preferences read timed out (a 503 for a 202).
 */
const TEST_FILES_AT_ONCE = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    projects: workspaces,
    maxWorkers: TEST_FILES_AT_ONCE,
    reporters: ['default'],
    coverage: {
      provider: 'v8',
      // Every TypeScript file a workspace ships or runs, loaded by a test or not (0% then).
      include: workspaces.map((w) => `${w}/**/*.ts`),
      // Tests and what only tests load (fixtures, helpers, benchmarks), generated code and configs.
      exclude: [
        '**/node_modules/**',
        '**/*.test.ts',
        '**/test/**',
        '**/test-support/**',
        '**/testing/**',
        '**/bench/**',
        '**/generated/**',
        '**/vitest.config.ts',
        // The developer commands' entry points (npm run dev, migrate, cost and the benchmarks): thin
        // wrappers that run as commands, never in a test process; what they call is measured in the
        // workspace that owns it (tools/dev-tools, infra-bicep, k8s, the services).
        'scripts/**',
      ],
      reporter: ['text-summary', 'json-summary', 'lcov'],
      reportsDirectory: 'coverage',
      // The figures also when a test fails: the gate's own failure names the workspace and metric.
      reportOnFailure: true,
      // A glob's files are measured together against its own minimum.
      thresholds: Object.fromEntries(workspaces.map((w) => [`${w}/**`, { ...COVERAGE_MINIMUM }])),
    },
  },
});
