/**
 * The benches' baseline as a process of its own (hello-fastify.ts on a free port), as bench:api and
 * bench:node-flags start it: `workUs` makes it the calibrated hello-world that burns that much CPU a request.
 */
import { freePort, startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';

export interface HelloOptions {
  readonly workUs?: number;
  readonly nodeArgs?: readonly string[];
  readonly onLine?: (line: string) => void;
}

export const startHelloWorld = async (opts: HelloOptions = {}): Promise<NodeProcess> =>
  startNodeProcess({
    entry: 'scripts/lib/hello-fastify.ts',
    env: { PATH: process.env.PATH, PORT: String(await freePort()), ...(opts.workUs === undefined ? {} : { HELLO_WORK_US: String(opts.workUs) }) },
    readyPath: '/',
    nodeArgs: opts.nodeArgs,
    onLine: opts.onLine,
  });
