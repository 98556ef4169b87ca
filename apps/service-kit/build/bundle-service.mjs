// A service's process as it ships: its src/server.ts and every workspace module it imports
// (@tripgen/*, the generated Prisma client) bundled by esbuild into one ES module,
// apps/<service>/dist/server.mjs, which plain `node` runs. Third-party packages stay external
// (node_modules, as installed). Running through the TypeScript loader cost every service about
// 50 MiB of RSS (tsx's loader thread) and its start-up; measured with `npm run bench:api` (issue 15).
// Plain JavaScript: the image's build stage runs it before any loader exists
// (`node apps/service-kit/build/bundle-service.mjs apps/user-service`); the local runners
// (tools/dev-tools) import it and rebuild only when an input changed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** The built entry of a service directory (relative or absolute, as given). */
export const builtEntry = (serviceDir) => path.join(serviceDir, 'dist', 'server.mjs');
const sourceEntry = (serviceDir) => path.join(serviceDir, 'src', 'server.ts');
/**
 * The modules a service runs on worker threads (every module under src/ named `<name>-thread.ts`, e.g. the AI
 * service's engine thread): each is bundled next to the server as `dist/<name>.mjs`, which is where the code that
 * starts the thread looks when it runs from the bundle.
 */
export const threadEntries = (serviceDir) =>
  readdirSync(path.join(serviceDir, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('-thread.ts'))
    .sort()
    .map((f) => path.join(serviceDir, 'src', f));
const ENTRIES_KEY = '(entries)';
const manifestOf = (serviceDir) => path.join(serviceDir, 'dist', 'inputs.json');

const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

/** True when the bundle exists and every input it was built from has the size and mtime recorded. */
export const isFresh = (serviceDir) => {
  try {
    statSync(builtEntry(serviceDir));
    const { [ENTRIES_KEY]: entries, ...inputs } = JSON.parse(readFileSync(manifestOf(serviceDir), 'utf8'));
    return JSON.stringify(entries) === JSON.stringify(threadEntries(serviceDir)) && Object.entries(inputs).every(([file, s]) => stamp(file) === s);
  } catch {
    return false;
  }
};

/** Bundles `<serviceDir>/src/server.ts` (and its thread modules) into `<serviceDir>/dist/`; returns the server's output path. */
export const bundleService = async (serviceDir) => {
  const { build } = await import('esbuild');
  const outfile = builtEntry(serviceDir);
  const outdir = path.dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const temp = `${outdir}.${process.pid}.tmp`;
  const threads = threadEntries(serviceDir);
  const result = await build({
    entryPoints: [sourceEntry(serviceDir), ...threads],
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: temp,
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        // A bare specifier that is not a workspace package stays an import of node_modules.
        setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@tripgen/') ? undefined : { external: true })),
      },
    ],
  });
  // Rename is atomic: a concurrent start sees the old bundle or the new one, never half of one
  // (threads first, so a new server never starts an old thread module).
  for (const name of [...threads.map((t) => `${path.basename(t, '.ts')}.mjs`), path.basename(outfile)]) renameSync(path.join(temp, name), path.join(outdir, name));
  rmSync(temp, { recursive: true, force: true });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [path.resolve(f), stamp(path.resolve(f))]));
  inputs[ENTRIES_KEY] = threads;
  writeFileSync(`${manifestOf(serviceDir)}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${manifestOf(serviceDir)}.${process.pid}.tmp`, manifestOf(serviceDir));
  return outfile;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node apps/service-kit/build/bundle-service.mjs <service dir>...');
    process.exit(2);
  }
  for (const dir of dirs) console.log(`built ${await bundleService(dir)}`);
}
