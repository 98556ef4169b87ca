import { resolve } from 'node:path';

/** The repository root (tools/delivery/src → ../../..): every command works from any cwd, and a
 * copy of the repository (the promotion test's scratch clone) works on itself. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
