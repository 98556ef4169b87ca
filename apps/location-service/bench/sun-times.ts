/**
 * `npm run bench:sun-times`: what a sun span with a clock time (`06:30-sunrise`) costs the first time a place asks it,
 * beyond its parses: time and retained heap of one date's answer at each of 15 new places (medians), in winter (the
 * sun on the span's side) and in summer (no time: the year's range decides whether it is a night). Run with
 * `--expose-gc` (the script below does).
 */
import { performance } from 'node:perf_hooks';
import { dayOpenings } from '../src/domain/opening-hours.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const VALUE = 'Mo-Su 06:30-sunrise';
const PLACES = 15;
dayOpenings(VALUE, ['2026-03-01'], { lat: 37.4, lng: 127.0 });
for (const [label, date, shift] of [['winter date', '2026-12-21', 0.001], ['summer date', '2026-06-21', 0.011]] as const) {
  const ms: number[] = [];
  const kb: number[] = [];
  for (let i = 0; i < PLACES; i++) {
    const at = { lat: 37.42 + i * 0.02 + shift, lng: 126.9 + i * 0.02 };
    // The place's parses of the sun time and of the value, with no sun times of a date asked (a clock time before any sunrise).
    dayOpenings('Mo-Su sunrise-24:00', [date], at);
    dayOpenings(VALUE.replace('06:30', '05:00'), [date], at);
    gc();
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    dayOpenings(VALUE, [date], at);
    ms.push(performance.now() - started);
    gc();
    kb.push((process.memoryUsage().heapUsed - heap) / 1024);
  }
  const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  console.log(`${VALUE}, ${label}: median ${median(ms).toFixed(1)} ms, retained ${median(kb).toFixed(0)} KB per new place (${PLACES} places)`);
}
