/**
 * Travel-time model for real places: great-circle (haversine) distance, stretched by a detour
 * factor because streets are not straight lines, divided by the mode's average door-to-door speed,
 * plus a fixed overhead per leg (walking to the stop and waiting; parking). Rounded UP to whole
 * minutes so a plan never promises a faster leg than the model.
 *
 * | mode    | speed km/h | detour | overhead min | note                                         |
 * |---------|-----------:|-------:|-------------:|----------------------------------------------|
 * | walk    |        4.8 |   1.25 |            0 | typical urban walking pace                   |
 * | transit |       18   |   1.30 |            8 | never slower than walking (short legs walk)  |
 * | car     |       25   |   1.35 |            5 | urban average incl. traffic lights, parking  |
 */
import { EPSILON } from '../core/tolerance.ts';

export type TravelMode = 'walk' | 'transit' | 'car';

export interface TravelModeSpec {
  speedKmh: number;
  detourFactor: number;
  overheadMinutes: number;
}

export const TRAVEL_MODES: Readonly<Record<TravelMode, TravelModeSpec>> = {
  walk: { speedKmh: 4.8, detourFactor: 1.25, overheadMinutes: 0 },
  transit: { speedKmh: 18, detourFactor: 1.3, overheadMinutes: 8 },
  car: { speedKmh: 25, detourFactor: 1.35, overheadMinutes: 5 },
};

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function legMinutes(km: number, spec: TravelModeSpec): number {
  return spec.overheadMinutes + ((km * spec.detourFactor) / spec.speedKmh) * 60;
}

/** Whole minutes to travel from a to b (0 for the same spot). */
export function travelMinutes(a: LatLng, b: LatLng, mode: TravelMode): number {
  const km = haversineKm(a, b);
  if (km < 1e-6) return 0;
  let minutes = legMinutes(km, TRAVEL_MODES[mode]);
  if (mode === 'transit') minutes = Math.min(minutes, legMinutes(km, TRAVEL_MODES.walk));
  // The tolerance stops float noise (e.g. 12.000000001) from costing a whole minute.
  return Math.ceil(minutes - EPSILON);
}
