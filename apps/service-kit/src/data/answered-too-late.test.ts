/**
 * answeredTooLate (adapter-error.ts) tells a database that answered too late from one that refused or
 * is out of reach: the AI service's run of service goes on through the first (a loaded ai_db) and
 * ends at the second (served-since.ts). Real PostgreSQL, each error as node-postgres gives it (Prisma's
 * raw queries carry these unwrapped: the AI service's served-since tests meet them there).
 */
import { adminUrl, startTcpRelay, unreachableDatabaseUrl, waitFor } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { answeredTooLate } from './adapter-error.ts';

const failure = (p: Promise<unknown>): Promise<unknown> => p.then(() => expect.unreachable('the query succeeded'), (err: unknown) => err);
const closing: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
});

it('is true for the pool\'s wait outrun and for statement_timeout, false for a refused connection and a refused statement', async () => {
  // The pool's one connection busy past the wait for it (pg-pool's connectionTimeoutMillis).
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 1, connectionTimeoutMillis: 200 });
  closing.push(() => pool.end());
  const held = pool.query('SELECT pg_sleep(1)');
  const poolWait = await failure(pool.query('SELECT 1'));
  await held;
  // PostgreSQL's own limit on a statement (SQLSTATE 57014).
  const statement = await failure(pool.query("SET statement_timeout = '50ms'; SELECT pg_sleep(1)"));
  const refusedStatement = await failure(pool.query('SELECT * FROM no_such_table_here'));
  const down = new pg.Pool({ connectionString: unreachableDatabaseUrl(), max: 1, connectionTimeoutMillis: 2_000 });
  closing.push(() => down.end());
  const refusedConnection = await failure(down.query('SELECT 1'));
  expect({ poolWait: answeredTooLate(poolWait), statement: answeredTooLate(statement), refusedStatement: answeredTooLate(refusedStatement), refusedConnection: answeredTooLate(refusedConnection) }).toEqual({
    poolWait: true,
    statement: true,
    refusedStatement: false,
    refusedConnection: false,
  });
});

it('is true for a statement past the client\'s query limit and for a sign-in past the connect limit (a database that stopped answering), false for a connection the server closed', async () => {
  // node-postgres's query_timeout (the kit's QUERY_TIMEOUT_MS): the answer does not come in time.
  const limited = new pg.Pool({ connectionString: adminUrl(), max: 1, query_timeout: 100 });
  closing.push(() => limited.end());
  const queryLimit = await failure(limited.query('SELECT pg_sleep(1)'));
  // A database that stopped answering (a stalled relay: the connection open, nothing comes back): the sign-in outruns connectionTimeoutMillis.
  const relay = await startTcpRelay({ target: adminUrl() });
  closing.push(() => relay.close());
  relay.stall();
  const stalled = new pg.Pool({ connectionString: relay.via(adminUrl()), max: 1, connectionTimeoutMillis: 200 });
  closing.push(() => stalled.end());
  const signIn = await failure(stalled.query('SELECT 1'));
  relay.mend();
  // The server ends the session (an administrator, a failover): refused, not late.
  const own = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  closing.push(() => own.end());
  const client = await own.connect();
  client.on('error', () => undefined);
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const killer = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  closing.push(() => killer.end());
  const killed = failure(client.query('SELECT pg_sleep(5)'));
  await killer.query('SELECT pg_terminate_backend($1)', [pid]);
  const terminated = await killed;
  client.release(true);
  expect({ queryLimit: answeredTooLate(queryLimit), signIn: answeredTooLate(signIn), terminated: answeredTooLate(terminated) }, `${String(queryLimit)} / ${String(signIn)} / ${String(terminated)}`).toEqual({
    queryLimit: true,
    signIn: true,
    terminated: false,
  });
});

it('is false for a statement an operator cancelled (pg_cancel_backend: the same SQLSTATE 57014 as statement_timeout, another message), true for statement_timeout\'s', async () => {
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  closing.push(() => pool.end());
  const client = await pool.connect();
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const operator = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  closing.push(() => operator.end());
  const sleeping = failure(client.query('SELECT pg_sleep(30)'));
  // Cancelled once PostgreSQL runs it (a cancel before that finds nothing to cancel).
  await waitFor(async () => (await operator.query<{ active: boolean }>("SELECT state = 'active' AND query LIKE 'SELECT pg_sleep(30)%' AS active FROM pg_stat_activity WHERE pid = $1", [pid])).rows[0]?.active === true, 'the statement running', 10_000, 20);
  await operator.query('SELECT pg_cancel_backend($1)', [pid]);
  const userCancel = await sleeping;
  const timedOut = await failure(client.query("SET statement_timeout = '50ms'; SELECT pg_sleep(1)"));
  client.release();
  const seen = (err: unknown) => ({ code: (err as { code?: unknown }).code, message: (err as Error).message, late: answeredTooLate(err) });
  expect({ userCancel: seen(userCancel), timedOut: seen(timedOut) }).toEqual({
    userCancel: { code: '57014', message: 'canceling statement due to user request', late: false },
    timedOut: { code: '57014', message: 'canceling statement due to statement timeout', late: true },
  });
});
