/**
 * A service (or any entry file) as its own Node process, the way its container runs it (a service's
 * built bundle on plain `node`, see spawnService; a TypeScript file through tsx): for the probe and shutdown tests, `npm run dev`,
 * `npm run migrate` and `npm run bench:api`. Dev and test tooling only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { HEALTH_PATHS } from '@tripgen/catalog';
import { REPO_ROOT } from './layout.ts';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

const statusKiB = (pid: number, field: 'VmHWM' | 'VmRSS'): number =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) * 1024;

/** Peak resident set size (VmHWM) of a live process, in bytes (Linux). */
export const peakRss = (pid: number): number => statusKiB(pid, 'VmHWM');

/** Resident set size now (VmRSS) of a live process, in bytes (Linux). */
export const currentRss = (pid: number): number => statusKiB(pid, 'VmRSS');

export interface NodeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  peakRss(): number;
  /** Resident set size now (VmRSS), in bytes. */
  rss(): number;
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM (the service drains) and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<void>;
}

/**
 * Runs `node --import tsx <entry> <args...>` to completion (a one-shot command such as a service's
 * `migrate`), its output passed through; resolves with the exit code.
 */
export const runNodeCommand = (entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });

export interface StartOptions {
  /** Entry file relative to the repository root. */
  readonly entry: string;
  /** Arguments after the entry file (a service's command; none = serve). */
  readonly args?: readonly string[];
  /** The whole environment of the process (nothing is inherited). */
  readonly env: NodeJS.ProcessEnv;
  /** The process is up when GET <readyPath> on env.PORT answers 2xx (default: the liveness probe). */
  readonly readyPath?: string;
  readonly timeoutMs?: number;
  /** Called with each line the process writes. */
  readonly onLine?: (line: string) => void;
  /** Options for node itself, before the entry (e.g. --cpu-prof, which NODE_OPTIONS may not carry). */
  readonly nodeArgs?: readonly string[];
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** A built JavaScript entry runs on plain node; a TypeScript one through tsx. */
const loaderFor = (entry: string): string[] => (/\.[cm]?js$/.test(entry) ? [] : ['--import', 'tsx']);

/** Starts `node [--import tsx] <entry>` and waits until it answers; a process that dies first fails with its output. */
export const startNodeProcess = async (opts: StartOptions): Promise<NodeProcess> => {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loaderFor(opts.entry), opts.entry, ...(opts.args ?? [])], { cwd: REPO_ROOT, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (d: Buffer) => {
    const text = d.toString();
    output += text;
    if (opts.onLine) for (const line of text.split('\n').filter(Boolean)) opts.onLine(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${opts.env.PORT}`;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (code !== 'running') throw new Error(`${opts.entry} exited with ${code} before answering:\n${output}`);
    if (await fetch(`${url}${opts.readyPath ?? HEALTH_PATHS.liveness}`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.entry} did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
    }
  }
  const end = async (sig: NodeJS.Signals) => {
    if (isRunning(child)) child.kill(sig);
    await exited;
  };
  return {
    child,
    url,
    exited,
    output: () => output,
    peakRss: () => peakRss(child.pid!),
    rss: () => currentRss(child.pid!),
    signal: (sig) => void child.kill(sig),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
};
