import { buildCoreProblem, type CoreProblem } from '../../src/core/problem.ts';
import { scaledTravelTime, type TopTwInstance } from './parse.ts';

/**
 * Benchmark instance -> solver problem with m identical tours from node 0. Times are scaled to
 * integers (x 10^decimals) so every feasibility comparison in the solver is exact.
 */
export function topTwToCoreProblem(instance: TopTwInstance, tours: number): CoreProblem {
  const { nodes, decimals } = instance;
  const n = nodes.length;
  const scale = 10 ** decimals;
  const travel = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) travel[a * n + b] = a === b ? 0 : scaledTravelTime(nodes[a]!, nodes[b]!, decimals);
  }
  const depot = nodes[0]!;
  const windows = nodes.map((node, i) => (i === 0 ? [] : [{ open: node.open * scale, close: node.close * scale }]));
  return buildCoreProblem({
    travel,
    service: nodes.map((node, i) => (i === 0 ? 0 : node.duration * scale)),
    score: nodes.map((node, i) => (i === 0 ? 0 : node.score)),
    candidates: nodes.slice(1).map((node) => node.id),
    windows: [windows],
    tours: Array.from({ length: tours }, () => ({
      startNode: 0,
      endNode: 0,
      startTime: depot.open * scale,
      endTime: depot.close * scale,
      profile: 0,
    })),
  });
}
