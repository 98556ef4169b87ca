/**
 * knip's view of the workspaces, for the dependency check (scripts/test/dependencies.test.ts):
 * every package declares exactly what it imports, runtime imports in `dependencies`, test-only ones
 * in `devDependencies`. Entries marked `!` are a package's production code (what runs outside its
 * tests: a service's process, a tool's commands, the renderer); knip finds the rest (package.json
 * exports and scripts, vitest and eslint configs, test files). The toolchain every workspace shares
 * (typescript, vitest, eslint, tsx, turbo, knip, @types/node) is declared once, at the root.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  workspaces: {
    '.': {},
    'apps/planner': { entry: ['src/cli/*.ts!', 'bench/*.ts'] },
    // Started as its own process by a test.
    'apps/service-kit': { entry: ['test/fixtures/careless-service.ts'] },
    'apps/user-service': {
      // Imported by the Prisma client `prisma generate` writes into src/generated (git-ignored, so
      // knip never reads it); the image ships that client.
      ignoreDependencies: ['@prisma/client'],
    },
    'tools/*': { entry: ['src/*.ts!'] },
    // The renderer's commands run from the root package's scripts; the bootstrap by an operator.
    k8s: { entry: ['src/main.ts!', 'src/review/diff.ts!', 'src/bootstrap/dev-secrets.ts!', 'bench/*.ts'] },
    'infra-bicep': { entry: ['lib/*.ts!', 'cost/*.ts!'] },
    scripts: { entry: ['*.ts!', 'lib/*.ts!'] },
  },
  // The dev bootstrap drives the operator's kubectl; no package provides it.
  ignoreBinaries: ['kubectl'],
};

export default config;
