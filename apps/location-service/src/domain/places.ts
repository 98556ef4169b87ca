/**
 * The place repository: every query of the location service (raw SQL, since Prisma has no
 * PostGIS or pg_trgm operators), each with a bound on its result size. Answers go through the
 * kit's two-level cache under keys that carry the data's generation, so a load of new data is
 * served within GENERATION_REFRESH_MS everywhere without any replica having to be told.
 */
import type { Place, PlaceCategory, PlaceRegion, DayOpening } from '@tripgen/catalog';
import { cacheShapeOf, type TwoLevelCache } from '@tripgen/service-kit';
import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { HOLIDAY_CALENDAR } from './holidays.ts';
import { OPENING_EVALUATION, dayOpenings, mondayOf, placeToday, weeklyHours } from './opening-hours.ts';
import { BatchAnswer, CandidatesAnswer, DayOpening as DayOpeningSchema, LIMITS, Place as PlaceSchema, SearchAnswer, type SearchQuery } from './schemas.ts';

/** How stale the data generation a replica keys its cache with may be (ms). */
export const GENERATION_REFRESH_MS = 10_000;

const COLUMNS = Prisma.sql`p.id, p.name, p.name_ko, p.category, p.region,
  ST_Y(p.location::geometry) AS lat, ST_X(p.location::geometry) AS lng,
  p.visit_minutes, p.rating, p.opening_hours_osm, p.last_entry_minutes, p.visit_may_run_past_close, p.source_name, p.source_id, p.licence,
  to_char(p.retrieved_on, 'YYYY-MM-DD') AS retrieved_on`;

export interface PlaceRow {
  id: string;
  name: string;
  name_ko: string;
  category: string;
  region: string;
  lat: number;
  lng: number;
  visit_minutes: number;
  rating: number;
  opening_hours_osm: string;
  last_entry_minutes: number;
  visit_may_run_past_close: boolean;
  source_name: string;
  source_id: string;
  licence: string;
  retrieved_on: string;
  distance_m?: number | null;
}

const toPlace = (row: PlaceRow, monday: string): Place => ({
  id: row.id,
  name: row.name,
  nameKo: row.name_ko,
  // The loader only stores catalog categories and regions (checked against the same lists).
  category: row.category as PlaceCategory,
  region: row.region as PlaceRegion,
  lat: row.lat,
  lng: row.lng,
  visitMinutes: row.visit_minutes,
  rating: row.rating,
  openingHoursOsm: row.opening_hours_osm,
  openingHours: weeklyHours(row.opening_hours_osm, monday, row),
  lastEntryMinutes: row.last_entry_minutes,
  visitMayRunPastClose: row.visit_may_run_past_close,
  provenance: { source: row.source_name, sourceId: row.source_id, licence: row.licence, retrievedOn: row.retrieved_on },
});

const km = (meters: number): number => Math.round(meters) / 1000;

/** The point as PostGIS geography (longitude first). */
const point = (lat: number, lng: number) => Prisma.sql`ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326)::geography`;

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A short, fixed-size cache key for a request (its canonical JSON). */
const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

const sortedUnique = <T extends string>(xs: readonly T[] | undefined): T[] => [...new Set(xs ?? [])].sort();

export interface SearchSpec {
  readonly q?: string;
  readonly center?: { readonly lat: number; readonly lng: number };
  readonly radiusKm?: number;
  readonly category?: PlaceCategory;
  readonly region?: PlaceRegion;
  readonly limit: number;
}

/**
 * Below this many characters a query is not matched by trigrams: pg_trgm can tell 1-2 characters
 * apart only by whether a word equals or starts with them, the GIN index then returns nearly every
 * row, and ranking those by word_similarity costs 300 ms at 30,000 places (docs/api.md).
 */
export const TRIGRAM_MIN_LENGTH = 3;

/** Above this many characters, the text matches are taken before a radius or a region (below). */
const MATERIALIZE_FROM_LENGTH = 10;

/**
 * Up to this many trigrams of q, each three lower-case ASCII letters or digits, that every name
 * of relevance 1 contains (topTrigrams).
 */
const TOP_TRIGRAMS = 2;

/** How many of the candidates for relevance 1, per place asked for, are ranked before all matches are. */
const TOP_CANDIDATES_PER_PLACE = 4;

/**
 * Trigrams of `q` that pg_trgm keeps as their three characters: runs of ASCII letters and digits,
 * lower-cased (pg_trgm hashes a trigram of other characters). Taken from q's longest such run, its
 * first and last trigram. The query checks that pg_trgm makes them too (show_trgm), so a case where
 * its word splitting differs from this one costs the shortcut, never a place.
 */
export const topTrigrams = (q: string): string[] => {
  const runs = q.toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
  const run = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!run) return [];
  return [...new Set([run.slice(0, 3), run.slice(-3)])].slice(0, TOP_TRIGRAMS);
};

/**
 * Whether `q` takes the substring path: 1-2 characters (counted as code points), or no character
 * pg_trgm reads as part of a word (a letter or digit; marks too, to be safe whatever the database's
 * ctype). Such a text has no trigrams: `%>` matches nothing and word_similarity is 0 for every row,
 * so only the ILIKE half finds anything, and its answer is the substring path's in the same order;
 * but with no trigram to look up, the ILIKE reads every entry of both trigram indexes and rechecks
 * every row (150-230 ms at 30,000 places for "...").
 */
export const isSubstringQuery = (q: string): boolean => [...q].length < TRIGRAM_MIN_LENGTH || !/[\p{L}\p{N}\p{M}]/u.test(q);

/**
 * The search query: only the conditions asked for (no `$1 IS NULL OR ...`, which keeps a generic
 * plan from using the indexes), always LIMITed. Exported for the EXPLAIN test.
 *
 * The ordering keys are computed in `top` for the rows that match; the columns of the answer
 * (coordinates, the rest of the row) only for the `limit` rows kept. Without a centre, a 1-2
 * character query reads places in name order (places_name_id_idx) and stops at `limit` matches.
 */
export const searchSql = (s: SearchSpec): Prisma.Sql => {
  const filters: Prisma.Sql[] = [];
  if (s.category) filters.push(Prisma.sql`p.category = ${s.category}`);
  if (s.region) filters.push(Prisma.sql`p.region = ${s.region}`);
  const at = s.center ? point(s.center.lat, s.center.lng) : undefined;
  if (at) filters.push(Prisma.sql`ST_DWithin(p.location, ${at}, ${(s.radiusKm ?? LIMITS.defaultRadiusKm) * 1000}::float8)`);
  const distance = at ? Prisma.sql`ST_Distance(p.location, ${at})` : Prisma.sql`NULL::float8`;
  const answer = (top: Prisma.Sql) => Prisma.sql`
    WITH top AS (${top})
    SELECT ${COLUMNS}, top.distance_m
    FROM top JOIN places p ON p.id = top.id
    ORDER BY top.relevance DESC NULLS LAST, top.distance_m ASC NULLS LAST, p.name, p.id
    LIMIT ${s.limit}`;
  // The places meeting every condition, with no relevance: nearest first, else in name order.
  const unranked = (where: Prisma.Sql[]) =>
    answer(Prisma.sql`
      SELECT p.id, NULL::numeric AS relevance, ${distance} AS distance_m
      FROM places p
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY distance_m ASC NULLS LAST, p.name, p.id
      LIMIT ${s.limit}`);
  if (s.q && isSubstringQuery(s.q)) {
    // Case-insensitive substring of either name: ILIKE '%q%' without the pattern (strpos on the
    // lower-cased text is the same test, four times cheaper per row). No relevance (NULL).
    return unranked([Prisma.sql`(strpos(lower(p.name), lower(${s.q})) > 0 OR strpos(lower(p.name_ko), lower(${s.q})) > 0)`, ...filters]);
  }
  if (s.q) {
    // Word similarity (`name %> q`, i.e. `q <% name`) and ILIKE both use the trigram indexes; ILIKE
    // also finds words inside words. Written as the index conditions are (`%>`), so the planner
    // does not evaluate the whole OR a second time as a filter. The text matches are taken first
    // (MATERIALIZED) when q is long, and ranked after the other filters: the planner prices %> as a
    // cheap operator (pg_trgm declares COST 1; it costs 2 microseconds a row for a word, 25 for 100
    // characters) and chose to apply it to every row of a radius (3,000 rows in 5 km of the palace:
    // 260 ms for 100 characters, 20 ms from the text matches). For a short q that plan is the
    // faster one (12 against 50 ms for "market" within 5 km), so it is left to the planner.
    const like = likePattern(s.q);
    const matches = Prisma.sql`(p.name %> ${s.q} OR p.name_ko %> ${s.q} OR p.name ILIKE ${like} OR p.name_ko ILIKE ${like})`;
    const relevance = Prisma.sql`round(greatest(word_similarity(${s.q}, p.name), word_similarity(${s.q}, p.name_ko))::numeric, 2)`;
    const ranked = Prisma.sql`
      WITH matched AS ${[...s.q].length > MATERIALIZE_FROM_LENGTH ? Prisma.sql`MATERIALIZED` : Prisma.empty} (
        SELECT p.id, p.name, p.name_ko, p.category, p.region, p.location
        FROM places p
        WHERE ${matches})
      SELECT p.id, ${relevance} AS relevance, ${distance} AS distance_m
      FROM matched p
      ${filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty}
      ORDER BY relevance DESC NULLS LAST, distance_m ASC NULLS LAST, p.name, p.id
      LIMIT ${s.limit}`;
    const trigrams = topTrigrams(s.q);
    // A longer q hardly ties thousands of names at 1, and the try cost 9 ms at 100 characters.
    if (at || !trigrams.length || [...s.q].length > MATERIALIZE_FROM_LENGTH) return answer(ranked);
    // Without a centre, ties of relevance go in name order, and a word that thousands of names
    // hold gives thousands of ties at 1, the highest relevance there is: ranking every match
    // computes word_similarity three times on each (2,175 for "market": 35 ms). A name of
    // relevance 1 (word similarity 0.995 or more) holds every trigram of q: similarity is at most
    // the share of q's trigrams found, and 100 characters make fewer than 200 trigrams. So it contains `trigrams` in any case (pg_trgm keeps them as
    // their lower-cased characters), a test ILIKE answers from the trigram indexes and rechecks
    // cheaply. The places whose English or Korean name contains them (the other filters too) are
    // read in name order, at most TOP_CANDIDATES_PER_PLACE per place asked, keeping the matches of
    // relevance 1: if `limit` are among them, they are the answer, since no place outranks them and
    // any other of relevance 1 comes later by name. Otherwise (a word that few names hold, or part
    // of a word: "sin" is 0.75 for "Sinsa") all matches are ranked; a one-time filter runs one part.
    const contain = (column: Prisma.Sql) => Prisma.join(trigrams.map((t) => Prisma.sql`${column} ILIKE ${`%${t}%`}`), ' AND ');
    const candidates = [Prisma.sql`${trigrams}::text[] <@ show_trgm(${s.q})`, Prisma.sql`((${contain(Prisma.sql`p.name`)}) OR (${contain(Prisma.sql`p.name_ko`)}))`, ...filters];
    // The candidates are found first (OFFSET 0 keeps the ORDER BY out): walking places_name_id_idx
    // with the ILIKE as a filter read 25,000 rows for "sin", whose candidates all come late by name.
    return answer(Prisma.sql`
      WITH best AS MATERIALIZED (
        SELECT p.id, ${relevance} AS relevance, NULL::float8 AS distance_m
        FROM (SELECT * FROM (SELECT p.id, p.name, p.name_ko FROM places p WHERE ${Prisma.join(candidates, ' AND ')} OFFSET 0) p
              ORDER BY p.name, p.id LIMIT ${TOP_CANDIDATES_PER_PLACE * s.limit}) p
        WHERE ${relevance} = 1 AND ${matches}
        ORDER BY p.name, p.id
        LIMIT ${s.limit})
      SELECT * FROM best WHERE (SELECT count(*) FROM best) = ${s.limit}
      UNION ALL
      SELECT * FROM (${ranked}) ranked WHERE (SELECT count(*) FROM best) < ${s.limit}`);
  }
  if (!filters.length) throw new Error('a search needs a text or a centre');
  return unranked(filters);
};

/**
 * The settings a search runs with (exported for the EXPLAIN tests): a trigram search runs with
 * sequential scans priced out (SET LOCAL, this transaction only): a long query has many trigrams,
 * which makes the GIN lookups look dearer than a scan that evaluates <% on all 30,000 rows (1 s for
 * 100 characters against 20 ms by the index).
 */
export const searchSettings = (s: SearchSpec): string | undefined => (s.q && !isSubstringQuery(s.q) ? 'SET LOCAL enable_seqscan = off' : undefined);

export const runSearch = async (prisma: PrismaClient, s: SearchSpec): Promise<PlaceRow[]> => {
  const sql = searchSql(s);
  const settings = searchSettings(s);
  if (!settings) return prisma.$queryRaw<PlaceRow[]>(sql);
  const [, rows] = await prisma.$transaction([prisma.$executeRawUnsafe(settings), prisma.$queryRaw<PlaceRow[]>(sql)]);
  return rows;
};

export type SearchItem = Place & { distanceKm?: number };
export type BatchItem = Place & { opening?: DayOpening[] };
export type Candidate = Place & { distanceKm: number; opening: DayOpening[] };

export interface CandidatesRequest {
  readonly center: { readonly lat: number; readonly lng: number };
  readonly radiusKm: number;
  /** Catalog categories, or names a newer release added (no place here has one). */
  readonly categories?: readonly string[];
  readonly region?: PlaceRegion;
  readonly include?: readonly string[];
  readonly dates: readonly string[];
  readonly limit: number;
}

/**
 * The service's cache shape (createApp `cacheShape`): the cache holds whole answers (search, batch,
 * candidates and their must-visits) besides places and openings, so it follows those answers'
 * schemas, wrappers and fields of their own included (`missing`, a candidate's `distanceKm`); a
 * release that changes them never reads what the previous release cached, nor the reverse.
 */
export const LOCATION_CACHED_SCHEMAS = Object.freeze({ place: PlaceSchema, opening: DayOpeningSchema, search: SearchAnswer, batch: BatchAnswer, candidates: CandidatesAnswer });
export const LOCATION_CACHE_SHAPE = cacheShapeOf(LOCATION_CACHED_SCHEMAS);

export interface PlaceRepositoryOptions {
  /** The clock that picks the week `openingHours` describes (tests pin it). */
  readonly now?: () => Date;
  /** How stale the data generation may be (ms; default GENERATION_REFRESH_MS). */
  readonly generationRefreshMs?: number;
}

export const placeRepository = (prisma: PrismaClient, cache: TwoLevelCache, opts: PlaceRepositoryOptions = {}) => {
  const now = opts.now ?? (() => new Date());
  const refreshMs = opts.generationRefreshMs ?? GENERATION_REFRESH_MS;

  // --- data generation: the database, its row count and last change, re-read every
  // GENERATION_REFRESH_MS, and the holiday calendar and evaluation version the openings are computed
  // with (a release with others shares the database and Redis during a rollout). The database's name keeps apart the
  // caches of several databases sharing one Redis (test and benchmark databases); one database's
  // replicas share theirs.
  let generation: string | undefined;
  let reading: Promise<string> | undefined;
  const readGeneration = (): Promise<string> =>
    (reading ??= prisma
      .$queryRaw<{ db: string; n: number; changed: string }[]>`
        SELECT current_database() AS db, count(*)::int AS n, coalesce(extract(epoch FROM max(updated_at)) * 1000, 0)::bigint::text AS changed FROM places`
      .then(([row]) => (generation = digest([row!.db, row!.n, row!.changed, HOLIDAY_CALENDAR, OPENING_EVALUATION])))
      .finally(() => (reading = undefined)));
  // On a timer, not when a request finds it stale: a replica that served nothing for a while would
  // answer its next requests with the generation it read before a load (from the cache, for its
  // TTL). Requests never wait for it (while the database does not answer, the one read last stays).
  const refresher = setInterval(() => void readGeneration().catch(() => undefined), refreshMs);
  refresher.unref();
  const currentGeneration = async (): Promise<string> => generation ?? readGeneration();
  const cached = async <T extends object>(kind: string, parts: unknown, load: (monday: string) => Promise<T>): Promise<T> => {
    const monday = mondayOf(placeToday(now()));
    return cache.get(`${kind}:${await currentGeneration()}:${monday}:${digest(parts)}`, () => load(monday));
  };

  const byIds = async (ids: readonly string[], center?: { lat: number; lng: number }): Promise<PlaceRow[]> => {
    if (!ids.length) return [];
    const distance = center ? Prisma.sql`, ST_Distance(p.location, ${point(center.lat, center.lng)}) AS distance_m` : Prisma.empty;
    return prisma.$queryRaw<PlaceRow[]>`SELECT ${COLUMNS}${distance} FROM places p WHERE p.id = ANY(${[...ids]}::text[]) LIMIT ${ids.length}`;
  };

  /** Items in the order of `ids`, and the ids that matched no place. */
  const inOrder = <T extends { id: string }>(ids: readonly string[], found: readonly T[]) => {
    const byId = new Map(found.map((x) => [x.id, x]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) };
  };

  /** The candidates of an area without must-visits, at the largest limit (callers slice). */
  const nearby = (req: { center: { lat: number; lng: number }; radiusKm: number; categories: readonly string[]; region?: PlaceRegion; dates: readonly string[] }): Promise<{ items: Candidate[] }> => {
    const parts = { center: req.center, radiusKm: req.radiusKm, categories: req.categories, region: req.region, dates: req.dates };
    return cached('nearby', parts, async (monday) => {
      const at = point(req.center.lat, req.center.lng);
      const where = [Prisma.sql`ST_DWithin(p.location, ${at}, ${req.radiusKm * 1000}::float8)`];
      if (req.categories.length) where.push(Prisma.sql`p.category = ANY(${[...req.categories]}::text[])`);
      if (req.region) where.push(Prisma.sql`p.region = ${req.region}`);
      const rows = await prisma.$queryRaw<PlaceRow[]>`
        SELECT ${COLUMNS}, ST_Distance(p.location, ${at}) AS distance_m
        FROM places p
        WHERE ${Prisma.join(where, ' AND ')}
        ORDER BY distance_m, p.id
        LIMIT ${LIMITS.candidates}`;
      return { items: rows.map((r) => ({ ...toPlace(r, monday), distanceKm: km(r.distance_m ?? 0), opening: dayOpenings(r.opening_hours_osm, req.dates, r, r.last_entry_minutes) })) };
    });
  };

  return {
    /** Text (both names) and/or radius search, ordered by relevance, then distance. */
    search(query: SearchQuery & { limit: number }): Promise<{ items: SearchItem[] }> {
      const center = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
      const radiusKm = center ? (query.radiusKm ?? LIMITS.defaultRadiusKm) : undefined;
      const q = query.q?.trim();
      const spec: SearchSpec = { q, center, radiusKm, category: query.category, region: query.region, limit: query.limit };
      return cached('search', spec, async (monday) => {
        const rows = await runSearch(prisma, spec);
        return {
          items: rows.map((r) => (r.distance_m == null ? toPlace(r, monday) : { ...toPlace(r, monday), distanceKm: km(r.distance_m) })),
        };
      });
    },

    async byId(id: string): Promise<Place | undefined> {
      const found = await cached('place', id, async (monday) => {
        const [row] = await byIds([id]);
        return { place: row ? toPlace(row, monday) : null };
      });
      return found.place ?? undefined;
    },

    /** The real opening of a place on each date from..to (inclusive); undefined for an unknown id. */
    async openIntervals(id: string, dates: readonly string[]): Promise<DayOpening[] | undefined> {
      const found = await cached('open', { id, dates }, async () => {
        const [row] = await byIds([id]);
        return { days: row ? dayOpenings(row.opening_hours_osm, dates, row, row.last_entry_minutes) : null };
      });
      return found.days ?? undefined;
    },

    /** Many places at once, in the order asked, with their real opening on `dates` when given. */
    batch(ids: readonly string[], dates?: readonly string[]): Promise<{ items: BatchItem[]; missing: string[] }> {
      const unique = [...new Set(ids)];
      const days = dates ? sortedUnique(dates) : undefined;
      return cached('batch', { ids: unique, days }, async (monday) => {
        const rows = await byIds(unique);
        const items = rows.map((r) => (days ? { ...toPlace(r, monday), opening: dayOpenings(r.opening_hours_osm, days, r, r.last_entry_minutes) } : toPlace(r, monday)));
        return inOrder(unique, items);
      });
    },

    /**
     * A trip's candidate places in one answer: up to `limit` places within the radius (filters
     * applied), nearest first, plus every `include` place wherever it is, each with its distance
     * from the centre and its real opening on `dates`. The part without `include` is cached on its
     * own (and warmed by location-search-queue), so must-visits do not split the cache.
     */
    async candidates(req: CandidatesRequest): Promise<{ items: Candidate[]; missing: string[] }> {
      const dates = sortedUnique(req.dates);
      const categories = sortedUnique(req.categories);
      const base = await nearby({ center: req.center, radiusKm: req.radiusKm, categories, region: req.region, dates });
      const nearest = base.items.slice(0, req.limit);
      const taken = new Set(nearest.map((c) => c.id));
      const include = [...new Set(req.include ?? [])].filter((id) => !taken.has(id));
      const extra = include.length
        ? await cached('include', { center: req.center, include, dates }, async (monday) => {
            const rows = await byIds(include, req.center);
            return inOrder(include, rows.map((r) => ({ ...toPlace(r, monday), distanceKm: km(r.distance_m ?? 0), opening: dayOpenings(r.opening_hours_osm, dates, r, r.last_entry_minutes) })));
          })
        : { items: [], missing: [] };
      return { items: [...nearest, ...extra.items].sort((a, b) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id)), missing: extra.missing };
    },

    nearby,

    /** Stops re-reading the data generation (the app's close). */
    close(): void {
      clearInterval(refresher);
    },
  };
};

export type PlaceRepository = ReturnType<typeof placeRepository>;
