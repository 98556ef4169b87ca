/**
 * The entry point's `load-places [file.json ...]` (catalog LOCATION_COMMANDS): upserts place data
 * files (default: the data set's data/places/) into location_db, and deletes the places the data
 * set's data/removed.json lists as removed (whatever files are loaded: the list is the data set's,
 * and a removed place stays removed). It is a command of the service's bundle, so the image runs it
 * with nothing but the bundle and the data set:
 *   node apps/location-service/dist/server.mjs load-places
 * and `npm run places:load` runs the same command from source. DATABASE_URL names the database
 * (DATABASE_AUTH=entra: the pod's Entra token as password, as the service and the migration Job sign
 * in); locally, with only the stack's DATABASE_URL_ADMIN set (`source scripts/stack-env.sh`), the
 * catalog's location database on that server. The entry point imports this module only for the command.
 */
import path from 'node:path';
import { KIT_ENVIRONMENT, SERVICES } from '@tripgen/catalog';
import { COMMAND_CONNECT_TIMEOUT_MS, COMMAND_QUERY_TIMEOUT_MS, CommandError, ConfigError, createPrismaClient, databasePassword, readEnvironment } from '@tripgen/service-kit/command';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PlaceDataError, dataFiles, loadPlaces, placeDataSet } from '../data/load.ts';

const databaseUrl = (): string => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!process.env.DATABASE_URL_ADMIN) throw new ConfigError(['DATABASE_URL is required (locally: `source scripts/stack-env.sh` first)']);
  const u = new URL(process.env.DATABASE_URL_ADMIN);
  u.pathname = `/${SERVICES.location.database}`;
  return u.toString();
};

/**
 * Loads `args` (paths; none: the place files of the data set in `serviceDir`, the service's folder as
 * the entry point finds it) and prints what it did.
 */
export const loadPlacesCommand = async (args: readonly string[], serviceDir: string): Promise<void> => {
  const dataSet = placeDataSet(serviceDir);
  // npm runs a script in its package's folder: paths are relative to where it was typed (INIT_CWD).
  const files = args.length ? args.map((f) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f)) : await dataFiles(dataSet.placesDir);
  // In prod it signs in like its service (DATABASE_AUTH=entra: the workload identity's token), the
  // variable read as the service reads it (a misspelt mode stops the command instead of trying a password).
  const { values, problems } = readEnvironment({ DATABASE_AUTH: KIT_ENVIRONMENT.DATABASE_AUTH }, process.env);
  if (problems.length) throw new ConfigError(problems);
  const url = databaseUrl();
  const password = await databasePassword({ databaseAuth: values.DATABASE_AUTH === 'entra' ? 'entra' : 'password' });
  // Run once by hand: it waits for a slow server's connection (COMMAND_CONNECT_TIMEOUT_MS), not a
  // request's 2 s, and for its bulk statements on a busy database (COMMAND_QUERY_TIMEOUT_MS), not a request's 5 s.
  const prisma = createPrismaClient(PrismaClient, url, 2, { password, connectTimeoutMs: COMMAND_CONNECT_TIMEOUT_MS, queryTimeoutMs: COMMAND_QUERY_TIMEOUT_MS });
  try {
    const r = await loadPlaces(prisma, files, dataSet.removedFile);
    console.log(`places: ${r.places} in ${r.files} file(s): ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed`);
  } catch (err) {
    // Every bad row named (file, row, id): the operator's to fix from the list alone.
    throw err instanceof PlaceDataError ? new CommandError(err.message) : err;
  } finally {
    await prisma.$disconnect();
  }
};
