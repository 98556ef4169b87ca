/**
 * PostgreSQL through Prisma 7's driver adapter (`pg`), no native query engine. Each service
 * passes its own generated PrismaClient class; the kit owns the pool settings and the ping.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Database } from '../app.ts';
import { databasePassword, poolConfigWithPassword } from './postgres-entra.ts';

interface PrismaLike {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/**
 * The longest a query may wait for PostgreSQL's answer (node-postgres `query_timeout`, client side;
 * the driver's default is none). A server that stops answering on a pooled connection (hung, a
 * partition, a failover that leaves the socket open) otherwise held the request, and the connection,
 * until the kernel gave the socket up (minutes): past every caller's time limit, with no 503. Well
 * above any statement of ours (milliseconds), below a client's patience. The pool then drops the
 * connection (pg Pool releases a client with its query's error; inside a transaction, see
 * dropUnfinishedTransactions).
 */
export const QUERY_TIMEOUT_MS = 5_000;

/**
 * `password`: a callback asked on every new connection (Entra token auth, postgres-entra.ts);
 * without it the URL's password is used. `queryTimeoutMs`: see QUERY_TIMEOUT_MS (a one-shot bulk
 * command may allow its statements longer).
 */
export const createPrismaClient = <C extends PrismaLike>(
  Client: new (options: { adapter: PrismaPg }) => C,
  databaseUrl: string,
  poolSize = 10,
  password?: () => Promise<string>,
  queryTimeoutMs = QUERY_TIMEOUT_MS,
): C => {
  const settings = { max: poolSize, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000, query_timeout: queryTimeoutMs };
  const connection = password === undefined ? { connectionString: databaseUrl } : poolConfigWithPassword(databaseUrl, password);
  const pool = dropUnfinishedTransactions(new pg.Pool({ ...connection, ...settings }));
  return new Client({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
};

/**
 * A connection handed back to the pool inside a transaction is closed, not reused. With
 * `query_timeout`, a statement of an interactive transaction that outlasts it (a row lock held by
 * another transaction, a server that stopped answering) is given up by node-postgres but left
 * running on the connection, and the ROLLBACK Prisma then queues behind it times out unsent
 * (pg 8.23 Client#query); @prisma/adapter-pg 7.10 releases the connection without an error after
 * a rollback. Reused, the next queries ran inside that abandoned transaction: writes answered as
 * done, never committed (query-timeout-transaction.test.ts in the location service). Closing the
 * connection makes PostgreSQL roll the transaction back.
 */
const dropUnfinishedTransactions = (pool: pg.Pool): pg.Pool =>
  pool.on('release', (_err: Error | undefined, client: pg.PoolClient) => {
    // The status of the last ReadyForQuery: 'T' in a transaction (or a statement of one still running), 'E' a failed one.
    const status = client.getTransactionStatus();
    if (status === 'T' || status === 'E') void client.end().catch(() => undefined);
  });

/**
 * A service's own client, signed in as its config says: the URL's password, or in prod
 * (DATABASE_AUTH=entra) the pod's workload identity as the database user.
 */
export const servicePrismaClient = async <C extends PrismaLike>(
  Client: new (options: { adapter: PrismaPg }) => C,
  config: { readonly databaseUrl: string; readonly databaseAuth: 'password' | 'entra' },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<C> => createPrismaClient(Client, config.databaseUrl, undefined, await databasePassword(config, env));

export const prismaDatabase = (prisma: PrismaLike): Database => ({
  ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')),
  close: () => prisma.$disconnect(),
});
