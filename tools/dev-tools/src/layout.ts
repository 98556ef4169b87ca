/**
 * Where things are in the repository, for the tools that run it on this machine (npm run dev,
 * npm run migrate, bench:api) and the tests that start services as processes. The shipped code
 * never needs these paths: a service's image knows its own entry, and its migrations sit beside it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LOCATION_COMMANDS, SERVICE_NAMES, workloadName, type ServiceName } from '@tripgen/catalog';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** The entry file of a service, relative to the repository root (its image's ENTRYPOINT runs the same). */
export const serviceEntry = (service: ServiceName): string => path.join('apps', workloadName(service), 'src', 'server.ts');

/**
 * The location service's place loader (`npm run places:load`): its entry file, relative to the
 * repository root, and the command, as its image runs the bundle (`node dist/server.mjs load-places`).
 */
export const PLACE_LOADER: readonly string[] = [serviceEntry('location'), LOCATION_COMMANDS.loadPlaces];

/** The Prisma schema folder of a service (absolute). */
export const servicePrismaDir = (service: ServiceName): string => path.join(REPO_ROOT, 'apps', workloadName(service), 'prisma');

/** The committed Prisma migrations of a service (absolute). */
export const serviceMigrationsDir = (service: ServiceName): string => path.join(servicePrismaDir(service), 'migrations');

/** The services whose code exists (the catalog names all four, some may not be built yet). */
export const existingServices = (): ServiceName[] => SERVICE_NAMES.filter((s) => existsSync(path.join(REPO_ROOT, serviceEntry(s))));
