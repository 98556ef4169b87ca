/**
 * A service (or any entry file) as its own Node process, the way its container runs it (a service's
 * built bundle on plain `node`, see spawnService; a TypeScript file through tsx): for the probe and shutdown tests, `npm run dev`,
 * `npm run migrate` and `npm run bench:api`. Dev and test tooling only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { HEALTH_PATHS } from '@tripgen/catalog';
import { REPO_ROOT } from './layout.ts';

/** Whether `port` can be bound on `host` now (nothing listens there). */
const portIsFree = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });

/**
 * A TCP port that was free a moment ago on 127.0.0.1: for scripts that place several processes
 * before starting them (benchmarks, under the dev lock). A test gives its process PORT=0 instead
 * (see startNodeProcess): another test file's process may bind this port before the child does.
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** What Fastify logs (at info) for each address it listens on; a pino JSON line carries it as `msg`. */
const LISTENING = /^Server listening at (https?:\/\/\S+)$/;

/** The base URL a process reports it listens on, from one line of its output (plain or pino JSON), if that line is the report. */
export const listeningUrl = (line: string): string | undefined => {
  let text = line.trim();
  if (text.startsWith('{')) {
    try {
      const msg = (JSON.parse(text) as { msg?: unknown }).msg;
      text = typeof msg === 'string' ? msg : '';
    } catch {
      return undefined;
    }
  }
  return LISTENING.exec(text)?.[1];
};

/** Levels that hide the info line reporting the address (the kit's LOG_LEVEL values above info). */
const ABOVE_INFO = new Set(['warn', 'error', 'fatal', 'silent']);

type StatusField = 'VmHWM' | 'VmRSS' | 'RssAnon' | 'RssFile' | 'RssShmem';
/** A size field of /proc/<pid>/status (read once by the caller), in bytes. */
const statusBytes = (status: string, field: StatusField): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
const procStatus = (pid: number): string => readFileSync(`/proc/${pid}/status`, 'utf8');
const statusKiB = (pid: number, field: StatusField): number => statusBytes(procStatus(pid), field);

/** Peak resident set size (VmHWM) of a live process, in bytes (Linux). */
export const peakRss = (pid: number): number => statusKiB(pid, 'VmHWM');

/** Resident set size now (VmRSS) of a live process, in bytes (Linux). */
export const currentRss = (pid: number): number => statusKiB(pid, 'VmRSS');

// Asked once, on the first reading: the module is imported by every dev tool and test that starts a process.
let clockTicks: number | undefined;
/** CPU seconds (user + system, all threads) a live process has used so far, from /proc/<pid>/stat (Linux). */
export const cpuSeconds = (pid: number): number => {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
};

/** RSS split by kind (bytes): anonymous (V8 heap, code space, malloc, stacks), file-backed (the node binary and libraries paged in), shared memory. */
export interface RssParts {
  readonly total: number;
  readonly anon: number;
  readonly file: number;
  readonly shmem: number;
}

/** A live process's RSS now, split by kind, from one read of /proc/<pid>/status (Linux). */
export const rssParts = (pid: number): RssParts => {
  const status = procStatus(pid);
  return { total: statusBytes(status, 'VmRSS'), anon: statusBytes(status, 'RssAnon'), file: statusBytes(status, 'RssFile'), shmem: statusBytes(status, 'RssShmem') };
};

export interface NodeProcess {
  readonly child: ChildProcess;
  /** Where it answers: http://127.0.0.1:PORT, or with PORT=0 the address it reported. */
  readonly url: string;
  readonly port: number;
  /** Resolves with the exit code (null when killed by a signal), once all its output is read. */
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
  /**
   * The whole environment of the process (nothing is inherited). PORT=0 lets the process pick a
   * free port itself (tests: no other process can take it between picking and binding); it is read
   * from the process's "Server listening at <url>" line, which Fastify logs at info.
   */
  readonly env: NodeJS.ProcessEnv;
  /** The process is up when GET <readyPath> on its port answers 2xx (default: the liveness probe). */
  readonly readyPath?: string;
  readonly timeoutMs?: number;
  /** Called with each line the process writes. */
  readonly onLine?: (line: string) => void;
  /** Options for node itself, before the entry (e.g. --cpu-prof, which NODE_OPTIONS may not carry). */
  readonly nodeArgs?: readonly string[];
  /**
   * Called with the child as soon as it is spawned, before it answers: a caller stopped meanwhile
   * (npm run dev told to stop) can stop it too, where it would otherwise outlive the caller on its port.
   */
  readonly onSpawn?: (child: ChildProcess) => void;
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** A built JavaScript entry runs on plain node; a TypeScript one through tsx. */
const loaderFor = (entry: string): string[] => (/\.[cm]?js$/.test(entry) ? [] : ['--import', 'tsx']);

/** Calls `onLine` with each whole line of a stream (a chunk may end inside a line). */
const eachLine = (stream: Readable | null, onLine: (line: string) => void): void => {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
};

/** Starts `node [--import tsx] <entry>` and waits until it answers; a process that dies first fails with its output. */
export const startNodeProcess = async (opts: StartOptions): Promise<NodeProcess> => {
  const picksPort = opts.env.PORT === '0';
  if (picksPort && ABOVE_INFO.has(opts.env.LOG_LEVEL ?? '')) {
    throw new Error(`${opts.entry}: with PORT=0 the port is read from the process's info line "Server listening at <url>", which LOG_LEVEL=${opts.env.LOG_LEVEL} hides`);
  }
  // A port given to the process must be free: another process answering on it (a second `npm run dev`,
  // services left from a run that crashed) would pass the readiness probe for this one, which then dies.
  // (A PORT that is no port is left to the process, which refuses it.)
  const port = Number(opts.env.PORT);
  if (!picksPort && Number.isInteger(port) && port > 0 && port < 65536 && !(await portIsFree(port, opts.env.HOST ?? '127.0.0.1'))) {
    throw new Error(`${opts.entry}: port ${opts.env.PORT} on ${opts.env.HOST ?? '127.0.0.1'} is already in use (another \`npm run dev\`, or a process left from one?); stop what listens there first`);
  }
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loaderFor(opts.entry), opts.entry, ...(opts.args ?? [])], { cwd: REPO_ROOT, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  opts.onSpawn?.(child);
  let output = '';
  let url = picksPort ? undefined : `http://127.0.0.1:${opts.env.PORT}`;
  const onLine = (line: string) => {
    output += `${line}\n`;
    url ??= listeningUrl(line);
    if (line) opts.onLine?.(line);
  };
  eachLine(child.stdout, onLine);
  eachLine(child.stderr, onLine);
  // 'close', not 'exit': the process's last lines are read by then (output() after the exit has them all).
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  // A process that accepts but does not answer must not hold the loop past its deadline.
  const answered = (base: string) => fetch(`${base}${opts.readyPath ?? HEALTH_PATHS.liveness}`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
  for (;;) {
    const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (code !== 'running') throw new Error(`${opts.entry} exited with ${code} before answering:\n${output}`);
    if (url !== undefined && (await answered(url))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      const where = url === undefined ? ' (it logged no "Server listening at <url>" line)' : ` on ${url}`;
      throw new Error(`${opts.entry} did not answer${where} within ${timeoutMs / 1000} s:\n${output}`);
    }
  }
  const base = url as string;
  const end = async (sig: NodeJS.Signals) => {
    if (isRunning(child)) child.kill(sig);
    await exited;
  };
  return {
    child,
    url: base,
    port: Number(new URL(base).port),
    exited,
    output: () => output,
    peakRss: () => peakRss(child.pid!),
    rss: () => currentRss(child.pid!),
    signal: (sig) => void child.kill(sig),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
};
