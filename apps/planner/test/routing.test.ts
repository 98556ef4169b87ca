import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary, travelPoints, type PlanRequest } from '../src/realworld/plan.ts';
import { haversineMatrix } from '../src/realworld/travel-matrix.ts';
import {
  CachedTravelTimeProvider,
  createTravelTimeProvider,
  FallbackTravelTimeProvider,
  OsrmTableProvider,
  planWithTravelTimes,
  replanDayWithTravelTimes,
  RoutingError,
} from '../src/routing/index.ts';
import { PARIS_REQUEST } from './fixtures/paris.ts';
import { startOsrmStub, stubSeconds, type OsrmStub } from '@tripgen/testing/osrm-stub';

const points = [
  { lat: 48.8589, lng: 2.347 },
  { lat: 48.8606, lng: 2.3376 },
  { lat: 48.8584, lng: 2.2945 },
  { lat: 48.86, lng: 2.3266 },
  { lat: 48.853, lng: 2.3499 },
  { lat: 48.8867, lng: 2.3431 },
  { lat: 48.8738, lng: 2.295 },
];
const lonLat = (p: { lat: number; lng: number }): [number, number] => [p.lng, p.lat];

let stub: OsrmStub;
beforeAll(async () => {
  stub = await startOsrmStub({ maxTableSize: 100 });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.reset());

describe('OSRM table adapter (HTTP API v1, against a local stub)', () => {
  it('asks /table/v1/{profile}/{lon},{lat};... for durations and reads seconds as whole minutes plus the mode overhead', async () => {
    const osrm = new OsrmTableProvider({ url: `${stub.url}/`, timeoutMs: 2000 });
    const walk = await osrm.matrix(points, 'walk');
    expect(stub.requests).toHaveLength(1);
    const request = stub.requests[0]!;
    expect(request.pathname).toBe(`/table/v1/foot/${points.map((p) => `${p.lng},${p.lat}`).join(';')}`);
    expect(request.searchParams.get('annotations')).toBe('duration');
    expect(request.searchParams.get('sources')).toBe('0;1;2;3;4;5;6');
    expect(walk.source).toBe('osrm');
    expect(walk.fallback).toBeUndefined();
    const n = points.length;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const expected = a === b ? 0 : Math.ceil(stubSeconds(lonLat(points[a]!), lonLat(points[b]!), 4) / 60 - 1e-9);
        expect(walk.minutes[a * n + b]).toBe(expected);
      }
    }
    // A car pays the model's parking overhead (travel.ts: 5 min) on top of the router's time.
    const car = await osrm.matrix(points, 'car');
    expect(stub.requests[1]!.pathname.startsWith('/table/v1/driving/')).toBe(true);
    expect(car.minutes[1]).toBe(Math.ceil(stubSeconds(lonLat(points[0]!), lonLat(points[1]!), 30) / 60 - 1e-9) + 5);
  });

  it('fetches a matrix larger than the server table limit in blocks, each within the limit', async () => {
    const small = await startOsrmStub({ maxTableSize: 3 });
    try {
      const blocked = await new OsrmTableProvider({ url: small.url, maxTableSize: 3 }).matrix(points, 'walk');
      expect(small.requests.length).toBe(9); // 7 points: 3 x 3 blocks of at most 3 x 3
      for (const r of small.requests) {
        const s = r.searchParams.get('sources')!.split(';').length;
        const d = r.searchParams.get('destinations')!.split(';').length;
        expect(s * d).toBeLessThanOrEqual(9);
      }
      const whole = await new OsrmTableProvider({ url: stub.url }).matrix(points, 'walk');
      expect(blocked.minutes).toEqual(whole.minutes);
      // Told a larger limit than the server has, the server refuses: TooBig, as osrm-routed answers.
      await expect(new OsrmTableProvider({ url: small.url, maxTableSize: 100 }).matrix(points, 'walk')).rejects.toMatchObject({
        code: 'TooBig',
      });
    } finally {
      await small.close();
    }
  });

  it('keeps no-route cells as null, and the planner reports such a place unreachable', async () => {
    const island = { lat: 48.7, lng: 2.2 };
    const isolated = await startOsrmStub({ island: [`${island.lng},${island.lat}`] });
    try {
      const request: PlanRequest = {
        ...PARIS_REQUEST,
        travelMode: 'walk',
        places: [...PARIS_REQUEST.places.slice(0, 5), { locationId: 'island', ...island, visitMinutes: 30, score: 90, mustVisit: true }],
        options: { maxIterations: 200, timeLimitMs: 60_000 },
      };
      const provider = new OsrmTableProvider({ url: isolated.url });
      const plan = await planWithTravelTimes(request, provider);
      expect(plan.unscheduled.find((u) => u.locationId === 'island')?.reason).toBe('unreachable');
      const matrix = await provider.matrix(travelPoints(request), 'walk');
      expect(matrix.minutes.filter((v) => v === null).length).toBeGreaterThan(0);
    } finally {
      await isolated.close();
    }
  });

  it('turns the documented error answers into RoutingError with the router code', async () => {
    const noSegment = await startOsrmStub({ noSegment: [`${points[2]!.lng},${points[2]!.lat}`] });
    try {
      await expect(new OsrmTableProvider({ url: noSegment.url }).matrix(points, 'walk')).rejects.toMatchObject({ code: 'NoSegment' });
    } finally {
      await noSegment.close();
    }
    stub.behaviour.fail = { status: 500, contentType: 'text/html', body: '<html>Internal Server Error</html>' };
    await expect(new OsrmTableProvider({ url: stub.url }).matrix(points, 'walk')).rejects.toMatchObject({ code: 'HTTP500' });
    await expect(new OsrmTableProvider({ url: stub.url, profiles: { walk: 'bicycle' } }).matrix(points, 'walk')).rejects.toThrow(RoutingError);
  });
});

describe('fallback to the haversine model, flagged in the result', () => {
  it('a slow router: the timeout ends the wait and the model answers with fallback: true', async () => {
    stub.behaviour.delayMs = 10_000;
    const provider = createTravelTimeProvider({ router: 'osrm', url: stub.url, timeoutMs: 150 });
    const matrix = await provider.matrix(points, 'walk');
    expect(matrix.fallback).toBe(true);
    expect(matrix.detail).toMatch(/did not answer within 150 ms/);
    expect(matrix.minutes).toEqual(haversineMatrix(points, 'walk').minutes);
  });

  it('a router that is down, drops the connection or answers 500: a plan is still made, and says how', async () => {
    const down = createTravelTimeProvider({ router: 'osrm', url: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const request: PlanRequest = { ...PARIS_REQUEST, travelMode: 'walk', options: { maxIterations: 300, timeLimitMs: 60_000 } };
    const plan = await planWithTravelTimes(request, down);
    expect(plan.travel).toMatchObject({ source: 'haversine', fallback: true });
    expect(plan.travel!.detail).toMatch(/osrm: OSRM unreachable/);
    // The fallback plan is exactly the model's plan.
    expect(plan.days).toEqual(planItinerary(request).days);

    stub.behaviour.drop = true;
    const dropped = await createTravelTimeProvider({ router: 'osrm', url: stub.url, timeoutMs: 1000 }).matrix(points, 'walk');
    expect(dropped.fallback).toBe(true);
    stub.behaviour.drop = false;
    stub.behaviour.fail = { status: 500, contentType: 'text/html', body: 'oops' };
    const failed = await createTravelTimeProvider({ router: 'osrm', url: stub.url }).matrix(points, 'walk');
    expect(failed).toMatchObject({ fallback: true, source: 'haversine' });
  });

  it('transit is the model by design (OSRM has no timetables): no fallback flag', async () => {
    const provider = createTravelTimeProvider({ router: 'osrm', url: stub.url });
    const matrix = await provider.matrix(points, 'transit');
    expect(stub.requests).toHaveLength(0);
    expect(matrix.source).toBe('haversine');
    expect(matrix.fallback).toBeUndefined();
  });
});

describe('matrix cache per place set', () => {
  it('answers the same place set, in any order, from memory; never caches a fallback', async () => {
    const cached = new CachedTravelTimeProvider(new OsrmTableProvider({ url: stub.url }));
    const first = await cached.matrix(points, 'walk');
    const shuffled = [points[3]!, points[0]!, points[6]!, points[1]!, points[5]!, points[2]!, points[4]!];
    const second = await cached.matrix(shuffled, 'walk');
    expect(stub.requests).toHaveLength(1);
    expect(cached.hits).toBe(1);
    const n = points.length;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        expect(second.minutes[shuffled.indexOf(points[a]!) * n + shuffled.indexOf(points[b]!)]).toBe(first.minutes[a * n + b]);
      }
    }
    // Another mode is another matrix.
    await cached.matrix(points, 'car');
    expect(stub.requests).toHaveLength(2);

    const flaky = new FallbackTravelTimeProvider(new CachedTravelTimeProvider(new OsrmTableProvider({ url: stub.url })));
    stub.behaviour.fail = { status: 503, contentType: 'text/plain', body: 'busy' };
    expect((await flaky.matrix(points, 'walk')).fallback).toBe(true);
    delete stub.behaviour.fail;
    const recovered = await flaky.matrix(points, 'walk');
    expect(recovered.fallback).toBeUndefined();
    expect(recovered.source).toBe('osrm');
  });

  it('keeps within its cell budget, dropping the least recently used matrix', async () => {
    const cached = new CachedTravelTimeProvider(new OsrmTableProvider({ url: stub.url }), { maxCells: 2 * 49 });
    await cached.matrix(points, 'walk');
    await cached.matrix(points, 'car');
    await cached.matrix(points, 'walk'); // walk is now the most recent
    await cached.matrix(points.slice(0, 6), 'walk'); // 36 cells: car goes
    expect(cached.size).toBe(2);
    const before = stub.requests.length;
    await cached.matrix(points, 'walk');
    expect(stub.requests.length).toBe(before);
    await cached.matrix(points, 'car');
    expect(stub.requests.length).toBe(before + 1);
  });
});

describe('plans on router travel times', () => {
  it('uses the matrix for every leg; the independent checker replays them from the same matrix', async () => {
    const provider = createTravelTimeProvider({ router: 'osrm', url: stub.url });
    const request: PlanRequest = { ...PARIS_REQUEST, travelMode: 'walk', options: { maxIterations: 500, timeLimitMs: 60_000 } };
    const plan = await planWithTravelTimes(request, provider);
    expect(plan.travel).toEqual({ source: 'osrm', fallback: false });
    const travelTimes = await provider.matrix(travelPoints(request), 'walk');
    const withMatrix = { ...request, travelTimes };
    expect(checkItinerary(withMatrix, plan).errors).toEqual([]);
    // The legs are the router's, not the model's: checked against the model they differ.
    expect(checkItinerary(request, plan).errors.some((e) => /model says/.test(e))).toBe(true);
    // Re-planning a day reuses the cached matrix.
    const before = stub.requests.length;
    const replanned = await replanDayWithTravelTimes(request, plan, request.days[1]!.date, [], provider);
    expect(stub.requests.length).toBe(before);
    expect(checkItinerary(withMatrix, replanned).errors).toEqual([]);
  });

  it('rejects a matrix of the wrong shape or missing a point of the request', () => {
    const request: PlanRequest = { ...PARIS_REQUEST, options: { maxIterations: 50, timeLimitMs: 60_000 } };
    const all = travelPoints(request);
    expect(() => planItinerary({ ...request, travelTimes: { ...haversineMatrix(all, 'walk'), minutes: [1, 2, 3] } })).toThrow(/expected/);
    expect(() => planItinerary({ ...request, travelTimes: haversineMatrix(all.slice(1), 'walk') })).toThrow(/has no row for/);
    const negative = haversineMatrix(all, 'walk');
    expect(() => planItinerary({ ...request, travelTimes: { ...negative, minutes: negative.minutes.map((v, i) => (i === 1 ? -4 : v)) } })).toThrow(/whole minutes/);
  });
});
