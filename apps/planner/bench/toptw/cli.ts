/**
 * npm run -s planner:toptw -- --instance <file> --tours <m> --time-limit-ms <ms> --seed <n> [--iterations <k>] [--stats]
 * Prints one JSON object {"score": <number>, "tours": [[<node ids>], ...]} (depot excluded).
 */
import { parseArgs } from 'node:util';
import { solveTopTw } from '../../src/core/solver.ts';
import { topTwToCoreProblem } from './problem.ts';
import { loadInstanceFile } from './files.ts';

const { values } = parseArgs({
  options: {
    instance: { type: 'string' },
    tours: { type: 'string', default: '1' },
    'time-limit-ms': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
    stats: { type: 'boolean', default: false },
  },
  strict: true,
});

if (!values.instance) {
  process.stderr.write('usage: planner:toptw --instance <file> --tours <m> --time-limit-ms <ms> --seed <n> [--iterations <k>]\n');
  process.exit(2);
}
const instance = loadInstanceFile(values.instance);
const problem = topTwToCoreProblem(instance, Number(values.tours));
const result = solveTopTw(problem, {
  seed: Number(values.seed),
  timeLimitMs: Number(values['time-limit-ms']),
  ...(values.iterations ? { maxIterations: Number(values.iterations) } : {}),
});
const out: Record<string, unknown> = { score: result.score, tours: result.tours };
if (values.stats) out.stats = result.stats;
process.stdout.write(`${JSON.stringify(out)}\n`);
