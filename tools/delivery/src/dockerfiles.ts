/**
 * Every service image's Dockerfile, written from one template (`npm run dockerfiles`): the four
 * images are built the same way and differ only in facts that live elsewhere (the service's port
 * and entry point in the catalog, its workspace libraries in its package.json, the uid the pods run
 * as in k8s/src/lib/security.ts), which were copied by hand into four files whose comments had
 * already drifted apart. The files stay committed, plain Dockerfiles (what `docker build`, the
 * linters and a reviewer read); a test fails when one differs from what this writes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCATION_COMMANDS, SERVICES, SERVICE_COMMANDS, nodeFlags, serviceEntrypoint, workloadName, type ServiceName } from '@tripgen/catalog';
import { DEFAULT_UID } from '@tripgen/k8s/src/lib/security.ts';
import { dockerfileOf, servicesWithCode } from './images.ts';
import { REPO_ROOT } from './repo.ts';

/** The kit's bundler, which every image's build stage runs (plain JavaScript: no loader needed). */
export const BUNDLER = 'apps/service-kit/build/bundle-service.mjs';

/** `@scope/name` or `name` of a bare specifier. */
const packageName = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The packages the bundler imports (statically or on demand), sorted: the build's tools, devDependencies
 * of the kit that no image ships, which the build-tools stage installs at the lockfile's versions. Read
 * from its import statements, so that a package it comes to import reaches the build stage without an
 * edit here (k8s/test/images.test.ts reads the same imports with TypeScript's parser).
 */
export const bundlerPackages = (root = REPO_ROOT): string[] => {
  const source = readFileSync(join(root, BUNDLER), 'utf8');
  const specifiers = [...source.matchAll(/^\s*import\s[^'"]*?\bfrom\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
  return [...new Set(specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('.')).map(packageName))].sort();
};

/** The base of every stage: Node 20 on Debian 12, pinned to the exact release. */
export const NODE_IMAGE = 'node:20.20.2-bookworm-slim';

const WORKSPACE_SCOPE = '@tripgen/';

/**
 * What of each workspace library a service's build stage needs beside its package.json: the kit
 * brings its shared Prisma schema parts and the bundler every image runs. A library not listed here
 * fails the generation (its files would be missing from the image).
 */
const LIBRARY_DIRS: Readonly<Record<string, readonly string[]>> = {
  catalog: ['src'],
  planner: ['src'],
  'service-kit': ['src', 'prisma', 'build'],
};

/** Why a library is in an image, for the reader of the build stage. */
const LIBRARY_NOTES: Readonly<Record<string, string>> = {
  planner: 'The itinerary engine (a workspace library, no I/O): its sources only.',
};

/**
 * A service's directories beyond its prisma.config.ts, prisma/ and src/ that a command of its entry
 * point reads at run time: the image holds them beside the bundle, where the entry point finds them
 * (its own folder's parent). Each with why, for the reader of the Dockerfile.
 */
const SERVICE_DATA_DIRS: Partial<Record<ServiceName, Readonly<Record<string, string>>>> = {
  location: { data: `The place loader's data set (the entry point's \`${LOCATION_COMMANDS.loadPlaces}\` command: \`node apps/location-service/dist/server.mjs ${LOCATION_COMMANDS.loadPlaces}\`, run in this image).` },
};

/** The commands of a service's entry point beside the kit's (the catalog's), for the reader of its Dockerfile. */
const OWN_COMMANDS: Partial<Record<ServiceName, readonly string[]>> = {
  location: Object.values(LOCATION_COMMANDS),
};

/**
 * What of the build stage the runtime stage holds (paths under /app): what runs, nothing else. Every
 * service: the production packages, its bundle (dist/: the server, its thread and command modules, the chunks they share and
 * the files they load beside them), the migrations its `migrate` command applies, and the data its own
 * commands read (SERVICE_DATA_DIRS). The sources (all of them bundled, every command too), the generated
 * client's sources, the bundler, the Prisma schemas and the TypeScript settings stay in the build stage.
 */
export const runtimePaths = (service: ServiceName): string[] => {
  const dir = `apps/${workloadName(service)}`;
  return ['node_modules', `${dir}/dist`, `${dir}/prisma/migrations`, ...Object.keys(SERVICE_DATA_DIRS[service] ?? {}).map((d) => `${dir}/${d}`)];
};

interface PackageJson {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

const readPackage = (root: string, dir: string): PackageJson => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageJson;

/** The workspace libraries a service's production dependencies reach (directory names under apps/), sorted. */
export const workspaceLibraries = (service: ServiceName, root = REPO_ROOT): string[] => {
  const found = new Set<string>();
  const visit = (dir: string) => {
    for (const dep of Object.keys(readPackage(root, `apps/${dir}`).dependencies ?? {})) {
      if (!dep.startsWith(WORKSPACE_SCOPE)) continue;
      const lib = dep.slice(WORKSPACE_SCOPE.length);
      if (found.has(lib)) continue;
      // An image's build context is apps/ alone of the workspaces (.dockerignore leaves tools/ out).
      if (!existsSync(join(root, 'apps', lib, 'package.json')) || readPackage(root, `apps/${lib}`).name !== dep) {
        throw new Error(`${service}: ${dep} is not a workspace under apps/, so no image can hold it`);
      }
      found.add(lib);
      visit(lib);
    }
  };
  visit(workloadName(service));
  return [...found].sort();
};

/** The Dockerfile of one service's image, from the catalog and its workspace's package.json. */
export function dockerfileText(service: ServiceName, root = REPO_ROOT): string {
  const dir = `apps/${workloadName(service)}`;
  const libraries = workspaceLibraries(service, root);
  const unknown = libraries.filter((lib) => !(lib in LIBRARY_DIRS));
  if (unknown.length > 0) throw new Error(`${service}: add what the image needs of ${unknown.join(', ')} to LIBRARY_DIRS in tools/delivery/src/dockerfiles.ts`);
  const flags = nodeFlags(SERVICES[service]);
  const dataDirs = Object.keys(SERVICE_DATA_DIRS[service] ?? {});
  const ownCommands = OWN_COMMANDS[service] ?? [];
  const bundler = bundlerPackages(root);
  const runtimeCopies = runtimePaths(service).map((p) => `COPY --from=build /app/${p} /app/${p}`);
  const libraryCopies = libraries.flatMap((lib) => [
    ...(LIBRARY_NOTES[lib] ? [`# ${LIBRARY_NOTES[lib]}`] : []),
    ...LIBRARY_DIRS[lib]!.map((d) => `COPY apps/${lib}/${d} apps/${lib}/${d}`),
  ]);
  const serviceCopies = [
    `COPY ${dir}/prisma.config.ts ${dir}/`,
    `COPY ${dir}/prisma ${dir}/prisma`,
    `COPY ${dir}/src ${dir}/src`,
    ...Object.entries(SERVICE_DATA_DIRS[service] ?? {}).flatMap(([d, why]) => [`# ${why}`, `COPY ${dir}/${d} ${dir}/${d}`]),
  ];
  return `# syntax=docker/dockerfile:1
# Written by \`npm run dockerfiles\` (tools/delivery/src/dockerfiles.ts): do not edit by hand.
# The ${service} service image. Build context: the repository root (CI: \`docker build -f ${dir}/Dockerfile .\`).
# The service runs as an esbuild bundle of its TypeScript sources on plain node (its commands too:
# ${[SERVICE_COMMANDS.migrate, SERVICE_COMMANDS.databaseRoles, ...ownCommands].join(', ')}); dist/ holds its entry, server.mjs, and the
# chunks of code it imports only when it serves or runs a command.
# What the manifests ask of this image (uid/gid, read-only root with only /tmp writable, the entry
# point and the migration Job's command, the port) is checked against gitops/ by k8s/test/images.test.ts.
ARG NODE_IMAGE=${NODE_IMAGE}

FROM \${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
${[...libraries.map((lib) => `COPY apps/${lib}/package.json apps/${lib}/`), `COPY ${dir}/package.json ${dir}/`].join('\n')}
# Production dependencies of this service's workspaces only, exactly as locked. No install
# scripts: nothing needs them (npm 11 on the dev machines runs none either), and Prisma's would
# download native engines the image never uses. npm keeps a devDependency that is also an optional
# peer of a production package ("devOptional" in the lockfile: the Prisma CLI through @prisma/client,
# typescript) even with --omit=dev; nothing loads an optional peer at run time, so they go too
# (about 250 MB of the CLI's tree), with the commands that pointed into them.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace ${WORKSPACE_SCOPE}${workloadName(service)} \\
 && node -e 'const { packages } = require("./package-lock.json"); for (const [dir, p] of Object.entries(packages)) if (p.devOptional) require("node:fs").rmSync(dir, { recursive: true, force: true });' \\
 && find node_modules/.bin -xtype l -delete

# The build's tools, in the build stage only (devDependencies, at the versions the lockfile pins): the
# Prisma CLI, for \`prisma generate\`, and what the kit's bundler imports (${bundler.join(', ')}), for the
# service's bundle. The build stage puts them in /node_modules, where Node's lookup from /app finds
# them (prisma.config.ts imports prisma/config, the bundler ${bundler.join(' and ')}); the runtime stage
# copies /app alone, and the production install above leaves them out, so they never ship.
FROM \${NODE_IMAGE} AS build-tools
WORKDIR /cli
COPY package-lock.json /tmp/package-lock.json
RUN npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \\
${['prisma', ...bundler].map((pkg) => `      "${pkg}@$(node -p 'require("/tmp/package-lock.json").packages["node_modules/${pkg}"].version')"`).join(' \\\n')}

FROM deps AS build
COPY --from=build-tools /cli/node_modules /node_modules
COPY tsconfig.base.json tsconfig.json ./
${[...libraryCopies, ...serviceCopies].join('\n')}
# The Prisma client (git-ignored, so generated here, as scripts/generate.d/prisma.sh does locally):
# no database, no network; \`prisma generate\` only checks that a schema engine binary exists, and
# any file stands in for it (migrations run on the WebAssembly engine: the service's own \`migrate\`
# command, apps/service-kit/src/main.ts, whose @prisma/schema-engine-wasm is a production dependency).
RUN cd ${dir} \\
 && PRISMA_SCHEMA_ENGINE_BINARY="$(command -v node)" PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 \\
    /node_modules/.bin/prisma generate
# The process that ships: src/server.ts with the kit, the catalog and the generated client bundled into
# ${dir}/dist/server.mjs and the chunks it imports, for plain node (third-party packages stay in
# node_modules; a command links none of the app's); the TypeScript loader would cost the pod about 50 MiB of RSS (issue 15).
RUN node ${BUNDLER} ${dir}

FROM \${NODE_IMAGE} AS runtime
# The root filesystem is read-only in the pods and /tmp an emptyDir: HOME points there.
ENV NODE_ENV=production \\
    HOME=/tmp
# No package manager ships: the pods run node alone (the entry point, the Jobs${ownCommands.length ? `, the ${ownCommands.join(', ')} command` : ''}),
# and the npm that Node 20's images bundle carries packages with fixable HIGH findings that fail the
# image scan (cross-spawn 7.0.3, CVE-2024-21538: nodejs/node#56909; glob, tar). yarn 1 and corepack go too.
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-v* /usr/local/bin/yarn /usr/local/bin/yarnpkg
WORKDIR /app
# Only what runs, owned by root and not writable by the service user (the process cannot change its own
# code): the production packages, the bundle${dataDirs.length ? ', the migrations and the data its own commands read' : ' and the migrations'}.
# The build stage's sources, generated client sources, bundler (with its record of the bundle's inputs,
# written beside dist/) and schemas stay there.
${runtimeCopies.join('\n')}
# The manifests' runAsUser/runAsGroup (k8s/src/lib/security.ts); numeric, so runAsNonRoot can verify it.
USER ${DEFAULT_UID}:${DEFAULT_UID}
EXPOSE ${SERVICES[service].port}
# The service's entry point: with no argument (or \`${SERVICE_COMMANDS.serve}\`) it serves; the migration Job passes
# \`${SERVICE_COMMANDS.migrate}\`, which applies the migrations in ${dir}/prisma/migrations to DATABASE_URL.
${flags.length > 0 ? `# ${flags.join(' ')}: the catalog's nodeFlags for this service (apps/catalog/src/runtime.ts says why; k8s/test/images.test.ts checks they match).\n` : ''}ENTRYPOINT ${JSON.stringify(serviceEntrypoint(service)).replaceAll(',', ', ')}
CMD ${JSON.stringify([SERVICE_COMMANDS.serve])}
`;
}

/** The Dockerfiles that differ from what dockerfileText writes (or are missing), with that text. */
const outdated = (root: string): { path: string; text: string }[] =>
  servicesWithCode(root)
    .map((s) => ({ path: dockerfileOf(s), text: dockerfileText(s, root) }))
    .filter(({ path, text }) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text);

/** Writes every service's Dockerfile; returns the paths whose content changed. */
export function writeDockerfiles(root = REPO_ROOT): string[] {
  const changed = outdated(root);
  for (const { path, text } of changed) writeFileSync(join(root, path), text);
  return changed.map(({ path }) => path);
}

/** Committed Dockerfiles that differ from what writeDockerfiles would write (or are missing). */
export const staleDockerfiles = (root = REPO_ROOT): string[] => outdated(root).map(({ path }) => path);
