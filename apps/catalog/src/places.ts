/**
 * What the location service says about a place, as the other services receive it (the public
 * routes and the service-to-service routes under `internalPrefix('location')`). Written once here:
 * the location service validates and answers with it, the trip and AI services read it.
 */

/** Place categories: the location data, the OSM importer's tag mapping and interest scoring agree on these. */
export const PLACE_CATEGORIES = [
  'palace',
  'museum',
  'market',
  'park',
  'viewpoint',
  'temple',
  'street',
  'beach',
  'nature',
  'restaurant',
  'cafe',
  'shopping',
  'theme-park',
  'landmark',
] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

/** Regions the shipped data covers; every place belongs to one. */
export const PLACE_REGIONS = ['seoul', 'jeju'] as const;
export type PlaceRegion = (typeof PLACE_REGIONS)[number];

/** The country every place is in: ISO 3166-1 alpha-2, lower case as OpenStreetMap's Nominatim writes it. */
export const PLACE_COUNTRY = 'kr';

/** Places' opening hours are evaluated in their own time zone, never the server's. */
export const PLACE_TIME_ZONE = 'Asia/Seoul';

/**
 * The local dates (YYYY-MM-DD, years 2000..2099) whose opening the location service evaluates: the
 * only dates a trip can be planned on, so the trip service refuses a trip outside them at once
 * (docs/api.md) instead of accepting one whose every schedule would fail.
 */
export const PLANNABLE_DATE = Object.freeze({ pattern: '^20\\d\\d-\\d\\d-\\d\\d$', first: '2000-01-01', last: '2099-12-31' });

/**
 * A place id: lower-case words joined by - _ . or : (e.g. `seoul-gyeongbokgung`, `osm-node-123`), at
 * most 100 characters. The location service's ids, and the ids the trip service takes (must-visits,
 * locked places), so that a malformed one is the traveller's 400 naming the field, not the location
 * service's refusal passed on.
 */
export const PLACE_ID = Object.freeze({ pattern: '^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$', maxLength: 100 });

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** A local opening interval, ["HH:MM", "HH:MM"]; a close of "24:00" is midnight. */
export type ClockInterval = readonly [string, string];

/** The real opening of a place on one local date. */
export interface DayOpening {
  readonly date: string;
  /** Empty when closed that date. */
  readonly intervals: readonly ClockInterval[];
  /**
   * For a place with a last entry: per interval of `intervals`, no visit starts later than this many
   * minutes before its close as listed. The interval's rule's own, else the place's `lastEntryMinutes`
   * (none for an open end's counted time), before the interval's real close: an interval cut at 24:00
   * (a bar open 18:00-02:00, last order 01:00) has 0, not 60. A location service released before
   * this field sends none; the place's figure applies then.
   */
  readonly lastEntryMinutes?: readonly number[];
  /** Why it is closed or runs other hours than usual, in words a traveller understands (e.g. "Chuseok", "weekly closing day"). */
  readonly note?: string;
}

/**
 * What a date's note says of an open end (OpenStreetMap `18:00+`: opens then, no close given), which
 * the location service counts as open for a bounded time from its start (docs/api.md); the AI
 * service gives it to the traveller with the hours it names.
 */
export const openEndNote = (start: string, until: string): string => `open end at ${start}, no closing time given: counted as open until ${until}`;
/** That part of a note. */
export const OPEN_END_NOTE = /open end at \d\d:\d\d, no closing time given: counted as open until \d\d:\d\d/;
/**
 * What a date's note says where some time of it is of unknown state (OpenStreetMap `unknown`, a comment alone, a
 * fallback rule's day), which the location service leaves out of the date's intervals; the AI service tells the
 * traveller a place missed on such a date has hours unknown there, not that it is shut.
 */
export const UNCERTAIN_NOTE = 'opening hours uncertain: not counted as open';
/** What joins the parts of a date's note (the location service's), so a reader can take one part out whole. */
export const NOTE_SEPARATOR = '; ';

export interface PlaceProvenance {
  /** e.g. "OpenStreetMap", "Korea Tourism Organization (VisitKorea)", an official website. */
  readonly source: string;
  readonly sourceId: string;
  readonly licence: string;
  /** ISO date the facts were taken. */
  readonly retrievedOn: string;
}

export interface Place {
  readonly id: string;
  /** English name. */
  readonly name: string;
  readonly nameKo: string;
  readonly category: PlaceCategory;
  readonly region: PlaceRegion;
  readonly lat: number;
  readonly lng: number;
  /** Typical visit length, minutes. */
  readonly visitMinutes: number;
  /** 0..5. */
  readonly rating: number;
  /** The OpenStreetMap `opening_hours` string the rest is derived from. */
  readonly openingHoursOsm: string;
  /** Per weekday, derived from `openingHoursOsm` for an ordinary week (public holidays apart). */
  readonly openingHours: Readonly<Record<Weekday, readonly ClockInterval[]>>;
  /**
   * Last entry (last admission, last ticket, last order): no visit starts later than this many
   * minutes before the real close of an opening interval (in `openingHours` a "24:00" followed by
   * the next day's "00:00" is none: the night closes in that interval); 0 = until a visit would end
   * at the close. A date's `DayOpening.lastEntryMinutes` is the figure as it applies there.
   * (A location service released before these two fields sends neither; the planner reads a
   * missing one as 0 and false, so a rollout needs no order.)
   */
  readonly lastEntryMinutes: number;
  /**
   * The hours are an entry window only (a mountain trail's: start by the cut-off, walk on after
   * it): a visit begun inside them may run past the close.
   */
  readonly visitMayRunPastClose: boolean;
  readonly provenance: PlaceProvenance;
}

/**
 * Words of a traveller's free-text interests that point at a category. The trip service reads them
 * for the location-search warm-up, the AI service for scoring (an optional LLM may refine the
 * weights; this table is what works without it). A keyword matches at the start of a word, so
 * "museums" and "art galleries" match, "heart" does not match "art".
 */
export const INTEREST_KEYWORDS: Readonly<Record<PlaceCategory, readonly string[]>> = {
  palace: ['palace', 'royal', 'dynasty', 'joseon', 'heritage', 'history', 'historic'],
  museum: ['museum', 'art', 'gallery', 'galleries', 'exhibition', 'history', 'historic', 'science'],
  market: ['market', 'street food', 'local food', 'food'],
  park: ['park', 'garden', 'picnic', 'green', 'outdoor'],
  viewpoint: ['view', 'observatory', 'skyline', 'sunset', 'sunrise', 'photo', 'panorama'],
  temple: ['temple', 'buddhis', 'shrine', 'spiritual', 'religio'],
  street: ['street', 'neighbo', 'alley', 'village', 'hanok', 'nightlife', 'walking'],
  beach: ['beach', 'sea', 'swim', 'coast', 'ocean', 'surf'],
  nature: ['nature', 'hik', 'mountain', 'volcan', 'waterfall', 'forest', 'trail', 'outdoor', 'island'],
  restaurant: ['restaurant', 'food', 'dining', 'cuisine', 'eat', 'bbq', 'barbecue', 'gourmet'],
  cafe: ['cafe', 'café', 'coffee', 'tea', 'dessert', 'bakery'],
  shopping: ['shop', 'fashion', 'mall', 'cosmetic', 'souvenir', 'boutique'],
  'theme-park': ['theme park', 'amusement', 'ride', 'kids', 'family', 'zoo', 'aquarium'],
  landmark: ['landmark', 'sight', 'famous', 'architecture', 'tower', 'icon', 'must-see'],
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KEYWORD_PATTERNS = (Object.entries(INTEREST_KEYWORDS) as [PlaceCategory, readonly string[]][]).map(
  ([category, words]) => [category, new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})`, 'iu')] as const,
);

/** Categories a free-text interest points at (catalog order), empty when none. */
export const interestCategories = (interest: string): PlaceCategory[] =>
  KEYWORD_PATTERNS.filter(([, pattern]) => pattern.test(interest)).map(([category]) => category);

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const WHITE_SPACE_RUN = /\s+/gu;
const INVISIBLE_OR_SPACE_AT_ENDS = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/** An interest as a trip or a traveller's preferences store it: Unicode NFC, without white space or invisible characters at either end. */
export const storedInterest = (interest: string): string => interest.normalize('NFC').replace(INVISIBLE_OR_SPACE_AT_ENDS, '');

/**
 * What makes two interests one, for the planner as for a list's "unique": the text in Unicode NFC
 * ("cafe" + U+0301 is "café"), without invisible characters (a zero-width space, a soft hyphen: Unicode's
 * default-ignorable code points), each run of white space one space, trimmed, case-folded (upper then
 * lower case: "Straße" and "STRASSE" are one). "Café", "café" and "cafe\u0301" are one interest.
 */
export const interestKey = (interest: string): string =>
  interest.normalize('NFC').replace(INVISIBLE, '').replace(WHITE_SPACE_RUN, ' ').trim().toUpperCase().toLowerCase();

/**
 * Each interest of a list that is one (interestKey) with an earlier one, as a problem naming both
 * (`at` is the list's path, `body/interests`); empty when the interests are unique.
 */
export const repeatedInterests = (interests: readonly string[], at: string): { path: string; message: string }[] => {
  const first = new Map<string, number>();
  return interests.flatMap((interest, index) => {
    const key = interestKey(interest);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return [];
    }
    return [{ path: `${at}/${index}`, message: `is the same interest as ${at}/${earlier} (they differ only in case, spacing, Unicode form or invisible characters)` }];
  });
};

/** Categories of any of the interests (catalog order); empty = no preference (every category). */
export const categoriesOfInterests = (interests: readonly string[]): PlaceCategory[] => {
  const found = new Set(interests.flatMap(interestCategories));
  return PLACE_CATEGORIES.filter((c) => found.has(c));
};

/** How far from the lodging candidate places are looked for, by travel mode (a day trip's reach). */
export const CANDIDATE_RADIUS_KM = { walk: 3, transit: 15, car: 40 } as const;

/** Restaurants and cafés are what the meal breaks are for: candidates only when the traveller names them. */
export const MEAL_CATEGORIES: readonly PlaceCategory[] = ['restaurant', 'cafe'];

/**
 * The weight a reading of the interests must give a meal category for restaurants and cafés to be
 * candidates: a keyword match is 1, a model's reading counts when it is at least this strong. A model
 * spreads small weights over categories the interests only brush (`{palace: 0.9, restaurant: 0.05}`
 * for "palaces"): any weight above 0 took every restaurant and café of the area as a place to visit.
 */
export const MEAL_INTEREST_MIN_WEIGHT = 0.5;

/** Whether a reading of the interests (category weights, 0..1) names restaurants or cafés. */
export const interestsWantMeals = (weights: Readonly<Partial<Record<PlaceCategory, number>>>): boolean =>
  MEAL_CATEGORIES.some((c) => (weights[c] ?? 0) >= MEAL_INTEREST_MIN_WEIGHT);

/** The categories the AI service asks candidates of (and the trip service warms the location cache with). */
export const candidateCategories = (wantsMeals: boolean): PlaceCategory[] => PLACE_CATEGORIES.filter((c) => wantsMeals || !MEAL_CATEGORIES.includes(c));

/**
 * The location service's service-to-service routes (under `internalPrefix('location')`), as the
 * trip and AI services call them: the batch lookup (must-visit checks, other dates' opening) and
 * the candidate search with each place's real opening on the given dates.
 */
export const LOCATION_INTERNAL_PATHS = { placesBatch: '/places/batch', candidates: '/candidates' } as const;

export interface PlacesBatchRequest {
  /** 1..300 location ids. */
  readonly ids: readonly string[];
  /** At most 31 ISO dates whose real opening is wanted. */
  readonly dates?: readonly string[];
}
export interface PlacesBatchResponse {
  readonly items: readonly (Place & { readonly opening?: readonly DayOpening[] })[];
  /** Requested ids that are not places. */
  readonly missing: readonly string[];
}

export interface CandidatesRequest {
  readonly center: { readonly lat: number; readonly lng: number };
  readonly radiusKm: number;
  readonly categories?: readonly PlaceCategory[];
  readonly region?: PlaceRegion;
  /** Ids always returned whatever the radius and categories (must-visits, locked places). */
  readonly include?: readonly string[];
  readonly dates: readonly string[];
  /** At most 500. */
  readonly limit: number;
}
export interface CandidatesResponse {
  readonly items: readonly (Place & { readonly distanceKm: number; readonly opening: readonly DayOpening[] })[];
  readonly missing: readonly string[];
}
