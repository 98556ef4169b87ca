/**
 * A schedule's row as another pod's planner leaves it: running, its claim held by that pod for
 * `forSeconds` more (by the database's clock, as the consumer's claims are), for the tests of what a
 * delivery does when it finds a claim it does not hold.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduleGenerationMessage } from '@tripgen/catalog';

interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export const claimedElsewhere = (db: SqlExecutor, m: ScheduleGenerationMessage, forSeconds: number, claimedBy: string = randomUUID()): Promise<number> =>
  db.$executeRawUnsafe(
    "INSERT INTO generations (id, trip_id, user_id, status, request, claimed_by, claimed_until) VALUES ($1::uuid, $2::uuid, $3::uuid, 'running', $4::jsonb, $5::uuid, clock_timestamp() + $6::float8 * interval '1 second')",
    m.scheduleId,
    m.tripId,
    m.userId,
    JSON.stringify(m),
    claimedBy,
    forSeconds,
  );
