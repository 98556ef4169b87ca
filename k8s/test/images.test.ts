/**
 * What gitops/ asks of a container is what its image does. Docker is not available here, so the
 * Dockerfile of every service that has one is parsed and checked against the rendered workloads
 * and migration Jobs: pinned base image, numeric USER = runAsUser/runAsGroup, a read-only root
 * with only /tmp written, COPY sources that exist and survive .dockerignore, the ENTRYPOINT running
 * the service's bundle built in the image from its sources, serving by default, and the migration
 * Job asking that same entry point for its migrate command, with the migrations in the image.
 * Nothing runs from the repository's scripts/. The final stage holds only what runs: the production
 * packages, the bundle (every command of the entry point: the location service's place loader too),
 * the migrations and the data a command reads; no source, TypeScript loader or settings, test code,
 * bundler or schema, no record of the bundler's, and no package the bundler imports (the production
 * install, read from the lockfile).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCATION_COMMANDS, SERVICE_COMMANDS, SERVICE_NAMES, SERVICES, migrationArgs, serviceEntrypoint, workloadName, type ServiceName } from '@tripgen/catalog';
import { freshnessRecord } from '@tripgen/service-kit/build';
import { REPO_ROOT, repoPath } from '../src/lib/paths.ts';
import { dockerignored, imagePathOf, parseDockerfile, type Stage } from './support/dockerfile.ts';
import { find } from './support/gitops.ts';
import { packageNameOf, productionInstall, type Lockfile } from './support/lockfile.ts';

interface Container {
  name: string;
  command?: string[];
  args?: string[];
  securityContext?: { runAsUser?: number; runAsGroup?: number; readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  securityContext?: { runAsUser?: number; runAsGroup?: number };
  containers: Container[];
  volumes?: { name: string; emptyDir?: object }[];
}

const ENVS = ['dev', 'prod'] as const;
/** The kit's bundler, which every image's build stage runs (plain JavaScript: no loader needed). */
const BUNDLER = 'apps/service-kit/build/bundle-service.mjs';
const WORKLOAD_KIND = { dev: 'Deployment', prod: 'Rollout' } as const;
/** Where the official Node images (docker-library/node, Debian variants) install npm, npx, corepack and yarn 1. */
const BASE_IMAGE_PACKAGE_MANAGERS = ['/usr/local/lib/node_modules', '/usr/local/bin/npm', '/usr/local/bin/npx', '/usr/local/bin/corepack', '/opt/yarn-v*', '/usr/local/bin/yarn', '/usr/local/bin/yarnpkg'];

const podOf = (env: (typeof ENVS)[number], kind: string, name: string): PodSpec =>
  (find(env, kind, name).spec as { template: { spec: PodSpec } }).template.spec;

const dockerfilePath = (s: ServiceName) => `apps/${workloadName(s)}/Dockerfile`;
const readPackage = (dir: string): { dependencies?: Record<string, string> } => JSON.parse(readFileSync(repoPath(`${dir}/package.json`), 'utf8')) as { dependencies?: Record<string, string> };
/** The workspaces (folders) a service's production dependencies reach, its own first. */
const productionWorkspaces = (service: ServiceName): string[] => {
  const found = [`apps/${workloadName(service)}`];
  for (const dir of found) {
    for (const dep of Object.keys(readPackage(dir).dependencies ?? {})) {
      const lib = dep.startsWith('@tripgen/') ? `apps/${dep.slice('@tripgen/'.length)}` : undefined;
      if (lib && existsSync(repoPath(`${lib}/package.json`)) && !found.includes(lib)) found.push(lib);
    }
  }
  return found;
};
/** The lockfile the images' production install (`npm ci --omit=dev --workspace <service>`) follows. */
const LOCK = JSON.parse(readFileSync(repoPath('package-lock.json'), 'utf8')) as Lockfile;
/**
 * The packages the bundler imports (TypeScript's reader of a module's imports, `import()` too): the
 * build's tools (esbuild and what the bundle's ASCII pass parses with), which no process of an image
 * loads. Read from the bundler, so that one it comes to import is held to the same.
 */
const BUILD_ONLY = [
  ...new Set(
    ts
      .preProcessFile(readFileSync(repoPath(BUNDLER), 'utf8'), true, true)
      .importedFiles.map((f) => f.fileName)
      .filter((s) => !s.startsWith('node:') && !s.startsWith('.'))
      .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/')),
  ),
];
/** TypeScript loaders: a production dependency on one would be a program run from source. */
const TYPESCRIPT_LOADERS = ['tsx', 'ts-node', 'typescript'];
const withImage = SERVICE_NAMES.filter((s) => existsSync(repoPath(dockerfilePath(s))));

/** What the final stage takes from the stage that built the application: paths relative to its WORKDIR, each at the same path. */
const finalStageAndSource = (stages: Stage[]): { final: Stage; source: Stage; workdir: string; shipped: readonly string[] } => {
  const final = stages.at(-1)!;
  const workdir = final.workdir;
  const fromStages = final.copies.filter((c) => c.from);
  const source = stages.find((s) => s.name === fromStages[0]?.from);
  if (workdir === '/' || !source) throw new Error('the final stage must set a WORKDIR and COPY --from=<stage> what runs of its tree');
  const shipped = fromStages.flatMap((c) => {
    const [src] = c.sources;
    if (c.from !== source.name || c.sources.length !== 1 || src !== c.dest || !(src === workdir || src!.startsWith(`${workdir}/`))) {
      throw new Error(`the final stage copies each path of ${workdir} from ${source.name} to the same path: COPY --from=${c.from} ${c.sources.join(' ')} ${c.dest}`);
    }
    return [posix.relative(workdir, src!)];
  });
  return { final, source, workdir, shipped };
};

/** The files of the repository under the given paths (a path of '' is the whole tree), packages installed in it left out. */
const contextFilesUnder = (paths: readonly string[]): string[] =>
  paths.flatMap((p) => {
    const stat = statSync(repoPath(p || '.'), { throwIfNoEntry: false });
    if (!stat) return [];
    if (!stat.isDirectory()) return [p];
    return readdirSync(repoPath(p || '.'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => posix.relative(REPO_ROOT, posix.join(e.parentPath, e.name)))
      .filter((f) => !/(^|\/)(node_modules|\.git)\//.test(f));
  });

/** Test code and test helpers (the repository's conventions: *.test.ts, test/, test-support/, testing). */
const TEST_CODE = /(^|\/)(test|test-support|testing|bench)(\/|$)|\.test\.ts$/;

it('the user service has an image (the checks below are not vacuous)', () => {
  expect(withImage).toContain('user');
});

describe.each(withImage)('%s-service image', (service) => {
  const stages = parseDockerfile(readFileSync(repoPath(dockerfilePath(service)), 'utf8'));
  const { final, source, workdir, shipped } = finalStageAndSource(stages);
  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
  const ignored = dockerignored(REPO_ROOT);
  /** Where the build stage has a file of the build context. */
  const inImage = (file: string) => imagePathOf(source, REPO_ROOT, file);
  /** A path of the build stage's tree (relative to its WORKDIR) that the final stage holds. */
  const ships = (file: string) => shipped.some((p) => p === '' || file === p || file.startsWith(`${p}/`));

  it('builds on Node 20 images pinned to an exact version (or digest)', () => {
    for (const s of stages) {
      if (stageNames.has(s.image)) continue;
      expect(s.image, s.name).toMatch(/^node:20\.\d+\.\d+-[a-z0-9-]+(@sha256:[0-9a-f]{64})?$|^[\w./-]+@sha256:[0-9a-f]{64}$/);
    }
  });

  it('runs as the numeric uid:gid the rendered pods run as', () => {
    expect(final.user).toMatch(/^\d+:\d+$/);
    const [uid, gid] = final.user!.split(':').map(Number);
    for (const env of ENVS) {
      for (const pod of [podOf(env, WORKLOAD_KIND[env], workloadName(service)), podOf(env, 'Job', `${service}-migrate`)]) {
        expect(pod.securityContext?.runAsUser, env).toBe(uid);
        expect(pod.securityContext?.runAsGroup, env).toBe(gid);
        for (const c of pod.containers) {
          expect(c.securityContext?.runAsUser, `${env} ${c.name}`).toBe(uid);
          expect(c.securityContext?.runAsGroup, `${env} ${c.name}`).toBe(gid);
        }
      }
    }
  });

  it('writes only to /tmp, which the read-only pods mount as an emptyDir', () => {
    // HOME is the writer a Node process brings along (no TypeScript loader, with its cache, runs here).
    expect(final.env.HOME).toBe('/tmp');
    expect(final.env.NODE_ENV).toBe('production');
    for (const env of ENVS) {
      for (const pod of [podOf(env, WORKLOAD_KIND[env], workloadName(service)), podOf(env, 'Job', `${service}-migrate`)]) {
        const tmp = pod.volumes?.find((v) => v.emptyDir && pod.containers[0]!.volumeMounts?.some((m) => m.name === v.name && m.mountPath === '/tmp'));
        expect(tmp, env).toBeDefined();
        expect(pod.containers[0]!.securityContext?.readOnlyRootFilesystem, env).toBe(true);
      }
    }
  });

  it('copies only sources that exist in the build context and that .dockerignore keeps', () => {
    for (const s of stages) {
      for (const c of s.copies.filter((x) => !x.from)) {
        for (const src of c.sources) {
          expect(existsSync(repoPath(src)), `${src} (stage ${s.name})`).toBe(true);
          expect(ignored(src), `${src} is excluded by .dockerignore`).toBe(false);
        }
      }
    }
    // The generated Prisma client must come from this build, never from a developer's tree.
    expect(ignored(`apps/${workloadName(service)}/src/generated/prisma/client.ts`)).toBe(true);
    expect(ignored('node_modules/tsx/package.json')).toBe(true);
  });

  it('installs only production dependencies of its workspaces, exactly as locked, and generates the Prisma client', () => {
    const install = source.runs.find((r) => /\bnpm ci\b/.test(r));
    expect(install).toMatch(/--omit=dev/);
    expect(install).toMatch(new RegExp(`--workspace[= ]@tripgen/${workloadName(service)}\\b`));
    for (const file of ['package.json', 'package-lock.json', `apps/${workloadName(service)}/package.json`]) {
      expect(inImage(file), file).toBe(posix.join(workdir, file));
    }
    if (existsSync(repoPath(`apps/${workloadName(service)}/prisma.config.ts`))) {
      expect(source.runs.some((r) => /prisma generate\b/.test(r) && /PRISMA_SCHEMA_ENGINE_BINARY=/.test(r))).toBe(true);
    }
  });

  it('starts the service by default from an ENTRYPOINT whose entry file is in the image (the workloads set no command)', () => {
    for (const env of ENVS) {
      const app = podOf(env, WORKLOAD_KIND[env], workloadName(service)).containers[0]!;
      expect(app.command, env).toBeUndefined();
      expect(app.args, env).toBeUndefined();
    }
    // Plain node with the service's catalog node flags runs its bundle (apps/service-kit/build/bundle-service.mjs),
    // which the build stage makes from its sources after generating the Prisma client the bundle includes.
    const dir = `apps/${workloadName(service)}`;
    expect(final.entrypoint).toEqual(serviceEntrypoint(service));
    expect(final.entrypoint?.at(-1)).toBe(`${dir}/dist/server.mjs`);
    const entrySource = `${dir}/src/server.ts`;
    expect(existsSync(repoPath(entrySource)), entrySource).toBe(true);
    expect(inImage(entrySource), entrySource).toBe(posix.join(workdir, entrySource));
    expect(inImage(BUNDLER), BUNDLER).toBe(posix.join(workdir, BUNDLER));
    const bundles = source.runs.findIndex((r) => r === `node ${BUNDLER} ${dir}`);
    const generates = source.runs.findIndex((r) => /prisma generate\b/.test(r));
    expect(bundles, `a RUN of the build stage: node ${BUNDLER} ${dir}`).toBeGreaterThan(-1);
    if (generates > -1) expect(bundles, 'the bundle is made after prisma generate').toBeGreaterThan(generates);
    expect(final.cmd ?? [], 'CMD: the default command of the entry point').toEqual([SERVICE_COMMANDS.serve]);
  });

  it('runs the migration Job as its own entry point\'s migrate command, with the migrations in the image', () => {
    for (const env of ENVS) {
      const job = podOf(env, 'Job', `${service}-migrate`).containers[0]!;
      expect(job.command, env).toBeUndefined();
      expect(job.args, env).toEqual(migrationArgs);
    }
    const migrations = `apps/${workloadName(service)}/prisma/migrations/migration_lock.toml`;
    expect(inImage(migrations), migrations).toBe(posix.join(workdir, migrations));
    expect(ships(migrations), migrations).toBe(true);
    // Nothing of the repository's scripts/ is in the image.
    for (const s of stages) for (const c of s.copies.filter((x) => !x.from)) for (const src of c.sources) expect(src, s.name).not.toMatch(/^scripts\//);
  });

  it('ships what runs and nothing else of the build stage: the production packages, the bundle, the migrations (no test code, no sources, no TypeScript settings or loader)', () => {
    const dir = `apps/${workloadName(service)}`;
    // The entry point's bundle, the folder the bundler writes it in with what it loads beside it.
    expect(shipped).toContain(posix.dirname(final.entrypoint!.at(-1)!));
    expect(shipped).toContain('node_modules');
    expect(shipped).toContain(`${dir}/prisma/migrations`);
    // The files of the build context the final stage holds: none is test code (a copied folder's
    // tests would ship with it but for .dockerignore), and sources only when a program runs from them.
    const held = contextFilesUnder(shipped.filter((p) => p !== 'node_modules')).filter((f) => !ignored(f) && inImage(f) === posix.join(workdir, f) && ships(f));
    expect(held.filter((f) => TEST_CODE.test(f))).toEqual([]);
    expect(held.filter((f) => f.startsWith('scripts/'))).toEqual([]);
    // Every command runs from the bundle (the location service's place loader too: its entry
    // point's load-places): no source, no TypeScript settings, no loader among the production packages.
    expect(held.filter((f) => /\.(ts|mts|cts|mjs|js)$/.test(f))).toEqual([]);
    expect(held.filter((f) => /(^|\/)tsconfig[\w.-]*\.json$/.test(f))).toEqual([]);
    for (const workspace of productionWorkspaces(service)) {
      expect(Object.keys(readPackage(workspace).dependencies ?? {}).filter((d) => TYPESCRIPT_LOADERS.includes(d)), workspace).toEqual([]);
    }
    if (service === 'location') {
      // What its load-places command reads beside the bundle: the data set, where the entry point
      // (dist/server.mjs) finds it, in the service's folder.
      const dataSet = [`${dir}/data/removed.json`, ...contextFilesUnder([`${dir}/data/places`])];
      expect(dataSet.length, `${LOCATION_COMMANDS.loadPlaces}: place files`).toBeGreaterThan(1);
      for (const f of dataSet) expect(ships(f) && inImage(f) === posix.join(workdir, f), f).toBe(true);
    }
    // The bundler and the schemas are the build's: no image runs them.
    expect(held.filter((f) => f.startsWith('apps/service-kit/build/') || f.endsWith('.prisma') || f.endsWith('prisma.config.ts'))).toEqual([]);
    // Nor the bundler's record of the inputs it built from (the build machine's paths, for the local
    // runners' freshness check), which it writes in the build stage's tree.
    const record = posix.relative(REPO_ROOT, freshnessRecord(repoPath(dir)));
    expect(record.startsWith(`${dir}/`), record).toBe(true);
    expect(ships(record), `${record} ships`).toBe(false);
  });

  it('ships no package of the build: what the bundler imports is installed for the build stage alone', () => {
    expect(BUILD_ONLY, 'the bundler imports esbuild').toContain('esbuild');
    // node_modules ships whole: what the production install puts there is what the image holds.
    const installed = [...productionInstall(LOCK, `apps/${workloadName(service)}`)].map(packageNameOf);
    expect(installed, 'the production install (not vacuous)').toContain('fastify');
    expect(installed.filter((name) => BUILD_ONLY.includes(name))).toEqual([]);
    // The bundle is still made: each is installed, at the version the lockfile pins, into the
    // /node_modules of the build stage, where Node's lookup from the bundler (under /app) ends.
    const tools = source.copies.filter((c) => c.from && c.dest === '/node_modules').map((c) => ({ c, stage: stages.find((s) => s.name === c.from) }));
    for (const pkg of BUILD_ONLY) {
      const locked = `"${pkg}@$(node -p 'require("/tmp/package-lock.json").packages["node_modules/${pkg}"].version')"`;
      const by = tools.find(({ c, stage }) => stage && c.sources.includes(posix.join(stage.workdir, 'node_modules')) && stage.runs.some((r) => /^npm install\b/.test(r) && r.includes(locked)));
      expect(by, `${pkg}: ${locked} in a stage whose node_modules the build stage copies to /node_modules`).toBeDefined();
      expect(LOCK.packages[`node_modules/${pkg}`]?.version, `${pkg} locked at node_modules/${pkg}`).toBeDefined();
    }
  });

  it('ships no package manager of the base image (the pods run node alone)', () => {
    // Node 20's images bundle npm 10.8.2 (with corepack and yarn 1), whose own packages carry fixable
    // HIGH findings (cross-spawn 7.0.3, CVE-2024-21538: nodejs/node#56909; glob, tar): the image scan of
    // ci.yml (Trivy, fixable HIGH/CRITICAL fail) would stop every image. Nothing at run time uses them:
    // the entry point and its commands (the Jobs', the place loader) run node itself.
    const removed = final.runs.filter((r) => /^rm -rf /.test(r)).flatMap((r) => r.split(/\s+/).slice(2));
    for (const path of BASE_IMAGE_PACKAGE_MANAGERS) expect(removed, path).toContain(path);
    expect(final.runs.indexOf(final.runs.find((r) => /^rm -rf /.test(r))!), 'removed before anything else runs').toBe(0);
    expect(Object.keys(final.env).filter((k) => /^(NPM|YARN|COREPACK)_/.test(k)), 'settings of a package manager that is not there').toEqual([]);
  });

  it('exposes the catalog port', () => {
    expect(final.expose).toEqual([String(SERVICES[service].port)]);
  });
});

describe('migration Jobs', () => {
  it('ask their service image\'s entry point for its migrate command, in both environments', () => {
    for (const env of ENVS) {
      for (const s of SERVICE_NAMES) {
        const [container] = podOf(env, 'Job', `${s}-migrate`).containers;
        expect(container!.command, `${env} ${s}`).toBeUndefined();
        expect(container!.args, `${env} ${s}`).toEqual([SERVICE_COMMANDS.migrate]);
      }
    }
  });
});
