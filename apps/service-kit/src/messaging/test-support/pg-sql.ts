import pg from 'pg';
import type { SqlExecutor, TransactionalSql } from '../sql.ts';

const executor = (q: pg.Pool | pg.PoolClient): SqlExecutor => ({
  async $executeRawUnsafe(sql: string, ...values: unknown[]) {
    return (await q.query(sql, values)).rowCount ?? 0;
  },
  async $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]) {
    return (await q.query(sql, values)).rows as T;
  },
});

/** The Prisma slice the messaging code uses, on plain pg: the tests need no generated Prisma client. */
export function pgSql(pool: pg.Pool): TransactionalSql {
  return {
    ...executor(pool),
    async $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
