/**
 * `npm run bench:locations`: throughput and latency of the location service's radius search,
 * cached (the same search again: L1 hit) and uncached (a new centre on every request: PostGIS
 * query, weekly hours, both cache levels written), next to the user service's cached
 * authenticated GET in the same run. Both services run as their own processes with production
 * settings on throwaway databases, the location one holding the shipped data set; autocannon
 * drives them from this process. Run it alone: `flock /tmp/tripgen-bench.lock npm run bench:locations`.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { benchCall } from '@tripgen/dev-tools/bench-calls';
import { benchAuthorization, startBenchStack } from '@tripgen/dev-tools/bench-stack';
import { cacheNamespace, l2Key } from '@tripgen/service-kit';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** Gyeongbokgung: the densest part of the data set. */
const CENTRE = { lat: 37.5796, lng: 126.977 };
const RADIUS_KM = 2;
const LIMIT = 20;

interface Figure {
  readonly title: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
}

const run = async (title: string, opts: autocannon.Options): Promise<Figure> => {
  await autocannon({ ...opts, connections: CONNECTIONS, duration: 2 }); // warm-up (JIT, pools, caches)
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION_S });
  if (r.non2xx || r.errors) throw new Error(`${title}: ${r.non2xx} non-2xx answers and ${r.errors} errors; the figure would be meaningless`);
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
};

const searchPath = (lat: number, lng: number) => `/api/v1/locations/search?lat=${lat.toFixed(7)}&lng=${lng.toFixed(7)}&radiusKm=${RADIUS_KM}&limit=${LIMIT}`;

const stack = await startBenchStack(['user', 'location']);
try {
  const user = stack.service('user');
  const location = stack.service('location');

  const headers = { authorization: await benchAuthorization(user.url) };
  const found = (await benchCall({ what: 'the first search', url: `${location.url}${searchPath(CENTRE.lat, CENTRE.lng)}`, headers, expect: [200] })).json as { items: unknown[] };

  // Uncached: every request a centre never asked before (a deterministic walk of 0.1 m steps within
  // 100 m of the palace), so each one misses both cache levels and runs the PostGIS query.
  let step = 0;
  const uncachedPath = () => {
    step++;
    return searchPath(CENTRE.lat + ((step % 1000) - 500) * 1e-6, CENTRE.lng + (Math.floor(step / 1000) % 1000) * 1e-6);
  };

  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per target after a 2 s warm-up, on ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)})`);
  console.log(`radius search: ${RADIUS_KM} km around Gyeongbokgung, limit ${LIMIT} (${found.items.length} places per answer)`);
  const me = await run('user: GET /api/v1/users/me (cached)', { url: `${user.url}/api/v1/users/me`, headers });
  const cached = await run('location: radius search, cached', { url: `${location.url}${searchPath(CENTRE.lat, CENTRE.lng)}`, headers });
  const uncached = await run('location: radius search, uncached (new centre each request)', {
    url: location.url,
    requests: [{ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: uncachedPath() }) }],
  });

  const rows = [me, cached, uncached].map(
    (r) => `${r.title.padEnd(62)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests)`,
  );
  console.log(rows.join('\n'));
  console.log(
    `ratios: cached search ${((cached.rps / me.rps) * 100).toFixed(0)} % of the user GET's req/s; uncached ${((uncached.rps / me.rps) * 100).toFixed(0)} %; ` +
      `uncached vs cached ${((uncached.rps / cached.rps) * 100).toFixed(0)} % (p99 ${uncached.p99} vs ${cached.p99} ms)`,
  );
  console.log(`uncached requests made: ${step} distinct centres`);
  console.log('peak RSS (VmHWM):');
  for (const p of stack.services) console.log(`  ${`${p.name}-service`.padEnd(20)} ${(p.peakRss() / 1024 / 1024).toFixed(0)} MiB`);

  // The uncached run wrote one search answer per centre into the shared Redis (30 min TTL): drop
  // them rather than leave them to crowd the other users of the local stack.
  const redis = new Redis(process.env.REDIS_URL!);
  let dropped = 0;
  for await (const keys of redis.scanStream({ match: l2Key(cacheNamespace('location'), '*', 'search:*'), count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) dropped += await redis.del(...keys);
  }
  redis.disconnect();
  console.log(`dropped ${dropped} cached search answers from Redis`);
} finally {
  await stack.stop();
}
process.exit(0);
