/**
 * The shipped bundle loads Prisma's query compiler from a .wasm file beside it, not from the base64
 * module the generated client imports (apps/service-kit/build/bundle-service.mjs says why: 12 MiB of
 * the heap, issue 15). Proven on the user service's real generated client: the bytes shipped are the
 * package's compiler, a bundled client answers a model query with them, and a generated client the
 * rewrite no longer recognises fails the build instead of shipping the base64 string again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleService, bundleSource } from '@tripgen/service-kit/build';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const WASM = 'query_compiler_fast_bg.postgresql.wasm';
/** Scratch service folders inside the service (so the bundle's third-party imports resolve from node_modules). */
const scratch = path.join(SERVICE_DIR, `.bundle-test-${process.pid}`);
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('user_bundle_wasm', serviceMigrationsDir('user'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await db?.drop();
});

const packageCompiler = async (): Promise<Buffer> => {
  const specifier = `@prisma/client/runtime/${WASM.replace(/\.wasm$/, '.wasm-base64.mjs')}`;
  const { wasm } = (await import(pathToFileURL(createRequire(path.join(SERVICE_DIR, 'package.json')).resolve(specifier)).href)) as { wasm: string };
  return Buffer.from(wasm, 'base64');
};

it('ships the package query compiler as a .wasm file beside the service bundle, and no base64 copy of it', async () => {
  const entry = await builtServiceEntry('user');
  const shipped = readFileSync(path.join(path.dirname(entry), WASM));
  expect(shipped.subarray(0, 4).toString('latin1')).toBe('\0asm'); // the wasm magic number
  expect(shipped.equals(await packageCompiler())).toBe(true);
  const bundle = await bundleSource(entry);
  expect(bundle).not.toMatch(/wasm-base64/);
  expect(bundle).toContain(`new URL("./${WASM}", import.meta.url)`);
});

it('a bundled client compiles its queries with the shipped file', async () => {
  const dir = path.join(scratch, 'reads');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'src', 'server.ts'),
    [
      "import { createPrismaClient } from '@tripgen/service-kit';",
      "import { PrismaClient } from '../../../src/generated/prisma/client.ts';",
      'const prisma = createPrismaClient(PrismaClient, process.env.DATABASE_URL!);',
      "console.log(JSON.stringify({ users: await prisma.user.count({ where: { email: 'nobody@example.com' } }) }));",
      'await prisma.$disconnect();',
    ].join('\n'),
  );
  const entry = await bundleService(dir);
  const run = () => spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, DATABASE_URL: db.url }, encoding: 'utf8' });
  const ok = run();
  expect(ok.status, ok.stderr).toBe(0);
  expect(JSON.parse(ok.stdout)).toEqual({ users: 0 });
  // Without the file the same bundle cannot compile a query: it really reads it.
  rmSync(path.join(dir, 'dist', WASM));
  const missing = run();
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain(WASM);
});

it('refuses to bundle a generated client whose compiler loading it no longer recognises', async () => {
  const dir = path.join(scratch, 'changed');
  const generated = path.join(dir, 'src', 'generated');
  cpSync(path.join(SERVICE_DIR, 'src', 'generated'), generated, { recursive: true });
  // The real generated client with its loading changed, as a Prisma upgrade might.
  const classFile = path.join(generated, 'prisma', 'internal', 'class.ts');
  const real = readFileSync(classFile, 'utf8');
  const changed = real.replace('return await decodeBase64AsWasm(wasm)', 'return decodeBase64AsWasm(wasm)');
  expect(changed).not.toBe(real);
  writeFileSync(classFile, changed);
  writeFileSync(path.join(dir, 'src', 'server.ts'), "import { PrismaClient } from './generated/prisma/client.ts';\nconsole.log(PrismaClient.name);\n");
  await expect(bundleService(dir)).rejects.toThrow(/no longer loads its query compiler/);
  // The unchanged copy bundles: the refusal is the changed loading, not the copy.
  writeFileSync(classFile, real);
  await expect(bundleService(dir)).resolves.toMatch(/server\.mjs$/);
});
