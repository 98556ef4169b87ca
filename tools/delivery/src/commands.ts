/**
 * The commands behind the npm scripts (`promote`, `dockerfiles`, `ci:images`, `ci:image-tag`, `ci:azure`): argument
 * handling and output, separate from their one-line entry files in cli/ so tests run them in-process.
 * Each returns the process exit code and writes through `io`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentName } from '@tripgen/catalog';
import { parseImageTags } from '@tripgen/k8s/src/config/releases.ts';
import { asStepOutputs, azureTarget } from './azure-env.ts';
import { byWorkspace, formatTable } from './coverage.ts';
import { writeDockerfiles } from './dockerfiles.ts';
import { imageMatrix } from './images.ts';
import { ENVIRONMENTS, IMAGE_TAGS_PATH, promote } from './promote.ts';
import { REPO_ROOT } from './repo.ts';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
export const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const failure = (io: Io, err: unknown): number => {
  io.err(`${(err as Error).message}\n`);
  return 1;
};

const oneEnvironment = (args: readonly string[], usage: string, io: Io): EnvironmentName | undefined => {
  if (args.length === 1 && (ENVIRONMENTS as readonly string[]).includes(args[0]!)) return args[0] as EnvironmentName;
  io.err(`usage: ${usage} <${ENVIRONMENTS.join('|')}>\n`);
  return undefined;
};

/** `npm run promote -- <env> <tag> [--no-commit] [--forward-only]` */
export function promoteCommand(args: readonly string[], io: Io = processIo, root = REPO_ROOT): number {
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length !== 2 || args.some((a) => a.startsWith('--') && a !== '--no-commit' && a !== '--forward-only')) {
    io.err('usage: npm run promote -- <dev|prod> <image-tag> [--no-commit] [--forward-only]\n');
    return 2;
  }
  const [env, tag] = positional as [string, string];
  try {
    const result = promote({ env, tag, root, commit: !args.includes('--no-commit'), forwardOnly: args.includes('--forward-only') });
    if (result.newer) io.out(`${env} runs ${result.newer}, a later commit than ${tag}: nothing to do\n`);
    else if (!result.changed) io.out(`${env} already runs ${tag}: nothing to do\n`);
    else io.out(`${env} now runs ${tag}: ${result.files.length} file(s)${result.commit ? `, commit ${result.commit}` : ' (not committed)'}\n`);
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/** `npm run dockerfiles`: writes every service image's Dockerfile from the template (dockerfiles.ts). */
export function dockerfilesCommand(args: readonly string[], io: Io = processIo, root = REPO_ROOT): number {
  if (args.length > 0) {
    io.err('usage: npm run dockerfiles\n');
    return 2;
  }
  try {
    const changed = writeDockerfiles(root);
    io.out(changed.length === 0 ? 'every Dockerfile is up to date\n' : `wrote ${changed.join(', ')}\n`);
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/** `npm run -s ci:images`: the image matrix, one line of JSON. */
export function imagesCommand(args: readonly string[], io: Io = processIo, root = REPO_ROOT): number {
  if (args.length > 0) {
    io.err('usage: npm run -s ci:images\n');
    return 2;
  }
  try {
    io.out(`${JSON.stringify(imageMatrix(root))}\n`);
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/** `npm run -s ci:image-tag -- <env>`: the tag the environment runs. */
export function imageTagCommand(args: readonly string[], io: Io = processIo, root = REPO_ROOT): number {
  const env = oneEnvironment(args, 'npm run -s ci:image-tag --', io);
  if (!env) return 2;
  try {
    io.out(`${parseImageTags(readFileSync(join(root, IMAGE_TAGS_PATH), 'utf8'))[env]}\n`);
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/** `npm run -s ci:azure -- <env> >> "$GITHUB_OUTPUT"`: the environment's CI identity and registry. */
export function azureCommand(args: readonly string[], io: Io = processIo, root = REPO_ROOT): number {
  const env = oneEnvironment(args, 'npm run -s ci:azure --', io);
  if (!env) return 2;
  try {
    io.out(asStepOutputs(azureTarget(env, root)));
    return 0;
  } catch (err) {
    return failure(io, err);
  }
}

/** After `npm test`: coverage per workspace, from coverage/coverage-summary.json. */
export function coverageCommand(workspaces: readonly string[], minimum: Readonly<Record<'lines' | 'branches', number>>, io: Io = processIo, root = REPO_ROOT): number {
  const file = join(root, 'coverage', 'coverage-summary.json');
  if (!existsSync(file)) {
    io.err(`no ${file}: run the tests with --coverage first\n`);
    return 1;
  }
  io.out(`${formatTable(byWorkspace(JSON.parse(readFileSync(file, 'utf8')), root, workspaces), minimum)}\n`);
  return 0;
}
