/**
 * Where each region of the catalog lies: a place outside its region's box is a data error (a
 * typo or swapped coordinates), and the OSM importer assigns regions by them. Boxes enclose the
 * administrative areas with a small margin: Seoul Special City; Jeju Province with its islands
 * (Udo, Marado, Chujado).
 */
import type { PlaceRegion } from '@tripgen/catalog';

export interface Box {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

export const REGION_BOXES: Readonly<Record<PlaceRegion, Box>> = {
  seoul: { south: 37.41, west: 126.73, north: 37.72, east: 127.27 },
  jeju: { south: 33.1, west: 126.1, north: 34.0, east: 127.0 },
};

export const inBox = (box: Box, lat: number, lng: number): boolean => lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;

/** The region whose box holds the point, if any. */
export const regionOf = (lat: number, lng: number): PlaceRegion | undefined =>
  (Object.keys(REGION_BOXES) as PlaceRegion[]).find((r) => inBox(REGION_BOXES[r], lat, lng));
