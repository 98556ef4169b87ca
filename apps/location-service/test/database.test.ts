/**
 * location_db as the committed migrations build it: exactly the Prisma schema (no drift), the
 * extensions the catalog lists, a radius search the planner answers from the GiST index
 * (EXPLAIN on 20,000 places, where a scan would cost more) and text conditions it can answer
 * from the trigram indexes.
 */
import { SERVICES } from '@tripgen/catalog';
import { openMigrationEngine, readSchemaFolder } from '@tripgen/service-kit/migrations';
import { adminUrl, createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { searchSql } from '../src/domain/places.ts';
import { MIGRATIONS_DIR } from './harness.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('location_explain', MIGRATIONS_DIR);
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  // 20,000 places spread over Seoul (names like "Place 123 / 장소 123"), then fresh statistics.
  await prisma.$executeRawUnsafe(`
    INSERT INTO places (id, name, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on)
    SELECT 'p-' || g, 'Place ' || g, '장소 ' || g, (ARRAY['palace','museum','market','park'])[1 + g % 4], 'seoul',
           ST_SetSRID(ST_MakePoint(126.8 + (g % 200) * 0.002, 37.45 + (g / 200) * 0.0025), 4326)::geography,
           60, 4, '24/7', 'test', 'p-' || g, 'CC0-1.0', DATE '2026-11-30'
    FROM generate_series(1, 20000) AS g`);
  await prisma.$executeRawUnsafe('ANALYZE places');
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const plan = async (sql: ReturnType<typeof searchSql>, settings = 'RESET ALL'): Promise<string> =>
  prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(settings);
    const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${sql}`;
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });

describe('EXPLAIN of the search the service runs', () => {
  it('a radius search reads the GiST index on location', async () => {
    const explained = await plan(searchSql({ center: { lat: 37.5796, lng: 126.977 }, radiusKm: 1, limit: 20 }));
    expect(explained).toMatch(/Index Scan using places_location_idx|Bitmap Index Scan on places_location_idx/);
    expect(explained).not.toMatch(/Seq Scan on places/);
  });

  it('the check fails on a broken copy: without the GiST index the same search scans the table', async () => {
    let explained = '';
    const rollback = new Error('rollback');
    await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe('DROP INDEX places_location_idx');
        const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${searchSql({ center: { lat: 37.5796, lng: 126.977 }, radiusKm: 1, limit: 20 })}`;
        explained = rows.map((r) => r['QUERY PLAN']).join('\n');
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    expect(explained).toMatch(/Seq Scan on places/);
    expect(explained).not.toMatch(/places_location_idx/);
  });

  it('a radius search with a category still reads it', async () => {
    const explained = await plan(searchSql({ center: { lat: 37.5796, lng: 126.977 }, radiusKm: 2, category: 'museum', limit: 20 }));
    expect(explained).toMatch(/places_location_idx/);
  });

  it('a text search can be answered from the trigram indexes on both names', async () => {
    // Short names make a scan cheaper than four GIN lookups at this size, and the planner rightly
    // scans; with scans priced out it must still find an index for every text condition (a
    // condition on lower(name), say, would leave it no choice but the scan).
    const explained = await plan(searchSql({ q: '장소 1234', limit: 20 }), 'SET LOCAL enable_seqscan = off');
    expect(explained).toMatch(/places_name_ko_idx/);
    expect(explained).toMatch(/places_name_idx/);
    expect(explained).not.toMatch(/Seq Scan on places/);
  });

  it('every search is bounded (LIMIT)', async () => {
    expect(await plan(searchSql({ q: 'place', limit: 7 }))).toMatch(/^Limit/);
  });
});

describe('migrations', () => {
  it('build exactly the Prisma schema: a fresh diff from them is empty', async () => {
    const engine = await openMigrationEngine(adminUrl());
    try {
      const schema = await readSchemaFolder(path.resolve(MIGRATIONS_DIR, '..'));
      const sql = await engine.diffFromMigrations(MIGRATIONS_DIR, schema);
      expect(sql.trim()).toMatch(/^(-- This is an empty migration\.?)?$/);
    } finally {
      await engine.dispose();
    }
  });

  it('create the extensions the catalog lists for location_db', async () => {
    const rows = await prisma.$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension`;
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining([...SERVICES.location.databaseExtensions]));
  });
});
