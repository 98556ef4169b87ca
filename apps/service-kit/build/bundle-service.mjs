// A service's process as it ships: its src/server.ts and every workspace module it imports
// (@tripgen/*, the generated Prisma client) bundled by esbuild into ES modules: the entry,
// apps/<service>/dist/server.mjs, which plain `node` runs, and the chunks beside it that it imports (what it
// imports lazily, the app, only when it serves: see `splitting` below). Third-party packages stay external
// (node_modules, as installed). Running through the TypeScript loader cost every service about
// 50 MiB of RSS (tsx's loader thread) and its start-up; measured with `npm run bench:api` (issue 15).
// Plain JavaScript: the image's build stage runs it before any loader exists
// (`node apps/service-kit/build/bundle-service.mjs apps/user-service`); the local runners
// (tools/dev-tools) import it and rebuild only when an input changed.
import { Buffer } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The built entry of a service directory (relative or absolute, as given). */
export const builtEntry = (serviceDir) => path.join(serviceDir, 'dist', 'server.mjs');
const sourceEntry = (serviceDir) => path.join(serviceDir, 'src', 'server.ts');
const entriesEndingIn = (serviceDir, suffix) =>
  readdirSync(path.join(serviceDir, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(serviceDir, 'src', f));
/**
 * The modules a service runs on worker threads (every module under src/ named `<name>-thread.ts`, e.g. the AI
 * service's engine thread): each is bundled next to the server as `dist/<name>.mjs`, which is where the code that
 * starts the thread looks when it runs from the bundle.
 */
export const threadEntries = (serviceDir) => entriesEndingIn(serviceDir, '-thread.ts');
/**
 * The modules of a service's own one-shot commands (every module under src/ named `<name>-command.ts`, e.g.
 * the location service's place loader): each is an entry of its own, `dist/<name>.mjs` (sharing chunks with the
 * server for the code both import), where the entry point
 * imports it from when it runs from the bundle. Inlined into the server, a command's code would be held by
 * every serving process (V8 keeps a module's source for the life of the process; the place loader with the
 * TypeBox validator it checks rows with: +0.67 MiB of heap in a process that never runs it).
 */
export const commandEntries = (serviceDir) => entriesEndingIn(serviceDir, '-command.ts');
/** Every module bundled apart from the server (threads, commands). */
const apartEntries = (serviceDir) => [...threadEntries(serviceDir), ...commandEntries(serviceDir)];
const ENTRIES_KEY = '(entries)';
/** Files the bundle loads beside itself (the Prisma query compiler's wasm, its chunks); a bundle without them is not fresh. */
const FILES_KEY = '(files)';

/**
 * Prisma 7's generated client for Node (`runtime = "nodejs"`) imports its query compiler as a module
 * exporting the wasm as a base64 string and decodes it on the first query; the module's source and the
 * string it exports stay in the V8 heap for the life of the process (measured: 12 MiB of RSS of the
 * 3.4 MB wasm, issue 15). Prisma's generator has no option to ship the .wasm itself for Node (its edge
 * runtimes import a `.wasm` file, for their bundlers), so the bundle does: the generated
 * `getQueryCompilerWasmModule` is rewritten to compile `dist/<name>.wasm`, written beside the bundle from
 * the same package's base64 module at build time. A generated client that no longer matches fails the
 * build (a Prisma upgrade must look again), never a silent fallback.
 */
const PRISMA_WASM_IMPORT = /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/(query_compiler_\w+_bg\.\w+)\.wasm-base64\.mjs)"\)\s*return await decodeBase64AsWasm\(wasm\)/;
const prismaWasmBesideBundle = (files) => ({
  name: 'prisma-query-compiler-wasm-file',
  setup: (b) =>
    b.onLoad({ filter: /[\\/]generated[\\/]prisma[\\/]internal[\\/]class\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = PRISMA_WASM_IMPORT.exec(source);
      if (!found) return { errors: [{ text: `${args.path}: the generated Prisma client no longer loads its query compiler from a base64 module as bundle-service.mjs expects` }] };
      const [statement, specifier, name] = found;
      const { wasm } = await import(pathToFileURL(createRequire(args.path).resolve(specifier)).href);
      files.set(`${name}.wasm`, Buffer.from(wasm, 'base64'));
      const load = `return await WebAssembly.compile(await (await import('node:fs/promises')).readFile(new URL(${JSON.stringify(`./${name}.wasm`)}, import.meta.url)))`;
      return { contents: source.replace(statement, load), loader: 'ts', resolveDir: path.dirname(args.path) };
    }),
});
/**
 * Third-party packages bundled into the service instead of loaded from node_modules (the packages
 * they import come along: a bare import from inside node_modules). `opening_hours` for its transform
 * below. `typebox`: the services use its schema builder (`Type`) only, at start-up, and loaded from
 * node_modules its ES modules' whole graph stays in memory (a bare node importing `Type`: +20 MiB RSS,
 * +6 MiB of heap; the same import bundled, which tree shaking cuts to the builder: +2.5 MiB and +1
 * MiB; issue 15). The code imports `Type` from `typebox` itself: the Fastify provider's module would
 * also load its validator compiler and `ajv-formats`, so it is imported for its types only (a
 * devDependency: knip's production check fails a runtime import of it).
 */
const INLINED_PACKAGES = new Set(['opening_hours', 'typebox']);

/**
 * The countries whose holiday tables the bundled `opening_hours` keeps: the catalog's PLACE_COUNTRY
 * (this script runs before any TypeScript loader, so it cannot import the catalog;
 * apps/location-service/test/bundle-opening-hours.test.ts fails when the two differ).
 */
export const OPENING_HOURS_COUNTRIES = Object.freeze(['kr']);

/**
 * `opening_hours` ships one prebuilt module holding public and school holiday tables of 60 countries
 * (0.55 MB of its 1.2 MB source); they stayed in the location service's heap with the code that
 * parsed them (measured: 9 MiB of RSS of a bare node importing the package, issue 15). The package
 * reads the table only through the country of a value's location, and the location service's is
 * always PLACE_COUNTRY, so the bundle keeps only those countries' entries of the table: the other
 * countries' definitions are then unused and esbuild's tree shaking leaves them out. The library's
 * behaviour for the kept countries is unchanged (a country it has no table for still throws its own
 * "no holidays defined" error). A build of the package without the table as expected fails the
 * bundle (an upgrade must look again), never a silent full copy.
 */
const OPENING_HOURS_HOLIDAY_TABLE = /var holiday_definitions = \/\*#__PURE__\*\/Object\.freeze\(\{\n\s*__proto__: null,\n((?:[ \t]*\w+: \w+,?\n)+)\}\);/;
/** The source of `opening_hours`' module with its holiday table cut to `countries`; throws when the table is not found. */
export const keepOpeningHoursCountries = (source, countries) => {
  const found = OPENING_HOURS_HOLIDAY_TABLE.exec(source);
  if (!found) throw new Error('opening_hours no longer declares its holiday table as bundle-service.mjs expects (var holiday_definitions = Object.freeze({...}))');
  const entries = found[1].split('\n').map((line) => line.trim().replace(/,$/, '')).filter(Boolean);
  const kept = entries.filter((entry) => countries.includes(entry.split(':')[0].trim()));
  return source.replace(found[0], `var holiday_definitions = /*#__PURE__*/Object.freeze({ __proto__: null${kept.map((e) => `, ${e}`).join('')} });`);
};
const openingHoursCountries = () => ({
  name: 'opening-hours-countries',
  setup: (b) =>
    b.onLoad({ filter: /[\\/]node_modules[\\/]opening_hours[\\/].*\.m?js$/ }, (args) => {
      try {
        return { contents: keepOpeningHoursCountries(readFileSync(args.path, 'utf8'), OPENING_HOURS_COUNTRIES), loader: 'js', resolveDir: path.dirname(args.path) };
      } catch (err) {
        return { errors: [{ text: `${args.path}: ${err.message}` }] };
      }
    }),
});
/**
 * V8 keeps a module's whole source in the heap for the life of the process, one byte a character when
 * every character is Latin-1 and two otherwise: the location bundle's 0.9 M characters held 1.7 MiB
 * because of a few dozen non-ASCII characters (issue 15). esbuild's `charset: 'ascii'` (its default)
 * escapes strings, identifiers and plain templates but leaves regular expression literals and the raw
 * text of tagged templates as written (opening_hours' locale patterns, the service's Korean holiday
 * names). This rewrites those two with the same meaning: a regular expression's character as a `\u`
 * escape (the pattern matches the same code units, with or without the `u`/`v` flag), and a
 * `String.raw` template's character as a substitution of the escaped string (String.raw joins the
 * same text). Any other tagged template (its tag sees the strings) or any other non-ASCII character
 * left (a comment) fails the build, never a silent change.
 */
const escapeCodeUnits = (text) => [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join(''))).join('');
const escapeInPattern = (pattern, unicode) =>
  // A non-ASCII character after an odd run of backslashes is an identity escape (`\é` is `é`
  // without the `u` flag, a syntax error with it): the escape replaces the backslash too.
  pattern.replace(/(\\*)([^\0-\x7F])/gu, (_, slashes, ch) => {
    const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
    return kept + (unicode && ch.length > 1 ? `\\u{${ch.codePointAt(0).toString(16).toUpperCase()}}` : escapeCodeUnits(ch));
  });
const nonAscii = /[^\0-\x7F]/;
/** `source` (an esbuild output module) with every character ASCII and the same meaning; throws where it cannot. */
export const asciiOnly = async (source, file = 'bundle') => {
  if (!nonAscii.test(source)) return source;
  const { parse } = await import('acorn');
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && node.regex && nonAscii.test(node.raw)) {
      const { pattern, flags } = node.regex;
      edits.push([node.start, node.end, `/${escapeInPattern(pattern, /[uv]/.test(flags))}/${flags}`]);
      return;
    }
    if (node.type === 'TaggedTemplateExpression' && node.quasi.quasis.some((q) => nonAscii.test(q.value.raw))) {
      const { tag } = node;
      const isStringRaw = tag.type === 'MemberExpression' && !tag.computed && tag.object.type === 'Identifier' && tag.object.name === 'String' && tag.property.name === 'raw';
      if (!isStringRaw) throw new Error(`${file}: a tagged template other than String.raw holds non-ASCII text (offset ${node.start})`);
      for (const q of node.quasi.quasis) {
        if (!nonAscii.test(q.value.raw)) continue;
        const text = q.value.raw.replace(/(\\*)([^\0-\x7F]+)/gu, (_, slashes, run) => {
          if (slashes.length % 2) throw new Error(`${file}: an escaped non-ASCII character in a String.raw template (offset ${q.start})`);
          return `${slashes}\${${JSON.stringify(run).replace(/[^\0-\x7F]+/gu, escapeCodeUnits)}}`;
        });
        edits.push([q.start, q.end, text]);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parse(source, { ecmaVersion: 'latest', sourceType: 'module' }));
  let out = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  const left = nonAscii.exec(out);
  if (left) throw new Error(`${file}: a non-ASCII character esbuild left that is not in a regular expression or String.raw (offset ${left.index}: ${JSON.stringify(out.slice(Math.max(0, left.index - 40), left.index + 40))})`);
  return out;
};

/** `@scope/name` or `name` of a bare specifier. */
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
/**
 * Where the bundler records what a service's bundle was built from (every input's absolute path, size and
 * mtime, for isFresh): beside dist/, not in it. The image ships dist/ whole and the service reads nothing
 * of the record (48-75 KB of the build machine's paths); only the local runners do.
 */
export const freshnessRecord = (serviceDir) => path.join(serviceDir, '.dist-inputs.json');

const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

/** True when the bundle exists and every input it was built from has the size and mtime recorded. */
export const isFresh = (serviceDir) => {
  try {
    statSync(builtEntry(serviceDir));
    const { [ENTRIES_KEY]: entries, ...inputs } = JSON.parse(readFileSync(freshnessRecord(serviceDir), 'utf8'));
    const { [FILES_KEY]: files = [], ...sources } = inputs;
    for (const f of files) statSync(path.join(path.dirname(builtEntry(serviceDir)), f));
    return JSON.stringify(entries) === JSON.stringify(apartEntries(serviceDir)) && Object.entries(sources).every(([file, s]) => stamp(file) === s);
  } catch {
    return false;
  }
};

/**
 * The modules a bundle's entry loads (absolute paths, the entry first) and the packages and built-ins they
 * import by name: with `dynamic`, what it may import later too (the bundle's own `import("./chunk-...")` of
 * the lazily loaded app; a computed specifier, such as a command's module, is not followed). Without, what
 * Node links before the entry's first line runs: a command pays for all of it, run or not.
 */
export const bundleGraph = async (entry, { dynamic = false } = {}) => {
  const { parse } = await import('acorn');
  const files = [];
  const packages = new Set();
  const visit = (file) => {
    if (files.includes(file)) return;
    files.push(file);
    const specifiers = [];
    const walk = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration'].includes(node.type) && node.source) specifiers.push(node.source.value);
      if (dynamic && node.type === 'ImportExpression' && node.source.type === 'Literal') specifiers.push(node.source.value);
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') walk(value);
      }
    };
    walk(parse(readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }));
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(path.resolve(path.dirname(file), s));
      else packages.add(s);
    }
  };
  visit(path.resolve(entry));
  return { files, packages: [...packages].sort() };
};

/** The source of every module a bundle's entry may load (bundleGraph with `dynamic`), the entry first: what a reader of "the bundle" means. */
export const bundleSource = async (entry) => (await bundleGraph(entry, { dynamic: true })).files.map((f) => readFileSync(f, 'utf8')).join('\n');

/** Bundles `<serviceDir>/src/server.ts` (and its thread and command modules) into `<serviceDir>/dist/`; returns the server's output path. */
export const bundleService = async (serviceDir) => {
  const { build } = await import('esbuild');
  const outfile = builtEntry(serviceDir);
  const outdir = path.dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const temp = `${outdir}.${process.pid}.tmp`;
  try {
    return await buildInto(serviceDir, build, outfile, outdir, temp);
  } catch (error) {
    // A failed build (esbuild's error, a module the ASCII pass refuses) leaves nothing of it beside dist/.
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
};

/** bundleService's build, written to `temp` and moved into `outdir`. */
const buildInto = async (serviceDir, build, outfile, outdir, temp) => {
  const apart = apartEntries(serviceDir);
  const files = new Map();
  const result = await build({
    entryPoints: [sourceEntry(serviceDir), ...apart],
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code splitting: what the entry point imports lazily (the app, a command's own modules) goes into
    // chunks it imports only when it runs them, each with the third-party imports of its own code. In one
    // file, esbuild hoisted every package of the lazily loaded app to its top, so a migration Job, the
    // database roles Job, the place loader and a usage line loaded Fastify, OpenTelemetry, ioredis and
    // the rest first (0.6 s of CPU and 95 MB of RSS for a usage line, against 0.05 s and 40 MB for
    // bare node). Chunks sit beside the entries in dist/ (chunkNames has no folder), so a module's
    // `import.meta.url` (the Prisma client's wasm, the engine thread's file) names the same folder
    // wherever esbuild puts its code. Shared code is one chunk, not a copy in each entry.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // esbuild's default, written out: asciiOnly below relies on it.
    charset: 'ascii',
    outdir: temp,
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        // A bare specifier that is not a workspace package stays an import of node_modules, but for
        // the inlined packages and what they import.
        setup: (b) =>
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@tripgen/') || INLINED_PACKAGES.has(packageName(args.path)) || /[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { external: true },
          ),
      },
      prismaWasmBesideBundle(files),
      openingHoursCountries(),
    ],
  });
  for (const name of readdirSync(temp).filter((f) => f.endsWith('.mjs'))) {
    const file = path.join(temp, name);
    writeFileSync(file, await asciiOnly(readFileSync(file, 'utf8'), name));
  }
  // Rename is atomic: a concurrent start sees the old bundle or the new one, never half of one
  // (threads, commands and files first, so a new server never starts an old thread module or misses its wasm).
  for (const [name, bytes] of files) writeFileSync(path.join(temp, name), bytes);
  // Chunks are named by their content hash, so a new one never overwrites an old one; the old ones are removed
  // below, which a process started from the old entry that has not yet imported its app would miss (the local
  // runners rebuild before they start a service; an image is built once).
  const chunks = readdirSync(temp).filter((f) => f.startsWith('chunk-') && f.endsWith('.mjs')).sort();
  const written = [...files.keys(), ...chunks, ...apart.map((t) => `${path.basename(t, '.ts')}.mjs`), path.basename(outfile)];
  for (const name of written) renameSync(path.join(temp, name), path.join(outdir, name));
  rmSync(temp, { recursive: true, force: true });
  // dist/ then holds this build alone: what an earlier one left (a module no longer built, the freshness
  // record it once held) would ship with it.
  for (const name of readdirSync(outdir)) if (!written.includes(name)) rmSync(path.join(outdir, name), { recursive: true, force: true });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [path.resolve(f), stamp(path.resolve(f))]));
  // This script too: a change of how bundles are made (a transform above) rebuilds them.
  inputs[fileURLToPath(import.meta.url)] = stamp(fileURLToPath(import.meta.url));
  inputs[ENTRIES_KEY] = apart;
  inputs[FILES_KEY] = [...files.keys(), ...chunks].sort();
  writeFileSync(`${freshnessRecord(serviceDir)}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${freshnessRecord(serviceDir)}.${process.pid}.tmp`, freshnessRecord(serviceDir));
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
