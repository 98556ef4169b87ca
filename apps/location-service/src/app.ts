/**
 * The location service: places of Seoul and Jeju in PostGIS, their opening hours (OpenStreetMap
 * syntax, Korean public holidays) and geographic and text search; the trip and AI services read
 * them through the internal routes, and location-search-queue warms a destination's candidates.
 * Everything else comes from the service kit.
 */
import { createApp, loadConfig, prismaDatabase, remoteTokenVerifier, servicePrismaClient, type App } from '@tripgen/service-kit';
import { serviceBusBrokerFromEnv } from '@tripgen/service-kit/messaging';
import type { FastifyServerOptions } from 'fastify';
import { PrismaClient } from './generated/prisma/client.ts';
import { LOCATION_CACHE_SHAPE, placeRepository, type PlaceRepositoryOptions } from './domain/places.ts';
import { consumeLocationSearches } from './domain/warm-up.ts';
import { internalRoutes } from './routes/internal.ts';
import { locationRoutes } from './routes/locations.ts';

export interface BuildOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: FastifyServerOptions['logger'];
  readonly places?: PlaceRepositoryOptions;
}

export const buildLocationService = async (opts: BuildOptions = {}): Promise<App> => {
  const env = opts.env ?? process.env;
  const config = loadConfig({ service: 'location' }, env);
  const prisma = await servicePrismaClient(PrismaClient, config, env);
  const verifier = remoteTokenVerifier(config);
  return createApp({
    config,
    database: prismaDatabase(prisma),
    verifier,
    cacheShape: LOCATION_CACHE_SHAPE,
    logger: opts.logger,
    domain: async (app) => {
      const places = placeRepository(prisma, app.kit.cache, opts.places);
      app.addHook('onClose', async () => places.close());
      await app.register(locationRoutes, { places });
      await app.register(internalRoutes, { places });
      // Consumers start once HTTP is ready and stop taking messages when the drain starts (kit.onDrain);
      // the broker closes after HTTP has drained and they have finished (kit shutdown order).
      const broker = await serviceBusBrokerFromEnv(env, { logger: app.log });
      app.kit.onStart('location search consumer', async () => {
        const warmUp = await consumeLocationSearches(broker, prisma, places, app.log, (e) => app.kit.metrics.messagesConsumed.inc({ queue: e.queue, outcome: e.outcome }));
        app.kit.onDrain(() => warmUp.close(), 'location search consumer');
        app.kit.onShutdown(() => broker.close(), 'service bus');
      });
    },
  });
};
