/**
 * PostgreSQL through Prisma 7's driver adapter (`pg`), no native query engine. Each service
 * passes its own generated PrismaClient class; the kit owns the pool settings and the ping.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type { Database } from '../app.ts';
import { databasePassword, poolConfigWithPassword } from './postgres-entra.ts';

interface PrismaLike {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/**
 * `password`: a callback asked on every new connection (Entra token auth, postgres-entra.ts);
 * without it the URL's password is used.
 */
export const createPrismaClient = <C extends PrismaLike>(
  Client: new (options: { adapter: PrismaPg }) => C,
  databaseUrl: string,
  poolSize = 10,
  password?: () => Promise<string>,
): C => {
  const pool = { max: poolSize, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000 };
  const connection = password === undefined ? { connectionString: databaseUrl } : poolConfigWithPassword(databaseUrl, password);
  return new Client({ adapter: new PrismaPg({ ...connection, ...pool }) });
};

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
