/**
 * PostgreSQL through Prisma 7's driver adapter (`pg`), no native query engine. Each service
 * passes its own generated PrismaClient class; the kit owns the pool settings and the ping.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { QUERY_READ_TIMEOUT } from './adapter-error.ts';
import type { Database } from '../app.ts';
import { databasePassword, poolConfigWithPassword } from './postgres-entra.ts';
import { startStep } from '../start-watch.ts';

export interface PrismaLike {
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
 * giveUpTimedOutConnections).
 */
export const QUERY_TIMEOUT_MS = 5_000;

/**
 * How much longer PostgreSQL lets a statement run than the client waits for it (`statement_timeout`
 * = the query time limit + this). The client giving a statement up does not stop it: PostgreSQL
 * notices a closed connection only when it next talks to it, so a statement waiting on a lock or
 * sleeping ran on in its abandoned transaction, holding what it had written, and a duplicate that
 * took the schedule over waited on that key to its own time limit (ai-service
 * outcome-write-stuck.test.ts, the stuck statement 15 s: a second abandon, the outcome 15,023 ms after the claim; now 7,011). Longer
 * than the client's, so that the client's own time limit (and its 503) still comes first.
 */
export const STATEMENT_TIMEOUT_MARGIN_MS = 2_000;

/**
 * The longest a request's query waits for a connection (node-postgres `connectionTimeoutMillis`):
 * a new one's TCP connect and sign-in, and, all connections busy, its turn in the pool's queue
 * (pg-pool bounds both with it). A server out of reach, or a pod whose pool cannot keep up (its
 * load shed, as under-pressure sheds it), is a 503 with Retry-After within it, not a request held.
 * Every interactive transaction waits for its connection the same (Prisma's `maxWait`, set by
 * createPrismaClient): Prisma's own default (2 s) was a second figure that merely happened to equal
 * this one, and a transaction's longer `maxWait` was cut to this one by the pool all the same.
 */
export const CONNECT_TIMEOUT_MS = 2_000;

/**
 * The same for a one-shot command (a service's `*-command.ts`, run once by hand: `kubectl exec ...
 * load-places`). Nobody waits on it for an answer within seconds, and a first connection that failed
 * failed the whole run: under CI's load (2 cores, load average above 10) the location service's
 * `load-places` once needed longer than CONNECT_TIMEOUT_MS for its connection and exited 1. The kit's
 * other commands (`migrate`, `database-roles`) set no limit (the driver waits on the OS's TCP
 * timeouts); this one is bounded all the same, so that a server out of reach is an exit 1 with its
 * reason, not a command hanging for minutes.
 */
export const COMMAND_CONNECT_TIMEOUT_MS = 60_000;

/**
 * The longest a one-shot command's statement may wait for PostgreSQL's answer (QUERY_TIMEOUT_MS for
 * a command; PostgreSQL's statement_timeout STATEMENT_TIMEOUT_MARGIN_MS later). A request's 5 s is
 * a client's patience; a command's bulk statement (the location service's `load-places`, 500-row
 * upserts in one transaction) on a busy database may wait longer on other sessions' locks or a loaded
 * server, and giving it up failed the whole load (exit 1, "Query read timeout", nothing loaded). It is
 * also the bound of such a command's transaction as a whole, so that a statement is not given up
 * while its transaction is still let run.
 */
export const COMMAND_QUERY_TIMEOUT_MS = 120_000;

export interface PrismaClientOptions {
  /** Asked on every new connection (Entra token auth, postgres-entra.ts); none: the URL's password. */
  readonly password?: () => Promise<string>;
  /** See QUERY_TIMEOUT_MS (a one-shot bulk command may allow its statements longer). */
  readonly queryTimeoutMs?: number;
  /** See CONNECT_TIMEOUT_MS and COMMAND_CONNECT_TIMEOUT_MS. */
  readonly connectTimeoutMs?: number;
}

/** What createPrismaClient gives a service's generated PrismaClient. */
export interface PrismaClientSettings {
  readonly adapter: PrismaPg;
  /**
   * maxWait: an interactive transaction's wait for its pooled connection, the pool's own
   * (CONNECT_TIMEOUT_MS). timeout: its whole run once it has one, the client's statement limit
   * (QUERY_TIMEOUT_MS, a command's COMMAND_QUERY_TIMEOUT_MS), not Prisma's own default (5 s), which
   * only happened to equal it: a request's transaction is part of one request, answered within a
   * client's patience however many statements it takes, and holds a pooled connection and its row
   * locks no longer than one statement may. One that needs longer says so with its own figure and
   * reason (the trip service's TRIP_DELETE_TRANSACTION_MS, the kit's consumer). Past it, its next
   * statement or commit fails with P2028 (a 503 with Retry-After) and it is rolled back.
   */
  readonly transactionOptions: { readonly maxWait: number; readonly timeout: number };
}

export const createPrismaClient = <C extends PrismaLike>(
  Client: new (options: PrismaClientSettings) => C,
  databaseUrl: string,
  poolSize = 10,
  { password, queryTimeoutMs = QUERY_TIMEOUT_MS, connectTimeoutMs = CONNECT_TIMEOUT_MS }: PrismaClientOptions = {},
): C => {
  const settings = { max: poolSize, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30_000, query_timeout: queryTimeoutMs, statement_timeout: queryTimeoutMs + STATEMENT_TIMEOUT_MARGIN_MS };
  const connection = password === undefined ? { connectionString: databaseUrl } : poolConfigWithPassword(databaseUrl, password);
  const pool = giveUpTimedOutConnections(new pg.Pool({ ...connection, ...settings }));
  return new Client({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: { maxWait: connectTimeoutMs, timeout: queryTimeoutMs } });
};

/**
 * A connection whose statement ran out of `query_timeout` is closed at once. node-postgres gives the
 * statement up but leaves it running on the connection and queues the next one behind it (pg 8.23
 * Client#query). Inside a transaction Prisma's ROLLBACK then waited a second time limit and timed
 * out unsent, and @prisma/adapter-pg 7.10 hands the connection back to the pool without an error
 * after a rollback: the next queries ran inside the abandoned transaction, answered as done and
 * never committed, and a stalled server's 503 came after 10 s, not 5 s (location service,
 * query-timeout-transaction.test.ts). Closed, the ROLLBACK fails at once, the pool drops the
 * connection, and PostgreSQL rolls the transaction back itself.
 */
const giveUpTimedOutConnections = (pool: pg.Pool): pg.Pool =>
  pool.on('connect', (client: pg.PoolClient) => {
    const query = client.query;
    client.query = function (this: pg.PoolClient, ...args: unknown[]) {
      const result: unknown = Reflect.apply(query, this, args);
      if (result instanceof Promise) result.catch((err: unknown) => err instanceof Error && err.message === QUERY_READ_TIMEOUT && void client.end().catch(() => undefined));
      return result;
    } as typeof client.query;
  });

/**
 * A service's own client, signed in as its config says: the URL's password, or in prod
 * (DATABASE_AUTH=entra) the pod's workload identity as the database user; started while Entra ID
 * gives no token, it is unready until one comes (databasePassword 'serve'). A step of the service's
 * start (start-watch.ts), before its app.
 */
export const servicePrismaClient = async <C extends PrismaLike>(
  Client: new (options: PrismaClientSettings) => C,
  config: { readonly databaseUrl: string; readonly databaseAuth: 'password' | 'entra' },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<C> =>
  startStep('postgresql client', async () => createPrismaClient(Client, config.databaseUrl, undefined, { password: await databasePassword(config, env, { atStart: 'serve' }) }));

export const prismaDatabase = (prisma: PrismaLike): Database => ({
  ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')),
  close: () => prisma.$disconnect(),
});
