/** The baseline of `npm run bench:api`: a bare Fastify hello-world, nothing else. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
// Exit on SIGTERM through process.exit, so that a `--cpu-prof` profile is written (BENCH_CPU_PROF_HELLO).
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
