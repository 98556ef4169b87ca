import { haversineMatrix, type TravelTimeMatrix } from '../realworld/travel-matrix.ts';
import type { LatLng, TravelMode } from '../realworld/travel.ts';

/**
 * Where travel times come from: one matrix per request and mode. Fetching is the async step
 * before planning; planItinerary / replanDay stay pure and synchronous and take the result in
 * `request.travelTimes`.
 */
export interface TravelTimeProvider {
  /** Name reported in TravelTimeMatrix.source ('haversine', 'osrm'). */
  readonly name: string;
  matrix(points: ReadonlyArray<LatLng>, mode: TravelMode, options?: { signal?: AbortSignal }): Promise<TravelTimeMatrix>;
}

/** A router that did not give a usable answer (its error code when it sent one). */
export class RoutingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}

/** The built-in model (travel.ts): no I/O, always answers. The default provider. */
export const haversineProvider: TravelTimeProvider = {
  name: 'haversine',
  matrix: async (points, mode) => haversineMatrix(points, mode),
};
