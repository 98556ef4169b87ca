/**
 * A service's dist/ is what its image ships whole (tools/delivery/src/dockerfiles.ts runtimePaths), so the
 * bundler leaves there only what the bundle runs: its modules and the files they load. Its record of
 * the inputs a bundle was built from (isFresh's: every input's absolute path, size and mtime; 48-75 KB
 * in each image before) is written beside dist/, and a build clears what an earlier one left in dist/.
 * Built for real (esbuild) from a scratch service with a command module.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { builtEntry, bundleGraph, bundleService, freshnessRecord, isFresh } from '@tripgen/service-kit/build';

/** Inside the kit, so that the scratch service's imports resolve from node_modules as a service's do. */
const scratch = path.join(fileURLToPath(new URL('..', import.meta.url)), `.bundle-test-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('writes only the bundle into dist/ and its inputs record beside it, and still rebuilds on a changed source', async () => {
  const dir = path.join(scratch, 'svc');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'server.ts'), "export const serve = (): string => 'served';\n");
  writeFileSync(path.join(dir, 'src', 'tidy-command.ts'), "export const tidy = (): string => 'tidied';\n");
  // What a bundler of before left in dist/: its record, a module no longer built, a chunk of an older build.
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'inputs.json'), '{}');
  writeFileSync(path.join(dir, 'dist', 'gone-command.mjs'), '');
  writeFileSync(path.join(dir, 'dist', 'chunk-OLD.mjs'), '');

  expect(await bundleService(dir)).toBe(builtEntry(dir));
  expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['server.mjs', 'tidy-command.mjs']);
  const record = freshnessRecord(dir);
  expect(path.relative(path.join(dir, 'dist'), record)).toMatch(/^\.\.\//);
  expect(readdirSync(dir)).toContain(path.basename(record));
  expect(isFresh(dir)).toBe(true);

  const later = new Date(Date.now() + 5_000);
  utimesSync(path.join(dir, 'src', 'server.ts'), later, later);
  expect(isFresh(dir)).toBe(false);
  await bundleService(dir);
  expect(isFresh(dir)).toBe(true);
  rmSync(record);
  expect(isFresh(dir), 'no record: rebuilt').toBe(false);
});

it('puts what the entry imports lazily, with its packages, in a chunk beside it that the entry links only when it imports it', async () => {
  const dir = path.join(scratch, 'lazy');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'app.ts'), "import Fastify from 'fastify';\nexport const build = () => Fastify();\n");
  writeFileSync(
    path.join(dir, 'src', 'server.ts'),
    "if (process.argv[2] === 'serve') await (await (await import('./app.ts')).build()).close();\nelse console.log('usage');\n",
  );
  const entry = await bundleService(dir);
  const chunks = readdirSync(path.join(dir, 'dist')).filter((f) => f !== 'server.mjs');
  expect(chunks).toEqual([expect.stringMatching(/^chunk-\w+\.mjs$/)]);
  expect((await bundleGraph(entry)).packages).toEqual([]);
  expect(await bundleGraph(entry, { dynamic: true })).toEqual({ files: [entry, path.join(dir, 'dist', chunks[0]!)], packages: ['fastify'] });
  // A bundle missing a chunk would fail when it serves: not fresh, rebuilt.
  expect(isFresh(dir)).toBe(true);
  rmSync(path.join(dir, 'dist', chunks[0]!));
  expect(isFresh(dir)).toBe(false);
});

it('leaves no scratch folder beside dist/ when a build fails, and git ignores one a killed build leaves', async () => {
  // The bundle's ASCII pass refuses a tagged template's non-ASCII string (asciiOnly): the build fails after esbuild
  // wrote its output to `dist.<pid>.tmp`, which a3290e72 then committed twice over (38 files, 94,000 lines).
  const dir = path.join(scratch, 'refused');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'server.ts'), "const tag = (s: TemplateStringsArray): string => s.raw.join('');\nexport const word = tag`café`;\n");
  await expect(bundleService(dir)).rejects.toThrow(/tagged template other than String.raw/);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  // A build killed mid-way cannot clean up: its folder is ignored, not committable.
  const repo = path.join(fileURLToPath(new URL('../../..', import.meta.url)));
  const ignored = spawnSync('git', ['check-ignore', '--no-index', '-q', 'apps/location-service/dist.12699.tmp/server.mjs'], { cwd: repo });
  expect(ignored.status, 'git check-ignore: 0 = ignored').toBe(0);
});
