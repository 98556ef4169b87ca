/**
 * A Redis server of a test's own (the apt `redis-server` binary scripts/stack-up.sh installs), on a
 * free port and a temporary directory, without persistence: stopped (SHUTDOWN NOSAVE) and started
 * again on the same port it comes back empty, as a pod of dev's in-cluster Redis or a cache that
 * restarted without persistence does. The stack's shared server cannot be restarted (every test
 * process uses it), and a TCP relay only drops connections: the data stays.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@tripgen/dev-tools/processes';
import { waitFor } from './wait.ts';

export interface OwnRedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** SHUTDOWN NOSAVE: every connection drops, the data is gone. */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export const startRedisServer = async (): Promise<OwnRedisServer> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tripgen-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  /** redis-cli, as scripts/stack-up.sh: its answer, or its error's text (a refused connection). */
  const cli = (...args: string[]): Promise<string> =>
    new Promise((resolve) => execFile('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }, (err, stdout, stderr) => resolve(err ? `${stderr}` : stdout.trim())));
  const ping = async (): Promise<boolean> => (await cli('PING')) === 'PONG';

  const start = async () => {
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', path.join(dir, 'redis.log')], { stdio: 'ignore' });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitFor(async () => (proc.exitCode === null ? ping() : Promise.reject(new Error(`redis-server exited with ${proc.exitCode} (port ${port} taken?)`))), `redis-server on ${port}`, 10_000, 20);
  };
  const stop = async () => {
    // The server closes the connection instead of answering.
    await cli('SHUTDOWN', 'NOSAVE');
    await exited;
    child = undefined;
  };

  await start();
  return {
    url,
    stop,
    start,
    async close() {
      if (child) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
