/**
 * The migration Job runs before the rollout, so the previous release's pods run on every new
 * migration for minutes (README "Rolling deploys: expand, then contract"). On the local stack, the
 * current Prisma client against a renamed column could not read users at all ("The column
 * `users.name` does not exist"), inserts failed on a column made NOT NULL without a default, and a
 * row holding an enum value added by the next release could not be read ("Value 'intense' not found
 * in enum 'Pace'"). So a statement that can break the previous release's pods is refused here
 * unless its migration says why it does not: a line `-- old-pods: <why the previous release keeps
 * working>` (a contract step whose readers and writers are gone from every running release, or an
 * enum value no running release writes yet).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { existingServices, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { describe, expect, it } from 'vitest';

const MARKER = /^--\s*old-pods:\s*\S.{10,}$/m;

/** What the previous release's pods may not survive, as [why, pattern over one statement]. */
const BREAKING: readonly (readonly [string, RegExp])[] = [
  ['drops a table, column, type or view the previous release may read', /\bDROP\s+(TABLE|COLUMN|TYPE|VIEW|MATERIALIZED\s+VIEW)\b/i],
  ['renames what the previous release names', /\bRENAME\b/i],
  ['changes a column type under the previous release', /\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b/i],
  ['makes a column NOT NULL the previous release may leave empty', /\bSET\s+NOT\s+NULL\b/i],
  ['removes a default the previous release leaves to the database', /\bDROP\s+DEFAULT\b/i],
  ['adds an enum value the previous release cannot read', /\bALTER\s+TYPE\s+\S+\s+ADD\s+VALUE\b/i],
];

/** Statements of one migration, comments dropped. */
const statements = (sql: string): string[] =>
  sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

const createdTables = (sql: string): Set<string> => new Set([...sql.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([\w.]+)"?/gi)].map((m) => m[1]!.toLowerCase()));

/** Why each statement of a migration can break the previous release (empty: expand only). */
export const breakingStatements = (sql: string): string[] => {
  const fresh = createdTables(sql);
  const onExistingTable = (stmt: string, pattern: RegExp) => {
    const table = pattern.exec(stmt)?.[1]?.toLowerCase();
    return table !== undefined && !fresh.has(table);
  };
  const found: string[] = [];
  for (const stmt of statements(sql)) {
    for (const [why, pattern] of BREAKING) if (pattern.test(stmt)) found.push(`${why}: ${stmt}`);
    // A new column the previous release does not fill: NOT NULL needs a default.
    if (/\bALTER\s+TABLE\b.*\bADD\s+(?:COLUMN\b|(?!CONSTRAINT\b)"?\w)/i.test(stmt) && /\bNOT\s+NULL\b/i.test(stmt) && !/\bDEFAULT\b/i.test(stmt) && !/SERIAL\b/i.test(stmt)) {
      found.push(`adds a NOT NULL column without a default the previous release does not fill: ${stmt}`);
    }
    // A constraint or unique index on a table that already has rows and writers.
    if (/\bADD\s+CONSTRAINT\b/i.test(stmt) && /\b(CHECK|UNIQUE|FOREIGN\s+KEY|PRIMARY\s+KEY|EXCLUDE)\b/i.test(stmt) && onExistingTable(stmt, /ALTER\s+TABLE\s+(?:ONLY\s+)?"?([\w.]+)"?/i)) {
      found.push(`adds a constraint the previous release's writes may violate: ${stmt}`);
    }
    if (/\bCREATE\s+UNIQUE\s+INDEX\b/i.test(stmt) && onExistingTable(stmt, /\bON\s+(?:ONLY\s+)?"?([\w.]+)"?/i)) {
      found.push(`adds a unique index the previous release's writes may violate: ${stmt}`);
    }
  }
  return found;
};

/**
 * Migrations from before this check, reviewed by hand (their files cannot change: the checksum is
 * in every database's _prisma_migrations). Each must still be flagged, or the entry is stale.
 */
const REVIEWED_BEFORE_THE_RULE: ReadonlyMap<string, string> = new Map([
  ['trip/20261202030357_one_active_schedule_per_trip', 'the release before it took the trip lock before inserting a schedule: it never stored two active schedules of a trip'],
  ['trip/20261203113126_trip_valid_as_a_whole', 'the release before it checked each PATCH alone; only two of its PATCHes racing could store an invalid trip, now refused (a 500 there instead of a 409)'],
]);

const migrations = existingServices().flatMap((service) => {
  const dir = serviceMigrationsDir(service);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ id: `${service}/${d.name}`, sql: readFileSync(path.join(dir, d.name, 'migration.sql'), 'utf8') }));
});

describe('every migration is an expand step, or says why the previous release survives it', () => {
  it.each(migrations)('$id', ({ id, sql }) => {
    const breaking = breakingStatements(sql);
    if (REVIEWED_BEFORE_THE_RULE.has(id)) {
      expect(breaking, `${id} is listed as reviewed but no longer breaks anything: remove the entry`).not.toEqual([]);
      return;
    }
    if (MARKER.test(sql)) return;
    expect(breaking, `${id}: a statement the previous release's pods may not survive (README "Rolling deploys"); split it into expand now and contract later, or add "-- old-pods: <why>"`).toEqual([]);
  });
});

describe('breakingStatements', () => {
  it('lets expand steps through: new tables with their keys, nullable columns, columns with a default, plain indexes', () => {
    expect(
      breakingStatements(`
        CREATE TABLE "a" ("id" TEXT NOT NULL, "b_id" TEXT, CONSTRAINT "a_pkey" PRIMARY KEY ("id"));
        CREATE UNIQUE INDEX "a_b_key" ON "a"("b_id");
        ALTER TABLE "a" ADD CONSTRAINT "a_b_fkey" FOREIGN KEY ("b_id") REFERENCES "b"("id");
        ALTER TABLE "users" ADD COLUMN "nickname" TEXT;
        ALTER TABLE "users" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'ko';
        ALTER TABLE "outbox" ADD COLUMN "seq" BIGSERIAL NOT NULL;
        CREATE INDEX "users_locale_idx" ON "users"("locale");
        CREATE TYPE "Mood" AS ENUM ('calm');
        DROP INDEX "users_locale_idx";`),
    ).toEqual([]);
  });

  it.each([
    ['ALTER TABLE "users" DROP COLUMN "name";', 'drops'],
    ['DROP TABLE "notifications";', 'drops'],
    ['ALTER TABLE "users" RENAME COLUMN "name" TO "display_name";', 'renames'],
    ['ALTER TABLE "trips" ALTER COLUMN "day_start" SET DATA TYPE TIME;', 'column type'],
    ['ALTER TABLE "trips" ALTER COLUMN "day_start" TYPE time USING "day_start"::time;', 'column type'],
    ['ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;', 'NOT NULL the previous'],
    ['ALTER TABLE "users" ADD COLUMN "country" TEXT NOT NULL;', 'without a default'],
    // COLUMN is optional in PostgreSQL (a hand-written migration may leave it out).
    ['ALTER TABLE "users" ADD "country" TEXT NOT NULL;', 'without a default'],
    ['ALTER TABLE "users" ALTER COLUMN "created_at" DROP DEFAULT;', 'removes a default'],
    [`ALTER TYPE "Pace" ADD VALUE 'intense';`, 'enum value'],
    ['ALTER TABLE "trips" ADD CONSTRAINT "trips_day_window" CHECK (day_start < day_end) NOT VALID;', 'constraint'],
    ['ALTER TABLE "schedules" ADD CONSTRAINT "s_trip_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id");', 'constraint'],
    [`CREATE UNIQUE INDEX "one_active" ON "schedules"("trip_id") WHERE (status IN ('queued'));`, 'unique index'],
  ])('flags %s', (sql, why) => {
    expect(breakingStatements(sql)).toEqual([expect.stringContaining(why)]);
  });

  it('reads the marker only as a line of its own with a reason', () => {
    expect(MARKER.test('-- old-pods: no running release reads users.name since 2026-12-10')).toBe(true);
    expect(MARKER.test('-- old-pods:')).toBe(false);
    expect(MARKER.test('SELECT 1; -- old-pods: trailing comment after a statement')).toBe(false);
  });
});
