/**
 * One schedule, from the queued request to the result: gather the candidates (the must-visits and
 * places near the lodging, each with its real opening on each date) in one call to the location
 * service, build the engine problem, take its travel times from the configured provider (the
 * haversine model, or a router with the model as flagged fallback), run `planItinerary` (or
 * `replanDay`) within what is left of the deadline, verify the plan with the independent checker,
 * explain what was left out.
 */
import { CANDIDATE_RADIUS_KM, RESPONSE_TIME_SLO, candidateCategories, interestsWantMeals, type ScheduleDay, type ScheduleGenerationMessage, type ScheduleMiss, type ScheduleResult } from '@tripgen/catalog';
import { travelPoints, type PlanRequest, type PlanResult } from '@tripgen/planner';
import { haversineProvider, type TravelTimeProvider } from '@tripgen/planner/routing';
import { inSpan, outageChain, ServiceAnswerError, ServiceUnavailableError, type FailureLogger } from '@tripgen/service-kit';
import type { PlaceDirectory } from '../clients/location.ts';
import { inThreadEngine, type Engine } from './engine.ts';
import { explainMisses, nearbyDates, type ExplainInput } from './explain.ts';
import type { InterestModel } from './interests.ts';
import { CANDIDATE_LIMIT, type Candidate, type EngineBudget } from './problem.ts';
import { GenerationFailure, hardIdsOf, planTrip, scheduleRequest, type PlannedTrip } from './plan-trip.ts';

export { GenerationFailure, planTrip, scheduleRequest, type PlannedTrip };

export interface GenerateDeps {
  readonly directory: PlaceDirectory;
  readonly interests: InterestModel;
  readonly budget: EngineBudget;
  /** Where the engine's travel times come from (default: the haversine model). */
  readonly travelTimes?: TravelTimeProvider;
  /** Where plans are made (default: in this thread). */
  readonly engine?: Engine;
  /** The schedules of this process waiting for the engine (default: this one alone). */
  readonly backlog?: EngineBacklog;
  readonly now?: () => number;
  /** The service's logger (what a schedule's failures and fallbacks say). */
  readonly log?: Pick<FailureLogger, 'warn' | 'error'>;
}

export interface Generated {
  readonly result: ScheduleResult;
  /** Engine wall-clock time of the main plan, ms. */
  readonly engineMs: number;
  readonly candidates: number;
  /** The engine request, for the checker and the evaluation (from the engine thread, its hard places only: engine-thread.ts). */
  readonly request: PlanRequest;
  readonly plan: PlanResult;
}

/** Suggestions (each checked with the engine) are not started closer to the deadline than this. */
const SUGGESTIONS_END_BEFORE_DEADLINE_MS = 1_000;

/** Time kept back from the deadline for storing the result and what follows. */
const FINISH_MARGIN_MS = 250;

/** Whether a request can no longer be started: what is left of its deadline is the margin kept for storing the result, or less (generateSchedule fails it at once). */
export const pastDeadline = (message: Pick<ScheduleGenerationMessage, 'notAfter'>, now: number = Date.now()): boolean => Date.parse(message.notAfter) - now <= FINISH_MARGIN_MS;

/**
 * The engine's budget for one schedule. The time limit is never more than what is left of the
 * 5-second target counted from the traveller's request (the catalog's itinerary objective),
 * keeping `TARGET_RESERVE_MS` for what follows the engine (explaining misses, storing, the trip
 * service reading it), and never below `MIN_ENGINE_MS`. Alone, that is all: the configured
 * iterations are the usual, deterministic stop (the eval:itinerary figures). With other schedules
 * of this process waiting for the engine (it runs one at a time), the time left is shared among
 * them and each gets the floor, `MIN_ENGINE_ITERATIONS`: on the eval:itinerary requests 50
 * iterations reach 96.9 % of a 60-second run's score in a fifth of the time of 600 (99.2 %), so a
 * backlog (fifty requests at once, a broker outage) still gets real plans within the quality
 * target. Not more while others wait: the engine's CPU is what the waiting schedules queue for,
 * and every iteration past the floor moves all of them later (bench:schedule: a share in
 * proportion to the time left gave the first of a burst 100-270 iterations, p95 engine 180-390 ms
 * on one thread, for a point or two of score).
 */
export const TARGET_RESERVE_MS = 1_000;
export const MIN_ENGINE_MS = 50;
export const MIN_ENGINE_ITERATIONS = 50;
export const engineBudget = (configured: EngineBudget, requestedAt: number, now: number, waiting = 1): EngineBudget => {
  const span = RESPONSE_TIME_SLO.itinerary.p95Ms - TARGET_RESERVE_MS;
  const left = requestedAt + span - now;
  const n = Math.max(1, waiting);
  const timeLimitMs = Math.round(Math.max(MIN_ENGINE_MS, Math.min(configured.timeLimitMs, left / n)));
  if (n === 1) return { timeLimitMs, maxIterations: configured.maxIterations };
  return { timeLimitMs, maxIterations: Math.min(configured.maxIterations, MIN_ENGINE_ITERATIONS) };
};

/** Schedules of this process waiting for the engine or in it: they share the time left. */
export interface EngineBacklog {
  size(): number;
  /** Counts one schedule in; the function returned counts it out (once, however often called). */
  enter(): () => void;
  /**
   * The same count in shared memory, read by the engine thread: a plan running when others come
   * in ends after `MIN_ENGINE_ITERATIONS` (a burst's first schedules arrive alone, get the whole
   * budget, and would hold the one engine thread for up to a second while the rest queue).
   */
  readonly shared: Int32Array;
}
export const engineBacklog = (): EngineBacklog => {
  const shared = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  return {
    shared,
    size: () => Atomics.load(shared, 0),
    enter() {
      Atomics.add(shared, 0, 1);
      let out = false;
      return () => {
        if (out) return;
        out = true;
        Atomics.sub(shared, 0, 1);
      };
    },
  };
};

const LOCATION_RETRY_DELAYS_MS = [0, 300, 900] as const;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

const renderDay = (day: PlanResult['days'][number], names: ReadonlyMap<string, string>): ScheduleDay => ({
  date: day.date,
  stops: day.stops.map((s) => ({ locationId: s.locationId, name: names.get(s.locationId) ?? s.locationId, arrive: s.arrive, start: s.start, end: s.end, travelMinutes: s.travelMinutes })),
  meals: day.meals.map((m) => ({ name: m.name, start: m.start, end: m.end, afterLocationId: m.afterLocationId })),
  returnTravelMinutes: day.returnTravelMinutes,
  finish: day.finish,
});

/**
 * What explainMisses reads (plain data for the engine thread): of the candidates, only the places
 * the plan left out (a few, where the whole set is some 200 places with their opening per date).
 */
export const explainInput = (message: ScheduleGenerationMessage, planned: PlannedTrip, candidates: ReadonlyMap<string, Candidate>, suggestUntil: number): ExplainInput => ({
  trip: message.trip,
  request: planned.request,
  result: planned.plan,
  candidates: new Map(planned.plan.unscheduled.flatMap((u) => { const c = candidates.get(u.locationId); return c ? [[u.locationId, c] as const] : []; })),
  notFound: planned.notFound,
  locked: message.replan?.locked ?? [],
  suggestUntil,
});

/**
 * A re-plan's misses as the whole trip's. The re-plan is explained on its day alone (its request
 * holds that day, its candidates that date's opening), but the schedule it answers is the trip's,
 * whose other days it keeps: a must-visit its base left out too keeps the base's reason and
 * suggestions, made over every day of the same trip (the base is planned for the trip part the
 * re-plan carries). "closed on 2026-09-25 (Chuseok)" alone told the traveller that a museum shut on
 * all three days was open on the two kept, and its other date was no longer suggested. A locked
 * place is about its day alone, and a must-visit the base placed (pushed out now) has no reason
 * there: both keep the re-plan's own; so does one not found now. Only the base's other dates are
 * kept of its suggestions (facts about dates): a longer day or a faster mode is the re-plan's own,
 * checked beside the places it locked, which the base never had.
 */
const asWholeTrip = (reasons: readonly ScheduleMiss[], base: ScheduleResult): ScheduleMiss[] => {
  const before = new Map(base.reasons.filter((r) => !r.locked && r.reason !== 'not-found').map((r) => [r.locationId, r]));
  return reasons.map((r) => {
    const whole = !r.locked && r.reason !== 'not-found' ? before.get(r.locationId) : undefined;
    if (!whole) return r;
    const own = r.suggestions.filter((x) => x.change !== 'another-date');
    return { ...whole, suggestions: [...own, ...whole.suggestions.filter((x) => x.change === 'another-date')] };
  });
};

/** The schedule as served: rendered days (a re-plan's other days exactly as they were) and every miss with its reason. */
export const renderSchedule = (message: ScheduleGenerationMessage, planned: PlannedTrip, candidates: ReadonlyMap<string, Candidate>, base: ScheduleResult | undefined, explained: ScheduleMiss[]): ScheduleResult => {
  const { trip } = message;
  const names = new Map([...candidates.values()].map((c) => [c.id, c.name]));
  const days = planned.plan.days.map((d) => (message.replan && base && d.date !== message.replan.date ? base.days.find((b) => b.date === d.date)! : renderDay(d, names)));
  const reasons = message.replan && base ? asWholeTrip(explained, base) : explained;
  return {
    days,
    unscheduled: reasons.map((r) => r.locationId),
    reasons,
    unscheduledMeals: planned.plan.unscheduledMeals.map((m) => ({ date: m.date, name: m.name, detail: m.detail })),
    travelMode: trip.travelMode,
    pace: trip.pace,
    score: planned.plan.score,
    travel: { source: planned.plan.travel?.source ?? 'haversine', fallback: planned.plan.travel?.fallback ?? false },
  };
};

/** Both in the thread that asks (tests, the evaluation): the service explains on its engine's thread (generateSchedule). */
export const explainAndRender = (message: ScheduleGenerationMessage, planned: PlannedTrip, candidates: ReadonlyMap<string, Candidate>, base: ScheduleResult | undefined, suggest: boolean): ScheduleResult =>
  renderSchedule(message, planned, candidates, base, explainMisses(explainInput(message, planned, candidates, suggest ? Number.POSITIVE_INFINITY : 0)));

/** A schedule not made by its deadline (the request taken past it, or planned past it): an expiry, ours (catalog ASYNC_OUTCOMES). */
export class DeadlinePassed extends GenerationFailure {
  override readonly name = 'DeadlinePassed';
}

export const generateSchedule = async (message: ScheduleGenerationMessage, deps: GenerateDeps, base?: ScheduleResult): Promise<Generated> => {
  const now = deps.now ?? Date.now;
  const deadline = Date.parse(message.notAfter);
  const { trip } = message;
  const remaining = () => deadline - now();
  const tooLong = () => new DeadlinePassed(`the schedule took longer than allowed (deadline ${message.notAfter}); please request it again`);
  if (pastDeadline(message, now())) throw tooLong();
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(0, remaining() - FINISH_MARGIN_MS));
  const leaveBacklog = deps.backlog?.enter();
  try {
    const call = async <T>(what: () => Promise<T>): Promise<T> => {
      let last: unknown;
      for (const delay of LOCATION_RETRY_DELAYS_MS) {
        await sleep(delay, stop.signal);
        if (stop.signal.aborted) throw tooLong();
        try {
          return await what();
        } catch (err) {
          if (err instanceof ServiceAnswerError) throw err;
          if (!(err instanceof ServiceUnavailableError)) throw err;
          last = err;
        }
      }
      if (stop.signal.aborted) throw tooLong();
      deps.log?.warn({ outage: outageChain(last) }, 'location service unavailable');
      throw new GenerationFailure('the place directory (location service) did not answer; please request the schedule again');
    };

    // Each step that makes no traced call of its own is a span: a slow schedule's trace shows which one took the time.
    const { weights } = await inSpan('map interests', () => deps.interests.read(trip.interests, stop.signal));
    const categories = candidateCategories(interestsWantMeals(weights));
    const hardIds = hardIdsOf(message);
    const dates = message.replan ? [message.replan.date] : trip.dates;
    const found = await call(() =>
      deps.directory.candidates(
        { center: trip.lodging, radiusKm: CANDIDATE_RADIUS_KM[trip.travelMode], categories, include: hardIds, dates, limit: CANDIDATE_LIMIT },
        { signal: stop.signal },
      ),
    );
    const candidates = new Map<string, Candidate>(found.items.map((c) => [c.id, c]));
    // The router's matrix before the engine's budget is set: its wait (bounded by the provider's
    // timeout and the deadline) comes out of the time the engine gets. The provider never fails: a
    // router that does not answer leaves the model's times, flagged in the result.
    // The model's times are the engine's own: with the model there is no matrix to build here (the
    // whole engine request and N x N legs on the event loop) and to copy to the engine's thread,
    // where the engine computes the same minutes itself, half of them by symmetry.
    const provider = deps.travelTimes ?? haversineProvider;
    const travelTimes =
      provider === haversineProvider ? undefined : await inSpan('travel times', () => provider.matrix(travelPoints(scheduleRequest(message, [...candidates.values()], weights, deps.budget)), trip.travelMode, { signal: stop.signal }));
    if (travelTimes?.fallback) deps.log?.warn({ detail: travelTimes.detail }, 'router did not answer; travel times from the haversine model');
    if (stop.signal.aborted) throw tooLong();
    const budget = engineBudget(deps.budget, Date.parse(message.requestedAt), now(), deps.backlog?.size());
    const timeLimitMs = Math.max(1, Math.min(budget.timeLimitMs, remaining() - FINISH_MARGIN_MS));
    // The cache's own array when it is all there is (one per area, shared by the schedules going there: the engine thread keeps it once).
    const planned = await inSpan('plan itinerary', () => (deps.engine ?? inThreadEngine).plan({ message, candidates: candidates.size === found.items.length ? found.items : [...candidates.values()], weights, budget: { timeLimitMs, maxIterations: budget.maxIterations }, base, travelTimes, yieldTo: deps.backlog && { waiting: deps.backlog.shared, afterIterations: MIN_ENGINE_ITERATIONS } }));
    // A plan with misses takes the engine thread again to explain them (each fix is checked with
    // the engine): it stays in the backlog until then, so that plans running meanwhile share the thread.
    if (!planned.missed.length) leaveBacklog?.();
    // Opening on the dates around the trip, for "another date" suggestions: one more call, misses only.
    const suggest = remaining() > SUGGESTIONS_END_BEFORE_DEADLINE_MS;
    if (planned.missed.length && suggest && !message.replan) {
      const around = await call(() => deps.directory.places({ ids: planned.missed, dates: nearbyDates(trip.dates) }, { signal: stop.signal })).catch(() => undefined);
      for (const p of around?.items ?? []) {
        const c = candidates.get(p.id);
        if (c && p.opening) candidates.set(p.id, { ...c, opening: [...(c.opening ?? []), ...p.opening] });
      }
    }
    // Without a miss there is nothing the engine must check (the places the directory did not know, at most): no wait for the thread.
    const explainer = planned.missed.length ? (deps.engine ?? inThreadEngine) : inThreadEngine;
    const reasons = await inSpan('explain misses', () => explainer.explain(explainInput(message, planned, candidates, deadline - SUGGESTIONS_END_BEFORE_DEADLINE_MS)));
    leaveBacklog?.();
    const result = renderSchedule(message, planned, candidates, base, reasons);
    return { result, engineMs: planned.engineMs, candidates: candidates.size, request: planned.request, plan: planned.plan };
  } catch (err) {
    if (err instanceof ServiceAnswerError) {
      // A 4xx from the location service (its internal routes have no rate limit: under-pressure's
      // shedding is a 503, handled above) says the request we built was wrong, or the two services
      // disagree on its contract: a bug that fails every such schedule, so an error with its
      // status, the refusal's detail and where it was thrown from.
      deps.log?.error({ err, status: err.status, detail: err.detail }, 'location service refused the request');
      throw new GenerationFailure('the place directory refused the request for candidate places');
    }
    throw err;
  } finally {
    leaveBacklog?.();
    clearTimeout(timer);
  }
};
