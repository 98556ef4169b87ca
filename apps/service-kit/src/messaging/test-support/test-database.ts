import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openMigrationEngine } from '../../data/schema-engine.ts';
import { adminUrl, createTestDatabase as createEmptyDatabase } from '@tripgen/testing';
import type { TransactionalSql } from '../sql.ts';
import { pgSql } from './pg-sql.ts';

const FRAGMENT = path.resolve(import.meta.dirname, '../../../prisma/messaging.prisma');
// The fragment's partial index needs the preview feature every service's generator names.
const DATASOURCE = 'generator client {\n  provider        = "prisma-client"\n  previewFeatures = ["partialIndexes"]\n}\ndatasource db {\n  provider = "postgresql"\n}\n';

let ddl: Promise<string> | undefined;

/**
 * The DDL of the messaging tables, produced from the Prisma fragment by the same schema engine that
 * writes the services' migrations: the tests run on exactly the tables the services get.
 */
export function messagingDdl(adminUrl: string): Promise<string> {
  ddl ??= (async () => {
    const engine = await openMigrationEngine(adminUrl);
    try {
      const content = await readFile(FRAGMENT, 'utf8');
      return await engine.diffFromEmpty({ files: [{ path: 'schema.prisma', content: DATASOURCE }, { path: 'messaging.prisma', content }] });
    } finally {
      await engine.dispose();
    }
  })();
  return ddl;
}

export interface TestDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly sql: TransactionalSql;
  drop(): Promise<void>;
}

/** A throwaway database with the messaging tables, on the local stack's PostgreSQL; drop() removes it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createEmptyDatabase(prefix);
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  // An idle client whose server went away must not crash the test process.
  pool.on('error', () => undefined);
  await pool.query(await messagingDdl(adminUrl()));
  return {
    url: db.url,
    pool,
    sql: pgSql(pool),
    async drop() {
      await pool.end();
      await db.drop();
    },
  };
}

/** Each outbox row in order: sent, set aside (never due again: larger than its destination accepts), and its last error. */
export const outboxStates = (sql: TransactionalSql) =>
  sql.$queryRawUnsafe<{ message_id: string; sent: boolean; set_aside: boolean; last_error: string | null }[]>(
    "SELECT message_id, sent_at IS NOT NULL AS sent, next_attempt_at = 'infinity' AS set_aside, last_error FROM outbox_messages ORDER BY sequence",
  );
