import type { LatLng, TravelMode } from '../realworld/travel.ts';
import { haversineMatrix, type TravelTimeMatrix } from '../realworld/travel-matrix.ts';
import { RoutingError, type TravelTimeProvider } from './provider.ts';

/**
 * The router when it answers, else the haversine model with `fallback: true` and the router's
 * error in `detail` (a plan is always made; PlanResult.travel says how). The router's own timeout
 * bounds the wait. A mode the router has no profile for is served by the model without the flag.
 */
export class FallbackTravelTimeProvider implements TravelTimeProvider {
  readonly name: string;
  fallbacks = 0;

  constructor(private readonly router: TravelTimeProvider) {
    this.name = router.name;
  }

  async matrix(points: ReadonlyArray<LatLng>, mode: TravelMode, options?: { signal?: AbortSignal }): Promise<TravelTimeMatrix> {
    try {
      return await this.router.matrix(points, mode, options);
    } catch (error) {
      // A mode the router does not serve by design (transit on OSRM) is the model's job, not a failure.
      if (error instanceof RoutingError && error.code === 'NoProfile') return { ...haversineMatrix(points, mode), detail: error.message };
      this.fallbacks++;
      return { ...haversineMatrix(points, mode), fallback: true, detail: `${this.router.name}: ${(error as Error).message}` };
    }
  }
}
