/**
 * Process entry point of the location service (its image's ENTRYPOINT, `npm run dev`): serve,
 * `migrate`, or `load-places [file.json ...]` (its data set into DATABASE_URL).
 */
import { fileURLToPath } from 'node:url';
import { LOCATION_COMMANDS } from '@tripgen/catalog';
// The entry point module alone: `migrate` loads neither Fastify nor the Prisma client.
import { serviceMain } from '@tripgen/service-kit/main';

// The service's folder, the one above this module's: the same from src/server.ts (tsx) and from the
// bundle, dist/server.mjs; the image holds the migrations and the data set at the same places in it.
const serviceDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * A command's module, as a thread's is found: src/cli/<name>-command.ts from source (tsx),
 * dist/<name>-command.mjs beside the bundle (the kit's bundler builds every `*-command.ts` apart from
 * the server, so `serve` neither loads nor holds its code). A computed specifier: esbuild leaves it.
 */
const commandModule = (name: string): string =>
  (import.meta.url.endsWith('.ts') ? new URL(`./cli/${name}-command.ts`, import.meta.url) : new URL(`./${name}-command.mjs`, import.meta.url)).href;

await serviceMain({
  service: 'location',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  build: async () => (await import('./app.ts')).buildLocationService(),
  commands: {
    [LOCATION_COMMANDS.loadPlaces]: {
      args: '[file.json ...]',
      failed: 'place load failed',
      run: async (args) => ((await import(commandModule(LOCATION_COMMANDS.loadPlaces))) as typeof import('./cli/load-places-command.ts')).loadPlacesCommand(args, serviceDir),
    },
  },
});
