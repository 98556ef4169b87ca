/**
 * One schedule against the location service's wire format when it fails: the real client
 * (clients/location.ts) talks to a local stub of the location service's internal routes (catalog
 * paths and types) that answers 503, 400, nothing at all, or the places of the fixtures. What the
 * traveller gets is a schedule failed with a reason in words, never an internal error, and the
 * deadline of the message bounds every call.
 */
import { createServer, type AddressInfo } from 'node:net';
import { MEAL_CATEGORIES, MEAL_INTEREST_MIN_WEIGHT, RESPONSE_TIME_SLO, internalPrefix, LOCATION_INTERNAL_PATHS, type CandidatesRequest, type PlacesBatchRequest } from '@tripgen/catalog';
import { capturedLogger } from '@tripgen/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locationDirectory } from '../src/clients/location.ts';
import { GenerationFailure, MIN_ENGINE_ITERATIONS, MIN_ENGINE_MS, TARGET_RESERVE_MS, engineBacklog, engineBudget, generateSchedule, type GenerateDeps } from '../src/planning/generate.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { SEOUL, request, withOpening } from './fixtures/places.ts';

type Answer = (body: unknown) => { status: number; json?: unknown } | 'hang';
const answers: { candidates: Answer; places: Answer } = { candidates: () => ({ status: 500 }), places: () => ({ status: 500 }) };
const calls: { candidates: CandidatesRequest[]; places: PlacesBatchRequest[] } = { candidates: [], places: [] };

let stub: FastifyInstance;
let url: string;
beforeAll(async () => {
  stub = Fastify({ forceCloseConnections: true });
  for (const [name, path] of [['candidates', LOCATION_INTERNAL_PATHS.candidates], ['places', LOCATION_INTERNAL_PATHS.placesBatch]] as const) {
    stub.post(`${internalPrefix('location')}${path}`, async (req, reply) => {
      (calls[name] as unknown[]).push(req.body);
      const a = answers[name](req.body);
      if (a === 'hang') return new Promise(() => undefined);
      return reply.code(a.status).type(a.status >= 400 ? 'application/problem+json' : 'application/json').send(a.json ?? { type: 'about:blank', status: a.status, title: 'stub', detail: 'stub answer' });
    });
  }
  url = await stub.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => stub?.close());
beforeEach(() => {
  calls.candidates.length = 0;
  calls.places.length = 0;
});

const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
const CHUSEOK = { date: '2026-09-25', intervals: [], note: 'closed: Chuseok (추석)' };
const deps = (over: Partial<GenerateDeps> = {}): GenerateDeps => ({
  directory: locationDirectory(url, 500),
  interests: keywordInterestModel,
  budget: { timeLimitMs: 500, maxIterations: 300 },
  ...over,
});
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
const failure = async (p: Promise<unknown>): Promise<GenerationFailure> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GenerationFailure);
  return err as GenerationFailure;
};

describe('the engine budget', () => {
  const configured = { timeLimitMs: 800, maxIterations: 600 };
  const t0 = 1_000_000;
  const span = RESPONSE_TIME_SLO.itinerary.p95Ms - TARGET_RESERVE_MS;

  it('alone: the configured iterations, and the time limit never past what is left of the target, nor below the floor', () => {
    expect(engineBudget(configured, t0, t0)).toEqual(configured);
    expect(engineBudget(configured, t0, t0 + span - 300)).toEqual({ timeLimitMs: 300, maxIterations: 600 });
    expect(engineBudget(configured, t0, t0 + span + 5_000)).toEqual({ timeLimitMs: MIN_ENGINE_MS, maxIterations: 600 });
  });

  it('behind others, late or not: the floor of iterations, and its share of the time left', () => {
    expect(engineBudget(configured, t0, t0 + span - 1_200, 2)).toEqual({ timeLimitMs: 600, maxIterations: MIN_ENGINE_ITERATIONS });
    expect(engineBudget(configured, t0, t0 + span + 5_000, 2)).toEqual({ timeLimitMs: MIN_ENGINE_MS, maxIterations: MIN_ENGINE_ITERATIONS });
  });

  it('with others waiting for the engine: the floor however early, its share of the time left, never more than configured', () => {
    expect(engineBudget(configured, t0, t0, 2)).toEqual({ timeLimitMs: configured.timeLimitMs, maxIterations: MIN_ENGINE_ITERATIONS });
    expect(engineBudget(configured, t0, t0, 4)).toEqual({ timeLimitMs: configured.timeLimitMs, maxIterations: MIN_ENGINE_ITERATIONS });
    expect(engineBudget(configured, t0, t0 + span / 2, 10)).toEqual({ timeLimitMs: span / 20, maxIterations: MIN_ENGINE_ITERATIONS });
    expect(engineBudget({ timeLimitMs: 100, maxIterations: 20 }, t0, t0, 4)).toEqual({ timeLimitMs: 100, maxIterations: 20 });
  });

  it('counts each schedule in the backlog until its engine run is over, once', () => {
    const backlog = engineBacklog();
    const leave = backlog.enter();
    backlog.enter();
    expect(backlog.size()).toBe(2);
    leave();
    leave();
    expect(backlog.size()).toBe(1);
  });
});

describe('a schedule whose location service fails', () => {
  it('unavailable (503) on every try: asked three times, then failed with a reason the traveller understands', async () => {
    answers.candidates = () => ({ status: 503 });
    const { logger, lines } = capturedLogger();
    const err = await failure(generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ log: logger })));
    expect(err.message).toBe('the place directory (location service) did not answer; please request the schedule again');
    expect(calls.candidates).toHaveLength(3);
    // An outage, not a bug: a warning with the last try's cause chain (the kit's outageChain) and no stack.
    const unavailable = lines.filter((l) => l.msg === 'location service unavailable');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]).toMatchObject({ level: 40, outage: [{ type: 'ServiceUnavailableError', message: expect.stringMatching(/^the location service is unavailable: /) }] });
    expect(unavailable[0]!.err).toBeUndefined();
  });

  it('not answering at all (no process, or no answer within the client timeout): the same failure, its warning saying which', async () => {
    answers.candidates = () => 'hang';
    expect((await failure(generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps()))).message).toMatch(/did not answer/);
    expect(calls.candidates).toHaveLength(3);
    // A port just freed: nothing listens there, so the connection is refused (port 1 is one fetch refuses to try).
    const freed = createServer();
    await new Promise<void>((r) => freed.listen(0, '127.0.0.1', r));
    const port = (freed.address() as AddressInfo).port;
    await new Promise<void>((r) => freed.close(() => r()));
    const nobody = locationDirectory(`http://127.0.0.1:${port}`, 500);
    const { logger, lines } = capturedLogger();
    expect((await failure(generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ directory: nobody, log: logger })))).message).toMatch(/did not answer/);
    // The socket's refusal down the chain (before: err 'ServiceUnavailableError: ...', the cause lost).
    const unavailable = lines.filter((l) => l.msg === 'location service unavailable');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]).toMatchObject({ level: 40, outage: expect.arrayContaining([expect.objectContaining({ code: 'ECONNREFUSED' })]) });
  });

  it('refusing the request (4xx): failed at once, not retried, and logged as the bug it is (error, the refusal\'s detail, a stack)', async () => {
    const detail = 'Request body is invalid: body/radiusKm must be <= 50';
    answers.candidates = () => ({ status: 400, json: { type: 'about:blank', status: 400, title: 'Bad Request', detail } });
    const { logger, lines } = capturedLogger();
    const err = await failure(generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ log: logger })));
    expect(err.message).toBe('the place directory refused the request for candidate places');
    expect(calls.candidates).toHaveLength(1);
    const refused = lines.filter((l) => l.msg === 'location service refused the request');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 50, status: 400, detail, err: { type: 'ServiceAnswerError', message: `the location service answered 400: ${detail}` } });
    expect(refused[0]!.err?.stack).toMatch(/service-client\.ts/);
  });

  it('answering after a retry: the schedule is made from that answer', async () => {
    const places = [SEOUL.gyeongbokgung, SEOUL.jogyesa, SEOUL.insadong].map((p) => ({ ...withOpening(p, DATES), distanceKm: 1 }));
    let n = 0;
    answers.candidates = () => (n++ === 0 ? { status: 503 } : { status: 200, json: { items: places, missing: [] } });
    const generated = await generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps());
    expect(calls.candidates).toHaveLength(2);
    expect(generated.candidates).toBe(3);
    expect(generated.result.days.flatMap((d) => d.stops.map((s) => s.locationId)).sort()).toEqual(places.map((p) => p.id).sort());
  });
});

describe('the categories asked of the location service', () => {
  const places = [SEOUL.gyeongbokgung, SEOUL.jogyesa].map((p) => ({ ...withOpening(p, DATES), distanceKm: 1 }));
  const modelSaying = (weights: Record<string, number>) => ({ read: async () => ({ source: 'llm' as const, weights }) });

  it('restaurants and cafés only when the reading of the interests names them, not for a weight a model spreads thin', async () => {
    answers.candidates = () => ({ status: 200, json: { items: places, missing: [] } });
    const asked = async (weights: Record<string, number>) => {
      calls.candidates.length = 0;
      await generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ interests: modelSaying(weights) }));
      return MEAL_CATEGORIES.filter((c) => calls.candidates[0]?.categories?.includes(c));
    };
    // "palaces", read by a model that gives everything a little.
    expect(await asked({ palace: 0.9, museum: 0.3, restaurant: 0.05, cafe: 0.1 })).toEqual([]);
    expect(await asked({ palace: 0.9, restaurant: MEAL_INTEREST_MIN_WEIGHT })).toEqual(['restaurant', 'cafe']);
    expect(await asked({ cafe: 1 })).toEqual(['restaurant', 'cafe']);
  });
});

describe('the deadline of the message', () => {
  it('already past: not started, no call made', async () => {
    answers.candidates = () => ({ status: 503 });
    const err = await failure(generateSchedule(request({ dates: DATES }, { notAfter: new Date(Date.now() - 1).toISOString() }), deps()));
    expect(err.message).toMatch(/^the schedule took longer than allowed \(deadline .*\); please request it again$/);
    expect(calls.candidates).toHaveLength(0);
  });

  it('reached while the location service is retried: stops there, failed as too long', async () => {
    answers.candidates = () => ({ status: 503 });
    // The third try would come 300 + 900 ms in. Which comes first in the event loop, the failure or a
    // timer due then (not a wall-clock bound: a stalled machine runs due timers in order, so the
    // deadline's earlier timer still ends the run first).
    const retriesOver = new Promise<'retries over'>((r) => setTimeout(() => r('retries over'), 1_200));
    const failed = failure(generateSchedule(request({ dates: DATES }, { notAfter: new Date(Date.now() + 700).toISOString() }), deps()));
    expect(await Promise.race([failed.then(() => 'failed'), retriesOver])).toBe('failed');
    const err = await failed;
    expect(err.message).toMatch(/took longer than allowed/);
    // Stopped before the third try (0, 300, 900 ms): the deadline, not the retry schedule, ended it.
    expect(calls.candidates.length).toBeLessThan(3);
  });
});

describe('a must-visit closed on every trip date', () => {
  const museum = { ...withOpening(SEOUL.museum, ['2026-09-25'], { '2026-09-25': CHUSEOK }), distanceKm: 4 };
  const message = () => request({ dates: ['2026-09-25'], mustVisit: [museum.id] }, { notAfter: inAMinute() });

  it('asks the opening around the trip (only for the miss) and suggests the nearest date it is open', async () => {
    answers.candidates = () => ({ status: 200, json: { items: [museum], missing: [] } });
    answers.places = (body) => ({
      status: 200,
      json: { items: [{ ...SEOUL.museum, opening: (body as PlacesBatchRequest).dates!.map((date) => ({ date, intervals: [['10:00', '18:00']] })) }], missing: [] },
    });
    const { result } = await generateSchedule(message(), deps());
    expect(calls.places).toEqual([{ ids: [museum.id], dates: ['2026-09-24', '2026-09-26', '2026-09-23', '2026-09-27', '2026-09-22', '2026-09-28'] }]);
    expect(result.reasons).toEqual([
      expect.objectContaining({ locationId: museum.id, reason: 'closed', detail: 'closed on 2026-09-25 (Chuseok)', suggestions: [{ change: 'another-date', detail: 'visit on 2026-09-24, the day before your trip, when it is open' }] }),
    ]);
  });

  it('suggests a date by its real opening, not the weekly hours: the holiday dates next to the trip are skipped', async () => {
    // Open every day of the week, closed the whole of Chuseok (2026-09-24..26): the nearest date it
    // really opens is 2026-09-23, two days before.
    answers.candidates = () => ({ status: 200, json: { items: [museum], missing: [] } });
    answers.places = (body) => ({
      status: 200,
      json: {
        items: [{ ...SEOUL.museum, opening: (body as PlacesBatchRequest).dates!.map((date) => (date >= '2026-09-24' && date <= '2026-09-26' ? { date, intervals: [], note: 'closed: Chuseok (추석)' } : { date, intervals: [['10:00', '18:00']] })) }],
        missing: [],
      },
    });
    const { result } = await generateSchedule(message(), deps());
    expect(result.reasons).toEqual([
      expect.objectContaining({ locationId: museum.id, reason: 'closed', suggestions: [{ change: 'another-date', detail: 'visit on 2026-09-23, 2 days before your trip, when it is open' }] }),
    ]);
  });

  it('still explains the miss when that second call fails (the suggestion of another date is left out)', async () => {
    answers.candidates = () => ({ status: 200, json: { items: [museum], missing: [] } });
    answers.places = () => ({ status: 500 });
    const { result } = await generateSchedule(message(), deps());
    expect(calls.places.length).toBeGreaterThan(0);
    expect(result.reasons).toEqual([expect.objectContaining({ locationId: museum.id, reason: 'closed', detail: 'closed on 2026-09-25 (Chuseok)', suggestions: [] })]);
  });

  it('without time left before the deadline: no second call, the reason without suggestions', async () => {
    answers.candidates = () => ({ status: 200, json: { items: [museum], missing: [] } });
    const { result } = await generateSchedule(request({ dates: ['2026-09-25'], mustVisit: [museum.id] }, { notAfter: new Date(Date.now() + 900).toISOString() }), deps());
    expect(calls.places).toHaveLength(0);
    expect(result.reasons[0]).toMatchObject({ reason: 'closed', suggestions: [] });
  });
});

describe('a re-plan', () => {
  it('without its base schedule is failed with the reason', async () => {
    answers.candidates = () => ({ status: 200, json: { items: [{ ...withOpening(SEOUL.jogyesa, DATES), distanceKm: 1 }], missing: [] } });
    const m = request({ dates: DATES }, { notAfter: inAMinute(), replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: DATES[1]!, locked: [] } });
    expect((await failure(generateSchedule(m, deps()))).message).toBe('the schedule to re-plan is not available');
    // A re-plan asks the candidates of its one day only.
    expect(calls.candidates[0]!.dates).toEqual([DATES[1]]);
  });
});

describe('a schedule behind others in this process', () => {
  it('runs the engine on its share (fewer iterations) and leaves the backlog when done', async () => {
    const places = [SEOUL.gyeongbokgung, SEOUL.jogyesa, SEOUL.insadong, SEOUL.bukchon, SEOUL.changdeokgung, SEOUL.gwangjang].map((p) => ({ ...withOpening(p, DATES), distanceKm: 1 }));
    answers.candidates = () => ({ status: 200, json: { items: places, missing: [] } });
    const backlog = engineBacklog();
    for (let i = 0; i < 3; i++) backlog.enter();
    const budget = { timeLimitMs: 5_000, maxIterations: 400 };
    const behind = await generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ budget, backlog }));
    expect(behind.plan.stats.iterations).toBeLessThanOrEqual(100);
    expect(backlog.size()).toBe(3);
    const alone = await generateSchedule(request({ dates: DATES }, { notAfter: inAMinute() }), deps({ budget, backlog: engineBacklog() }));
    expect(alone.plan.stats.iterations).toBe(400);
  });
});
