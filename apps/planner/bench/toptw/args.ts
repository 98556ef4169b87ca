/**
 * The CLI's command line, checked: a value the engine would read as NaN or 0 (`--tours abc`) printed
 * a plausible `{"score":0,"tours":[]}` with exit code 0, so every value is validated here and a bad
 * one ends the run with a usage message and exit code 2 before any work.
 */
import { parseArgs } from 'node:util';

export const USAGE =
  'usage: npm run -s planner:toptw -- --instance <file> [--tours <m>] [--time-limit-ms <ms>] [--seed <n>] [--iterations <k>] [--stats]\n' +
  '  --instance       a TOPTW instance file (format: apps/planner/bench/data/TOPTW_format.txt)\n' +
  '  --tours          number of tours m, an integer >= 1 (default 1)\n' +
  '  --time-limit-ms  time budget of the solve in ms, an integer >= 1 (default 1000)\n' +
  '  --seed           seed of the search, an integer >= 0 (default 1)\n' +
  '  --iterations     stop after this many iterations too, an integer >= 0 (0: the first plan only)\n' +
  '  --stats          add the search statistics to the output\n' +
  'prints one JSON object {"score": <number>, "tours": [[<node ids>], ...]} (depot excluded)\n';

export interface CliOptions {
  instance: string;
  tours: number;
  timeLimitMs: number;
  seed: number;
  iterations?: number;
  stats: boolean;
}

export type CliCommand = { help: true } | { help: false; options: CliOptions };

/** A command line the CLI refuses; its message names the option and what it needs. */
export class UsageError extends Error {}

function integer(name: string, raw: string, min: number): number {
  // Digits only: Number() would also take '', ' 1', '1e3' and '0x10'.
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min) {
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return Number(raw);
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        instance: { type: 'string' },
        tours: { type: 'string', default: '1' },
        'time-limit-ms': { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        iterations: { type: 'string' },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  if (!values.instance) throw new UsageError('--instance <file> is required');
  return {
    help: false,
    options: {
      instance: values.instance,
      tours: integer('tours', values.tours, 1),
      timeLimitMs: integer('time-limit-ms', values['time-limit-ms'], 1),
      seed: integer('seed', values.seed, 0),
      ...(values.iterations === undefined ? {} : { iterations: integer('iterations', values.iterations, 0) }),
      stats: values.stats,
    },
  };
}
