/**
 * A MONITOR connection that starts whatever the server's other clients send meanwhile. ioredis's own
 * monitor() fails at random while other tests use the same Redis (MONITOR sees every database's
 * commands, every test process's): it marks the connection as monitoring only in a promise callback
 * after MONITOR's OK, so a monitored line in the same TCP chunk as that OK meets an empty command
 * queue ('Command queue state error', which rejects monitor() or is thrown uncaught; ioredis 5.9.2
 * DataHandler/event_handler, redis/ioredis#1981, taskforcesh/bullmq#2505). Those early lines are
 * other clients' (the caller's own commands come after), so only that error, and only before
 * 'monitoring', is let through; any later error goes to `errors`, for the caller to assert empty.
 */
import type { Redis } from 'ioredis';

export async function startMonitor(redis: Redis, errors: string[] = []): Promise<Redis> {
  const monitor = redis.duplicate({ monitor: true, lazyConnect: false });
  let monitoring = false;
  await new Promise<void>((resolve, reject) => {
    monitor.once('monitoring', () => {
      monitoring = true;
      resolve();
    });
    monitor.on('error', (error: Error) => {
      if (monitoring) errors.push(error.message);
      else if (!error.message.startsWith('Command queue state error')) reject(error);
    });
  });
  return monitor;
}
