/**
 * The commands behind the npm scripts, run in-process: their usage errors, their refusals and
 * their output (the scratch-repository promotion is promote.test.ts; the CLI entry files only call
 * these). Coverage per workspace is summed from vitest's json-summary figures.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { azureCommand, coverageCommand, imagesCommand, imageTagCommand, promoteCommand, type Io } from '../src/commands.ts';
import { byWorkspace, formatTable, percent } from '../src/coverage.ts';
import { imageMatrix } from '../src/images.ts';
import { IMAGE_TAGS_PATH } from '../src/promote.ts';
import { REPO_ROOT } from '../src/repo.ts';

const capture = (): Io & { stdout: () => string; stderr: () => string } => {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
};

const fixture = mkdtempSync(join(os.tmpdir(), 'tripgen-commands-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
};

describe('promote', () => {
  it('answers a wrong call with its usage (exit 2), touching nothing', () => {
    for (const args of [[], ['dev'], ['dev', 'a', 'b'], ['dev', 'abc', '--force']]) {
      const io = capture();
      expect(promoteCommand(args, io), args.join(' ')).toBe(2);
      expect(io.stderr()).toMatch(/^usage: npm run promote -- <dev\|prod> <image-tag> \[--no-commit\] \[--forward-only\]/);
    }
  });

  it('reports a refusal in one line (exit 1)', () => {
    const io = capture();
    expect(promoteCommand(['staging', 'abc'], io)).toBe(1);
    expect(io.stderr()).toBe('unknown environment "staging" (expected one of dev, prod)\n');
  });

  it('says so when the environment already runs the tag', () => {
    const io = capture();
    const tags = JSON.parse(readFileSync(join(REPO_ROOT, IMAGE_TAGS_PATH), 'utf8')) as Record<string, string>;
    expect(promoteCommand(['prod', tags.prod!], io)).toBe(0);
    expect(io.stdout()).toBe(`prod already runs ${tags.prod}: nothing to do\n`);
  });
});

describe('ci:images, ci:image-tag, ci:azure', () => {
  it('ci:images prints the matrix, or names the service that has code but no Dockerfile', () => {
    const io = capture();
    expect(imagesCommand([], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual(imageMatrix());
    write('apps/location-service/src/server.ts', '');
    const failing = capture();
    expect(imagesCommand([], failing, fixture)).toBe(1);
    expect(failing.stderr()).toMatch(/location \(apps\/location-service\/Dockerfile\)/);
    expect(imagesCommand(['--all'], capture())).toBe(2);
  });

  it('ci:image-tag prints the tag an environment runs', () => {
    const tags = JSON.parse(readFileSync(join(REPO_ROOT, IMAGE_TAGS_PATH), 'utf8')) as Record<string, string>;
    for (const env of ['dev', 'prod']) {
      const io = capture();
      expect(imageTagCommand([env], io)).toBe(0);
      expect(io.stdout()).toBe(`${tags[env]}\n`);
    }
    const io = capture();
    expect(imageTagCommand(['qa'], io)).toBe(2);
    expect(io.stderr()).toMatch(/usage: npm run -s ci:image-tag -- <dev\|prod>/);
    write(IMAGE_TAGS_PATH, '{"dev":"latest","prod":"1.0.0"}');
    expect(imageTagCommand(['dev'], capture(), fixture)).toBe(1);
  });

  it('ci:azure refuses the placeholders of an environment not yet deployed, and prints step outputs once it is', () => {
    const io = capture();
    expect(azureCommand(['prod'], io)).toBe(1);
    expect(io.stderr()).toMatch(/placeholder/);
    expect(azureCommand([], capture())).toBe(2);
    const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'infra-bicep/outputs/prod.outputs.json'), 'utf8')) as Record<string, { value: unknown }>;
    doc.tenantId!.value = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    doc.subscriptionId!.value = '6b1e4c1a-9f0e-4a8e-9a51-4d1f5a3c2b10';
    doc.ciIdentityClientId!.value = '0f3c9a56-2f8e-4b7a-b1d2-9c8e7f6a5b4c';
    write('infra-bicep/outputs/prod.outputs.json', JSON.stringify(doc));
    const ok = capture();
    expect(azureCommand(['prod'], ok, fixture)).toBe(0);
    const registry = String(doc.acrName!.value);
    expect(ok.stdout().split('\n')).toEqual(expect.arrayContaining(['client-id=0f3c9a56-2f8e-4b7a-b1d2-9c8e7f6a5b4c', `registry=${registry}`, `login-server=${registry}.azurecr.io`]));
  });
});

describe('coverage per workspace', () => {
  const file = (lines: [number, number], branches: [number, number]) => ({
    lines: { total: lines[0], covered: lines[1] },
    branches: { total: branches[0], covered: branches[1] },
  });
  const summary = {
    total: file([0, 0], [0, 0]),
    [`${fixture}/apps/catalog/src/a.ts`]: file([10, 9], [4, 4]),
    [`${fixture}/apps/catalog/src/b.ts`]: file([10, 7], [6, 3]),
    [`${fixture}/tools/delivery/src/c.ts`]: file([20, 20], [0, 0]),
    [`${fixture}/scripts/d.ts`]: file([5, 0], [2, 0]),
  };

  it('sums each workspace\'s files, ignores files of no workspace, and marks those below the minimum', () => {
    const rows = byWorkspace(summary, fixture, ['apps/catalog', 'tools/delivery', 'k8s']);
    expect(rows).toEqual([
      { workspace: 'apps/catalog', files: 2, lines: { total: 20, covered: 16 }, branches: { total: 10, covered: 7 } },
      { workspace: 'tools/delivery', files: 1, lines: { total: 20, covered: 20 }, branches: { total: 0, covered: 0 } },
      { workspace: 'k8s', files: 0, lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } },
    ]);
    expect(percent(rows[0]!.branches)).toBe(70);
    const table = formatTable(rows, { lines: 80, branches: 80 }).split('\n');
    expect(table[1]).toMatch(/^apps\/catalog .* 80\.0% \(16\/20\) .* 70\.0% \(7\/10\) .*BELOW$/);
    expect(table[2]).toMatch(/^tools\/delivery .*100\.0% \(20\/20\).* ok$/);
  });

  it('prints the table from coverage/coverage-summary.json, or says the report is missing', () => {
    const missing = capture();
    expect(coverageCommand(['apps/catalog'], { lines: 80, branches: 80 }, missing, fixture)).toBe(1);
    expect(missing.stderr()).toMatch(/run the tests with --coverage first/);
    write('coverage/coverage-summary.json', JSON.stringify(summary));
    const io = capture();
    expect(coverageCommand(['apps/catalog'], { lines: 80, branches: 80 }, io, fixture)).toBe(0);
    expect(io.stdout()).toMatch(/apps\/catalog .*BELOW/);
  });
});
