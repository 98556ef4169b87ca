/**
 * `npm run dev`: the whole system on this machine. Starts (or reuses) PostgreSQL and Redis,
 * generates the Prisma clients, applies every service's migrations, loads the location service's
 * places (`npm run places:load`), starts the Service Bus
 * emulator, every service that exists on its catalog port, and the dev gateway on
 * http://127.0.0.1:8080 (GATEWAY_PORT) with the ingress's routes from the catalog.
 * Ctrl-C stops everything (services drain first); so does a step that fails (exit code 1).
 */
import type { ChildProcess } from 'node:child_process';
import { SERVICES, type ServiceName } from '@tripgen/catalog';
import { DEV_GATEWAY_PORT, createDevGateway } from '@tripgen/dev-tools/gateway';
import { existingServices } from '@tripgen/dev-tools/layout';
import { ensureStack } from '@tripgen/dev-tools/local-stack';
import { DEFAULT_EMULATOR_PORT, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import type { FastifyInstance } from 'fastify';
import { generateCode, inStartOrder, loadPlaces, migrate, serviceEnv, spawnService, startEmulator, type ServiceProcess } from '@tripgen/dev-tools/local-services';

const gatewayPort = Number(process.env.GATEWAY_PORT ?? DEV_GATEWAY_PORT);
const busPort = Number(process.env.SERVICEBUS_EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);

let bus: ServiceBusEmulator | undefined;
const running: ServiceProcess[] = [];
// A service still starting (its probes not passed yet: startup up to 5 minutes, then readiness up to a minute)
// is not in `running`; a stop meanwhile stops it too, else it outlives the run on its catalog port.
const starting = new Set<ChildProcess>();
const exitOf = (child: ChildProcess): Promise<unknown> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
let gateway: FastifyInstance | undefined;

// Everything started so far is stopped on Ctrl-C, and when a step fails (a port in use, a service that
// does not start): the run never leaves services behind, holding their ports, for the next one to meet.
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await gateway?.close();
  const startingNow = [...starting];
  for (const child of startingNow) child.kill('SIGTERM');
  await Promise.all([...running.map((p) => p.stop()), ...startingNow.map(exitOf)]);
  await bus?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  ensureStack();
  generateCode();
  const services = existingServices();
  for (const s of services) await migrate(s);
  if (services.includes('location')) loadPlaces();
  bus = await startEmulator(busPort);
  console.log(`Service Bus emulator: ${bus.connectionString}`);

  for (const s of inStartOrder(services)) {
    const p = await spawnService(s, serviceEnv(s, { SERVICEBUS_CONNECTION_STRING: bus.connectionString }), (line) => console.log(`[${s}] ${line}`), [], (child) => starting.add(child));
    starting.delete(p.child);
    running.push(p);
    console.log(`${s} service: ${p.url}`);
  }

  const upstreams: Partial<Record<ServiceName, string>> = Object.fromEntries(running.map((p) => [p.name, `http://127.0.0.1:${SERVICES[p.name].port}`]));
  gateway = await createDevGateway({ upstreams });
  await gateway.listen({ port: gatewayPort, host: '127.0.0.1' });
  console.log(`dev gateway: http://127.0.0.1:${gatewayPort} (${services.join(', ')}; the others answer 503)`);
} catch (err) {
  console.error(`npm run dev failed, stopping what it started: ${err instanceof Error ? err.message : String(err)}`);
  await stop(1);
}
