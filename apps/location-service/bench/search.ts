/**
 * `npm run bench:location-search`: the database time of GET /api/v1/locations/search for every
 * query shape (q of 1, 2, 3, 10 and 100 characters, English and Korean; without and with a
 * centre; with category and region), on a throwaway location_db holding the shipped places plus
 * generated ones up to BENCH_PLACES (default 30,000). Runs the repository's SQL (runSearch) on one
 * pooled connection, past the cache, BENCH_REPS times per shape after two warm-ups, and prints
 * p50/p95/max (BENCH_ONLY: a regular expression on the shapes' titles). BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of each shape once.
 * Run it alone: `flock /tmp/tripgen-bench.lock npm run bench:location-search`.
 */
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@tripgen/service-kit';
import { createScratchDatabase, ensureStack } from '@tripgen/dev-tools/local-stack';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { readPlaceFiles, upsertPlaces } from '../src/data/load.ts';
import { runSearch, searchSettings, searchSql, type SearchSpec } from '../src/domain/places.ts';
import { seedManyPlaces } from '../test/support/many-places.ts';

const PLACES = Number(process.env.BENCH_PLACES ?? 30_000);
const REPS = Number(process.env.BENCH_REPS ?? 30);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const CENTRE = { lat: 37.5796, lng: 126.977 };
const LONG = 'Gyeongbokgung Palace and the National Folk Museum of Korea near Samcheong-dong, Seoul, on a sunny day'.slice(0, 100);

const shapes: [string, SearchSpec][] = [];
for (const q of ['a', '궁', 'se', '시장', 'sin', 'market', 'Gyeongbokg', '경복궁', LONG]) {
  shapes.push([`q=${q.length > 12 ? `${q.slice(0, 12)}…(${q.length})` : q}`, { q, limit: 20 }]);
  shapes.push([`q=${q.length > 12 ? `${q.slice(0, 12)}…` : q} + centre 5 km`, { q, center: CENTRE, radiusKm: 5, limit: 20 }]);
}
shapes.push(['q=a + category market, region seoul', { q: 'a', category: 'market', region: 'seoul', limit: 20 }]);
shapes.push(['q=market + category, region, centre 100 km', { q: 'market', category: 'market', region: 'seoul', center: CENTRE, radiusKm: 100, limit: 100 }]);
shapes.push(['q=a + centre 100 km, limit 100', { q: 'a', center: CENTRE, radiusKm: 100, limit: 100 }]);
shapes.push(['centre 2 km (no q)', { center: CENTRE, radiusKm: 2, limit: 20 }]);

ensureStack();
const db = await createScratchDatabase('bench_location_search', serviceMigrationsDir('location'));
const prisma = createPrismaClient(PrismaClient, db.url, 1);
try {
  const dir = path.join(import.meta.dirname, '..', 'data', 'places');
  await upsertPlaces(prisma, await readPlaceFiles([path.join(dir, 'seoul.json'), path.join(dir, 'jeju.json')]));
  const n = await seedManyPlaces(prisma, PLACES);
  console.log(`${n} places; ${REPS} runs per shape after 2 warm-ups, one connection, on ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)})`);
  for (const [title, spec] of shapes) {
    if (process.env.BENCH_ONLY && !new RegExp(process.env.BENCH_ONLY).test(title)) continue;
    if (EXPLAIN) {
      const plan = await prisma.$transaction(async (tx) => {
        const settings = searchSettings(spec);
        if (settings) await tx.$executeRawUnsafe(settings);
        return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(spec)}`;
      });
      console.log(`--- ${title}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    let rows = 0;
    for (let i = 0; i < 2; i++) await runSearch(prisma, spec);
    const ms: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      rows = (await runSearch(prisma, spec)).length;
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!.toFixed(1);
    console.log(`${title.padEnd(46)} ${String(rows).padStart(3)} rows   p50 ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms   max ${at(1).padStart(6)} ms`);
  }
} finally {
  await prisma.$disconnect();
  await db.drop();
}
