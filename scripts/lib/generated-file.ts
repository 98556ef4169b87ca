/**
 * A generated file the repository commits (the Bicep hand-overs): written when it differs from what
 * its source renders, or, with `--check` on the command line, exit 1 when it does.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** `name` is how the messages call it (its path in the repository); `regenerate`, the command that writes it. */
export function writeOrCheck(file: string | URL, wanted: string, name: string, regenerate: string): void {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Not written yet: it differs.
  }
  if (current === wanted) return;
  if (process.argv.includes('--check')) {
    console.error(`${name} is stale: run \`${regenerate}\``);
    process.exit(1);
  }
  writeFileSync(file, wanted);
  console.log(`wrote ${name}`);
}
