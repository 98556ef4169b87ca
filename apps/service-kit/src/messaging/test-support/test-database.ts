import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openMigrationEngine } from '../../data/schema-engine.ts';
import type { TransactionalSql } from '../sql.ts';
import { pgSql } from './pg-sql.ts';

const FRAGMENT = path.resolve(import.meta.dirname, '../../../prisma/messaging.prisma');
const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';

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

const adminUrl = (): string => {
  const url = process.env.DATABASE_URL_ADMIN;
  if (!url) throw new Error('DATABASE_URL_ADMIN is not set: `source scripts/stack-env.sh && bash scripts/stack-up.sh` first');
  return url;
};

/** A throwaway database with the messaging tables, on the local stack's PostgreSQL; drop() removes it. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const adminPool = new pg.Pool({ connectionString: admin, max: 1 });
  try {
    await adminPool.query(`CREATE DATABASE "${name}"`);
  } finally {
    await adminPool.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // An idle client whose server went away must not crash the test process.
  pool.on('error', () => undefined);
  await pool.query(await messagingDdl(admin));
  return {
    url: url.toString(),
    pool,
    sql: pgSql(pool),
    async drop() {
      await pool.end();
      const p = new pg.Pool({ connectionString: admin, max: 1 });
      try {
        await p.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await p.end();
      }
    },
  };
}
