import { Insertion } from './insertion.ts';
import { RemovedTabu, Shake } from './perturbation.ts';
import { restrictProblem, type CoreProblem, type CoreSolution } from './problem.ts';
import { ReplaceMove } from './replace.ts';
import { Rng } from './rng.ts';
import { TourShortening } from './shorten.ts';
import { TailExchange } from './tails.ts';
import { DayTrade } from './trade.ts';
import { aloneStart, MustVisitShake } from './must-visit.ts';
import { focusPart } from './focus.ts';
import { TourSnapshot, TourState } from './tours.ts';
import * as tolerance from './tolerance.ts';

// Module constants, not imported bindings: the services run the TypeScript through tsx, which
// turns every read of an imported binding into a getter call, too slow for the hot loops.
const EPSILON = tolerance.EPSILON;
const NONE = tolerance.NONE;

export interface SolveOptions {
  /** PRNG seed; the same seed and iteration budget give the same solution. Default 1. */
  seed?: number;
  /** Wall-clock budget in milliseconds. Default 1000. */
  timeLimitMs?: number;
  /**
   * Iteration budget. When it binds before the clock, the run is fully deterministic for a seed,
   * whatever the machine's speed. Default: unlimited (only the clock stops the search).
   */
  maxIterations?: number;
  /** Clock in milliseconds; injectable so the engine does no I/O of its own. Default performance.now. */
  clock?: () => number;
  /** Overrides of the tuned search parameters (for experiments). */
  tuning?: Partial<Tuning>;
  /**
   * Give the CPU back early: once `afterIterations` are done, the search ends at the first
   * iteration where `when()` is true (a service whose engine others queue for; `when` is read
   * once an iteration, so keep it cheap, e.g. an Atomics load).
   */
  yieldTo?: { readonly afterIterations: number; readonly when: () => boolean };
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  bestIteration: number;
  bestElapsedMs: number;
  stoppedBy: 'time' | 'iterations' | 'yielded';
  /**
   * Must-visit repairs taken (repairMandatory changed the best solution): once in the search
   * (mustVisitRepairAt), once after it. Tests read it to know a case still goes through the repair.
   */
  mustVisitRepairs: { inSearch: number; after: number };
  /** The focus phase (Tuning.focusDays), when on: blocks run, and blocks that raised the best solution. */
  focus?: { blocks: number; improved: number };
}

export interface SolveResult extends CoreSolution {
  stats: SolveStats;
}

/** Search parameters, tuned on the public benchmark (see bench/toptw.bench.ts). */
export interface Tuning {
  /** Largest run of visits removed from one tour by a shake. */
  shakeMax: number;
  /** Initial acceptance threshold, as a fraction of the mean visited score. */
  thresholdFraction: number;
  /** Shape of the threshold's decay: threshold0 x (1 - progress)^power. */
  thresholdPower: number;
  /** Non-improving iterations before the search jumps back to the best solution. */
  restartAfter: number;
  /** Share of shakes that remove scattered visits instead of a consecutive run. */
  scatterRate: number;
  /** Shake every tour (true) or a random subset of 1..min(m, shakeToursMax) tours (false). 1 measured best. */
  shakeAllTours: boolean;
  shakeToursMax: number;
  /** The shake may remove must-visits too, so their day is searched, not fixed by the construction. */
  shakeMandatory: boolean;
  /** After a shake that removed must-visits, insert them before the replace moves run. */
  mandatoryFirst: boolean;
  /** Replace moves may also swap two consecutive visits for one better place. */
  replacePairs: boolean;
  /** Replace moves may also swap equal scores when that saves time (sideways moves). */
  replaceTies: boolean;
  /** Forbid the places removed by the shake from returning in the same iteration's first repair. */
  tabuRemoved: boolean;
  /** Repair heuristics: insertion ranks by score^e / added time, e drawn from this list per iteration. */
  ratioExponents: number[];
  /** Time-saving 2-opt / or-opt inside tours, granular on this many nearest neighbours (0: off). */
  shortenNeighbours: number;
  /**
   * 2-opt* between tours with the same end and opening hours (tails.ts), with the moves inside
   * tours. Paired on the tune split (pr01-05 m=2..4, seeds 1-6, 1 s CPU): -0.19 +- 0.06 and
   * -0.26 +- 0.08 points of gap in two batches (README "Tried").
   */
  tailExchange: boolean;
  /** Relocate / exchange single visits between tours when that travels less (trade.ts), with the moves inside tours. */
  dayTrade: boolean;
  /**
   * Must-visit shake (must-visit.ts): while the current solution leaves a must-visit out, shake a
   * day where it fits alone at a time it could be visited, at most this many times per must-visit
   * (0: off).
   */
  mustVisitShake: number;
  /**
   * Problem reduction: once this share of the budget is spent, optional places that no solution
   * accepted so far has visited are left out of the repair and the replace scan for the rest of the
   * run (0: off). See prunedPlaces.
   */
  pruneAfter: number;
  /**
   * Must-visit repair (repairMandatory), after the search: when the best solution leaves out a
   * must-visit or break that fits alone on some day, plan the must-visits and breaks alone with
   * this many iterations; a plan that keeps every must-visit the best solution has and ranks
   * higher (more must-visits, or as many and more meals) is rebuilt from that (0: off).
   */
  mustVisitRepair: number;
  /**
   * Also run the must-visit repair once in the search, when this share of the budget is spent
   * (0: only after the search). The days a repair rebuilds get one greedy refill and one climb:
   * taken after the search, such a plan places one more must-visit and may lose 15% of the optional
   * score (walk trip 4 of the trip case, seed 10); taken here, the rest of the search polishes it.
   */
  mustVisitRepairAt: number;
  /**
   * Focus phase (POPMUSIC inside the one tour state, focus.ts): between focusAt and focusEnd of the
   * budget, blocks of focusBlock iterations in which the shake, the repair, the replace moves and the
   * day trade touch only a seed day and the focusDays - 1 days nearest it, and bring in only the
   * unvisited places near those days (focusPart). A block starts from the best solution with an
   * acceptance threshold of its own (the run's initial one, shrinking to zero over the block); the
   * search goes on from the best solution after it, so a block's work is kept only when it raises
   * the best. Seeds go round-robin from a random day. The tours keep their caches across blocks:
   * a focus iteration is cheaper than a whole-plan one, where a POPMUSIC sub-search pays a set-up
   * and cold caches per part. The must-visit shake rests inside blocks. 0: off.
   */
  focusDays: number;
  focusBlock: number;
  focusAt: number;
  focusEnd: number;
}

export const DEFAULT_TUNING: Tuning = {
  shakeMax: 6,
  thresholdFraction: 1.0,
  thresholdPower: 1,
  restartAfter: 2000,
  shakeAllTours: false,
  shakeToursMax: 1,
  shakeMandatory: true,
  mandatoryFirst: true,
  scatterRate: 0.3,
  replacePairs: true,
  replaceTies: true,
  tabuRemoved: true,
  ratioExponents: [1, 2, 3],
  shortenNeighbours: 8,
  tailExchange: true,
  dayTrade: false,
  mustVisitShake: 0,
  pruneAfter: 0,
  mustVisitRepair: 0,
  mustVisitRepairAt: 0,
  focusDays: 0,
  focusBlock: 300,
  focusAt: 0.4,
  focusEnd: 0.95,
};

/**
 * The places a problem reduction leaves out: optional places (not must-visits, not breaks) that no
 * accepted solution has visited (`seen`). Places the search has not taken in its first share of
 * the budget seldom belong to a good solution; leaving them out of the scans makes each later
 * iteration cheaper, so a large request gets more of them (a week of 300 places: ~1.8x in 800 ms).
 */
export function prunedPlaces(problem: CoreProblem, seen: Uint8Array): Uint8Array {
  const out = new Uint8Array(problem.nodeCount);
  const { candidates, mandatory, isBreak } = problem;
  for (let c = 0; c < candidates.length; c++) {
    const j = candidates[c]!;
    if (seen[j] === 0 && mandatory[j] === 0 && isBreak[j] === 0) out[j] = 1;
  }
  return out;
}

/**
 * The must-visit repair may run past the search's time limit by this share of it when the search
 * used the whole budget (its few hundred iterations over the must-visits and breaks take 2-7 ms of
 * CPU for a week of 300 places, 7 days and ~20 must-visits and meals).
 */
const REPAIR_BUDGET_SHARE = 0.01;

/** Rounds of replace + insert per local search, a guard against cycling on sideways moves. */
const MAX_IMPROVE_ROUNDS = 50;

/**
 * How far the acceptance schedule is, 0..1: the share used of whichever budget is nearer its end,
 * so the threshold reaches zero by the end of the run whichever budget ends it. A run is
 * reproducible whenever its iterations stay ahead of its clock (a fast machine, or a generous
 * time limit).
 */
export function scheduleProgress(elapsedMs: number, timeLimitMs: number, iterations: number, maxIterations: number): number {
  const byTime = elapsedMs / timeLimitMs;
  const byIterations = iterations / maxIterations;
  return byIterations > byTime ? byIterations : byTime;
}

/**
 * Iterated local search for the TOPTW.
 *
 * Construction: greedy insertion by ratio score^e / added time (Vansteenwegen et al. 2009 use
 * e = 2). Each iteration then
 *  1. shakes the current solution (perturbation.ts): in one random tour, removes a run of
 *     consecutive visits or visits scattered over the tour; removed places are tabu for this
 *     iteration's first repair, so the freed time goes to other places;
 *  2. repairs by ratio insertion (insertion.ts), e drawn from {1, 2, 3} (three repair heuristics);
 *  3. climbs with replace moves (replace.ts), then time-saving moves inside the tours (shorten.ts)
 *     and between tours that end alike (2-opt*, tails.ts), each followed by insertion into the freed time;
 *  4. accepts the result when it is at most a threshold worse than the current solution; the
 *     threshold shrinks to zero over the budget, and the search jumps back to the best solution
 *     after `restartAfter` iterations without improvement.
 * Tour state and time bookkeeping live in tours.ts.
 *
 * Meal breaks carry a score bonus larger than all scores together, must-visits one larger than
 * every meal bonus and all scores together (tours.ts), so the search maximises (must-visits, meals,
 * score) lexicographically: the best solution never trades a must-visit away, and gives a meal up
 * only for a must-visit. The acceptance weighs a must-visit as a meal (see run).
 */
export function solveTopTw(problem: CoreProblem, options: SolveOptions = {}): SolveResult {
  return new IteratedLocalSearch(problem, options).run();
}

class IteratedLocalSearch {
  private readonly tours: TourState;
  private readonly insertion: Insertion;
  private readonly replace: ReplaceMove;
  private readonly shake: Shake;
  private readonly removed: RemovedTabu;
  private readonly best: TourSnapshot;
  private readonly current: TourSnapshot;
  private readonly shortening: TourShortening | null;
  private readonly tails: TailExchange | null;
  private readonly trade: DayTrade | null;
  private readonly mustShake: MustVisitShake | null;
  private readonly seed: number;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private readonly timeLimitMs: number;
  private readonly maxIterations: number;
  private readonly yieldTo: SolveOptions['yieldTo'];
  private readonly tuning: Tuning;
  /** An insertion filter that lets only must-visits through. */
  private readonly mandatoryOnly: { blocks(j: number): boolean };

  constructor(problem: CoreProblem, options: SolveOptions) {
    this.seed = options.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.clock = options.clock ?? (() => performance.now());
    this.timeLimitMs = options.timeLimitMs ?? 1000;
    this.maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
    this.yieldTo = options.yieldTo;
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.tours = new TourState(problem);
    this.insertion = new Insertion(this.tours);
    this.replace = new ReplaceMove(this.tours, this.tuning.replacePairs, this.tuning.replaceTies);
    this.removed = new RemovedTabu(problem.nodeCount);
    this.shake = new Shake(this.tours, this.rng, this.tuning, this.removed);
    this.best = new TourSnapshot(this.tours);
    const mandatory = problem.mandatory;
    this.mandatoryOnly = { blocks: (j) => mandatory[j] === 0 };
    this.current = new TourSnapshot(this.tours);
    // A rejected iteration loads the current solution back: its tours' cached insertions stay.
    const { current, best } = this;
    const pins = { holds: (k: number, v: number) => current.holds(k, v) || best.holds(k, v) };
    this.insertion.pin(pins);
    this.replace.pin(pins);
    this.shortening = this.tuning.shortenNeighbours > 0 ? new TourShortening(this.tours, this.tuning.shortenNeighbours) : null;
    this.tails = this.tuning.tailExchange && this.shortening ? new TailExchange(this.tours, this.shortening) : null;
    this.trade = this.tuning.dayTrade && this.shortening ? new DayTrade(this.tours, this.shortening) : null;
    this.mustShake = this.tuning.mustVisitShake > 0 ? new MustVisitShake(this.tours, this.rng, this.shake, this.tuning.mustVisitShake) : null;
  }

  run(): SolveResult {
    const t0 = this.clock();
    const tours = this.tours;
    const tuning = this.tuning;
    this.insertion.setExponent(tuning.ratioExponents[0] ?? 2);
    this.insertion.insertAll(null);
    this.improve();
    this.best.save();
    let bestIteration = 0;
    let bestElapsedMs = this.clock() - t0;

    const candidateCount = tours.problem.candidates.length;
    const maxShake = Math.max(1, Math.min(tuning.shakeMax, Math.floor(candidateCount / (3 * Math.max(1, tours.tourCount)))));
    let sinceImprovement = 0;
    let iterations = 0;
    let stoppedBy: SolveStats['stoppedBy'] = 'time';
    this.current.save();
    let currentLevel = tours.hardAlikeObjective();
    // Threshold acceptance: a shaken-and-repaired solution replaces the current one when it is at
    // most `threshold` worse; the threshold shrinks to zero over the budget (time or iterations).
    const threshold0 = tuning.thresholdFraction * Math.max(EPSILON, tours.averageVisitScore());
    // Places of the solutions accepted so far, until the problem reduction (pruneAfter).
    let seen: Uint8Array | null = tuning.pruneAfter > 0 ? new Uint8Array(tours.nodeCount) : null;
    let repairAt = tuning.mustVisitRepair > 0 ? tuning.mustVisitRepairAt : 0;
    const mustVisitRepairs = { inSearch: 0, after: 0 };
    const focusDays = Math.min(tours.tourCount, tuning.focusDays);
    // Only when the iteration budget has room for a whole block in the phase's window: a block cut
    // short never reaches the low end of its threshold schedule (the AI service's backlog floor of
    // 50 iterations would be one such block).
    let focusOn = focusDays > 1 && (tuning.focusEnd - tuning.focusAt) * this.maxIterations >= tuning.focusBlock;
    // Drawn when the phase starts, so a run is the plain search's until then (the same random stream).
    let focusSeed = -1;
    let focusLeft = 0;
    let blockBest = 0;
    const focus = { blocks: 0, improved: 0 };
    if (seen !== null) tours.markVisited(seen);
    while (true) {
      if (iterations >= this.maxIterations) {
        stoppedBy = 'iterations';
        break;
      }
      if (this.yieldTo && iterations >= this.yieldTo.afterIterations && this.yieldTo.when()) {
        stoppedBy = 'yielded';
        break;
      }
      const elapsed = this.clock() - t0;
      if (elapsed >= this.timeLimitMs) break;
      iterations++;
      const progress = scheduleProgress(elapsed, this.timeLimitMs, iterations, this.maxIterations);
      if (focusOn) {
        let blockEnded = false;
        if (tours.focusCount > 0 && (--focusLeft <= 0 || progress >= tuning.focusEnd)) {
          if (this.best.objective > blockBest + EPSILON) focus.improved++;
          this.endFocus();
          focusSeed = (focusSeed + 1) % tours.tourCount;
          blockEnded = true;
        }
        // After a block, and before the next one, the search goes on from the best solution.
        if (progress >= tuning.focusEnd) {
          focusOn = false;
          if (blockEnded) currentLevel = this.continueFromBest();
        } else if (tours.focusCount === 0 && progress >= tuning.focusAt) {
          if (focusSeed < 0) focusSeed = this.rng.int(tours.tourCount);
          currentLevel = this.continueFromBest();
          const part = focusPart(tours, focusSeed, focusDays);
          tours.setFocus(part.days, part.places);
          focusLeft = tuning.focusBlock;
          blockBest = this.best.objective;
          focus.blocks++;
        }
      }

      if (this.mustShake === null || tours.focusCount > 0 || !this.mustShake.apply()) this.shake.apply(1 + this.rng.int(maxShake));
      const exponents = tuning.ratioExponents;
      this.insertion.setExponent(exponents.length === 1 ? exponents[0]! : exponents[this.rng.int(exponents.length)]!);
      this.removed.active = tuning.tabuRemoved;
      this.insertion.insertAll(this.removed);
      this.removed.active = false;
      // Must-visits the shake took out go back where they fit before replace moves could trade
      // them for optional visits.
      if (tuning.mandatoryFirst && this.shake.removedMandatory > 0) this.insertion.insertAll(this.mandatoryOnly);
      const threshold = threshold0 * Math.pow(tours.focusCount > 0 ? focusLeft / tuning.focusBlock : 1 - progress, tuning.thresholdPower);
      this.improve();

      if (tours.objective > this.best.objective + EPSILON) {
        this.best.save();
        bestIteration = iterations;
        bestElapsedMs = this.clock() - t0;
        sinceImprovement = 0;
      } else {
        sinceImprovement++;
      }
      // Accepted by the objective with a must-visit weighing as a meal: the current solution may give
      // a must-visit back for a meal, as when both weighed the same, so an evening must-visit can
      // move to the day whose dinner costs least; the best solution is kept by the objective itself.
      // Accepting by the objective locked a must-visit on the day where it first displaced a dinner
      // (walk trip 4 of the trip case, 10,000 iterations, seeds 1-6: gap 0.05% -> 2.22% mean with
      // as many must-visits and meals).
      const level = tours.hardAlikeObjective();
      if (level >= currentLevel - threshold) {
        this.current.save();
        currentLevel = level;
        if (seen !== null) tours.markVisited(seen);
      } else this.current.load();
      if (repairAt > 0 && progress >= repairAt) {
        repairAt = 0;
        // On the best solution, before the reduction prunes the places the rebuilt days may need;
        // a repaired plan becomes the current one, else the search goes on where it was.
        this.best.load();
        if (this.repairMandatory(Math.max(this.timeLimitMs - (this.clock() - t0), this.timeLimitMs * REPAIR_BUDGET_SHARE))) {
          mustVisitRepairs.inSearch++;
          bestIteration = iterations;
          bestElapsedMs = this.clock() - t0;
          sinceImprovement = 0;
          this.current.save();
          currentLevel = tours.hardAlikeObjective();
          if (seen !== null) tours.markVisited(seen);
        } else this.current.load();
      }
      if (seen !== null && progress >= tuning.pruneAfter) {
        const pruned = prunedPlaces(tours.problem, seen);
        this.insertion.prune(pruned);
        this.replace.prune(pruned);
        seen = null;
      }
      if (sinceImprovement > 0 && sinceImprovement % tuning.restartAfter === 0) currentLevel = this.continueFromBest();
    }
    this.endFocus();
    this.best.load();
    if (tuning.mustVisitRepair > 0) {
      // What is left of the budget, or a small share of it when the search used it all.
      const left = Math.max(this.timeLimitMs - (this.clock() - t0), this.timeLimitMs * REPAIR_BUDGET_SHARE);
      if (this.repairMandatory(left)) {
        mustVisitRepairs.after++;
        bestIteration = iterations;
      }
    }
    return {
      ...tours.export(),
      stats: { iterations, elapsedMs: this.clock() - t0, bestIteration, bestElapsedMs, stoppedBy, mustVisitRepairs, ...(focusDays > 1 ? { focus } : {}) },
    };
  }

  /**
   * The must-visit repair, on the best solution after the search. The search can end without a
   * must-visit that fits beside the others: making room for it may take more optional visits out
   * of a day than a shake removes (a far place that needs the whole day), or moving other
   * must-visits inside their day or to another day, which the must-visit shake never does (it
   * keeps them where they are). So when a must-visit or break that fits alone on some day is left
   * out, the must-visits and breaks are planned alone (a search over a few dozen nodes: a few
   * milliseconds, deterministic for the seed while its iterations stay ahead of the clock). When
   * that plan has every must-visit the best solution has and more must-visits, or as many and more
   * meals, the days where it puts another set of them are rebuilt from it (their optional visits
   * dropped), the other days kept as they are, and the free time refilled. The result then beats
   * the best solution lexicographically (one more must-visit outweighs every meal and optional
   * score, one more meal every optional score), so it is taken. A must-visit the best solution
   * placed is never traded for it; a meal may be, for a must-visit (the product's rule: every
   * must-visit first) or for more meals elsewhere. Returns whether the best changed.
   */
  private repairMandatory(timeLimitMs: number): boolean {
    this.endFocus();
    const t = this.tours;
    const p = t.problem;
    const mandatory: number[] = [];
    let missing = false;
    // Must-visits left out that fit alone on some day.
    const mustMissing: number[] = [];
    for (const j of p.candidates) {
      if (!p.mandatory[j]) continue;
      mandatory.push(j);
      if (t.tourOf[j] !== NONE || this.aloneDays(j).length === 0) continue;
      missing = true;
      if (!p.isBreak[j]) mustMissing.push(j);
    }
    if (!missing) return false;
    const started = this.clock();
    if (this.rebuildFrom(this.planAlone(mandatory, timeLimitMs), mandatory)) return true;
    // A must-visit that no day can hold beside that day's meal breaks, even alone (a nine-hour hike
    // across lunch), is never placed by a plan that keeps the breaks, and no move takes a break out
    // for it (the shake keeps them). The product's rule is the must-visit first: it is planned with
    // the must-visits already placed and the breaks of every day but one it may take, for each such
    // day (the first one left out; a later repair takes the next), and the refill puts back every
    // break that fits; only when no such plan is found, without any breaks. Taking every day's
    // breaks out first let that plan move the other must-visits together onto one day and cost its
    // break too.
    const breaks = mandatory.filter((j) => p.isBreak[j]);
    const blocked = mustMissing.find((j) => !this.fitsBesideBreaks(j, breaks));
    if (blocked === undefined) return false;
    const placedMust = mandatory.filter((j) => !p.isBreak[j] && t.tourOf[j] !== NONE);
    let repaired = false;
    const days = this.aloneDays(blocked);
    // When the budget is spent, the days and the last try share the one small share a repair gets.
    const floor = (timeLimitMs * REPAIR_BUDGET_SHARE) / (days.length + 1);
    for (const k of days) {
      const left = Math.max(timeLimitMs - (this.clock() - started), floor);
      const kept = breaks.filter((b) => p.fixedTour[b] !== k);
      // Each rebuild that beats the best so far becomes it: the best day wins.
      if (this.rebuildFrom(this.planAlone([...placedMust, blocked, ...kept], left), mandatory)) repaired = true;
    }
    if (repaired) return true;
    // No day's plan kept the other days' breaks (the must-visits must move across them): without any.
    const left = Math.max(timeLimitMs - (this.clock() - started), floor);
    return this.rebuildFrom(this.planAlone([...placedMust, blocked], left), mandatory);
  }

  /**
   * Whether must-visit j fits alone beside the breaks of some day it may take: every place for it
   * among the breaks that day can hold (in the order of their windows) is tried on a scratch state.
   */
  private fitsBesideBreaks(j: number, breaks: readonly number[]): boolean {
    const p = this.tours.problem;
    const sub = restrictProblem(p, [j, ...breaks]);
    const scratch = new TourState(sub.problem);
    for (const k of this.aloneDays(j)) {
      // Sub-problem indices: j is 0, breaks[i] is i + 1.
      // The breaks that day can hold at all (a break that fits no day is no reason to drop others).
      const dayBreaks = breaks.map((b, i) => ({ b, i: i + 1 })).filter(({ b }) => aloneStart(this.tours, b, k, -1) !== null);
      const firstOpen = (b: number): number => p.windowOpen[p.windowOffset[p.tourProfile[k]! * p.nodeCount + b]!] ?? 0;
      const order = dayBreaks.sort((x, y) => firstOpen(x.b) - firstOpen(y.b)).map(({ i }) => i);
      for (let at = 0; at <= order.length; at++) {
        if (scratch.assign(k, [...order.slice(0, at), 0, ...order.slice(at)])) return true;
      }
    }
    return false;
  }

  /** The days node j fits alone on (those it may take; its windows, the way there and back). */
  private aloneDays(j: number): number[] {
    const days: number[] = [];
    for (let k = 0; k < this.tours.tourCount; k++) if (aloneStart(this.tours, j, k, -1) !== null) days.push(k);
    return days;
  }

  /** The nodes planned alone (a search over a few dozen nodes), as tours of the whole problem's nodes. */
  private planAlone(nodes: readonly number[], timeLimitMs: number): number[][] {
    const sub = restrictProblem(this.tours.problem, nodes);
    return new IteratedLocalSearch(sub.problem, {
      seed: this.seed,
      maxIterations: this.tuning.mustVisitRepair,
      timeLimitMs,
      clock: this.clock,
      tuning: { ...this.tuning, mustVisitRepair: 0, mustVisitRepairAt: 0, pruneAfter: 0 },
    })
      .run()
      .tours.map((tour) => tour.map((i) => sub.nodes[i]!));
  }

  /**
   * Rebuilds the days where `alone` puts another set of must-visits and breaks than the best
   * solution, refills them, and keeps the result when it beats the best (returns whether it did).
   * A plan that drops a must-visit the best solution has, or adds neither must-visits nor meals,
   * is not tried.
   */
  private rebuildFrom(alone: readonly (readonly number[])[], mandatory: readonly number[]): boolean {
    const t = this.tours;
    const p = t.problem;
    const m = t.tourCount;
    const dayOf = new Int32Array(t.nodeCount).fill(NONE);
    // Must-visits and meals the plan has beyond the best solution's (negative: fewer).
    let mustAdded = 0;
    let mealsAdded = 0;
    alone.forEach((tour, k) => {
      for (const j of tour) {
        dayOf[j] = k;
        if (p.isBreak[j]) mealsAdded++;
        else mustAdded++;
      }
    });
    for (const j of mandatory) {
      if (t.tourOf[j] === NONE) continue;
      if (p.isBreak[j]) mealsAdded--;
      else if (dayOf[j] === NONE) return false;
      else mustAdded--;
    }
    if (mustAdded === 0 && mealsAdded <= 0) return false;
    // Days whose set of must-visits and breaks changes take the plan's; the others stay.
    const rebuilt: number[] = [];
    for (let k = 0; k < m; k++) {
      let same = alone[k]!.every((j) => t.tourOf[j] === k);
      for (const j of mandatory) if (t.tourOf[j] === k && dayOf[j] !== k) same = false;
      if (!same) rebuilt.push(k);
    }
    for (const k of rebuilt) t.assign(k, []);
    for (const k of rebuilt) {
      if (!t.assign(k, alone[k]!)) throw new Error('internal: the must-visit plan does not fit its day');
    }
    this.insertion.insertAll(null);
    this.improve();
    if (t.objective <= this.best.objective + EPSILON) {
      this.best.load();
      return false;
    }
    this.best.save();
    return true;
  }

  /**
   * Climbs until no move improves: replace moves first, then time-saving moves inside the tours;
   * the time either frees is refilled by insertion.
   */
  private improve(): void {
    let rounds = 0;
    while (rounds < MAX_IMPROVE_ROUNDS) {
      rounds++;
      if (!this.replace.pass() && !this.shortenTours()) return;
      this.insertion.insertAll(null);
    }
  }

  /** The best solution becomes the current one; returns its acceptance level. */
  private continueFromBest(): number {
    this.best.load();
    this.current.save();
    return this.tours.hardAlikeObjective();
  }

  /** Ends a focus block (if one runs): every tour active again, the replace moves' memo forgotten. */
  private endFocus(): void {
    if (this.tours.focusCount === 0) return;
    this.tours.clearFocus();
    this.replace.unfocus();
  }

  private shortenTours(): boolean {
    if (!this.shortening) return false;
    let changed = false;
    const active = this.tours.active;
    for (let k = 0; k < this.tours.tourCount; k++) if (active[k] === 1 && this.shortening.shorten(k)) changed = true;
    if (this.tails?.pass()) changed = true;
    if (this.trade?.pass()) changed = true;
    return changed;
  }
}
