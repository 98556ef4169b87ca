/**
 * The engine part of a schedule, no I/O: the plan of the trip (or of the re-planned day) from its
 * candidates, verified by the independent checker. Kept apart from generate.ts (which does the
 * I/O) so that the engine thread (engine-thread.ts) loads only the engine and the problem builder.
 */
import type { ScheduleGenerationMessage, ScheduleResult } from '@tripgen/catalog';
import { checkItinerary, planItinerary, replanDay, type PlanRequest, type PlanResult, type TravelTimeMatrix } from '@tripgen/planner';
import type { CategoryWeights } from './interests.ts';
import { buildPlanRequest, type Candidate, type EngineBudget } from './problem.ts';

/** A schedule that cannot be made, with the reason in words for the traveller. */
export class GenerationFailure extends Error {
  override readonly name: string = 'GenerationFailure';
}

/** The previous schedule in the engine's terms (what `replanDay` keeps). */
const asPlan = (base: ScheduleResult): PlanResult => ({
  days: base.days.map((d) => ({
    date: d.date,
    stops: d.stops.map((s) => ({ locationId: s.locationId, arrive: s.arrive, start: s.start, end: s.end, travelMinutes: s.travelMinutes })),
    meals: d.meals.map((m) => ({ ...m })),
    returnTravelMinutes: d.returnTravelMinutes,
    finish: d.finish,
  })),
  unscheduled: [],
  unscheduledMeals: base.unscheduledMeals.map((m) => ({ ...m })),
  score: base.score,
  stats: { iterations: 0, elapsedMs: 0, bestIteration: 0, bestElapsedMs: 0, stoppedBy: 'iterations', mustVisitRepairs: { inSearch: 0, after: 0 } },
});

export const hardIdsOf = (message: ScheduleGenerationMessage): string[] => [...new Set([...message.trip.mustVisit, ...(message.replan?.locked ?? [])])];

export interface PlannedTrip {
  /** What the engine planned (for a re-plan: that one day, without the places kept on the others). */
  readonly request: PlanRequest;
  readonly plan: PlanResult;
  readonly engineMs: number;
  /** Must-visit and locked ids the location service did not know. */
  readonly notFound: readonly string[];
  /** Must-visit and locked ids it knew that the plan leaves out. */
  readonly missed: readonly string[];
}

/** The engine request of a schedule (its points are what a travel-time matrix must cover: `travelPoints`). */
export const scheduleRequest = (message: ScheduleGenerationMessage, found: readonly Candidate[], weights: CategoryWeights, budget: EngineBudget): PlanRequest => {
  const locked = message.replan ? { date: message.replan.date, ids: message.replan.locked } : undefined;
  return buildPlanRequest(message.trip, found, weights, budget, locked);
};

export interface PlanTripOptions {
  /** The schedule a re-plan starts from. */
  readonly base?: ScheduleResult;
  /** A router's matrix for the request's points (default: the engine's haversine model). */
  readonly travelTimes?: TravelTimeMatrix;
  /** Give the engine back to the schedules waiting for it (plain data: it crosses to the engine thread). */
  readonly yieldTo?: EngineYield;
}

/**
 * The count of this process's schedules waiting for the engine or in it (an Int32Array over a
 * SharedArrayBuffer: the engine thread reads what the event loop writes), and the iterations a
 * plan gets before it ends for them.
 */
export interface EngineYield {
  readonly waiting: Int32Array;
  readonly afterIterations: number;
}

/** The engine part, no I/O: the plan of the trip (or of the re-planned day) from its candidates, verified by the checker. */
export const planTrip = (message: ScheduleGenerationMessage, found: readonly Candidate[], weights: CategoryWeights, budget: EngineBudget, options: PlanTripOptions = {}): PlannedTrip => {
  const { base, travelTimes, yieldTo } = options;
  const ids = new Set(found.map((c) => c.id));
  const hardIds = hardIdsOf(message);
  const request = { ...scheduleRequest(message, found, weights, budget), ...(travelTimes ? { travelTimes } : {}) };
  const started = performance.now();
  let plan: PlanResult;
  let planned: PlanRequest;
  if (message.replan) {
    if (!base) throw new GenerationFailure('the schedule to re-plan is not available');
    const date = message.replan.date;
    const elsewhere = new Set(base.days.filter((d) => d.date !== date).flatMap((d) => d.stops.map((s) => s.locationId)));
    plan = replanDay(request, asPlan(base), date, message.replan.locked);
    planned = { ...request, days: request.days.filter((d) => d.date === date), places: request.places.filter((p) => !elsewhere.has(p.locationId)) };
  } else {
    // Others counted besides this one: each iteration more moves all of them later.
    plan = planItinerary(request, yieldTo ? { yieldTo: { afterIterations: yieldTo.afterIterations, when: () => Atomics.load(yieldTo.waiting, 0) > 1 } } : {});
    planned = request;
  }
  const engineMs = Math.round(performance.now() - started);
  // Feasible by construction, and verified: a plan the independent checker refuses is never served.
  // (A re-plan's score is the whole trip's, the checker's that of the day it sees.)
  const check = checkItinerary(planned, { ...plan, days: plan.days.filter((d) => planned.days.some((p) => p.date === d.date)) });
  const errors = check.errors.filter((e) => !(message.replan && e.startsWith('score ')));
  if (errors.length) throw new Error(`engine plan failed the checker: ${errors.slice(0, 3).join('; ')}`);
  const scheduled = new Set(plan.days.flatMap((d) => d.stops.map((s) => s.locationId)));
  return { request: planned, plan, engineMs, notFound: hardIds.filter((id) => !ids.has(id)), missed: hardIds.filter((id) => ids.has(id) && !scheduled.has(id)) };
};

