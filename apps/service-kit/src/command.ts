/**
 * What a service's one-shot command module (`src/cli/<name>-command.ts`, bundled apart from the
 * server: bundle-service.mjs) needs of the kit: its errors, its reading of the environment and a
 * Prisma client signing in as the service does. Imported through `@tripgen/service-kit/command`, not
 * the kit's index: the index brings the app (Fastify, Redis, telemetry, auth), whose packages a command
 * module (an entry of its own, linking every package its code and the chunks it imports import) would
 * otherwise load and hold on every run.
 */
export { CommandError } from './command-error.ts';
export { ConfigError, readEnvironment } from './config.ts';
export { COMMAND_CONNECT_TIMEOUT_MS, COMMAND_QUERY_TIMEOUT_MS, createPrismaClient } from './data/prisma.ts';
export { databasePassword } from './data/postgres-entra.ts';
