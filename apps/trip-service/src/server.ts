/** Process entry point of the trip service (its image's ENTRYPOINT, `npm run dev`): serve, or `migrate`. */
import { fileURLToPath } from 'node:url';
// The entry point module alone: `migrate` loads neither Fastify nor the Prisma client.
import { serviceMain } from '@tripgen/service-kit/main';

await serviceMain({
  service: 'trip',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  build: async () => (await import('./app.ts')).buildTripService(),
});
