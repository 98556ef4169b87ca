/**
 * A Redis database of its own for each test process. The suite's files run at once against the
 * stack's one Redis server; in a shared database the anonymous rate-limit budget of 127.0.0.1
 * (100 a minute, every file's register and login requests) was spent by whichever files ran in the
 * same minute, and a file failed with 429s it did not cause. PostgreSQL already gets a database
 * per file (createTestDatabase); this is the same for Redis.
 *
 * The server counts the allocations (INCR, atomic across processes) and the database is emptied
 * when taken: scripts/stack-up.sh starts Redis with enough databases that an index comes round again
 * only after far more test files than the suite has. Synchronous (redis-cli) because tests read
 * the URL where they build an environment, outside any async hook.
 */
import { execFileSync } from 'node:child_process';
import { REDIS_TEST_DATABASE_COUNTER } from '@tripgen/catalog';
import { redisUrl as stackRedisUrl } from '@tripgen/dev-tools/local-stack';


const cli = (url: string, ...args: string[]): string => execFileSync('redis-cli', ['-u', url, ...args], { encoding: 'utf8' }).trim();

/** Database `1 + (n mod (databases - 1))` for the n-th allocation: never 0, where the counter lives. */
export const databaseIndex = (allocation: number, databases: number): number => {
  if (databases < 2) throw new Error(`Redis has ${databases} database(s); tests need more: restart it with scripts/stack-up.sh`);
  return 1 + (allocation % (databases - 1));
};

/** A database not handed out since the server's last `databases - 1` allocations, emptied. */
export const allocateDatabase = (): string => {
  const server = stackRedisUrl();
  const databases = Number(cli(server, 'CONFIG', 'GET', 'databases').split('\n')[1]);
  const index = databaseIndex(Number(cli(server, 'INCR', REDIS_TEST_DATABASE_COUNTER)), databases);
  const url = new URL(server);
  url.pathname = `/${index}`;
  cli(url.toString(), 'FLUSHDB');
  return url.toString();
};

let own: string | undefined;

/** The local stack's Redis URL with this process's own database (the same one on every call). */
export const redisUrl = (): string => (own ??= allocateDatabase());
