/**
 * The baseline of `npm run bench:api`: a bare Fastify hello-world, nothing else. With HELLO_WORK_US=W
 * (BENCH_HELLO_WORK_US) its handler burns W µs of CPU per request first (hello-work.ts), and
 * GET /spin answers what the spin really cost.
 */
import Fastify from 'fastify';
import { calibrate, spin, spinControl, spinCpuUs } from './hello-work.ts';

/** One request in this many has its spin timed (two getrusage calls, about 1 µs: 0.06 µs a request). */
const TIME_EVERY = 16;

const workUs = Number(process.env.HELLO_WORK_US ?? 0);
const app = Fastify({ logger: false });
if (workUs > 0) {
  const control = spinControl(workUs, calibrate(workUs, spinCpuUs));
  let count = 0;
  app.get('/', async () => {
    const n = control.iterations();
    if (++count % TIME_EVERY === 0) {
      const before = process.cpuUsage();
      spin(n);
      const d = process.cpuUsage(before);
      control.record(n, d.user + d.system);
    } else spin(n);
    return { hello: 'world' };
  });
  app.get('/spin', async () => ({ workUs, iterations: control.iterations(), measuredUs: control.measuredUs(), samples: control.samples() }));
} else {
  app.get('/', async () => ({ hello: 'world' }));
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
// Exit on SIGTERM through process.exit, so that a `--cpu-prof` profile is written (BENCH_CPU_PROF_HELLO).
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
