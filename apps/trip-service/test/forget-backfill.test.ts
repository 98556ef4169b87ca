/**
 * docs/runbooks.md #forgotten-schedules gives on-call a one-off backfill: the ids of ai_db's
 * generations copied out with psql's client-side \copy (what Azure Database for PostgreSQL Flexible
 * Server allows: a server-side COPY to a file needs pg_write_server_files, which its admin role has
 * not), then those with no schedule in trip_db written to forgotten_schedules for the sweep. Its
 * blocks are read back from the page and run as written, each with `psql -f` (ON_ERROR_STOP) on the
 * database its first line names, in one working directory, against throwaway databases with the
 * services' migrations: only the generations of deleted schedules are handed over, an hour ahead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, queryRows, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNBOOKS = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'runbooks.md'), 'utf8');

/** The fenced blocks of the backfill paragraph, in order, each with the database its first line names. */
const backfillBlocks = (md: string): { db: string; sql: string }[] => {
  const start = md.indexOf('**Once, after the release that added `forgotten_schedules`');
  const end = md.indexOf('\n## ', start);
  const paragraph = start < 0 ? '' : md.slice(start, end < 0 ? undefined : end);
  return [...paragraph.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((m) => {
    const sql = m[1] ?? '';
    return { db: /^(?:--|#)\s*(\w+)/.exec(sql)?.[1] ?? '', sql };
  });
};

let ai: TestDatabase;
let trip: TestDatabase;
let dir: string;
beforeAll(async () => {
  [ai, trip] = await Promise.all([createTestDatabase('ai_backfill', serviceMigrationsDir('ai')), createTestDatabase('trip_backfill', serviceMigrationsDir('trip'))]);
  dir = mkdtempSync(path.join(tmpdir(), 'backfill-'));
}, 120_000);
afterAll(async () => {
  await Promise.all([ai?.drop(), trip?.drop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the runbook backfill of forgotten_schedules', () => {
  it('runs as written with psql and hands over the generations of deleted schedules only', async () => {
    const tripId = randomUUID();
    const userId = randomUUID();
    await queryRows(trip.url, `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, updated_at)
      VALUES ($1, $2, 'Seoul', 'Seoul', 37.5, 126.9, '2026-12-01', '2026-12-03', '09:00', '18:00', now())`, [tripId, userId]);
    const kept = [randomUUID(), randomUUID()];
    for (const id of kept) {
      await queryRows(trip.url, `INSERT INTO schedules (id, trip_id, user_id, status, request_hash, request, not_after, updated_at)
        VALUES ($1, $2, $3, 'completed', $4, '{}', now() - interval '1 day', now())`, [id, tripId, userId, id]);
    }
    // Deleted before forgotten_schedules existed: a completed and a failed copy left in ai_db.
    const deleted = [randomUUID(), randomUUID()].sort();
    for (const [id, status] of [...kept.map((id) => [id, 'completed']), [deleted[0], 'completed'], [deleted[1], 'failed']] as [string, string][]) {
      await queryRows(ai.url, `INSERT INTO generations (id, trip_id, user_id, status, request, finished_at) VALUES ($1, $2, $3, $4::"GenerationStatus", '{"trip":{}}', now())`, [id, tripId, userId, status]);
    }
    const blocks = backfillBlocks(RUNBOOKS);
    expect(blocks.map((b) => b.db)).toEqual(['ai_db', 'trip_db']);
    const url = { ai_db: ai.url, trip_db: trip.url } as Record<string, string>;
    for (const [i, b] of blocks.entries()) {
      const file = path.join(dir, `block-${i}.sql`);
      writeFileSync(file, b.sql);
      execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url[b.db]!, '-f', file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    }
    const rows = await queryRows<{ id: string; ahead: number }>(trip.url, `SELECT id::text AS id, extract(epoch FROM not_after - now())::float8 AS ahead FROM forgotten_schedules ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual(deleted);
    for (const r of rows) expect(r.ahead).toBeGreaterThan(3_500);
  });
});
