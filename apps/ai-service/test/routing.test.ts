/**
 * Where a schedule's travel times come from, as the AI service is configured (ROUTING_PROVIDER,
 * OSRM_URL, ROUTING_TIMEOUT_MS through the kit's loadConfig): the provider the service builds from
 * its settings, against a local stand-in for osrm-routed that speaks its table API (Project-OSRM
 * docs/http.md; @tripgen/testing/osrm-stub), up, down, dropping the connection and too slow. A
 * router that does not answer never fails a schedule: the haversine model answers and the result
 * says so (`travel.fallback`).
 */
import { haversineKm, haversineMatrix, travelMinutes, type LatLng } from '@tripgen/planner';
import { createTravelTimeProvider } from '@tripgen/planner/routing';
import { loadConfig } from '@tripgen/service-kit';
import { startOsrmStub, stubSeconds, type OsrmStub } from '@tripgen/testing/osrm-stub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlaceDirectory } from '../src/clients/location.ts';
import { aiConfig } from '../src/config.ts';
import { generateSchedule, type GenerateDeps } from '../src/planning/generate.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { LODGING, SEOUL, request, withOpening } from './fixtures/places.ts';

const DATES = ['2026-09-24', '2026-09-25'];
const PLACES = [SEOUL.gyeongbokgung, SEOUL.changdeokgung, SEOUL.bukchon, SEOUL.jogyesa, SEOUL.insadong, SEOUL.gwangjang, SEOUL.tower];
const BY_ID = new Map<string, LatLng>(PLACES.map((p) => [p.id, { lat: p.lat, lng: p.lng }]));

/** The location service's answer, in process: these places, open as usual on the trip's dates. */
const directory: PlaceDirectory = {
  candidates: async () => ({ items: PLACES.map((p) => ({ ...withOpening(p, DATES), distanceKm: haversineKm(LODGING, p), opening: withOpening(p, DATES).opening! })), missing: [] }),
  places: async () => ({ items: [], missing: [] }),
};

/** The AI service's settings from an environment, through the kit as at start. */
const settings = (env: Record<string, string>) =>
  aiConfig(loadConfig({ service: 'ai' }, { NODE_ENV: 'test', DATABASE_URL: 'postgresql://ai:ai@127.0.0.1:1/ai_db', REDIS_URL: 'redis://127.0.0.1:1', JWKS_URL: 'http://127.0.0.1:1/jwks', LOCATION_SERVICE_URL: 'http://127.0.0.1:1', SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true', ...env }).own);

const depsFor = (env: Record<string, string>): GenerateDeps => ({
  directory,
  interests: keywordInterestModel,
  budget: { timeLimitMs: 500, maxIterations: 200 },
  travelTimes: createTravelTimeProvider(settings(env).routing),
});

const lonLat = (p: LatLng): [number, number] => [p.lng, p.lat];
/** Each day's first leg (lodging -> first stop), as planned. */
const firstLegs = (result: Awaited<ReturnType<typeof generateSchedule>>['result']) =>
  result.days.filter((d) => d.stops.length > 0).map((d) => ({ to: BY_ID.get(d.stops[0]!.locationId)!, minutes: d.stops[0]!.travelMinutes }));

let osrm: OsrmStub;
beforeAll(async () => {
  osrm = await startOsrmStub();
});
afterAll(async () => osrm?.close());
beforeEach(() => osrm.reset());

describe('travel times of a schedule, as configured', () => {
  it('default (no ROUTING_PROVIDER): the haversine model, not flagged as a fallback', async () => {
    const { result } = await generateSchedule(request({ dates: DATES, travelMode: 'walk' }), depsFor({}));
    expect(result.travel).toEqual({ source: 'haversine', fallback: false });
    expect(firstLegs(result).length).toBeGreaterThan(0);
    for (const leg of firstLegs(result)) expect(leg.minutes).toBe(travelMinutes(LODGING, leg.to, 'walk'));
    expect(osrm.requests).toHaveLength(0);
  });

  it('default: the model\'s times are the engine\'s own (no matrix built for it), the same plan to the byte as with the model\'s matrix carried to it', async () => {
    const carried: GenerateDeps = { ...depsFor({}), travelTimes: { name: 'the model, as a matrix', matrix: async (points, mode) => haversineMatrix(points, mode) } };
    for (const travelMode of ['walk', 'transit', 'car'] as const) {
      const message = request({ dates: DATES, travelMode });
      const own = await generateSchedule(message, depsFor({}));
      expect(own.request.travelTimes).toBeUndefined();
      const viaMatrix = await generateSchedule(message, carried);
      expect(viaMatrix.request.travelTimes?.source).toBe('haversine');
      expect(JSON.stringify(own.result)).toBe(JSON.stringify(viaMatrix.result));
    }
  });

  it('ROUTING_PROVIDER=osrm: the router\'s table (foot profile for a walk), every leg its duration in whole minutes, and the next schedule of the same trip from the cache', async () => {
    const deps = depsFor({ ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url });
    const { result } = await generateSchedule(request({ dates: DATES, travelMode: 'walk' }), deps);
    expect(result.travel).toEqual({ source: 'osrm', fallback: false });
    expect(osrm.requests.length).toBeGreaterThan(0);
    expect(osrm.requests.every((u) => u.pathname.startsWith('/table/v1/foot/') && u.searchParams.get('annotations') === 'duration')).toBe(true);
    const legs = firstLegs(result);
    expect(legs.length).toBeGreaterThan(0);
    // The stub walks at 4 km/h x 1.3, the model at 4.8 km/h x 1.25: the two differ on every leg here.
    for (const leg of legs) {
      expect(leg.minutes).toBe(Math.ceil(stubSeconds(lonLat(LODGING), lonLat(leg.to), 4) / 60 - 1e-9));
      expect(leg.minutes).not.toBe(travelMinutes(LODGING, leg.to, 'walk'));
    }
    const asked = osrm.requests.length;
    const again = await generateSchedule(request({ dates: DATES, travelMode: 'walk' }), deps);
    expect(again.result.travel).toEqual({ source: 'osrm', fallback: false });
    expect(osrm.requests).toHaveLength(asked);
  });

  it('router down (connection dropped, then an error answer): the model\'s times, flagged, and the schedule still made', async () => {
    for (const breakIt of [() => (osrm.behaviour.drop = true), () => (osrm.behaviour.fail = { status: 503, contentType: 'text/html', body: '<html>502 Bad Gateway</html>' })]) {
      breakIt();
      const logged: string[] = [];
      const log = { warn: (_o: object, msg: string) => logged.push(msg), error: (_o: object, msg: string) => logged.push(msg) };
      const { result } = await generateSchedule(request({ dates: DATES, travelMode: 'walk' }), { ...depsFor({ ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url }), log });
      expect(result.travel).toEqual({ source: 'haversine', fallback: true });
      expect(logged).toContain('router did not answer; travel times from the haversine model');
      expect(firstLegs(result).length).toBeGreaterThan(0);
      for (const leg of firstLegs(result)) expect(leg.minutes).toBe(travelMinutes(LODGING, leg.to, 'walk'));
      osrm.behaviour.drop = false;
      delete osrm.behaviour.fail;
    }
  });

  it('router slower than ROUTING_TIMEOUT_MS: the schedule waits that long, not for the router, and is flagged', async () => {
    osrm.behaviour.delayMs = 3_000;
    const warned: { detail?: string }[] = [];
    const log = { warn: (o: { detail?: string }) => warned.push(o), error: () => undefined };
    const { result } = await generateSchedule(request({ dates: DATES, travelMode: 'walk' }), { ...depsFor({ ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url, ROUTING_TIMEOUT_MS: '200' }), log });
    expect(result.travel).toEqual({ source: 'haversine', fallback: true });
    // The stub records a request as it answers it: the delayed answer was cut (the client closed its connection first).
    expect(osrm.requests).toHaveLength(0);
    // Given up by ROUTING_TIMEOUT_MS's own timer (the router's error names it), not by the router's answer.
    expect(warned.map((w) => w.detail)).toEqual(['osrm: OSRM did not answer within 200 ms']);
  });

  it('transit with OSRM: the model by design (OSRM has no timetables), not a fallback, and the router not asked', async () => {
    const { result } = await generateSchedule(request({ dates: DATES, travelMode: 'transit' }), depsFor({ ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url }));
    expect(result.travel).toEqual({ source: 'haversine', fallback: false });
    expect(osrm.requests).toHaveLength(0);
  });
});

describe('suggestions of a faster travel mode, with a router configured', () => {
  // Lotte World, 13 km from the lodging: no walk there and back with a 240-minute visit fits the
  // day; public transport does (planning.test.ts, the model alone). The trip's matrix holds the
  // times of the trip's mode only (the router's foot table, or the model's transit times when the
  // router has no transit profile): a faster mode must not be checked on them.
  const far = withOpening(SEOUL.lotteWorld, DATES);
  const withFar: PlaceDirectory = {
    candidates: async () => ({ items: [far, ...PLACES.map((p) => withOpening(p, DATES))].map((c) => ({ ...c, distanceKm: haversineKm(LODGING, c), opening: c.opening! })), missing: [] }),
    places: async () => ({ items: [], missing: [] }),
  };
  const suggestionsFor = async (travelMode: 'walk' | 'transit', env: Record<string, string>, hours: { dayStart?: string; dayEnd?: string } = {}) => {
    const { result } = await generateSchedule(request({ dates: DATES, travelMode, mustVisit: [far.id], ...hours }), { ...depsFor(env), directory: withFar });
    const miss = result.reasons.find((r) => r.locationId === far.id);
    expect(miss?.reason).toBe('too-far');
    return { travel: result.travel, suggestions: miss!.suggestions.filter((s) => s.change === 'travel-mode') };
  };

  it('a walk on the router\'s foot times: public transport is still suggested, as with the model', async () => {
    expect((await suggestionsFor('walk', {})).suggestions).toEqual([{ change: 'travel-mode', detail: 'travel by public transport instead of on foot' }]);
    const routed = await suggestionsFor('walk', { ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url });
    expect(routed.travel).toEqual({ source: 'osrm', fallback: false });
    expect(routed.suggestions).toEqual([{ change: 'travel-mode', detail: 'travel by public transport instead of on foot' }]);
  });

  it('transit with OSRM configured (the model\'s transit times as a matrix): the car is still suggested, as without it', async () => {
    // 12:00-18:00: 62 minutes each way by public transport do not fit with the visit and lunch, 45 by car do.
    const hours = { dayStart: '12:00', dayEnd: '18:00' };
    expect((await suggestionsFor('transit', {}, hours)).suggestions).toEqual([{ change: 'travel-mode', detail: 'travel by car instead of by public transport' }]);
    const routed = await suggestionsFor('transit', { ROUTING_PROVIDER: 'osrm', OSRM_URL: osrm.url }, hours);
    expect(routed.travel).toEqual({ source: 'haversine', fallback: false });
    expect(routed.suggestions).toEqual([{ change: 'travel-mode', detail: 'travel by car instead of by public transport' }]);
  });
});

describe('routing settings', () => {
  it('osrm needs OSRM_URL, OSRM_URL needs osrm, and an unknown router is refused at start', () => {
    expect(() => settings({ ROUTING_PROVIDER: 'osrm' })).toThrow(/ROUTING_PROVIDER=osrm needs OSRM_URL/);
    expect(() => settings({ OSRM_URL: 'http://osrm:5000' })).toThrow(/OSRM_URL is set but ROUTING_PROVIDER is not osrm/);
    expect(() => settings({ ROUTING_PROVIDER: 'valhalla', OSRM_URL: 'http://osrm:5000' })).toThrow(/ROUTING_PROVIDER/);
    expect(() => settings({ ROUTING_PROVIDER: 'osrm', OSRM_URL: 'http://osrm:5000', ROUTING_TIMEOUT_MS: '10' })).toThrow(/ROUTING_TIMEOUT_MS/);
  });

  it('carry the URL, the timeout and the server\'s table size to the adapter', () => {
    expect(settings({}).routing).toEqual({ router: 'haversine' });
    expect(settings({ ROUTING_PROVIDER: 'osrm', OSRM_URL: 'http://osrm:5000', ROUTING_TIMEOUT_MS: '1500', OSRM_MAX_TABLE_SIZE: '250' }).routing).toEqual({
      router: 'osrm',
      url: 'http://osrm:5000',
      timeoutMs: 1500,
      maxTableSize: 250,
    });
  });
});
