// The kit's Prisma module alone, not its index: the index brings the app (Fastify, Redis, telemetry,
// Azure SDKs), about 2.5 s of import that every test file importing this package paid, used or not.
import { createPrismaClient, type PrismaLike } from '@tripgen/service-kit/prisma';

/**
 * The statement time limit of a PostgreSQL client a test makes itself, in place of the services'
 * QUERY_TIMEOUT_MS. That limit gives up on a server that stopped answering; a test's own
 * statements are seeds at volume, VACUUM, and the plain query a tuned one is checked against, on one
 * PostgreSQL that two test files share on two cores. Under the services' limit a 200,000-row seed
 * (3.6 s alone here) and a 30,000-place reference search timed out when CI ran them side by side
 * (stop 45). A statement that truly hangs still fails, with the test's name, well within its timeout.
 */
const TEST_QUERY_TIMEOUT_MS = 60_000;

/**
 * A Prisma client for a test's own reads and writes: the kit's pool (createPrismaClient) with
 * TEST_QUERY_TIMEOUT_MS. Only a test of the services' limit itself uses createPrismaClient directly
 * (eslint.config.js holds the rule).
 */
export const testPrismaClient = <C extends PrismaLike>(
  Client: Parameters<typeof createPrismaClient<C>>[0],
  databaseUrl: string,
  poolSize?: number,
): C => createPrismaClient(Client, databaseUrl, poolSize, { queryTimeoutMs: TEST_QUERY_TIMEOUT_MS });
