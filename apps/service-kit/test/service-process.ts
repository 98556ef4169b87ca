/** Runs a service as its own Node process (as its container does) for probe and shutdown tests. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { HEALTH_PATHS, JWKS_PATH, SERVICES, type ServiceName } from '@tripgen/catalog';
import { redisUrl } from '../src/testing/index.ts';
import { REPO_ROOT } from './manifests.ts';

export interface ServiceProcess {
  readonly exited: Promise<number | null>;
  signal(sig: NodeJS.Signals): void;
  kill(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export const startServiceProcess = async (service: ServiceName, env: Record<string, string>): Promise<ServiceProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('apps', `${service}-service`, 'src', 'server.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      SERVICE_NAME: service,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl(),
      JWKS_URL: `http://127.0.0.1:${SERVICES.user.port}${JWKS_PATH}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = Number(env.PORT);
  // Up when liveness answers; a process that dies first fails with its output.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (code !== 'running') throw new Error(`${service} service exited with ${code} before answering:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.liveness}`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${service} service did not answer liveness on ${port} within 30 s:\n${output}`);
    }
  }
  return {
    exited,
    signal: (sig) => void child.kill(sig),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};
