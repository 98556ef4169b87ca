/**
 * `npm run bench:openings`: the time dayOpenings takes for
 * every shipped place over BENCH_DAYS dates (default 31, from 2026-12-01, a month with a holiday),
 * each place with its own coordinates and last entry, as the candidates route asks it. Prints the
 * median and best of BENCH_REPS runs (default 7) after one warm-up that fills the parse cache.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { dataFiles, placeDataSet, readPlaceFiles } from '../src/data/load.ts';
import { addDays, dayOpenings } from '../src/domain/opening-hours.ts';

const DAYS = Number(process.env.BENCH_DAYS ?? 31);
const REPS = Number(process.env.BENCH_REPS ?? 7);
const FIRST = process.env.BENCH_FROM ?? '2026-12-01';

const places = await readPlaceFiles(await dataFiles(placeDataSet(path.join(import.meta.dirname, '..')).placesDir));
const dates = Array.from({ length: DAYS }, (_, i) => addDays(FIRST, i));
const run = (): number => {
  const started = performance.now();
  for (const p of places) dayOpenings(p.openingHoursOsm, dates, p, p.lastEntryMinutes ?? 0);
  return performance.now() - started;
};
run();
const times = Array.from({ length: REPS }, run).sort((a, b) => a - b);
console.log(`${places.length} places x ${DAYS} dates: median ${times[Math.floor(REPS / 2)]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms (${REPS} runs)`);
