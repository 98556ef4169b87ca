/**
 * The dev PostgreSQL backup restores: the scripts the rendered `postgres-backup` CronJob runs (read
 * from its ConfigMap in gitops/dev, with the CronJob's own command and environment) back up real
 * databases on the local PostgreSQL — a service's migrated schema, PostGIS geometry, every common
 * column type, sequences — then the databases are dropped, restored with the same ConfigMap's
 * restore script, and every table is compared by row count and checksum, and every sequence by
 * its value. Shown failing on a corrupted dump and on a changed row.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { adminUrl, createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { POSTGRES_BACKUP } from '../src/constructs/postgres-backup.ts';
import { repoPath } from '../src/lib/paths.ts';
import { find } from './support/gitops.ts';

interface Container {
  name: string;
  command: string[];
  env?: { name: string; value?: string }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface CronJobSpec {
  schedule: string;
  timeZone: string;
  jobTemplate: { spec: { template: { spec: { initContainers: Container[]; containers: Container[]; volumes: { name: string; configMap?: { name: string } }[] } } } };
}

const cronJob = find('dev', 'CronJob', POSTGRES_BACKUP.name).spec as unknown as CronJobSpec;
const pod = cronJob.jobTemplate.spec.template.spec;
const dump = pod.initContainers.find((c) => c.name === 'dump')!;
const scripts = find('dev', 'ConfigMap', POSTGRES_BACKUP.scripts).data as Record<string, string>;
const envOf = (c: Container, name: string) => c.env?.find((e) => e.name === name)?.value;

/** libpq environment for the local server (the CronJob sets PGHOST/PGPORT/PGUSER/PGPASSWORD the same way). */
const pgEnv = (): Record<string, string> => {
  const u = new URL(adminUrl());
  return { PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password) };
};
const psql = (db: string, sql: string): string =>
  execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '--dbname', db, '-c', sql], { env: { ...process.env, ...pgEnv() }, encoding: 'utf8' });

/** Row count and an order-independent checksum of every table, and the value of every sequence (one query per database). */
function fingerprint(db: string): Record<string, string> {
  const tables = psql(db, "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")
    .split('\n')
    .filter(Boolean);
  const sequences = psql(db, "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences ORDER BY 1").split('\n').filter(Boolean);
  const parts = [
    ...tables.map((t) => `SELECT '${t}', count(*) || ' ' || md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) FROM ${t} x`),
    ...sequences.map((q) => `SELECT 'sequence ${q}', last_value || ' ' || is_called FROM ${q}`),
  ];
  const rows = psql(db, parts.join(' UNION ALL ')).split('\n').filter(Boolean);
  return Object.fromEntries(rows.map((r) => r.split('|') as [string, string]));
}

/** Runs one ConfigMap script the way the container does (`sh <script>`), with the job's environment. */
const run = (script: string, dir: string, env: Record<string, string>) =>
  execFileSync('sh', [join(dir, 'scripts', script)], { env: { ...process.env, ...pgEnv(), ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('dev postgres-backup CronJob', () => {
  it('dumps every catalog database each working day with the ConfigMap script, then uploads with its workload identity', () => {
    expect(cronJob.schedule).toMatch(/^\d+ \d+ \* \* (\*|1-5)$/);
    expect(cronJob.timeZone).toBe('Asia/Seoul');
    expect(dump.command).toEqual(['sh', `${POSTGRES_BACKUP.scriptsPath}/backup.sh`]);
    expect(envOf(dump, 'BACKUP_DATABASES')?.split(' ')).toEqual([...DATABASES]);
    expect(pod.containers.map((c) => c.command)).toEqual([['sh', `${POSTGRES_BACKUP.scriptsPath}/upload.sh`]]);
    expect(pod.volumes.find((v) => v.name === 'scripts')?.configMap?.name).toBe(POSTGRES_BACKUP.scripts);
    expect(Object.keys(scripts).sort()).toEqual(['backup.sh', 'restore.sh', 'upload.sh']);
  });

  it('runs while the dev cluster runs (inside the working hours its start/stop workflows keep, infra-bicep dev snapshot)', () => {
    const snapshot = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', 'dev.snapshot.json'), 'utf8')) as { predictedResources: { type: string; name: string; properties?: unknown }[] };
    const recurrence = (verb: string) => {
      const w = snapshot.predictedResources.find((r) => r.type === 'Microsoft.Logic/workflows' && r.name === `logic-aks-${verb}-tripgen-dev`);
      return (w?.properties as { definition: { triggers: { workingHours: { recurrence: { timeZone: string; schedule: { weekDays: string[]; hours: number[] } } } } } }).definition.triggers.workingHours.recurrence;
    };
    const [start, stop] = [recurrence('start'), recurrence('stop')];
    // Windows and IANA names of the one time zone the two sides use.
    expect({ 'Korea Standard Time': 'Asia/Seoul' }[start.timeZone]).toBe(cronJob.timeZone);
    const [minute, hour, , , days] = cronJob.schedule.split(' ');
    const at = Number(hour) * 60 + Number(minute);
    expect(at).toBeGreaterThan(start.schedule.hours[0]! * 60);
    expect(at).toBeLessThan(stop.schedule.hours[0]! * 60);
    const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const cronDays = days === '*' ? weekdays : weekdays.slice(Number(days!.split('-')[0]), Number(days!.split('-')[1]) + 1);
    expect(start.schedule.weekDays).toEqual(expect.arrayContaining(cronDays));
  });
});

describe('backup, drop, restore against the real local PostgreSQL', () => {
  const dbs: TestDatabase[] = [];
  let dir = '';
  let before: Record<string, Record<string, string>> = {};
  const names = () => dbs.map((d) => d.name).join(' ');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripgen-restore-'));
    execFileSync('mkdir', ['-p', join(dir, 'scripts'), join(dir, 'backup')]);
    for (const [file, text] of Object.entries(scripts)) {
      writeFileSync(join(dir, 'scripts', file), text);
      chmodSync(join(dir, 'scripts', file), 0o555);
    }
    // A service's real schema (the user service's committed migrations) with rows in it.
    const user = await createTestDatabase('restore_user', serviceMigrationsDir('user'));
    dbs.push(user);
    const tables = psql(user.name, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    expect(tables).toContain('users');
    psql(
      user.name,
      `INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
       SELECT gen_random_uuid(), 'user' || i || '@example.com', '여행자 ' || i, 'hash-' || i, now() - i * interval '1 minute', now() FROM generate_series(1, 300) i`,
    );
    // Geometry and GiST index (location_db needs PostGIS).
    const places = await createTestDatabase('restore_places');
    dbs.push(places);
    psql(
      places.name,
      `CREATE EXTENSION IF NOT EXISTS postgis;
       CREATE TABLE places (id bigserial PRIMARY KEY, name text NOT NULL, location geography(Point, 4326) NOT NULL, opening jsonb);
       CREATE INDEX places_location ON places USING gist (location);
       INSERT INTO places (name, location, opening)
       SELECT '장소 ' || i, ST_SetSRID(ST_MakePoint(126.9 + i / 1000.0, 37.5 + i / 1000.0), 4326)::geography, jsonb_build_object('mon', jsonb_build_array('09:00', '18:00'), 'n', i)
       FROM generate_series(1, 500) i;`,
    );
    // Every column type the services use, NULLs, an identity column that has moved on, a large table.
    const kinds = await createTestDatabase('restore_types');
    dbs.push(kinds);
    psql(
      kinds.name,
      `CREATE SCHEMA app;
       CREATE TYPE app.status AS ENUM ('draft', 'generating', 'ready');
       CREATE TABLE app.trips (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status app.status, starts date, budget numeric(12, 2),
         tags text[], body jsonb, raw bytea, at timestamptz, took interval, ok boolean);
       INSERT INTO app.trips (status, starts, budget, tags, body, raw, at, took, ok)
       SELECT (ARRAY['draft','generating','ready'])[1 + i % 3]::app.status, date '2026-01-01' + i, i * 1.25, ARRAY['a' || i, NULL],
              CASE WHEN i % 7 = 0 THEN NULL ELSE jsonb_build_object('day', i, 'note', E'line\\nbreak "quoted"') END,
              decode(md5(i::text), 'hex'), timestamptz '2026-01-01 00:00+09' + i * interval '1 hour', i * interval '1 second', i % 2 = 0
       FROM generate_series(1, 5000) i;
       DELETE FROM app.trips WHERE id % 10 = 0;`,
    );
    before = Object.fromEntries(dbs.map((d) => [d.name, fingerprint(d.name)]));
  }, 120_000);

  afterAll(async () => {
    for (const d of dbs) await d.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table and sequence exactly after the databases are dropped', () => {
    expect(Object.keys(before[dbs[0]!.name]!).length).toBeGreaterThan(1);
    expect(before[dbs[2]!.name]!['app.trips']).toMatch(/^4500 [0-9a-f]{32}$/);
    const backupDir = join(dir, 'backup');
    const out = run('backup.sh', dir, { BACKUP_DIR: backupDir, BACKUP_DATABASES: names() });
    expect(out).toMatch(/^backup \d{8}T\d{6}Z: /);
    const stamp = readFileSync(join(backupDir, 'LATEST'), 'utf8').trim();
    expect(readdirSync(join(backupDir, stamp)).sort()).toEqual([...dbs.map((d) => `${d.name}.dump`), 'SHA256SUMS', 'roles.sql'].sort());

    for (const d of dbs) psql('postgres', `DROP DATABASE "${d.name}" WITH (FORCE)`);
    expect(psql('postgres', `SELECT count(*) FROM pg_database WHERE datname IN (${dbs.map((d) => `'${d.name}'`).join(', ')})`).trim()).toBe('0');

    expect(run('restore.sh', dir, { BACKUP_DIR: backupDir, BACKUP_DATABASES: names() })).toMatch(/^restored /);
    for (const d of dbs) expect(fingerprint(d.name), d.name).toEqual(before[d.name]);
  }, 180_000);

  it('compares for real: a changed row changes the fingerprint', () => {
    const kinds = dbs[2]!.name;
    psql(kinds, "UPDATE app.trips SET budget = budget + 0.01 WHERE id = 1");
    expect(fingerprint(kinds)['app.trips']).not.toEqual(before[kinds]!['app.trips']);
    psql(kinds, "UPDATE app.trips SET budget = budget - 0.01 WHERE id = 1");
    expect(fingerprint(kinds)).toEqual(before[kinds]);
  });

  it('refuses to restore a corrupted dump (checksums first) and leaves the databases alone', () => {
    const backupDir = join(dir, 'backup');
    const stamp = readFileSync(join(backupDir, 'LATEST'), 'utf8').trim();
    const file = join(backupDir, stamp, `${dbs[1]!.name}.dump`);
    const bytes = readFileSync(file);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => run('restore.sh', dir, { BACKUP_DIR: backupDir, BACKUP_DATABASES: names() })).toThrow(/FAILED|restore\.sh/);
    for (const d of dbs) expect(fingerprint(d.name)).toEqual(before[d.name]);
  }, 60_000);
});
