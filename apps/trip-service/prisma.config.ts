// Prisma CLI settings for `prisma generate` (the database URL is only needed by the migrate script,
// which reads DATABASE_URL itself).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma',
  migrations: { path: 'prisma/migrations' },
});
