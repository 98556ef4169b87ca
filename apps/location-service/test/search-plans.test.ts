/**
 * The text search on 30,000 realistic places (the shipped ones plus generated Seoul/Jeju names,
 * test/support/many-places.ts), with the settings the service runs it with: the plans that keep
 * every query shape fast (EXPLAIN), and answers equal to the plain query that defines them.
 */
import { createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../src/generated/prisma/client.ts';
import { readPlaceFiles, upsertPlaces } from '../src/data/load.ts';
import { runSearch, searchSettings, searchSql, topTrigrams, type SearchSpec } from '../src/domain/places.ts';
import { MIGRATIONS_DIR } from './harness.ts';
import { seedManyPlaces } from './support/many-places.ts';

let db: TestDatabase;
let prisma: PrismaClient;
const CENTRE = { lat: 37.5796, lng: 126.977 };
const LONG = 'Gyeongbokgung Palace and the National Folk Museum of Korea near Samcheong-dong, Seoul, on a sunny day'.slice(0, 100);

beforeAll(async () => {
  db = await createTestDatabase('location_search_plans', MIGRATIONS_DIR);
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  const dir = path.join(import.meta.dirname, '..', 'data', 'places');
  await upsertPlaces(prisma, await readPlaceFiles([path.join(dir, 'seoul.json'), path.join(dir, 'jeju.json')]));
  expect(await seedManyPlaces(prisma, 30_000)).toBe(30_000);
  // A name with runs of punctuation: what a query without a letter or digit can find.
  await prisma.$executeRaw`
    INSERT INTO places (id, name, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on)
    SELECT 'test-punctuation', 'Cafe ... & Co - Seoul', name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on
    FROM places WHERE id = 'seoul-63-square'`;
  // 30 names of word similarity 1 to "abcdbce", half without it as a substring ("abcdbcdbce" has
  // every trigram of it), and those first by name: what a shortcut by substring would miss.
  await prisma.$executeRaw`
    INSERT INTO places (id, name, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on)
    SELECT 'test-trigrams-' || g, CASE WHEN g % 2 = 0 THEN 'Abcdbcdbce Hall ' ELSE 'Abcdbce Hall ' END || g, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on
    FROM places, generate_series(1, 30) AS g WHERE id = 'seoul-63-square'`;
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** The plan of a search; `analyze`: as run (EXPLAIN ANALYZE), which shows the parts never executed. */
const plan = async (spec: SearchSpec, analyze = false): Promise<string> =>
  prisma.$transaction(async (tx) => {
    const settings = searchSettings(spec);
    if (settings) await tx.$executeRawUnsafe(settings);
    const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`${analyze ? Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)` : Prisma.sql`EXPLAIN`} ${searchSql(spec)}`;
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });

/** What a search answers, as the plain query over the whole table defines it (docs/api.md). */
const reference = async (s: SearchSpec): Promise<{ id: string; distance_m: number | null }[]> => {
  const at = s.center ? Prisma.sql`ST_SetSRID(ST_MakePoint(${s.center.lng}::float8, ${s.center.lat}::float8), 4326)::geography` : undefined;
  const where: Prisma.Sql[] = [];
  if (s.category) where.push(Prisma.sql`category = ${s.category}`);
  if (s.region) where.push(Prisma.sql`region = ${s.region}`);
  if (at) where.push(Prisma.sql`ST_DWithin(location, ${at}, ${(s.radiusKm ?? 5) * 1000}::float8)`);
  const q = s.q!;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const short = [...q].length < 3;
  where.push(short ? Prisma.sql`(name ILIKE ${like} OR name_ko ILIKE ${like})` : Prisma.sql`(${q} <% name OR ${q} <% name_ko OR name ILIKE ${like} OR name_ko ILIKE ${like})`);
  const relevance = short ? Prisma.sql`NULL::numeric` : Prisma.sql`round(greatest(word_similarity(${q}, name), word_similarity(${q}, name_ko))::numeric, 2)`;
  return prisma.$queryRaw`
    SELECT id, ${at ? Prisma.sql`ST_Distance(location, ${at})` : Prisma.sql`NULL::float8`} AS distance_m FROM places
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${relevance} DESC NULLS LAST, distance_m ASC NULLS LAST, name, id LIMIT ${s.limit}`;
};

describe('search plans on 30,000 places', () => {
  it('a 100-character query reads the trigram indexes (a scan evaluates word_similarity on every row: 1 s)', async () => {
    const explained = await plan({ q: LONG, limit: 20 });
    expect(explained).toMatch(/Bitmap Index Scan on places_name_idx/);
    expect(explained).toMatch(/Bitmap Index Scan on places_name_ko_idx/);
    expect(explained).not.toMatch(/Seq Scan on places/);
  });

  it('a 100-character query with a centre takes the text matches first (word similarity on the 3,000 places within 5 km: 260 ms)', async () => {
    const explained = await plan({ q: LONG, center: CENTRE, radiusKm: 5, limit: 20 });
    expect(explained).toMatch(/CTE matched/);
    expect(explained).toMatch(/Bitmap Index Scan on places_name_idx/);
    expect(explained).not.toMatch(/places_location_idx/);
  });

  it('a trigram query with a wide radius and a region reads the trigram index, never a scan', async () => {
    const explained = await plan({ q: 'market', center: CENTRE, radiusKm: 100, region: 'seoul', limit: 20 });
    expect(explained).toMatch(/places_name_idx/);
    expect(explained).not.toMatch(/Seq Scan on places/);
  });

  it('a word thousands of names hold, without a centre, ranks the first candidates by name, not every match (2,175 for "market", word similarity three times each: 35 ms)', async () => {
    for (const spec of [{ q: 'market', limit: 20 }, { q: 'Park', limit: 100 }, { q: 'market', category: 'market', region: 'seoul', limit: 100 }] as const) {
      const explained = await plan(spec, true);
      expect(explained, spec.q).toMatch(/Bitmap Heap Scan on places \w+ \(never executed\)\n\s+Recheck Cond: [^\n]*\(name %> /);
    }
    // Part of a word: no candidate is of relevance 1, and they come late by name ("Sinsa"):
    // walking places_name_id_idx to them read 25,000 rows.
    expect(await plan({ q: 'sin', limit: 20 })).not.toMatch(/places_name_id_idx/);
  });

  it('a 1-character query without a centre reads places in name order and stops at the limit', async () => {
    const explained = await plan({ q: 'a', limit: 20 });
    expect(explained).toMatch(/Index Scan using places_name_id_idx on places/);
    expect(explained).not.toMatch(/Seq Scan on places/);
  });

  it('a query of 3 or more characters without a letter or digit (no trigrams) reads places in name order, not every row of the trigram indexes (150-230 ms)', async () => {
    for (const q of ['...', '~~~~~~~~~~', '!? #']) {
      const explained = await plan({ q, limit: 20 });
      expect(explained, q).toMatch(/Index Scan using places_name_id_idx on places/);
      expect(explained, q).not.toMatch(/places_name_idx|places_name_ko_idx|Seq Scan on places/);
    }
  });
});

describe('search answers on 30,000 places', () => {
  const shapes: SearchSpec[] = [];
  for (const q of ['a', '궁', 'se', '시장', 'sin', 'market', 'gyeongbokg', '경복궁', 'Seongsan Ilchulbong', LONG, '...', ' - ', '.. &']) {
    shapes.push({ q, limit: 20 }, { q, center: CENTRE, radiusKm: 5, limit: 20 }, { q, category: 'market', region: 'seoul', limit: 100 });
  }
  shapes.push({ q: 'park', center: { lat: 33.45, lng: 126.55 }, radiusKm: 100, region: 'jeju', limit: 100 });
  // Without a centre, relevance 1 found among the first candidates by name, or not ("marke", "sea"
  // with limit 100; "abcdbce": 30 places of relevance 1, asked for 20, 30 and 31).
  for (const [q, limit] of [['market', 100], ['Park', 20], ['sea', 20], ['sea', 100], ['marke', 20], ['abcdbce', 20], ['abcdbce', 30], ['abcdbce', 31]] as const) shapes.push({ q, limit });

  it.each(shapes.map((s) => [JSON.stringify(s).slice(0, 90), s] as const))('%s: the same places in the same order as the plain query', async (_title, spec) => {
    const expected = await reference(spec);
    const got = await runSearch(prisma, spec);
    expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(got.map((r) => r.distance_m)).toEqual(expected.map((r) => r.distance_m));
  });

  it('a 1-character query finds places in either language', async () => {
    expect((await runSearch(prisma, { q: 'a', limit: 5 })).length).toBe(5);
    const palaces = await runSearch(prisma, { q: '궁', center: CENTRE, radiusKm: 1, limit: 5 });
    expect(palaces[0]!.id).toBe('seoul-gyeongbokgung');
    expect(palaces.every((p) => p.name_ko.includes('궁'))).toBe(true);
  });

  it('the shortcut to relevance 1 takes the names holding every trigram of q, not only those containing q', async () => {
    const found = (await runSearch(prisma, { q: 'abcdbce', limit: 20 })).map((p) => p.name);
    expect(found.filter((n) => n.startsWith('Abcdbcdbce '))).toHaveLength(15);
    expect(found.slice(0, 15).every((n) => n.startsWith('Abcdbcdbce '))).toBe(true);
  });

  it('a query without a letter or digit finds the places whose name contains it', async () => {
    expect((await runSearch(prisma, { q: '...', limit: 5 })).map((p) => p.id)).toEqual(['test-punctuation']);
    expect((await runSearch(prisma, { q: ' - ', center: CENTRE, radiusKm: 100, limit: 5 })).map((p) => p.id)).toEqual(['test-punctuation']);
  });
});

describe('topTrigrams', () => {
  it('takes the first and last trigram of the longest run of ASCII letters and digits, lower-cased', () => {
    expect(topTrigrams('Market')).toEqual(['mar', 'ket']);
    expect(topTrigrams('Sinsa-dong 2')).toEqual(['sin', 'nsa']);
    expect(topTrigrams('sea')).toEqual(['sea']);
    expect(topTrigrams('café')).toEqual(['caf']);
    expect(topTrigrams('경복궁')).toEqual([]);
    expect(topTrigrams('ab cd')).toEqual([]);
  });
});
