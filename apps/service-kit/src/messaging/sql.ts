/**
 * The slice of a Prisma client the messaging code needs, typed structurally so that a PrismaClient,
 * a Prisma interactive-transaction client and a small pg-based executor (tests) all fit.
 * Placeholders are PostgreSQL's `$1, $2, ...`.
 */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

/** No wait for a connection of its own: every transaction waits as long as the client's queries (data/prisma.ts CONNECT_TIMEOUT_MS). */
export interface TransactionOptions {
  /** Longest time the whole transaction may take, in ms (Prisma's default is 5 s). */
  timeout?: number;
}

/** A client that can also open an interactive transaction (PrismaClient does). */
export interface TransactionalSql extends SqlExecutor {
  $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>, options?: TransactionOptions): Promise<R>;
}
