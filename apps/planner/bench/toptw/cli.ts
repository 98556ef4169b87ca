/**
 * npm run -s planner:toptw -- --instance <file> --tours <m> --time-limit-ms <ms> --seed <n> [--iterations <k>] [--stats]
 * Prints one JSON object {"score": <number>, "tours": [[<node ids>], ...]} (depot excluded).
 * A bad command line or an unreadable instance file: a message on stderr and exit code 2.
 */
import path from 'node:path';
import { solveTopTw } from '../../src/core/solver.ts';
import { USAGE, UsageError, parseCliArgs, type CliOptions } from './args.ts';
import { topTwToCoreProblem } from './problem.ts';
import { loadInstanceFile } from './files.ts';
import type { TopTwInstance } from './parse.ts';

function refuse(message: string): never {
  process.stderr.write(`planner:toptw: ${message}\n`);
  process.exit(2);
}

let options: CliOptions;
try {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  options = command.options;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  refuse(`${error.message}\n${USAGE}`);
}

let instance: TopTwInstance;
try {
  // npm runs the root's scripts in the root: the path is relative to where the command was typed (INIT_CWD).
  instance = loadInstanceFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), options.instance));
} catch (error) {
  // Unreadable (ENOENT, EISDIR, ...) or not in the TOPTW format: the parser names the line.
  refuse(`cannot use ${options.instance}: ${(error as Error).message}`);
}
const problem = topTwToCoreProblem(instance, options.tours);
const result = solveTopTw(problem, {
  seed: options.seed,
  timeLimitMs: options.timeLimitMs,
  ...(options.iterations === undefined ? {} : { maxIterations: options.iterations }),
});
const out: Record<string, unknown> = { score: result.score, tours: result.tours };
if (options.stats) out.stats = result.stats;
process.stdout.write(`${JSON.stringify(out)}\n`);
