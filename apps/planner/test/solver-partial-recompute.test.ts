import { describe, expect, it } from 'vitest';
import { Insertion } from '../src/core/insertion.ts';
import { buildCoreProblem, type WindowSpec } from '../src/core/problem.ts';
import { Rng } from '../src/core/rng.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { DayTrade } from '../src/core/trade.ts';
import { TourSnapshot, TourState } from '../src/core/tours.ts';

/**
 * The search recomputes a tour's times from the first position a change touched (a failed day-trade
 * move, a snapshot load), not from the start, and keeps each position's effective score
 * (routeScore) for the replace scan: the times and scores must then be those a recompute from
 * position 1 gives.
 */

/** Three days with a lunch break each, places open on some days only, some closed over lunch. */
function randomWeek(seed: number): TourState {
  const rng = new Rng(seed);
  const places = 24;
  const days = 3;
  const n = 1 + places + days;
  const x = [0];
  const y = [0];
  for (let i = 0; i < places; i++) {
    x.push(rng.int(60) - 30);
    y.push(rng.int(60) - 30);
  }
  const isBreak = Array.from({ length: n }, (_, i) => (i > places ? 1 : 0));
  const travel = new Float64Array(n * n);
  for (let a = 0; a <= places; a++) for (let b = 0; b <= places; b++) travel[a * n + b] = Math.abs(x[a]! - x[b]!) + Math.abs(y[a]! - y[b]!);
  const windows: WindowSpec[][][] = [];
  for (let d = 0; d < days; d++) {
    const profile: WindowSpec[][] = [[]];
    for (let i = 1; i <= places; i++) {
      const kind = rng.int(4);
      if (kind === 0 && i % days === d) profile.push([]);
      else if (kind === 1) profile.push([{ open: 0, close: 170 }, { open: 260, close: 600 }]);
      else profile.push([{ open: rng.int(200), close: 350 + rng.int(250) }]);
    }
    for (let b = 0; b < days; b++) profile.push(b === d ? [{ open: 180, close: 260 }] : []);
    windows.push(profile);
  }
  const state = new TourState(
    buildCoreProblem({
      travel,
      service: Array.from({ length: n }, (_, i) => (i === 0 ? 0 : i > places ? 45 : 10 + rng.int(40))),
      score: Array.from({ length: n }, (_, i) => (i === 0 || i > places ? 0 : 1 + rng.int(9))),
      candidates: Array.from({ length: n - 1 }, (_, i) => i + 1),
      windows,
      tours: Array.from({ length: days }, (_, d) => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 600, profile: d })),
      fixedTour: Array.from({ length: n }, (_, i) => (i > places ? i - places - 1 : -1)),
      mandatory: isBreak,
      isBreak,
    }),
  );
  return state;
}

/** Every per-position array the scans read, for the positions of each tour. */
function times(state: TourState): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < state.tourCount; k++) {
    const b = k * state.capacity;
    const L = state.length[k]!;
    const arrays = [state.arrival, state.start, state.windowClose, state.maxShift, state.latest, state.slack, state.location, state.routeScore];
    for (const a of arrays) out.push(Array.from(a.subarray(b, b + L)));
    out.push(Array.from(state.depart.subarray(b, b + L - 1)), Array.from(state.replaceSlack.subarray(b + 1, b + L - 1)), [state.maxSlack[k]!]);
  }
  return out;
}

/** The times as they are must equal those of a recompute from position 1, and each routeScore its visit's score. */
function expectFromScratch(state: TourState): void {
  for (let k = 0; k < state.tourCount; k++) {
    const b = k * state.capacity;
    for (let pos = 1; pos < state.length[k]! - 1; pos++) expect(state.routeScore[b + pos]).toBe(state.effectiveScore[state.route[b + pos]!]);
  }
  const kept = times(state);
  for (let k = 0; k < state.tourCount; k++) state.recompute(k, 1);
  expect(kept).toEqual(times(state));
}

describe('partial recomputes (failed day trades, snapshot loads) and routeScore', () => {
  it('leave every tour as a recompute from the start would, over random removals, repairs, shortening, trades and loads', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const state = randomWeek(seed);
      const rng = new Rng(100 + seed);
      const insertion = new Insertion(state);
      insertion.setExponent(2);
      const shortening = new TourShortening(state, 4);
      const trade = new DayTrade(state, shortening);
      const snapshot = new TourSnapshot(state);
      insertion.insertAll(null);
      expectFromScratch(state);
      for (let step = 0; step < 60; step++) {
        snapshot.save();
        const k = rng.int(state.tourCount);
        const b = k * state.capacity;
        const kept: number[] = [];
        for (let pos = 1; pos < state.length[k]! - 1; pos++) {
          const j = state.route[b + pos]!;
          if (state.isBreak[j] || rng.int(3) > 0) kept.push(j);
        }
        if (!state.assign(k, kept)) {
          snapshot.load();
          expectFromScratch(state);
          continue;
        }
        expectFromScratch(state);
        insertion.insertAll(null);
        expectFromScratch(state);
        shortening.shorten(k);
        trade.pass();
        expectFromScratch(state);
        if (rng.int(2) === 0) {
          snapshot.load();
          expectFromScratch(state);
        }
      }
    }
  });
});
