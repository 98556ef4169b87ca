/**
 * PostgreSQL through Prisma 7's driver adapter (`pg`), no native query engine. Each service
 * passes its own generated PrismaClient class; the kit owns the pool settings and the ping.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type { Database } from '../app.ts';

interface PrismaLike {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export const createPrismaClient = <C extends PrismaLike>(
  Client: new (options: { adapter: PrismaPg }) => C,
  databaseUrl: string,
  poolSize = 10,
): C =>
  new Client({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000 }),
  });

export const prismaDatabase = (prisma: PrismaLike): Database => ({
  ping: async () => void (await prisma.$queryRawUnsafe('SELECT 1')),
  close: () => prisma.$disconnect(),
});
