import type { TravelMode } from '../realworld/travel.ts';
import { CachedTravelTimeProvider } from './cache.ts';
import { FallbackTravelTimeProvider } from './fallback.ts';
import { OsrmTableProvider } from './osrm.ts';
import { haversineProvider, type TravelTimeProvider } from './provider.ts';

/** Which travel-time source to use, as a service's configuration names it. */
export type RoutingConfig =
  | { router: 'haversine' }
  | {
      router: 'osrm';
      /** Base URL of osrm-routed. */
      url: string;
      /** For a whole matrix; then the haversine model answers. Default 2,000 ms. */
      timeoutMs?: number;
      /** The server's --max-table-size. Default 100. */
      maxTableSize?: number;
      /** OSRM profile per mode. Default walk: foot, car: driving (transit: the model). */
      profiles?: Partial<Record<TravelMode, string>>;
      /** Matrix cache bound in cells. Default 2,000,000. */
      cacheCells?: number;
      fetch?: typeof fetch;
    };

/**
 * The provider a configuration asks for: the haversine model, or OSRM behind a matrix cache with
 * the model as fallback.
 */
export function createTravelTimeProvider(config: RoutingConfig = { router: 'haversine' }): TravelTimeProvider {
  if (config.router === 'haversine') return haversineProvider;
  const osrm = new OsrmTableProvider({
    url: config.url,
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.maxTableSize !== undefined ? { maxTableSize: config.maxTableSize } : {}),
    ...(config.profiles ? { profiles: config.profiles } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
  return new FallbackTravelTimeProvider(new CachedTravelTimeProvider(osrm, config.cacheCells !== undefined ? { maxCells: config.cacheCells } : {}));
}
