/**
 * The measured figures capacity planning starts from, in one committed file (figures.json) with
 * the date, commit and machine of each measurement: `npm run bench:api` writes the `api` entry,
 * `npm run bench:schedule` the `schedule` entry. An entry marked provisional is an estimate that
 * stands in until its benchmark exists; `npm run capacity` says so on every run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

export const FIGURES_FILE = new URL('../figures.json', import.meta.url);

export interface MeasuredFigure {
  /** ISO date of the run. */
  readonly date: string;
  /** `git rev-parse --short HEAD` of the measured tree (`-dirty` when it had changes). */
  readonly commit: string;
  /** The command that produced it. */
  readonly source: string;
  /** Cores of the machine and what else ran there. */
  readonly machine: string;
  /** True while the figure is an estimate, not a measurement. */
  readonly provisional: boolean;
  /** How the figure was obtained, in a sentence. */
  readonly note: string;
}

export interface ApiFigure extends MeasuredFigure {
  readonly route: string;
  readonly requestsPerSecond: number;
  /** CPU time (user + system) the service process spent per request during the measured run. */
  readonly cpuSecondsPerRequest: number;
}

export interface ScheduleFigure extends MeasuredFigure {
  /** CPU time the AI service spends per generated schedule (planning, checking, I/O). */
  readonly cpuSecondsPerSchedule: number;
}

export interface Figures {
  readonly api: ApiFigure;
  readonly schedule: ScheduleFigure;
}

export const readFigures = (): Figures => JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Figures;

/** Replaces one entry and keeps the others (each benchmark owns its entry). */
export function writeFigure<K extends keyof Figures>(key: K, figure: Figures[K]): void {
  const next = { ...readFigures(), [key]: figure };
  writeFileSync(FIGURES_FILE, `${JSON.stringify(next, null, 2)}\n`);
}

/** The measured tree's commit as MeasuredFigure.commit wants it (`-dirty` when it had changes). */
export const gitCommit = (cwd: string = process.cwd()): string => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const head = git('rev-parse', '--short', 'HEAD');
  return git('status', '--porcelain') === '' ? head : `${head}-dirty`;
};
