/**
 * The images CI builds are the catalog's services with a Dockerfile: computed by `npm run -s
 * ci:images` (the workflows' only source for their image matrix), compared here with the
 * Dockerfiles that exist. A service whose code exists without a Dockerfile fails, and so does a
 * Dockerfile under apps/ that no catalog service owns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES, imageRepository, workloadName } from '@tripgen/catalog';
import { dockerfileOf, imageJobs, imageMatrix, serviceEntryOf, servicesMissingImage } from '../src/images.ts';
import { REPO_ROOT } from '../src/repo.ts';
import { loadWorkflows } from './support/workflows.ts';

const dockerfilesUnderApps = readdirSync(join(REPO_ROOT, 'apps')).filter((d) => existsSync(join(REPO_ROOT, 'apps', d, 'Dockerfile')));

it('equals the catalog services that have a Dockerfile, and the user service is one of them', () => {
  const expected = SERVICE_NAMES.filter((s) => dockerfilesUnderApps.includes(workloadName(s)));
  expect(imageJobs().map((j) => j.service)).toEqual(expected);
  expect(expected).toContain('user');
  for (const j of imageJobs()) {
    expect(j.dockerfile).toBe(`apps/${workloadName(j.service)}/Dockerfile`);
    expect(j.repository).toBe(imageRepository(j.service));
  }
});

it('every Dockerfile under apps/ belongs to a catalog service', () => {
  expect(dockerfilesUnderApps.filter((d) => !SERVICE_NAMES.some((s) => workloadName(s) === d))).toEqual([]);
});

it('every catalog service whose code exists has a Dockerfile', () => {
  expect(servicesMissingImage()).toEqual([]);
});

it('is what `npm run -s ci:images` prints, and the workflows build exactly that matrix', () => {
  const out = spawnSync('npm', ['run', '-s', 'ci:images'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  expect(JSON.parse(out.stdout)).toEqual(imageMatrix());
  const matrixJobs = loadWorkflows().flatMap((w) => w.jobs.filter((j) => j.strategy?.matrix !== undefined).map((j) => [w.file, j] as const));
  expect(matrixJobs.length).toBeGreaterThan(0);
  for (const [file, job] of matrixJobs) {
    expect(job.strategy?.matrix, `${file} ${job.id}`).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(job.needs, `${file} ${job.id}`).toContain('plan');
  }
  const plan = loadWorkflows().find((w) => w.file.endsWith('/ci.yml'))!.jobs.find((j) => j.id === 'plan')!;
  expect(plan.steps.find((s) => s.id === 'images')?.run).toBe('matrix=$(npm run -s ci:images)\necho "matrix=$matrix" >> "$GITHUB_OUTPUT"\n');
});

describe('in a copy of the repository layout', () => {
  const root = mkdtempSync(join(os.tmpdir(), 'tripgen-images-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const touch = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  };

  it('a service in the catalog without a Dockerfile fails once its code exists, and joins once its Dockerfile does', () => {
    touch(dockerfileOf('user'));
    touch(serviceEntryOf('user'));
    expect(imageJobs(root).map((j) => j.service)).toEqual(['user']);
    // Catalog entry only (no code yet): not built, not an error.
    expect(servicesMissingImage(root)).toEqual([]);
    touch(serviceEntryOf('trip'));
    expect(servicesMissingImage(root)).toEqual(['trip']);
    expect(() => imageJobs(root)).toThrow(/trip \(apps\/trip-service\/Dockerfile\)/);
    touch(dockerfileOf('trip'));
    expect(imageJobs(root).map((j) => j.service)).toEqual(['user', 'trip']);
  });
});
