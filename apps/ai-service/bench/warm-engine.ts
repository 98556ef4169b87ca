/**
 * `node --import tsx apps/ai-service/bench/warm-engine.ts` (with the stack's environment): how cold
 * the engine thread is for a plan after an idle spell. The service's own engine (threadEngine, on
 * the shipped bundle's engine-thread.mjs, as the image runs it) plans bench:schedule's 7-day Seoul
 * trip by car (every candidate in reach, from the real location service, production budget), once,
 * again after 6 s idle (longer than the idle exit the engine thread had until stop 35), and again
 * at once. Per plan: the process's CPU (the event loop waits meanwhile: this is the engine thread's,
 * and V8's helpers'), wall time, the engine's iterations and why it stopped, RSS, thread starts.
 * Then the kit's idle heap reduction on the thread: its committed heap before and after.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleService } from '@tripgen/service-kit/build';
import { startingSemiSpaceMiB } from '@tripgen/service-kit/idle-heap';
import { cachedCandidates } from '../src/clients/candidate-cache.ts';
import { locationDirectory } from '../src/clients/location.ts';
import { DEFAULT_ENGINE_BUDGET } from '../src/config.ts';
import { engineThreadModule, inThreadEngine, threadEngine } from '../src/planning/engine.ts';
import { generateSchedule } from '../src/planning/generate.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { startLoadedLocationService } from './location-fixture.ts';

const IDLE_MS = 6_000;
const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const cleanups: (() => Promise<unknown>)[] = [];
try {
  const location = await startLoadedLocationService('bench_warm_engine', cleanups);
  const directory = cachedCandidates(locationDirectory(location.url, 10_000));

  const SEOUL = { name: 'Seoul', lat: 37.5663, lng: 126.9779 };
  const message = (n: number) => ({
    scheduleId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, tripId: '00000000-0000-4000-9000-000000000001', userId: '00000000-0000-4000-a000-000000000001',
    requestedAt: new Date().toISOString(), notAfter: new Date(Date.now() + 60_000).toISOString(),
    trip: { destination: SEOUL, lodging: SEOUL, dates: ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'], dayStart: '09:00', dayEnd: '20:00', interests: ['palaces', 'street food', 'coffee', 'shopping'], mustVisit: ['seoul-gyeongbokgung', 'seoul-national-museum-of-korea', 'seoul-deoksugung'], travelMode: 'car' as const, pace: 'normal' as const },
  });
  const deps = { directory, interests: keywordInterestModel, budget: DEFAULT_ENGINE_BUDGET };
  // The area's candidates fetched once (the cache keeps them), on the event loop's engine with no
  // iterations: the engine thread's isolate is its own, so nothing of it is warmed here.
  const primed = await generateSchedule(message(0), { ...deps, budget: { ...DEFAULT_ENGINE_BUDGET, maxIterations: 0 }, engine: inThreadEngine });
  // The location service is not needed past here: stopped (its cleanup is the last pushed).
  await cleanups.pop()?.();

  const server = await bundleService(SERVICE_DIR);
  const engine = threadEngine({ module: engineThreadModule(pathToFileURL(server).href) });
  cleanups.push(() => engine.close());
  console.log(`warm-engine: 7-day Seoul trip by car, ${primed.candidates} candidates, budget ${DEFAULT_ENGINE_BUDGET.maxIterations} iterations / ${DEFAULT_ENGINE_BUDGET.timeLimitMs} ms; rss ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`);
  const c0 = cpuMs();
  const warmMs = await engine.warm();
  console.log(`warm-up (as the service does before it is ready): ${warmMs.toFixed(0)} ms wall, ${(cpuMs() - c0).toFixed(0)} ms CPU; rss ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`);
  const plan = async (label: string, n: number) => {
    const [c0, t0] = [cpuMs(), performance.now()];
    const g = await generateSchedule(message(n), { ...deps, engine });
    const { iterations, stoppedBy } = g.plan.stats;
    console.log(
      `${label.padEnd(22)} CPU ${(cpuMs() - c0).toFixed(0).padStart(4)} ms, wall ${(performance.now() - t0).toFixed(0).padStart(4)} ms, engine ${String(g.engineMs).padStart(4)} ms, ${String(iterations).padStart(4)} iterations (${stoppedBy}), score ${g.plan.score.toFixed(1)}; threads ${engine.threads()}, thread starts ${engine.threadStarts()}, rss ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`,
    );
  };
  await plan('first plan', 1);
  await sleep(IDLE_MS);
  await plan(`after ${IDLE_MS / 1000} s idle`, 2);
  await plan('at once after', 3);
  // What the kit's idle reducer gives back of the thread's heap after these plans (the figure the
  // engine-thread test no longer asserts: it checks that the collections ran on the thread).
  const r = await engine.heap.reduce(startingSemiSpaceMiB());
  console.log(`heap reduced on thread ${r.threadId}: ${(r.beforeBytes / MiB).toFixed(1)} -> ${(r.afterBytes / MiB).toFixed(1)} MiB committed, ${r.fullCollections} full collections, ${r.ms.toFixed(0)} ms; rss ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`);
} finally {
  for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error('cleanup:', err));
}
process.exit(0);
