/**
 * The service images' Dockerfiles are what `npm run dockerfiles` writes (src/dockerfiles.ts), and
 * what it writes comes from where each fact lives: the catalog's port and entry point, the
 * service's workspace libraries from its package.json, the pods' uid. k8s/test/images.test.ts checks
 * the same files against the rendered manifests; the linters read them in dockerfile-lint.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICES, serviceEntrypoint } from '@tripgen/catalog';
import { dockerfilesCommand, type Io } from '../src/commands.ts';
import { BUNDLER, NODE_IMAGE, bundlerPackages, dockerfileText, staleDockerfiles, workspaceLibraries } from '../src/dockerfiles.ts';
import { dockerfileOf, imageJobs } from '../src/images.ts';
import { REPO_ROOT } from '../src/repo.ts';

const silent: Io = { out: () => undefined, err: () => undefined };

/** A scratch copy of what the generator reads: every workspace's package.json and the services' entry files. */
const scratch = mkdtempSync(join(os.tmpdir(), 'tripgen-dockerfiles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
cpSync(join(REPO_ROOT, 'apps'), join(scratch, 'apps'), {
  recursive: true,
  filter: (src) => !/\/(node_modules|generated|dist|test|bench|data)(\/|$)/.test(src),
});

describe('npm run dockerfiles', () => {
  it('has written every committed Dockerfile (run it after changing the template, a port, flags or a workspace dependency)', () => {
    expect(imageJobs().map((j) => j.service)).toEqual(['user', 'trip', 'ai', 'location']);
    expect(staleDockerfiles()).toEqual([]);
  });

  it('takes the port, the entry point, the base image and the workspace libraries from their sources', () => {
    for (const { service } of imageJobs()) {
      const text = dockerfileText(service);
      expect(text).toContain(`\nEXPOSE ${SERVICES[service].port}\n`);
      expect(text).toContain(`\nENTRYPOINT ${JSON.stringify(serviceEntrypoint(service)).replaceAll(',', ', ')}\n`);
      expect(text).toContain(`ARG NODE_IMAGE=${NODE_IMAGE}\n`);
      for (const lib of workspaceLibraries(service)) expect(text).toContain(`COPY apps/${lib}/package.json apps/${lib}/\n`);
    }
    expect(workspaceLibraries('ai')).toEqual(['catalog', 'planner', 'service-kit']);
    expect(workspaceLibraries('user')).toEqual(['catalog', 'service-kit']);
  });

  it('follows a workspace dependency added to a service, and refuses a library it does not know how to copy', () => {
    const manifest = join(scratch, 'apps/trip-service/package.json');
    const original = readFileSync(manifest, 'utf8');
    const pkg = JSON.parse(original) as { dependencies: Record<string, string> };
    const withDependency = (name: string) => writeFileSync(manifest, JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, [name]: '*' } }));
    mkdirSync(join(scratch, 'apps/geo'));
    writeFileSync(join(scratch, 'apps/geo/package.json'), JSON.stringify({ name: '@tripgen/geo' }));
    try {
      withDependency('@tripgen/planner');
      expect(dockerfileText('trip', scratch)).toContain('COPY apps/planner/src apps/planner/src\n');
      withDependency('@tripgen/geo');
      expect(() => dockerfileText('trip', scratch)).toThrow(/add what the image needs of geo to LIBRARY_DIRS/);
      withDependency('@tripgen/testing');
      expect(() => dockerfileText('trip', scratch)).toThrow('trip: @tripgen/testing is not a workspace under apps/, so no image can hold it');
    } finally {
      writeFileSync(manifest, original);
      rmSync(join(scratch, 'apps/geo'), { recursive: true });
    }
  });

  it('installs what the bundler imports in the build-tools stage, at the lockfile\'s versions, and follows a new import', () => {
    expect(bundlerPackages()).toEqual(['acorn', 'esbuild']);
    const installs = (text: string, pkg: string) => text.includes(`"${pkg}@$(node -p 'require("/tmp/package-lock.json").packages["node_modules/${pkg}"].version')"`);
    for (const pkg of ['prisma', ...bundlerPackages()]) expect(installs(dockerfileText('user'), pkg), pkg).toBe(true);
    const bundler = join(scratch, BUNDLER);
    const original = readFileSync(bundler, 'utf8');
    try {
      writeFileSync(bundler, `${original}\nconst { parse: _parse } = await import('@babel/parser');\n`);
      expect(bundlerPackages(scratch)).toEqual(['@babel/parser', 'acorn', 'esbuild']);
      expect(installs(dockerfileText('user', scratch), '@babel/parser')).toBe(true);
    } finally {
      writeFileSync(bundler, original);
    }
  });

  it('rewrites a Dockerfile edited by hand, and then finds nothing to do', () => {
    for (const { service } of imageJobs()) writeFileSync(join(scratch, dockerfileOf(service)), dockerfileText(service, scratch));
    expect(staleDockerfiles(scratch)).toEqual([]);
    writeFileSync(join(scratch, dockerfileOf('user')), readFileSync(join(scratch, dockerfileOf('user')), 'utf8').replace('EXPOSE 3001', 'EXPOSE 8080'));
    expect(staleDockerfiles(scratch)).toEqual([dockerfileOf('user')]);
    const out: string[] = [];
    expect(dockerfilesCommand([], { ...silent, out: (t) => out.push(t) }, scratch)).toBe(0);
    expect(out.join('')).toBe(`wrote ${dockerfileOf('user')}\n`);
    expect(staleDockerfiles(scratch)).toEqual([]);
    expect(dockerfilesCommand(['--check'], silent, scratch)).toBe(2);
  });
});
