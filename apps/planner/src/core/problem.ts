/**
 * The solver's view of a Team Orienteering Problem with Time Windows.
 *
 * Everything is flat typed arrays so the hot loops stay monomorphic. Times are plain numbers in
 * one unit chosen by the caller; the benchmark adapter and the real-world model both use
 * integer-valued units (tenths/hundredths of a time unit, minutes), so feasibility tests are exact.
 *
 * A node is a place (candidate for a visit) or a depot (start/end of a tour). Windows bound the
 * START of a visit and may differ per "profile": every tour has a profile, e.g. one per weekday,
 * so a museum closed on Mondays simply has no window in the Monday profile.
 */
export interface CoreProblem {
  /** Number of nodes, depots included. */
  readonly nodeCount: number;
  /** travel[a * nodeCount + b]: travel time from a to b. */
  readonly travel: Float64Array;
  /** Visit duration of each node (0 for depots). */
  readonly service: Float64Array;
  /** Score (profit) of each node (0 for depots). */
  readonly score: Float64Array;
  /** Nodes that may be visited (never depots), in a fixed order. */
  readonly candidates: Int32Array;
  /** Number of window profiles. */
  readonly profileCount: number;
  /**
   * Windows of node i in profile p are the half-open index range
   * [windowOffset[p * nodeCount + i], windowOffset[p * nodeCount + i + 1]) into windowOpen/windowClose,
   * sorted by open time and disjoint. Each window bounds the visit START: open <= start <= close.
   */
  readonly windowOffset: Int32Array;
  readonly windowOpen: Float64Array;
  readonly windowClose: Float64Array;
  /** Tours (days): depot nodes, departure time from the start depot, latest arrival at the end depot. */
  readonly tourCount: number;
  readonly tourStartNode: Int32Array;
  readonly tourEndNode: Int32Array;
  readonly tourStartTime: Float64Array;
  readonly tourEndTime: Float64Array;
  readonly tourProfile: Int32Array;
  /** -1: any tour; otherwise the only tour the node may join (a place locked to a day). */
  readonly fixedTour: Int32Array;
  /** 1: a hard constraint when feasible (must-visit or locked); the solver never trades it away. */
  readonly mandatory: Uint8Array;
  /**
   * 1: a break (e.g. a meal) taken where the traveller is: no travel into it, and the leg after
   * it starts from the place before it. Its travel row and column are ignored.
   */
  readonly isBreak: Uint8Array;
}

export interface WindowSpec {
  open: number;
  close: number;
}

/** Convenience builder: one window list per (profile, node). */
export interface CoreProblemSpec {
  travel: Float64Array;
  service: ArrayLike<number>;
  score: ArrayLike<number>;
  candidates: ArrayLike<number>;
  /** windows[profile][node]: list of windows (empty list = closed in this profile). */
  windows: ReadonlyArray<ReadonlyArray<ReadonlyArray<WindowSpec>>>;
  tours: ReadonlyArray<{ startNode: number; endNode: number; startTime: number; endTime: number; profile: number }>;
  fixedTour?: ArrayLike<number>;
  mandatory?: ArrayLike<number>;
  isBreak?: ArrayLike<number>;
}

export function buildCoreProblem(spec: CoreProblemSpec): CoreProblem {
  const n = spec.service.length;
  if (spec.travel.length !== n * n) throw new Error(`travel matrix must be ${n}x${n}`);
  const profileCount = spec.windows.length;
  const windowOffset = new Int32Array(profileCount * n + 1);
  const opens: number[] = [];
  const closes: number[] = [];
  for (let p = 0; p < profileCount; p++) {
    const perNode = spec.windows[p]!;
    if (perNode.length !== n) throw new Error(`profile ${p} must list windows for ${n} nodes`);
    for (let i = 0; i < n; i++) {
      windowOffset[p * n + i] = opens.length;
      const list = [...perNode[i]!].filter((w) => w.close >= w.open).sort((a, b) => a.open - b.open);
      let lastClose = -Infinity;
      for (const w of list) {
        if (w.open <= lastClose) throw new Error(`node ${i} profile ${p}: overlapping windows`);
        opens.push(w.open);
        closes.push(w.close);
        lastClose = w.close;
      }
    }
  }
  windowOffset[profileCount * n] = opens.length;
  const tourCount = spec.tours.length;
  const fixedTour = new Int32Array(n).fill(-1);
  const mandatory = new Uint8Array(n);
  const isBreak = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (spec.fixedTour) fixedTour[i] = spec.fixedTour[i]!;
    if (spec.mandatory) mandatory[i] = spec.mandatory[i]! ? 1 : 0;
    if (spec.isBreak) isBreak[i] = spec.isBreak[i]! ? 1 : 0;
  }
  // Breaks cost no travel: zero their rows and columns (the solver routes around them).
  let travel = spec.travel;
  if (isBreak.some((x) => x === 1)) {
    // slice(), not Float64Array.from(): a copy without the iterator protocol (a 320 x 320 matrix per plan).
    travel = spec.travel.slice();
    for (let i = 0; i < n; i++) {
      if (!isBreak[i]) continue;
      for (let x = 0; x < n; x++) {
        travel[i * n + x] = 0;
        travel[x * n + i] = 0;
      }
    }
  }
  return {
    nodeCount: n,
    travel,
    service: Float64Array.from(spec.service),
    score: Float64Array.from(spec.score),
    candidates: Int32Array.from(spec.candidates),
    profileCount,
    windowOffset,
    windowOpen: Float64Array.from(opens),
    windowClose: Float64Array.from(closes),
    tourCount,
    tourStartNode: Int32Array.from(spec.tours, (t) => t.startNode),
    tourEndNode: Int32Array.from(spec.tours, (t) => t.endNode),
    tourStartTime: Float64Array.from(spec.tours, (t) => t.startTime),
    tourEndTime: Float64Array.from(spec.tours, (t) => t.endTime),
    tourProfile: Int32Array.from(spec.tours, (t) => t.profile),
    fixedTour,
    mandatory,
    isBreak,
  };
}

/**
 * The same problem over a subset of its candidates: those nodes and the tours' start and end
 * nodes, renumbered (`nodes[i]` is the original of node i). A search over a few must-visits of a
 * large request then builds its matrices and neighbour lists over those nodes only.
 */
export function restrictProblem(problem: CoreProblem, candidates: readonly number[]): { problem: CoreProblem; nodes: Int32Array } {
  const n = problem.nodeCount;
  const depots = [...problem.tourStartNode, ...problem.tourEndNode].filter((d, i, all) => all.indexOf(d) === i);
  const nodes = Int32Array.from([...candidates, ...depots]);
  const index = new Int32Array(n).fill(-1);
  nodes.forEach((old, i) => (index[old] = i));
  const k = nodes.length;
  const travel = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) travel[a * k + b] = problem.travel[nodes[a]! * n + nodes[b]!]!;
  const windows = Array.from({ length: problem.profileCount }, (_, p) =>
    Array.from(nodes, (old) => {
      const list: WindowSpec[] = [];
      for (let o = problem.windowOffset[p * n + old]!; o < problem.windowOffset[p * n + old + 1]!; o++) {
        list.push({ open: problem.windowOpen[o]!, close: problem.windowClose[o]! });
      }
      return list;
    }),
  );
  const restricted = buildCoreProblem({
    travel,
    service: Array.from(nodes, (old) => problem.service[old]!),
    score: Array.from(nodes, (old) => problem.score[old]!),
    candidates: candidates.map((_, i) => i),
    windows,
    tours: Array.from({ length: problem.tourCount }, (_, t) => ({
      startNode: index[problem.tourStartNode[t]!]!,
      endNode: index[problem.tourEndNode[t]!]!,
      startTime: problem.tourStartTime[t]!,
      endTime: problem.tourEndTime[t]!,
      profile: problem.tourProfile[t]!,
    })),
    fixedTour: Array.from(nodes, (old) => problem.fixedTour[old]!),
    mandatory: Array.from(nodes, (old) => problem.mandatory[old]!),
    isBreak: Array.from(nodes, (old) => problem.isBreak[old]!),
  });
  return { problem: restricted, nodes };
}

/** A solution as the outside world sees it: the visited nodes of each tour, depots excluded. */
export interface CoreSolution {
  tours: number[][];
  /** Sum of the scores of visited nodes. */
  score: number;
}

/**
 * Candidate indices (ascending) of the places a problem reduction leaves in (`pruned[j]` = 0; null:
 * all): the lists the repair and replace scans walk, so a reduced run's per-iteration loops pass
 * over the ~40% of places left in, not over every candidate.
 */
export function unprunedCandidates(problem: CoreProblem, pruned: Uint8Array | null): Int32Array {
  const { candidates } = problem;
  const out: number[] = [];
  for (let c = 0; c < candidates.length; c++) if (pruned === null || pruned[candidates[c]!] === 0) out.push(c);
  return Int32Array.from(out);
}

/** The nodes of unprunedCandidates' indices, in the same order (what the hot loops over them read). */
export function candidateNodes(problem: CoreProblem, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = problem.candidates[indices[i]!]!;
  return out;
}
