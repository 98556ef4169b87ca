/**
 * A Redis server of a test's own (the apt `redis-server` binary scripts/stack-up.sh installs), on a
 * free port and a temporary directory, without persistence: stopped (SHUTDOWN NOSAVE) and started
 * again on the same port it comes back empty, as a pod of dev's in-cluster Redis or a cache that
 * restarted without persistence does. The stack's shared server cannot be restarted (every test
 * process uses it), and a TCP relay only drops connections: the data stays.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { waitFor } from './wait.ts';

export interface OwnRedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** SHUTDOWN NOSAVE: every connection drops, the data is gone. */
  stop(): Promise<void>;
  /**
   * Starts it again, empty, on the same port; `pauseWritesMs`: write commands (PUBLISH and
   * transactions with writes too) then wait that long from the moment it answers (CLIENT PAUSE
   * WRITE), as behind a write-back of many entries that takes that long, while reads are answered.
   */
  start(opts?: { readonly pauseWritesMs?: number }): Promise<void>;
  /** When each client connection was accepted since the last start (ms, from the server's log: for differences). */
  accepted(): number[];
  close(): Promise<void>;
}

/**
 * A free port below Linux's ephemeral range (32768-60999), where the system picks the local ports of
 * outgoing connections: while the server is stopped its clients keep connecting to its port, and one
 * given that same port as its own would connect to itself (TCP simultaneous open) or hold it.
 */
const freePortBelowEphemeral = async (): Promise<number> => {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
};

export interface RedisServerOptions {
  /**
   * A cluster of one node holding all 16,384 hash slots: one endpoint, as a plain client reaches
   * Azure Managed Redis (Enterprise clustering policy), with a clustered Redis's hash-slot rules, among
   * them that the keys of one MULTI/EXEC are in one slot (redis.io "Multi-key operations", Pipelines,
   * transactions, and scripts: single-slot with Redis Software's clustering too), else CROSSSLOT.
   */
  readonly cluster?: boolean;
}

export const startRedisServer = async (opts: RedisServerOptions = {}): Promise<OwnRedisServer> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePortBelowEphemeral(), opts);
    } catch (err) {
      // Taken between the probe and the server's bind (another test process): another port.
      if (attempt >= 5) throw err;
    }
  }
};

const startOn = async (port: number, opts: RedisServerOptions): Promise<OwnRedisServer> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tripgen-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  /** redis-cli, as scripts/stack-up.sh: its answer, or its error's text (a refused connection). */
  const cli = (...args: string[]): Promise<string> =>
    new Promise((resolve) => execFile('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }, (err, stdout, stderr) => resolve(err ? `${stderr}` : stdout.trim())));
  const ping = async (): Promise<boolean> => (await cli('PING')) === 'PONG';

  let starts = 0;
  const logFile = () => path.join(dir, `redis-${starts}.log`);
  const start = async (startOpts: { readonly pauseWritesMs?: number } = {}) => {
    starts += 1;
    const cluster = opts.cluster ? ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${starts}.conf`] : [];
    // verbose: the server logs each connection it accepts.
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', logFile(), '--loglevel', 'verbose', ...cluster], { stdio: 'ignore' });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitFor(async () => (proc.exitCode === null ? ping() : Promise.reject(new Error(`redis-server exited with ${proc.exitCode} (port ${port} taken?)`))), `redis-server on ${port}`, 10_000, 20);
    if (opts.cluster) {
      await cli('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
      await waitFor(async () => (await cli('CLUSTER', 'INFO')).includes('cluster_state:ok'), `the cluster on ${port} to serve its slots`, 10_000, 20);
    }
    if (startOpts.pauseWritesMs) await cli('CLIENT', 'PAUSE', String(startOpts.pauseWritesMs), 'WRITE');
  };
  /** `<pid>:M 07 Dec 2026 08:40:15.123 - Accepted 127.0.0.1:5555` */
  const accepted = () =>
    [...readFileSync(logFile(), 'utf8').matchAll(/^\d+:\w (\d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2})\.(\d{3}) [-.*#] Accepted /gm)].map(([, when, ms]) => Date.parse(`${when!} UTC`) + Number(ms));
  const stop = async () => {
    // The server closes the connection instead of answering.
    await cli('SHUTDOWN', 'NOSAVE');
    await exited;
    child = undefined;
  };

  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    stop,
    start,
    accepted,
    async close() {
      if (child) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
