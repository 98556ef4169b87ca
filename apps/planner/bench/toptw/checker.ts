import type { TopTwInstance } from './parse.ts';

/**
 * Independent feasibility checker for benchmark solutions. It shares no code with the solver:
 * it recomputes every travel time from the raw coordinates (in floating point, truncated to the
 * instance's decimals) and replays each tour from the depot.
 */
export interface TopTwCheck {
  feasible: boolean;
  score: number;
  errors: string[];
}

const EPS = 1e-6;

function travelTime(ax: number, ay: number, bx: number, by: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const d = Math.hypot(ax - bx, ay - by);
  return Math.floor(d * f + 1e-7) / f;
}

export function checkTopTwSolution(instance: TopTwInstance, tours: number[][], expectedTourCount?: number): TopTwCheck {
  const errors: string[] = [];
  const nodes = instance.nodes;
  const depot = nodes[0];
  if (!depot) return { feasible: false, score: 0, errors: ['instance has no depot'] };
  if (expectedTourCount !== undefined && tours.length > expectedTourCount) {
    errors.push(`${tours.length} tours, at most ${expectedTourCount} allowed`);
  }
  const seen = new Set<number>();
  let score = 0;
  tours.forEach((tour, k) => {
    let at = depot;
    let time = depot.open;
    for (const id of tour) {
      const node = nodes[id];
      if (!Number.isInteger(id) || id <= 0 || !node) {
        errors.push(`tour ${k}: node ${id} is not a place of the instance`);
        return;
      }
      if (seen.has(id)) errors.push(`tour ${k}: node ${id} visited more than once`);
      seen.add(id);
      const arrive = time + travelTime(at.x, at.y, node.x, node.y, instance.decimals);
      const start = Math.max(arrive, node.open);
      if (start > node.close + EPS) errors.push(`tour ${k}: node ${id} starts at ${start}, window closes at ${node.close}`);
      time = start + node.duration;
      at = node;
      score += node.score;
    }
    const back = time + travelTime(at.x, at.y, depot.x, depot.y, instance.decimals);
    if (back > depot.close + EPS) errors.push(`tour ${k}: back at the depot at ${back}, budget ${depot.close}`);
  });
  return { feasible: errors.length === 0, score, errors };
}
