/**
 * Where each region of the catalog lies: a place outside its region's box is a data error (a
 * typo or swapped coordinates), and the OSM importer assigns regions by them (and, where a box takes
 * in its neighbours, by the region's boundary in the export). Boxes enclose the
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

/**
 * The regions whose box takes in other places' land, with the ISO 3166-2 code of their boundary (OSM
 * tags a province's boundary relation with it, `ISO3166-2=KR-11`): a point of the box is in the
 * region only inside that boundary. Seoul's box holds parts of Bucheon, Gwangmyeong, Goyang, Guri,
 * Hanam, Seongnam and Gwacheon; Jeju's holds only Jeju and sea.
 */
export const REGION_BOUNDARIES: Readonly<Partial<Record<PlaceRegion, string>>> = { seoul: 'KR-11' };

export const inBox = (box: Box, lat: number, lng: number): boolean => lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;

/** The region whose box holds the point, if any. */
export const regionOf = (lat: number, lng: number): PlaceRegion | undefined =>
  (Object.keys(REGION_BOXES) as PlaceRegion[]).find((r) => inBox(REGION_BOXES[r], lat, lng));
