import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (k8s/src/lib → ../../..), so every script works from any cwd. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);
export const GITOPS_DIR = repoPath('gitops');
