// What `npm run planner:toptw` runs. The CLI (cli.ts) bundled into one ES module by esbuild and
// kept in node_modules/.cache; rebuilt only when one of its sources changed. Plain JavaScript so
// Node starts it without a TypeScript loader: the loader's start-up alone is more than the CLI's
// whole start-up budget (300 ms), which is part of every run a user times.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const entry = fileURLToPath(new URL('./cli.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cacheDir = join(repoRoot, 'node_modules', '.cache', 'tripgen-planner-cli');
const bundle = join(cacheDir, 'cli.mjs');
const manifest = join(cacheDir, 'inputs.json');

/** The bundle is fresh when every input it was built from still has the size and mtime recorded. */
function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const [file, stamp] of Object.entries(inputs)) {
      const s = statSync(join(repoRoot, file));
      if (`${s.size}:${s.mtimeMs}` !== stamp) return false;
    }
    statSync(bundle);
    return true;
  } catch {
    return false;
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: temp,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = relative(repoRoot, join(process.cwd(), file));
    const s = statSync(join(repoRoot, path));
    inputs[path] = `${s.size}:${s.mtimeMs}`;
  }
  // Rename is atomic: a concurrent launch sees the old bundle or the new one, never half of one.
  renameSync(temp, bundle);
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
}

if (!fresh()) await build();
await import(pathToFileURL(bundle).href);
