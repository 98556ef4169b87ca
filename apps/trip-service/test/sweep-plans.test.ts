/**
 * The sweep's queries at volume. Every sweep (every 2 s, each replica) walks every unfinished
 * schedule a page at a time: a page must read its own rows, not every unfinished schedule after
 * it and a sort of them (the PostgreSQL manual, "Partial Indexes" (11.8) and "Using EXPLAIN" (14.1);
 * OWASP API Security Top 10 2023, API4 "Unrestricted Resource Consumption": a job whose cost grows
 * with the table). Real PostgreSQL, 40,000 schedules of which 5,000 unfinished, EXPLAIN ANALYZE of
 * the statements the sweep runs. Speed is measured in `npm run bench:sweep`, never asserted here.
 */
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, queryRows, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIVE_PAGE_SQL, AI_UNREACHABLE, LATE_OUTCOME_WINDOW_MS, LATE_PAGE_SQL, SWEEP_PAGE } from '../src/domain/schedules.ts';

const TOTAL = 40_000;
const ACTIVE = 5_000;
/** Of the failed ones (the last 40%), those failed here alone. */
const LATE = 1_000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('trip_test', serviceMigrationsDir('trip'));
  await queryRows(
    db.url,
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
     SELECT gen_random_uuid(), gen_random_uuid(), 't', 'Seoul', 37.5, 126.9, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', now() FROM generate_series(1, ${TOTAL})`,
  );
  // One schedule a trip over the last 13 days: the first ACTIVE running, then completed ones, then failed ones (some here alone).
  await queryRows(
    db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at, error)
     SELECT gen_random_uuid(), t.id, t.user_id,
            (CASE WHEN n <= ${ACTIVE} THEN 'running' WHEN n <= ${TOTAL * 0.6} THEN 'completed' ELSE 'failed' END)::"ScheduleStatus",
            '{}', 'h', jsonb_build_object('notifiedBy', 'trip', 'pad', repeat('x', 700)), now() + interval '10 minutes', now() - random() * interval '13 days', now(),
            CASE WHEN n > ${TOTAL - LATE} THEN $1 WHEN n > ${TOTAL * 0.6} THEN 'some failure' END
       FROM (SELECT id, user_id, row_number() OVER () AS n FROM trips) t`,
    [AI_UNREACHABLE],
  );
  await queryRows(db.url, 'ANALYZE schedules');
}, 120_000);
afterAll(async () => db?.drop());

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };
/** The plan of a statement run with these parameters. */
const explain = async (sql: string, params: unknown[]): Promise<PlanNode> => {
  const [row] = await queryRows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(db.url, `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  return row!['QUERY PLAN'][0]!.Plan;
};
/** Rows the scans of a plan read from the table: those they returned and those their filters removed. */
const scanned = (node: PlanNode): number =>
  (/Scan$/.test(String(node['Node Type'])) && !/Bitmap Index/.test(String(node['Node Type'])) ? Number(node['Actual Rows'] ?? 0) + Number(node['Rows Removed by Filter'] ?? 0) : 0) +
  (node.Plans ?? []).reduce((n, p) => n + scanned(p), 0);

it(`a page of the sweep's ${ACTIVE} unfinished schedules among ${TOTAL} reads its ${SWEEP_PAGE} rows, wherever it starts`, async () => {
  const positions = await queryRows<{ created_at: Date; id: string }>(db.url, "SELECT created_at, id FROM schedules WHERE status IN ('queued', 'running') ORDER BY created_at, id");
  expect(positions).toHaveLength(ACTIVE);
  const middle = positions[ACTIVE / 2]!;
  for (const [label, after] of [
    ['first', { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' }],
    ['middle', { createdAt: middle.created_at.toISOString(), id: middle.id }],
  ] as const) {
    const plan = await explain(ACTIVE_PAGE_SQL, [after.createdAt, after.id, SWEEP_PAGE]);
    expect(plan['Actual Rows'], label).toBe(SWEEP_PAGE);
    // Before (on (status, created_at)): every unfinished one after the position, read and sorted (5,000 and 2,499).
    expect(scanned(plan), label).toBeLessThanOrEqual(SWEEP_PAGE + 1);
  }
});

it(`a page of the ${LATE} schedules failed here alone among ${TOTAL * 0.4} failed reads its ${SWEEP_PAGE} rows, wherever it starts`, async () => {
  const windowStart = new Date(Date.now() - LATE_OUTCOME_WINDOW_MS).toISOString();
  const positions = await queryRows<{ created_at: Date; id: string }>(db.url, "SELECT created_at, id FROM schedules WHERE status = 'failed' AND error = $1 ORDER BY created_at DESC, id DESC", [AI_UNREACHABLE]);
  expect(positions).toHaveLength(LATE);
  const middle = positions[LATE / 2]!;
  for (const [label, before] of [
    ['newest', { createdAt: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }],
    ['middle', { createdAt: middle.created_at.toISOString(), id: middle.id }],
  ] as const) {
    const plan = await explain(LATE_PAGE_SQL, [AI_UNREACHABLE, windowStart, before.createdAt, before.id, SWEEP_PAGE]);
    expect(plan['Actual Rows'], label).toBe(SWEEP_PAGE);
    // Before (on (status, created_at), the reason a filter): the failures of other reasons between them too.
    expect(scanned(plan), label).toBeLessThanOrEqual(SWEEP_PAGE + 1);
  }
});
