/** The command-line reading of the planner's experiment scripts (trip-sweep.ts, diag-plans.ts). */

/** The value after `--<name>`, else `dflt`. */
export const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};

/** `1-3,5` -> [1, 2, 3, 5]; '' -> []. */
export const range = (s: string): number[] =>
  s === ''
    ? []
    : s.split(',').flatMap((p) => {
        const [a, b] = p.split('-').map(Number);
        return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
      });
