/**
 * OpenStreetMap elements exported as GeoJSON (`osmium export`, or Overpass through osmtogeojson /
 * overpass turbo) to place rows: names from `name`, `name:en`, `name:ko`; a category from the
 * tourism/amenity/leisure/historic/natural/shop tags; the `opening_hours` tag as it is (but for a
 * comment giving a last order or entry, read into lastEntryMinutes); the OSM id
 * and the ODbL licence kept as provenance. Elements that cannot become a usable place are skipped
 * and counted by reason; nothing is invented (no English name, no opening hours: skipped).
 */
import type { PlaceCategory, PlaceRegion } from '@tripgen/catalog';
import pointInPolygon from 'point-in-polygon-hao';
import { isLastEntry, isUnreadLastEntry, lastEntryAt, lastEntryGap } from '../domain/last-entry.ts';
import { commentedIntervals, commentsOf, isCalendarDate, openBeforeComments, openingHoursProblem, withoutComments, type Coordinates } from '../domain/opening-hours.ts';
import { REGION_BOUNDARIES, regionOf } from '../domain/regions.ts';
import { LAST_ENTRY_MAX_MINUTES, type PlaceRecord } from '../domain/schemas.ts';
import { checkPlaceRecord } from './place-record.ts';

type Tags = Readonly<Record<string, string>>;

/** Tag → category, most specific first; the first rule that matches wins. */
const CATEGORY_RULES: readonly (readonly [PlaceCategory, (t: Tags) => boolean])[] = [
  ['palace', (t) => t.historic === 'palace' || t.building === 'palace' || (t.historic === 'castle' && ['palace', 'stately'].includes(t.castle_type ?? ''))],
  ['theme-park', (t) => ['theme_park', 'zoo', 'aquarium'].includes(t.tourism ?? '') || t.leisure === 'water_park'],
  ['museum', (t) => t.tourism === 'museum' || t.tourism === 'gallery'],
  ['temple', (t) => (t.amenity === 'place_of_worship' && ['buddhist', 'confucian', 'shinto'].includes(t.religion ?? '')) || t.historic === 'temple'],
  ['market', (t) => t.amenity === 'marketplace'],
  ['beach', (t) => t.natural === 'beach' || t.leisure === 'beach_resort'],
  ['viewpoint', (t) => t.tourism === 'viewpoint' || (t.man_made === 'tower' && t['tower:type'] === 'observation')],
  ['nature', (t) => ['peak', 'volcano', 'cave_entrance', 'waterfall', 'cliff', 'crater', 'cape', 'bay', 'gorge'].includes(t.natural ?? '') || t.waterway === 'waterfall' || t.leisure === 'nature_reserve' || t.boundary === 'national_park'],
  ['park', (t) => t.leisure === 'park' || t.leisure === 'garden'],
  ['shopping', (t) => ['mall', 'department_store'].includes(t.shop ?? '')],
  ['restaurant', (t) => t.amenity === 'restaurant' || t.amenity === 'food_court'],
  ['cafe', (t) => t.amenity === 'cafe'],
  ['street', (t) => t.highway === 'pedestrian' || (t.tourism === 'attraction' && ['quarter', 'neighbourhood'].includes(t.place ?? ''))],
  ['landmark', (t) => t.tourism === 'attraction' || ['monument', 'memorial', 'city_gate', 'gate', 'building', 'fort', 'castle'].includes(t.historic ?? '')],
];

/**
 * A key may hold several values separated by ";" (OSM wiki, "Semi-colon value separator":
 * `amenity=cafe;restaurant`, `tourism=museum;gallery`, a space after the ";" allowed). The tags are
 * read as their values in turn: the i-th reading gives each key its i-th value (its last when it has
 * fewer), and the category is that of the first reading a rule knows: the first value it knows
 * decides (`cafe;restaurant` is a cafe, `bench;cafe` too). The wiki gives the values no order of
 * importance; the first is the one a consumer reading a single value takes, and a stable choice.
 */
const readings = (t: Tags): Tags[] => {
  const values = Object.entries(t).map(([k, v]) => [k, v.split(';').map((x) => x.trim())] as const);
  const n = Math.max(1, ...values.map(([, vs]) => vs.length));
  return Array.from({ length: n }, (_, i) => Object.fromEntries(values.map(([k, vs]) => [k, vs[Math.min(i, vs.length - 1)]!])));
};

const categoryOf = (t: Tags): PlaceCategory | undefined => {
  for (const reading of readings(t)) {
    const rule = CATEGORY_RULES.find(([, matches]) => matches(reading));
    if (rule) return rule[0];
  }
  return undefined;
};

/** Typical visit length by category when OSM says nothing about it (minutes). */
export const DEFAULT_VISIT_MINUTES: Readonly<Record<PlaceCategory, number>> = {
  palace: 90,
  museum: 90,
  market: 60,
  park: 60,
  viewpoint: 45,
  temple: 40,
  street: 60,
  beach: 90,
  nature: 90,
  restaurant: 60,
  cafe: 45,
  shopping: 60,
  'theme-park': 240,
  landmark: 30,
};

/** OSM has no ratings: imported places get the middle of the scale until someone rates them. */
export const IMPORTED_RATING = 3;
export const OSM_SOURCE = 'OpenStreetMap';
export const OSM_LICENCE = 'ODbL-1.0';

export type SkipReason =
  | 'not an OSM element (no node/way/relation id)'
  | 'duplicate element'
  | 'no usable geometry'
  | 'outside every region'
  | 'no boundary of its region in the export (ISO3166-2)'
  | 'boundary of a region (read, not a place)'
  | 'no category tag'
  | 'no English name (name:en)'
  | 'no Korean name (name:ko)'
  | 'no opening_hours'
  | 'opening_hours cannot be evaluated'
  | 'a last entry in its opening_hours that cannot be read'
  | 'a last entry in its opening_hours that cannot be used (at or after the close, or before closing on an open end)'
  | 'invalid place'
  | 'already in the data set (same name within 1 km)'
  | 'removed from the data set (data/removed.json)'
  | 'same place as an area of the export (same name, inside it)';

export interface ImportReport {
  readonly places: PlaceRecord[];
  readonly skipped: Partial<Record<SkipReason, number>>;
  readonly elements: number;
  /** The comments of skipped elements' hours that speak of a last entry the importer cannot read, each once, sorted. */
  readonly unreadLastEntries: string[];
  /** The last-entry comments of skipped elements' hours that are read but cannot be used (lastEntryOf), each once, sorted. */
  readonly unusableLastEntries: string[];
}

interface Feature {
  type?: unknown;
  id?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

const OSM_TYPES: Readonly<Record<string, 'node' | 'way' | 'relation'>> = { n: 'node', node: 'node', w: 'way', way: 'way', r: 'relation', relation: 'relation' };

/**
 * An osmium area id ("a246" of --add-unique-id=type_id) is not the element's id: libosmium numbers
 * the area of way W as 2W and that of relation R as 2R + 1 (object_id_to_area_id), so "a246" is way
 * 123 and "a15401" relation 7700. BigInt: the halving must be exact whatever the id's size.
 */
const areaElement = (areaId: string): { type: 'way' | 'relation'; id: string } => {
  const n = BigInt(areaId);
  return n % 2n === 0n ? { type: 'way', id: String(n / 2n) } : { type: 'relation', id: String((n - 1n) / 2n) };
};

/**
 * The element's type and id, from any of the exports' spellings: feature id "node/123" (Overpass),
 * "n123" / "w123" / "a246" (osmium --add-unique-id=type_id, "a" for areas), or properties "@type" + "@id" (osmium -a type,id),
 * "@id": "node/123" (overpass turbo) or "type" + "id" (osmtogeojson).
 */
const elementOf = (f: Feature): { type: 'node' | 'way' | 'relation'; id: string } | undefined => {
  const p = f.properties ?? {};
  const candidates = [f.id, p['@id'], typeof p['@type'] === 'string' ? `${p['@type']}/${String(p['@id'])}` : undefined, typeof p.type === 'string' ? `${p.type}/${String(p.id)}` : undefined];
  for (const c of candidates) {
    const m = typeof c === 'string' ? /^(node|way|relation|[nwra])\/?(\d+)$/.exec(c) : undefined;
    if (m) return m[1] === 'a' ? areaElement(m[2]!) : { type: OSM_TYPES[m[1]!]!, id: m[2]! };
  }
  return undefined;
};

/** Tags: flat in properties (osmium, overpass turbo) or under properties.tags (osmtogeojson). */
const tagsOf = (f: Feature): Tags => {
  const p = f.properties ?? {};
  const source = p.tags && typeof p.tags === 'object' ? (p.tags as Record<string, unknown>) : p;
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].startsWith('@')));
};

type Position = readonly [number, number];
const isPosition = (x: unknown): x is Position => Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number' && Number.isFinite(x[0]) && Number.isFinite(x[1]);

/**
 * Area centroid of a ring (shoelace formula), written here because it is one formula and a GIS
 * library for it would bring a dozen packages; small enough rings fall back to the vertex mean.
 */
const ringCentroid = (ring: readonly Position[]): { lat: number; lng: number; area: number } => {
  // Relative to the first vertex: products of raw degrees (126 × 37) would cancel away the decimals.
  const [ox, oy] = ring[0]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = ring[i]![0] - ox;
    const y0 = ring[i]![1] - oy;
    const x1 = ring[i + 1]![0] - ox;
    const y1 = ring[i + 1]![1] - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(a) < 1e-14) {
    const n = ring.length;
    return { lng: ring.reduce((s, p) => s + p[0], 0) / n, lat: ring.reduce((s, p) => s + p[1], 0) / n, area: 0 };
  }
  return { lng: ox + cx / (3 * a), lat: oy + cy / (3 * a), area: Math.abs(a / 2) };
};

/**
 * Where an element is: a representative point (the point itself, the middle vertex of a line, the
 * centroid of the largest outer ring) and, for an area, its outer rings and their size (square
 * degrees, to compare areas only).
 */
interface Shape {
  readonly lat: number;
  readonly lng: number;
  readonly rings: readonly Position[][];
  readonly area: number;
}

const shapeOf = (g: Feature['geometry']): Shape | undefined => {
  if (!g || typeof g.type !== 'string') return undefined;
  const c = g.coordinates;
  const rings: Position[][] = [];
  switch (g.type) {
    case 'Point':
      return isPosition(c) ? { lng: c[0], lat: c[1], rings, area: 0 } : undefined;
    case 'LineString':
    case 'MultiPoint': {
      const pts = Array.isArray(c) ? c.filter(isPosition) : [];
      const mid = pts[Math.floor(pts.length / 2)];
      return mid ? { lng: mid[0], lat: mid[1], rings, area: 0 } : undefined;
    }
    case 'Polygon':
      if (Array.isArray(c) && Array.isArray(c[0])) rings.push((c[0] as unknown[]).filter(isPosition));
      break;
    case 'MultiPolygon':
      if (Array.isArray(c)) for (const poly of c) if (Array.isArray(poly) && Array.isArray(poly[0])) rings.push((poly[0] as unknown[]).filter(isPosition));
      break;
    default:
      return undefined;
  }
  const usable = rings.filter((r) => r.length >= 3);
  const centroids = usable.map(ringCentroid);
  const largest = [...centroids].sort((x, y) => y.area - x.area)[0];
  return largest ? { lat: largest.lat, lng: largest.lng, rings: usable, area: centroids.reduce((sum, r) => sum + r.area, 0) } : undefined;
};

/**
 * The outer rings as the point-in-polygon package takes them, each a polygon of its own: holes are
 * left out (a node in a courtyard is still the palace); a ring is closed (GeoJSON requires it, the
 * package throws without it).
 */
const outlineOf = (rings: readonly Position[][]): number[][][][] =>
  rings.map((ring) => {
    const [first, last] = [ring[0]!, ring.at(-1)!];
    const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
    return [closed.map(([x, y]) => [x, y])];
  });

/** On the edge counts as inside. */
const isInside = (outline: readonly number[][][][], at: { lat: number; lng: number }): boolean => outline.some((polygon) => pointInPolygon([at.lng, at.lat], polygon) !== false);

/**
 * OSM has no key for a last entry: mappers write it as a comment, `Mo-Su 11:00-22:00 "last order
 * 21:00"`, and in Korea as often in Korean, `"라스트오더 21:00"`, `"입장마감 17:00"`. A comment with no
 * state makes those times unknown, which the service counts as closed (a plan must work on the day),
 * so such a place was imported and never planned. A last order, entry or admission at HH:MM, or so
 * long before the close ("last order 1 hour before closing", "입장마감 마감 30분 전"), is read into
 * lastEntryMinutes as the data set defines it (data/README.md: the gap to the close, one figure, the
 * larger where the intervals differ), and its rule is made `open` (`Mo-Su 11:00-22:00 open "last
 * order 21:00"`): its times evaluate as open, and the service gives each date's intervals their own
 * rule's last entry where the rules' differ (a Saturday night's 30 minutes, the weekdays' 60); the
 * row's note keeps the tag as OSM has it. Other comments stay, their times unknown. A last entry read
 * that cannot be used (at or after its close, past the schema's LAST_ENTRY_MAX_MINUTES, or "1 hour before closing"
 * on an open end) skips the element, counted and listed, as an unread one does (lastEntryOf).
 */
/** The days read for the comments' intervals: a year, for seasonal rules. */
const LAST_ENTRY_DAYS = 366;

/**
 * A row's last entry from the comments of its hours; `unusable` the last-entry comments read that no
 * evaluation can use: at or after their interval's close, or beyond the schema's LAST_ENTRY_MAX_MINUTES (kept, the
 * comment left its times unknown: never planned), or so long before closing on an open end, whose close
 * is only guessed (no minute to count from). A clock time on an open end is the service's to read (opening-hours.ts).
 */
type LastEntryReading = { readonly hours: string; readonly lastEntryMinutes: number } | { readonly unusable: readonly string[] };

const lastEntryOf = (hours: string, from: string, at: Coordinates): LastEntryReading | undefined => {
  const without = withoutComments(hours, isLastEntry);
  // No such comment, or hours the package cannot read (skipped below, as they were).
  if (without === hours || openingHoursProblem(hours)) return undefined;
  const opened = openBeforeComments(hours, isLastEntry);
  const gaps: number[] = [];
  const unusable = new Set<string>();
  // At the element's own place: a close at sunset is Seoul's (17:14-19:57 over a year), not the package's default 18:00.
  for (const { comment, open, close } of commentedIntervals(hours, from, LAST_ENTRY_DAYS, at)) {
    if (close === undefined) {
      if (isLastEntry(comment) && lastEntryAt(comment, open) === undefined) unusable.add(comment);
      continue;
    }
    const gap = lastEntryGap(comment, open, close);
    if (gap === undefined) continue;
    if (gap < 1 || gap > LAST_ENTRY_MAX_MINUTES) unusable.add(comment);
    else gaps.push(gap);
  }
  if (unusable.size) return { unusable: [...unusable] };
  if (!gaps.length) return undefined;
  // A comment alone, with no times of its own, says no hours: as before.
  return without && !openingHoursProblem(opened) ? { hours: opened, lastEntryMinutes: Math.max(...gaps) } : undefined;
};

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/** Rounded to 7 decimals (about 1 cm): OSM's own precision, and stable output. */
const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

/** What tells one place from another here: its names and where it is. */
type Whereabouts = Pick<PlaceRecord, 'name' | 'nameKo' | 'lat' | 'lng'>;

export interface ImportOptions {
  /** The date the export was taken (provenance), YYYY-MM-DD. */
  readonly retrievedOn: string;
  /**
   * The places the service already has (the curated data/places/): an element that is one of them
   * is skipped. Its OSM id never equals a curated id, so without this the load would add the place
   * a second time, with OSM's hours instead of the curated ones (no last entry, no moved closing days).
   */
  readonly existing?: readonly Whereabouts[];
  /**
   * The places taken out of the data set (data/removed.json): an element that is one of them is
   * skipped. The list names curated ids, which an OSM id never is, so without this a place removed
   * for a reason (Manjanggul, closed since 2023) would come back under its OSM id.
   */
  readonly removed?: readonly Whereabouts[];
}

/** Names compared without case, spaces or punctuation ("N Seoul Tower" = "n-seoul tower"). */
const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** A place's names as compared: two places of the same name have a key in common (English or Korean). */
const nameKeys = (p: Whereabouts): string[] => [`en:${nameKey(p.name)}`, `ko:${nameKey(p.nameKo)}`];
const sameName = (a: Whereabouts, b: Whereabouts): boolean => nameKeys(a).some((k) => nameKeys(b).includes(k));

/** Metres between two points (equirectangular: exact enough at 1 km). */
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }): number => {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
};

/**
 * The same place: an English or a Korean name in common, within 1 km (a palace's or a beach's area
 * centroid lies hundreds of metres from the curated row's gate). Names that differ ("동문시장" and
 * "동문재래시장") are not caught: the skip counts say how many were, a reviewer checks the rest.
 */
const SAME_PLACE_METRES = 1_000;
const isOneOf = (places: readonly Whereabouts[], p: Whereabouts): boolean =>
  places.some((e) => sameName(e, p) && metres(e, p) <= SAME_PLACE_METRES);

/**
 * OSM often has a place twice: its outline (a way or a multipolygon relation) and a POI node inside
 * it with the same tags, left from before the outline was drawn or added by another mapper (OSM's
 * "one feature, one element" asks to merge them). An element whose point lies inside another's area
 * of the same name is that place: the area is kept, as the element that maps the whole place (its
 * point is its centroid, as for any area), so the larger of two nested areas (the grounds, not a
 * building of the same name) wins. Containment, not distance: two branches of a chain a few hundred
 * metres apart share a name and are two places.
 */
const withoutNested = (kept: readonly { record: PlaceRecord; shape: Shape }[]): { places: PlaceRecord[]; nested: number } => {
  // The areas kept so far, by each of their names: an export has thousands, few share a name.
  const areas = new Map<string, { outline: number[][][][] }[]>();
  const places: PlaceRecord[] = [];
  for (const { record, shape } of [...kept].sort((a, b) => b.shape.area - a.shape.area || a.record.id.localeCompare(b.record.id))) {
    if (nameKeys(record).some((k) => areas.get(k)?.some((a) => isInside(a.outline, shape)))) continue;
    if (shape.rings.length) {
      const area = { outline: outlineOf(shape.rings) };
      for (const k of nameKeys(record)) areas.set(k, [...(areas.get(k) ?? []), area]);
    }
    places.push(record);
  }
  return { places, nested: kept.length - places.length };
};

/** The region an element is the boundary of: an administrative boundary with a code of REGION_BOUNDARIES. */
const boundaryRegion = (f: Feature): PlaceRegion | undefined => {
  const tags = tagsOf(f);
  if (tags.boundary !== 'administrative') return undefined;
  return (Object.keys(REGION_BOUNDARIES) as PlaceRegion[]).find((r) => REGION_BOUNDARIES[r] === tags['ISO3166-2']);
};

/**
 * The boundaries of the regions that need one, in the export, as outer rings: OSM's boundary relation
 * as an area (an Overpass query adds it with its geometry, `relation["ISO3166-2"="KR-11"]; out geom;`).
 */
const boundariesOf = (features: readonly Feature[]): Map<PlaceRegion, number[][][][]> => {
  const found = new Map<PlaceRegion, number[][][][]>();
  for (const f of features) {
    const region = boundaryRegion(f);
    const shape = region && shapeOf(f.geometry);
    if (region && shape) found.set(region, [...(found.get(region) ?? []), ...outlineOf(shape.rings)]);
  }
  return found;
};

/** Place rows from a GeoJSON FeatureCollection of OSM elements, sorted by id, with skip counts. */
export const importOsmGeoJson = (geojson: unknown, opts: ImportOptions): ImportReport => {
  const features: Feature[] = Array.isArray((geojson as { features?: unknown } | null)?.features) ? (geojson as { features: Feature[] }).features : [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (reason: SkipReason) => void (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const unreadLastEntries = new Set<string>();
  const unusableLastEntries = new Set<string>();
  const kept: { record: PlaceRecord; shape: Shape }[] = [];
  const seen = new Set<string>();
  const boundaries = boundariesOf(features);
  for (const f of features) {
    const element = elementOf(f);
    if (!element) {
      skip('not an OSM element (no node/way/relation id)');
      continue;
    }
    if (boundaryRegion(f)) {
      skip('boundary of a region (read, not a place)');
      continue;
    }
    const id = `osm-${element.type}-${element.id}`;
    // Seen, not kept: an element skipped for a reason is still counted once for it.
    if (seen.has(id)) {
      skip('duplicate element');
      continue;
    }
    seen.add(id);
    const at = shapeOf(f.geometry);
    if (!at) {
      skip('no usable geometry');
      continue;
    }
    const region: PlaceRegion | undefined = regionOf(at.lat, at.lng);
    const boundary = region && REGION_BOUNDARIES[region] ? boundaries.get(region) : undefined;
    // A box that takes in the neighbours cannot tell alone: without the boundary, refused, not guessed.
    if (region && REGION_BOUNDARIES[region] && !boundary) {
      skip('no boundary of its region in the export (ISO3166-2)');
      continue;
    }
    if (!region || (boundary && !isInside(boundary, at))) {
      skip('outside every region');
      continue;
    }
    const tags = tagsOf(f);
    const category = categoryOf(tags);
    if (!category) {
      skip('no category tag');
      continue;
    }
    const name = tags['name:en'] ?? (tags.name && !HANGUL.test(tags.name) ? tags.name : undefined);
    if (!name) {
      skip('no English name (name:en)');
      continue;
    }
    const nameKo = tags['name:ko'] ?? (tags.name && HANGUL.test(tags.name) ? tags.name : undefined);
    if (!nameKo) {
      skip('no Korean name (name:ko)');
      continue;
    }
    const openingHoursOsm = tags.opening_hours?.trim();
    if (!openingHoursOsm) {
      skip('no opening_hours');
      continue;
    }
    // A last entry the importer cannot read is said, not dropped: imported, its comment would leave the
    // times unknown (never planned) or, on an open rule, its last entry unread.
    const unread = commentsOf(openingHoursOsm).filter(isUnreadLastEntry);
    if (unread.length) {
      skip('a last entry in its opening_hours that cannot be read');
      for (const comment of unread) unreadLastEntries.add(comment);
      continue;
    }
    // A bad retrievedOn makes the row invalid below; there is no year to read the comments in.
    const reading = isCalendarDate(opts.retrievedOn) ? lastEntryOf(openingHoursOsm, opts.retrievedOn, at) : undefined;
    // Imported, such a last entry would leave its times unknown (never planned) or be ignored: said, as an unread one is.
    if (reading && 'unusable' in reading) {
      skip('a last entry in its opening_hours that cannot be used (at or after the close, or before closing on an open end)');
      for (const comment of reading.unusable) unusableLastEntries.add(comment);
      continue;
    }
    const lastEntry = reading;
    const record: PlaceRecord = {
      id,
      name: name.trim(),
      nameKo: nameKo.trim(),
      category,
      region,
      lat: round7(at.lat),
      lng: round7(at.lng),
      visitMinutes: DEFAULT_VISIT_MINUTES[category],
      rating: IMPORTED_RATING,
      openingHoursOsm: lastEntry?.hours ?? openingHoursOsm,
      ...(lastEntry && { lastEntryMinutes: lastEntry.lastEntryMinutes }),
      provenance: { source: OSM_SOURCE, sourceId: `${element.type}/${element.id}`, licence: OSM_LICENCE, retrievedOn: opts.retrievedOn },
      ...(lastEntry && { note: `opening_hours in OpenStreetMap: ${openingHoursOsm}` }),
    };
    const checked = checkPlaceRecord(record);
    if (!checked.ok) {
      skip(checked.problems.some((p) => p.startsWith('/openingHoursOsm')) ? 'opening_hours cannot be evaluated' : 'invalid place');
      continue;
    }
    if (opts.removed && isOneOf(opts.removed, record)) {
      skip('removed from the data set (data/removed.json)');
      continue;
    }
    if (opts.existing && isOneOf(opts.existing, record)) {
      skip('already in the data set (same name within 1 km)');
      continue;
    }
    kept.push({ record: checked.record, shape: at });
  }
  const { places, nested } = withoutNested(kept);
  if (nested) skipped['same place as an area of the export (same name, inside it)'] = nested;
  return { places: places.sort((a, b) => a.id.localeCompare(b.id)), skipped, elements: features.length, unreadLastEntries: [...unreadLastEntries].sort(), unusableLastEntries: [...unusableLastEntries].sort() };
};
