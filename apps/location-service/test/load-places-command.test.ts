/**
 * The place loader as its image runs it: the entry point's `load-places` command of the built bundle
 * (`node apps/location-service/dist/server.mjs load-places [file.json ...]`), in a tree laid out as the
 * image's (k8s/test/images.test.ts: node_modules, the service's dist/ and data/, no source, no
 * TypeScript settings, no loader), against a fresh location database on the local PostgreSQL: with no
 * file it loads the data set it finds beside the bundle; with files, those (and the shipped list of
 * removed places applies); bad data is every problem named, exit 1; a bad argument is one line, exit 1.
 * The command's code is a module of its own beside the server's (the kit's bundler builds every
 * `*-command.ts` apart), which `serve` never loads.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LOCATION_COMMANDS, SERVICE_COMMANDS } from '@tripgen/catalog';
import { bundleGraph, bundleSource } from '@tripgen/service-kit/build';
import { QUERY_TIMEOUT_MS, STATEMENT_TIMEOUT_MARGIN_MS } from '@tripgen/service-kit';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { REPO_ROOT } from '@tripgen/dev-tools/layout';
import { createTestDatabase, startTcpRelay, testPrismaClient, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataFiles, readPlaceFiles, readRemovedList, upsertPlaces } from '../src/data/load.ts';
import type { PlaceRecord } from '../src/domain/schemas.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { DATA_SET } from './data-set.ts';
import { FIXTURE, MIGRATIONS_DIR } from './harness.ts';

const SERVICE = 'apps/location-service';
let image: string;
let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  // The bundle, built by the kit's bundler as the image's build stage builds it, then only what the
  // image ships of the service, at the same paths: the packages (linked), dist/ and data/.
  const bundle = await builtServiceEntry('location');
  image = mkdtempSync(path.join(os.tmpdir(), 'tripgen-location-image-'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(image, 'node_modules'), 'dir');
  cpSync(path.join(REPO_ROOT, path.dirname(bundle)), path.join(image, SERVICE, 'dist'), { recursive: true });
  cpSync(path.join(REPO_ROOT, SERVICE, 'data'), path.join(image, SERVICE, 'data'), { recursive: true });
  db = await createTestDatabase('location_load_command', MIGRATIONS_DIR);
  prisma = testPrismaClient(PrismaClient, db.url, 1);
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
  if (image) rmSync(image, { recursive: true, force: true });
});

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node apps/location-service/dist/server.mjs <args>` in the image's tree, with the pod's kind of environment. */
const command = (args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> =>
  promisify(execFile)(process.execPath, [`${SERVICE}/dist/server.mjs`, ...args], { cwd: image, env: { PATH: process.env.PATH, DATABASE_URL: db.url, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const writeData = (name: string, rows: unknown): string => {
  const dir = path.join(image, 'files');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), JSON.stringify(rows));
  return path.join(dir, name);
};

const placeIds = async (): Promise<string[]> => (await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM places ORDER BY id`).map((r) => r.id);

const USAGE = `usage: <service entry> [${SERVICE_COMMANDS.serve} | ${SERVICE_COMMANDS.migrate} | ${SERVICE_COMMANDS.databaseRoles} | ${LOCATION_COMMANDS.loadPlaces} [file.json ...]]`;

it('loads the data set beside the bundle into a fresh database, then changes nothing on a second run; exit 0', async () => {
  const shipped = await readPlaceFiles(await dataFiles(DATA_SET.placesDir));
  const files = (await dataFiles(DATA_SET.placesDir)).length;
  expect(shipped.length).toBeGreaterThanOrEqual(300);
  const first = await command([LOCATION_COMMANDS.loadPlaces]);
  expect(first).toEqual({ code: 0, stdout: `places: ${shipped.length} in ${files} file(s): ${shipped.length} inserted, 0 updated, 0 unchanged, 0 removed\n`, stderr: '' });
  expect(await placeIds()).toEqual(shipped.map((p) => p.id).sort());
  const again = await command([LOCATION_COMMANDS.loadPlaces]);
  expect(again).toEqual({ code: 0, stdout: `places: ${shipped.length} in ${files} file(s): 0 inserted, 0 updated, ${shipped.length} unchanged, 0 removed\n`, stderr: '' });
}, 120_000);

it('loads the files it is given, deletes the places the shipped list removes, and refuses bad data naming every problem; exit 1', async () => {
  const fixture: PlaceRecord[] = await readPlaceFiles([FIXTURE]);
  const removed = (await readRemovedList(DATA_SET.removedFile)).map((r) => r.id);
  expect(removed).toContain('jeju-manjanggul');
  // A database loaded before Manjanggul was removed from the data (data/README.md, "Known issues").
  await prisma.$executeRaw`TRUNCATE places`;
  await upsertPlaces(prisma, fixture);
  const kept = fixture.filter((p) => !removed.includes(p.id));
  const keptFile = writeData('kept.json', kept);
  expect(await command([LOCATION_COMMANDS.loadPlaces, keptFile])).toEqual({ code: 0, stdout: `places: ${kept.length} in 1 file(s): 0 inserted, 0 updated, ${kept.length} unchanged, 1 removed\n`, stderr: '' });
  expect(await placeIds()).toEqual(kept.map((p) => p.id).sort());
  expect((await command([LOCATION_COMMANDS.loadPlaces, keptFile])).stdout).toBe(`places: ${kept.length} in 1 file(s): 0 inserted, 0 updated, ${kept.length} unchanged, 0 removed\n`);
  const restored = await command([LOCATION_COMMANDS.loadPlaces, FIXTURE]);
  expect(restored.code).toBe(1);
  expect(restored.stderr).toMatch(/^place data has 1 problem\(s\):\n {2}- places\.json #\d+ \(jeju-manjanggul\): listed as removed in removed\.json \(2026-12-01: .*; to restore the place, take it off that list\n$/);
  const failed = await command([LOCATION_COMMANDS.loadPlaces, writeData('bad.json', [{ ...kept[0]!, rating: 7 }, { ...kept[1]!, lat: 0 }])]);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(`bad.json #0 (${kept[0]!.id}): /rating`);
  expect(failed.stderr).toContain(`bad.json #1 (${kept[1]!.id}):`);
  expect(failed.stdout).toBe('');
  expect(await placeIds()).toEqual(kept.map((p) => p.id).sort());
}, 120_000);

/**
 * A server slow to take a connection (a loaded machine, a database just failing over): the command
 * is run by hand (docs/runbooks.md, `kubectl exec ... load-places`), once, so it waits for its
 * connection as the `migrate` command's does, not the 2 s a request's query waits before its 503.
 * Under CI's load the bundle's first connection once took longer than that and the load failed
 * ("Connection terminated due to connection timeout"): here a relay holds the connection 4 s.
 */
it('waits for a server slow to take its connection, and loads; exit 0', async () => {
  const relay = await startTcpRelay({ target: db.url });
  try {
    relay.stall();
    const mended = setTimeout(() => relay.mend(), 4_000);
    const ran = await command([LOCATION_COMMANDS.loadPlaces], { DATABASE_URL: relay.via(db.url) });
    clearTimeout(mended);
    expect(ran, JSON.stringify(ran)).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toMatch(/^places: \d+ in \d+ file\(s\): /);
  } finally {
    await relay.close();
  }
}, 120_000);

it('is a module of its own beside the server bundle, which holds none of its code', async () => {
  const dist = path.join(image, SERVICE, 'dist');
  // Beside the entries, the chunks of code they share (the bundler's code splitting).
  expect(readdirSync(dist).filter((f) => f.endsWith('.mjs') && !f.startsWith('chunk-')).sort()).toEqual(['load-places-command.mjs', 'server.mjs']);
  // A message of the loader's checks (src/data/load.ts): in the command's modules, in none the serving process loads.
  const loaderText = 'to restore the place, take it off that list';
  expect(await bundleSource(path.join(dist, 'load-places-command.mjs'))).toContain(loaderText);
  expect(await bundleSource(path.join(dist, 'server.mjs'))).not.toContain(loaderText);
});

/**
 * Packages only the serving process uses (the app's HTTP server, cache, tokens, metrics, tracing):
 * the command's module (with the chunks it links) imported the kit's index and
 * with it every one of these (49 import statements, 0.44 s of CPU and 100 MB of RSS to import the
 * module alone; 14, 0.20 s and 80 MB through the kit's `command` and `storable` subpaths).
 */
const SERVING_PACKAGES = /^(fastify|@fastify\/.*|helmet|ioredis|jose|prom-client|rate-limiter-flexible|fast-querystring|@opentelemetry\/.*)$/;

it('imports none of the packages only the serving process uses', async () => {
  // What the command's module links before it runs: itself and the chunks it imports.
  const { packages: imported } = await bundleGraph(path.join(image, SERVICE, 'dist', 'load-places-command.mjs'));
  expect(imported).toContain('@prisma/adapter-pg');
  expect(imported.filter((p) => SERVING_PACKAGES.test(p.startsWith('@') ? p.split('/').slice(0, 2).join('/') : p.split('/')[0]!))).toEqual([]);
});

it('answers a bad argument or setting with one line and exit 1, touching nothing', async () => {
  const before = await placeIds();
  expect(await command([LOCATION_COMMANDS.loadPlaces, '--all'])).toEqual({ code: 1, stdout: '', stderr: `${LOCATION_COMMANDS.loadPlaces}: unknown option "--all"; ${USAGE}\n` });
  expect(await command(['load-place'])).toEqual({ code: 1, stdout: '', stderr: `unknown command "load-place"; ${USAGE}\n` });
  // DATABASE_AUTH read as the service reads it: a misspelt mode stops the command, no password tried.
  const auth = await command([LOCATION_COMMANDS.loadPlaces], { DATABASE_AUTH: 'kerberos' });
  expect(auth.code).toBe(1);
  expect(auth.stderr).toMatch(/DATABASE_AUTH/);
  expect(auth.stderr).not.toMatch(/\n\s+at /);
  expect(await placeIds()).toEqual(before);
}, 120_000);

/**
 * A load on a busy database: its transaction's statements (500-row upserts) may wait on other
 * sessions' locks or a loaded server longer than a request's query is let wait (the kit's
 * QUERY_TIMEOUT_MS, 5 s, then PostgreSQL's statement_timeout 2 s later). The command is run once by
 * hand and nobody waits on it for an answer within seconds: it waits as long as its transaction may
 * last (COMMAND_QUERY_TIMEOUT_MS). Here another session holds the places table (SHARE) until the
 * load's statement has waited past a request's every limit, then lets it go.
 */
it("waits past a request's query limits for a table another session holds, and loads; exit 0", async () => {
  const holder = testPrismaClient(PrismaClient, db.url, 2);
  try {
    const requestLimitsMs = QUERY_TIMEOUT_MS + STATEMENT_TIMEOUT_MARGIN_MS + 1_000;
    let ran: Promise<Outcome> | undefined;
    let exited = false;
    await holder.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE places IN SHARE MODE`;
        ran = command([LOCATION_COMMANDS.loadPlaces]).finally(() => (exited = true));
        // Let go once the load's statement has waited on the lock longer than a request's limits allow (or the command ended).
        for (;;) {
          const [waiting] = await holder.$queryRaw<{ ms: number }[]>`
            SELECT (extract(epoch FROM clock_timestamp() - query_start) * 1000)::float8 AS ms FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;
          if (exited || (waiting && waiting.ms > requestLimitsMs)) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      { timeout: 90_000, maxWait: 10_000 },
    );
    const outcome = await ran!;
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toMatch(/^places: \d+ in \d+ file\(s\): /);
  } finally {
    await holder.$disconnect();
  }
}, 120_000);
