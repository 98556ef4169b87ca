/**
 * Every Redis key and channel name is written once, in the catalog (apps/catalog/src/redis.ts and
 * tokens.ts), where its collision test sees it: a name written in a service, the kit, a tool or a
 * test can silently share keys with another fact (both evicted, counted or cleared together) or
 * drift from the runbooks' commands. Fails when a string or template literal beginning with the
 * root (REDIS_ROOT and a colon), or REDIS_ROOT itself, appears in any code outside the catalog's source, and when a
 * document (docs/, a README) or a file that cannot import the catalog (a shell script, YAML, Bicep)
 * names a Redis key or channel no catalog name covers (an operator's redis-cli command on a name the
 * code no longer writes).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REDIS_ROOT, redisNames } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const CODE = /\.(?:[cm]?[jt]s|tsx)$/;
const CATALOG_SOURCE = 'apps/catalog/src/';
/**
 * A quote or backtick right before the root and its colon: a literal that starts a Redis name; or the
 * catalog's REDIS_ROOT itself, from which code outside the catalog could build a name no literal shows.
 */
const NAME_LITERAL = new RegExp(`[\`'"]${REDIS_ROOT}:|\\bREDIS_ROOT\\b`);
/** This file, which reads the root to tell names apart. */
const THIS_TEST = 'scripts/test/redis-names.test.ts';

/** `file:line: text` of each Redis name literal outside the catalog, among `files` (paths from the root). */
export const namesOutsideCatalog = (files: readonly string[], read: (file: string) => string): string[] =>
  files
    .filter((f) => CODE.test(f) && !f.startsWith(CATALOG_SOURCE) && f !== THIS_TEST)
    .flatMap((f) =>
      read(f)
        .split('\n')
        .flatMap((line, i) => (NAME_LITERAL.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );

/** A name in prose: the root and a colon not inside a longer word or path (a service account, a host name). */
const DOC_NAME = new RegExp(`(?<![\\w.:/-])${REDIS_ROOT}:[\\w@*<>{}:.-]*[\\w@*<>{}]`, 'g');

/** The names `text` gives that no catalog name covers (an exact name, or one under a prefix, globs and placeholders included). */
export const unknownDocumentedNames = (text: string): string[] =>
  [...text.matchAll(DOC_NAME)].map((m) => m[0]).filter((n) => !redisNames().some((r) => (r.match === 'exact' ? r.name === n : n.startsWith(r.name) || `${n}:` === r.name)));

/**
 * The files whose Redis names only this test holds to the catalog: prose, and the kinds that name keys
 * without importing the catalog (a shell script's redis-cli, a workflow's or manifest's YAML, Bicep).
 */
const DOCUMENT = /\.(?:md|sh|ya?ml|bicep|bicepparam)$/;
/**
 * Not read: gitops/ is rendered by k8s/ (TypeScript, held to the catalog by the code check), and
 * installed packages, downloaded tools and build output are no one's writing.
 */
const NOT_WRITTEN_HERE = /^gitops\/|(?:^|\/)(?:node_modules|\.tools|out)\//;

/** `file: name` for each name no catalog name covers in the documents among `files` (paths from `root`). */
export const unknownNamesInDocuments = (root: string, files: readonly string[]): string[] =>
  files
    .filter((f) => DOCUMENT.test(f) && !NOT_WRITTEN_HERE.test(f))
    .flatMap((f) => unknownDocumentedNames(readFileSync(path.join(root, f), 'utf8')).map((n) => `${f}: ${n}`));

const trackedFiles = (): string[] => execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

it('finds no Redis name in the documents that the catalog does not give', () => {
  const files = trackedFiles();
  expect(files).toContain('docs/runbooks.md');
  expect(unknownNamesInDocuments(REPO_ROOT, files)).toEqual([]);
  // Shown failing on names the code does not write (a renamed key, a cache of no service), and not on the ones it does.
  expect(unknownDocumentedNames(`\`redis-cli EXISTS ${REDIS_ROOT}:token-revoked\`, ${REDIS_ROOT}:users:cache@x:k and ${REDIS_ROOT}:user:cache*:user:<id>:me.`)).toEqual([`${REDIS_ROOT}:token-revoked`, `${REDIS_ROOT}:users:cache@x:k`]);
  expect(unknownDocumentedNames(`system:serviceaccount:${REDIS_ROOT}:postgres-backup, location-service.${REDIS_ROOT}:3004, ${REDIS_ROOT}:token-refusals, ${REDIS_ROOT}:ratelimit:<name>:user:<id>`)).toEqual([]);
});

it('reads the names of shell scripts, YAML and Bicep as it reads the docs, and not those of generated or installed files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'redis-names-'));
  // Wrong names (a singular failure key, a plural ratelimit prefix, a channel of no service) where the code check cannot look.
  const files: Record<string, string> = {
    'scripts/unlock.sh': `redis-cli DEL "${REDIS_ROOT}:user:login-failure:$HASH"\nredis-cli DEL "${REDIS_ROOT}:user:login-failures:$HASH"\n`,
    '.github/workflows/w.yml': `run: redis-cli --scan --pattern '${REDIS_ROOT}:ratelimits:*'\n`,
    'k8s/crds/c.yaml': `channel: ${REDIS_ROOT}:billing-service:cache-invalidate\n`,
    'infra-bicep/modules/r.bicep': `var claim = '${REDIS_ROOT}:token-revoked'\n`,
    'infra-bicep/env/e.bicepparam': `param k = '${REDIS_ROOT}:ratelimit:trip-create:user:1'\n`,
    'docs/d.md': `\`${REDIS_ROOT}:token-refusals:1.2.3.4\``,
    'gitops/dev/a.yaml': `k: ${REDIS_ROOT}:generated-wrong\n`,
    'node_modules/p/a.sh': `${REDIS_ROOT}:installed-wrong\n`,
    'infra-bicep/out/main.bicep': `'${REDIS_ROOT}:built-wrong'\n`,
    'scripts/tool.ts': `// ${REDIS_ROOT}:code-is-the-other-check\n`,
  };
  try {
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), text);
    }
    expect(unknownNamesInDocuments(root, Object.keys(files))).toEqual([
      `scripts/unlock.sh: ${REDIS_ROOT}:user:login-failure`,
      `.github/workflows/w.yml: ${REDIS_ROOT}:ratelimits:*`,
      `k8s/crds/c.yaml: ${REDIS_ROOT}:billing-service:cache-invalidate`,
      `infra-bicep/modules/r.bicep: ${REDIS_ROOT}:token-revoked`,
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('finds no Redis key or channel name written outside the catalog', () => {
  const files = trackedFiles();
  expect(files.filter((f) => f.startsWith(CATALOG_SOURCE)).length).toBeGreaterThan(0);
  expect(namesOutsideCatalog(files, (f) => readFileSync(path.join(REPO_ROOT, f), 'utf8'))).toEqual([]);
});

it('tells a name literal in any quote from text that only mentions the root', () => {
  const root = REDIS_ROOT;
  const code: Record<string, string> = {
    'apps/a.ts': `const k = '${root}:x';\nconst u = 'http://svc.${root}:3004';`,
    'tools/b.ts': `redis.keys(\`${root}:\${p}*\`)`,
    'k8s/c.ts': `const s = "${root}:y"; // "namespace ${root}: text"`,
    [`${CATALOG_SOURCE}redis.ts`]: `const k = '${root}:z';`,
    'docs/d.md': `'${root}:w'`,
  };
  expect(namesOutsideCatalog(Object.keys(code), (f) => code[f]!).map((l) => l.split(':')[0])).toEqual(['apps/a.ts', 'tools/b.ts', 'k8s/c.ts']);
});

it('tells a name built from the root outside the catalog, which no literal shows', () => {
  const code: Record<string, string> = {
    'apps/trip-service/src/a.ts': 'const k = `${REDIS_ROOT}:trip:new-thing`;',
    'apps/b.ts': "import { REDIS_ROOT as root } from '@tripgen/catalog';",
    'apps/c.ts': 'const notTheRoot = REDIS_ROOTS;',
  };
  expect(namesOutsideCatalog(Object.keys(code), (f) => code[f]!).map((l) => l.split(':')[0])).toEqual(['apps/trip-service/src/a.ts', 'apps/b.ts']);
});
