/**
 * `npm run places:load [-- file.json ...]`: upserts place data files (default: the data set shipped
 * in data/places/) into location_db, and deletes the places data/removed.json lists as removed
 * (whatever files are loaded: the list is the data set's, and a removed place stays removed). A command of the service, shipped in its image, so the
 * clusters run it as the local stack does:
 *   node --import tsx apps/location-service/src/cli/load-places.ts
 * DATABASE_URL names the database (DATABASE_AUTH=entra: the pod's Entra token as password, as the
 * service and the migration Job sign in); locally, with only the stack's DATABASE_URL_ADMIN set
 * (`source scripts/stack-env.sh`), the catalog's location database on that server.
 */
import { KIT_ENVIRONMENT, SERVICES } from '@tripgen/catalog';
import { ConfigError, createPrismaClient, databasePassword, readEnvironment } from '@tripgen/service-kit';
import path from 'node:path';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PlaceDataError, dataFiles, loadPlaces } from '../data/load.ts';

const databaseUrl = (): string => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!process.env.DATABASE_URL_ADMIN) throw new Error('DATABASE_URL is not set (locally: `source scripts/stack-env.sh` first)');
  const u = new URL(process.env.DATABASE_URL_ADMIN);
  u.pathname = `/${SERVICES.location.database}`;
  return u.toString();
};

// npm runs a workspace's script in the workspace folder: paths are relative to where it was typed.
const args = process.argv.slice(2).map((f) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f));
const files = args.length ? args : await dataFiles();
// In prod it signs in like its service (DATABASE_AUTH=entra: the workload identity's token), the
// variable read as the service reads it (a misspelt mode stops the command instead of trying a password).
const { values, problems } = readEnvironment({ DATABASE_AUTH: KIT_ENVIRONMENT.DATABASE_AUTH }, process.env);
if (problems.length) throw new ConfigError(problems);
const password = await databasePassword({ databaseAuth: values.DATABASE_AUTH === 'entra' ? 'entra' : 'password' });
const prisma = createPrismaClient(PrismaClient, databaseUrl(), 2, password);
try {
  const r = await loadPlaces(prisma, files);
  console.log(`places: ${r.places} in ${r.files} file(s): ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed`);
} catch (err) {
  console.error(err instanceof PlaceDataError ? err.message : err);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
