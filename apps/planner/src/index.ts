export { buildCoreProblem } from './core/problem.ts';
export type { CoreProblem, CoreProblemSpec, CoreSolution, WindowSpec } from './core/problem.ts';
export { solveTopTw, DEFAULT_TUNING } from './core/solver.ts';
export type { SolveOptions, SolveResult, SolveStats, Tuning } from './core/solver.ts';
export { Rng } from './core/rng.ts';
export { planItinerary, replanDay, travelPoints } from './realworld/plan.ts';
export type {
  PlanDay,
  PlanMeal,
  PlannedMeal,
  PlanPlace,
  PlanRequest,
  PlanResult,
  PlanRuntime,
  PlanStop,
  PlannedDay,
  Unscheduled,
  UnscheduledReason,
  UnscheduledMeal,
} from './realworld/plan.ts';
export { haversineMatrix, legLookup, pointKey } from './realworld/travel-matrix.ts';
export type { TravelSource, TravelTimeMatrix } from './realworld/travel-matrix.ts';
export { TRAVEL_MODES, EARTH_RADIUS_KM, haversineKm, travelMinutes } from './realworld/travel.ts';
export type { LatLng, TravelMode, TravelModeSpec } from './realworld/travel.ts';
export { WEEKDAYS, formatClock, openingIntervals, parseClock, weekdayOf } from './realworld/hours.ts';
export type { OpeningHours, Weekday } from './realworld/hours.ts';
export { checkItinerary } from './check/itinerary-checker.ts';
export type { ItineraryCheck } from './check/itinerary-checker.ts';
