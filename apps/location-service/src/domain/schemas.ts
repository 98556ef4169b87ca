/**
 * Schemas of the location routes and of a place row in the data files (they validate requests,
 * type the handlers, shape the answers and write the OpenAPI document). The wire types they
 * describe are the catalog's (`Place`, `DayOpening`); `test/schemas.test.ts` keeps them in step.
 */
import { VISIBLE_TEXT } from '@tripgen/service-kit/storable';
import { Type, type Static } from 'typebox';
import { PLACE_CATEGORIES, PLACE_ID, PLACE_REGIONS, PLACE_TIME_ZONE, PLANNABLE_DATE } from '@tripgen/catalog';

/** Every bound of the routes, written once (the routes, the docs and the tests read them). */
export const LIMITS = {
  /** Search radius, both routes (km). */
  maxRadiusKm: 100,
  /** Public search: default radius around lat/lng when none is given (km). */
  defaultRadiusKm: 5,
  searchLimit: { default: 20, max: 100 },
  /** Length of a text query (characters). */
  maxQueryLength: 100,
  /** Days of one open-intervals answer, or of `dates` in the internal routes. */
  maxDays: 31,
  batchIds: 300,
  candidates: 500,
  /** Categories of one candidates request or warm-up (more than the catalog's: a newer release may have added some). */
  categories: 50,
} as const;

// A query, a name, opening hours need one visible character (VISIBLE_TEXT). A NUL (or a lone
// surrogate), which PostgreSQL cannot store, is the kit's rule: its validation refuses it in every
// string of a route, and the data files' check (place-record.ts) applies the same rule (unstorableValue).
export const PlaceId = Type.String({ ...PLACE_ID, description: 'Stable place id' });

/** A local date (YYYY-MM-DD) in the years the service plans for. */
export const IsoDate = Type.String({ format: 'date', pattern: PLANNABLE_DATE.pattern, description: `Local date in Asia/Seoul, YYYY-MM-DD (${PLANNABLE_DATE.first}..${PLANNABLE_DATE.last})` });

export const Category = Type.Enum(PLACE_CATEGORIES);
/** The form of a category name: the catalog's, or one a newer release added. */
export const CATEGORY_NAME_PATTERN = '^[a-z]+(?:-[a-z]+)*$';
export const Region = Type.Enum(PLACE_REGIONS);
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });
export const RadiusKm = Type.Number({ exclusiveMinimum: 0, maximum: LIMITS.maxRadiusKm, description: `km, at most ${LIMITS.maxRadiusKm}` });

const Clock = Type.String({ pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$' });
// Immutable: the answers are the catalog's readonly wire types.
export const ClockInterval = Type.Immutable(Type.Tuple([Clock, Clock], { description: 'Local opening interval ["HH:MM","HH:MM"]; "24:00" is midnight' }));
const Intervals = Type.Immutable(Type.Array(ClockInterval));

export const WeeklyHours = Type.Object({ mon: Intervals, tue: Intervals, wed: Intervals, thu: Intervals, fri: Intervals, sat: Intervals, sun: Intervals });

export const Provenance = Type.Object({
  source: Type.String({ minLength: 1, maxLength: 500 }),
  sourceId: Type.String({ minLength: 1, maxLength: 500 }),
  licence: Type.String({ minLength: 1, maxLength: 500 }),
  retrievedOn: Type.String({ format: 'date' }),
});

/** The longest last entry a place record may give, in minutes before its close (its schema's maximum; the OSM importer skips a longer one). */
export const LAST_ENTRY_MAX_MINUTES = 720;

export const DayOpening = Type.Object({
  date: Type.String({ format: 'date' }),
  intervals: Intervals,
  lastEntryMinutes: Type.Optional(
    Type.Immutable(Type.Array(Type.Integer({ minimum: 0 }), {
      description: "For a place with a last entry: per interval, no visit starts later than this many minutes before its close as listed (an interval cut at 24:00 counts from its real close after midnight)",
    })),
  ),
  note: Type.Optional(Type.String()),
});

const placeFields = {
  id: PlaceId,
  name: Type.String(),
  nameKo: Type.String(),
  category: Category,
  region: Region,
  lat: Type.Number(),
  lng: Type.Number(),
  visitMinutes: Type.Integer(),
  rating: Type.Number(),
  openingHoursOsm: Type.String(),
  openingHours: WeeklyHours,
  lastEntryMinutes: Type.Integer({ minimum: 0, description: 'No visit starts later than this many minutes before an opening interval closes (last entry); 0 = none' }),
  visitMayRunPastClose: Type.Boolean({ description: 'The hours are an entry window only: a visit begun inside them may run past the close' }),
  provenance: Provenance,
};
export const Place = Type.Object(placeFields);

export const SearchItem = Type.Object({ ...placeFields, distanceKm: Type.Optional(Type.Number({ description: 'From lat/lng, when given' })) });
export const SearchAnswer = Type.Object({ items: Type.Array(SearchItem) });

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.maxQueryLength, pattern: VISIBLE_TEXT, description: 'Text in English or Korean: a trigram match on both names from 3 characters; 1-2 characters, or no letter or digit, a case-insensitive substring of either name' })),
  lat: Type.Optional(Latitude),
  lng: Type.Optional(Longitude),
  radiusKm: Type.Optional(RadiusKm),
  category: Type.Optional(Category),
  region: Type.Optional(Region),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.searchLimit.max, default: LIMITS.searchLimit.default })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const PlaceParams = Type.Object({ id: PlaceId });

export const OpenIntervalsQuery = Type.Object({ from: IsoDate, to: IsoDate });
export const OpenIntervalsAnswer = Type.Object({ id: PlaceId, timeZone: Type.Literal(PLACE_TIME_ZONE), days: Type.Immutable(Type.Array(DayOpening)) });

export const BatchBody = Type.Object({
  ids: Type.Array(PlaceId, { minItems: 1, maxItems: LIMITS.batchIds }),
  dates: Type.Optional(Type.Array(IsoDate, { maxItems: LIMITS.maxDays })),
});
export type BatchBody = Static<typeof BatchBody>;
export const BatchAnswer = Type.Object({
  items: Type.Array(Type.Object({ ...placeFields, opening: Type.Optional(Type.Array(DayOpening)) })),
  missing: Type.Array(Type.String()),
});

export const CandidatesBody = Type.Object({
  center: Type.Object({ lat: Latitude, lng: Longitude }),
  radiusKm: RadiusKm,
  // Any category name, not only this version's: during a rollout a newer AI service may ask for one
  // a newer release added; here no place has it (catalog queues.ts, message rules, for the same case on the queue).
  categories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: CATEGORY_NAME_PATTERN, description: 'A place category; one this version does not know matches no place' }), { maxItems: LIMITS.categories })),
  region: Type.Optional(Region),
  include: Type.Optional(Type.Array(PlaceId, { maxItems: LIMITS.batchIds, description: 'Always returned (must-visits), wherever they are' })),
  dates: Type.Array(IsoDate, { maxItems: LIMITS.maxDays }),
  limit: Type.Integer({ minimum: 1, maximum: LIMITS.candidates, description: 'Candidates besides `include`, nearest first' }),
});
export type CandidatesBody = Static<typeof CandidatesBody>;
export const CandidatesAnswer = Type.Object({
  items: Type.Array(Type.Object({ ...placeFields, distanceKm: Type.Number(), opening: Type.Immutable(Type.Array(DayOpening)) })),
  missing: Type.Array(Type.String()),
});

/** One row of a data file (data/places/*.json) or of the OSM importer's output. */
export const PlaceRecord = Type.Object(
  {
    id: PlaceId,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }),
    nameKo: Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }),
    category: Category,
    region: Region,
    lat: Latitude,
    lng: Longitude,
    visitMinutes: Type.Integer({ minimum: 5, maximum: 720 }),
    rating: Type.Number({ minimum: 0, maximum: 5 }),
    openingHoursOsm: Type.String({ minLength: 1, maxLength: 1000, pattern: VISIBLE_TEXT }),
    lastEntryMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: LAST_ENTRY_MAX_MINUTES })),
    visitMayRunPastClose: Type.Optional(Type.Literal(true)),
    provenance: Provenance,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type PlaceRecord = Static<typeof PlaceRecord>;

/**
 * One entry of the list of removed places (data/removed.json): an id taken out of the data on a
 * date, for a reason a reviewer can check. The loader deletes these ids from location_db; the OSM
 * importer skips an element with the place's name near its point (an OSM id is never the curated one).
 */
export const RemovedPlace = Type.Object(
  {
    id: PlaceId,
    name: PlaceRecord.properties.name,
    nameKo: PlaceRecord.properties.nameKo,
    lat: Latitude,
    lng: Longitude,
    removedOn: Type.String({ format: 'date' }),
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: VISIBLE_TEXT }),
  },
  { additionalProperties: false },
);
export type RemovedPlace = Static<typeof RemovedPlace>;
