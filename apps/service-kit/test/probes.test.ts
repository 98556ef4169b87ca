/**
 * Every service that exists is booted as its own process, the way its container runs it, and
 * every probe path and port its rendered manifests use must answer as Kubernetes expects:
 * liveness and startup 200; readiness 200 with PostgreSQL up, 503 with PostgreSQL down (a second
 * instance pointed at a dead port) and 503 while draining after SIGTERM, then a clean exit.
 * With CI=true a service without a rendered manifest is a failure; locally the catalog stands in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { JWKS_PATH, QUEUE_NAMES, SERVICES, TOKEN_ISSUER, serviceUrlVariable, type ServiceName } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingServices, serviceEntry, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { createTestDatabase, holdCatalogPorts, redisUrl, unreachableDatabaseUrl, waitFor, type TestDatabase } from '@tripgen/testing';
import { catalogContract, manifestContracts, type ContainerContract } from './manifests.ts';

const existing = existingServices();

let bus: ServiceBusEmulator;
// The catalog ports, taken in turn with the other file that binds them (npm run dev's test).
let releasePorts: (() => void) | undefined;
beforeAll(async () => {
  releasePorts = await holdCatalogPorts();
  bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
}, 660_000);
afterAll(async () => {
  await bus?.stop();
  releasePorts?.();
});

const contractsFor = (s: ServiceName): ContainerContract[] => {
  const rendered = manifestContracts(s);
  if (rendered.length) return rendered;
  if (process.env.CI === 'true') throw new Error(`gitops/ has no rendered Deployment/Rollout for the ${s} service, which exists in apps/`);
  return [catalogContract(s)];
};

/** The service as its container runs it, with the variables its pod gets (local stack, test settings). */
const startServiceProcess = (service: ServiceName, env: Record<string, string>): Promise<NodeProcess> =>
  startNodeProcess({
    entry: serviceEntry(service),
    timeoutMs: 30_000,
    env: {
      PATH: process.env.PATH,
      SERVICE_NAME: service,
      NODE_ENV: 'test',
      // info: the level of the "Server listening at" line that reports a port the process picked (PORT=0).
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl(),
      JWKS_URL: `http://127.0.0.1:${SERVICES[TOKEN_ISSUER].port}${JWKS_PATH}`,
      // The peers it calls, where its pod would find them (probes do not depend on them).
      ...Object.fromEntries(SERVICES[service].calls.map((peer) => [serviceUrlVariable(peer), `http://127.0.0.1:${SERVICES[peer].port}`])),
      ...env,
    },
  });

const get = async (port: number, p: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${p}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined };
};

// This file binds the catalog ports while other test files run (vitest.config.ts): their servers
// listen on port 0, which the kernel picks from its ephemeral range, so none may lie in it.
it('binds catalog ports below the kernel\'s ephemeral range, which no port-0 server of another test file can hold', () => {
  const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  for (const service of existing) expect(SERVICES[service].port, service).toBeLessThan(low!);
});

describe.each(existing)('%s service probes', (service) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  const migrations = serviceMigrationsDir(service);
  const contracts = contractsFor(service);

  it('renders one port for the container, the PORT the process is given and the catalog agree', () => {
    for (const c of contracts) {
      expect(c.containerPort, c.source).toBe(SERVICES[service].port);
      if (c.envPort !== undefined) expect(c.envPort, c.source).toBe(c.containerPort);
      expect(c.probes.map((p) => p.kind).sort(), c.source).toEqual(['liveness', 'readiness', 'startup']);
    }
  });

  let db: TestDatabase;
  let proc: NodeProcess;

  it('answers every probe path on the rendered port while PostgreSQL is up', async () => {
    db = await createTestDatabase(`probe_${service}`, existsSync(migrations) ? migrations : undefined);
    cleanup.push(() => db.drop());
    const port = contracts[0]!.envPort ?? contracts[0]!.containerPort;
    proc = await startServiceProcess(service, { PORT: String(port), DATABASE_URL: db.url, SHUTDOWN_DELAY_MS: '4000', SERVICEBUS_CONNECTION_STRING: bus.connectionString });
    cleanup.push(() => proc.kill());
    for (const c of contracts) {
      for (const probe of c.probes) {
        // The kubelet retries readiness until it passes; its first database ping may exceed the
        // 2 s probe budget on a loaded machine, so the test gives it the same retries.
        if (probe.kind === 'readiness') await waitFor(async () => (await get(probe.port, probe.path)).status === 200, `${c.source} readiness`, 20_000, 250).catch(() => undefined);
        const res = await get(probe.port, probe.path);
        expect(res.status, `${c.source} ${probe.kind} ${probe.path}:${probe.port}`).toBe(200);
      }
    }
  });

  it('fails readiness but not liveness or startup when PostgreSQL is down', async () => {
    // A second instance beside the first: on a port it picks itself (one picked here could be taken
    // by another test file's process before the service binds it).
    const down = await startServiceProcess(service, { PORT: '0', DATABASE_URL: unreachableDatabaseUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString });
    cleanup.push(() => down.kill());
    for (const probe of contracts[0]!.probes) {
      const res = await get(down.port, probe.path);
      expect(res.status, `${probe.kind} ${probe.path}`).toBe(probe.kind === 'readiness' ? 503 : 200);
      if (probe.kind === 'readiness') expect(res.body?.dependencies).toMatchObject({ postgresql: { status: 'down' } });
    }
  });

  it('on SIGTERM reports not-ready while draining, keeps liveness, then exits 0', async () => {
    const probes = contracts[0]!.probes;
    const ready = probes.find((p) => p.kind === 'readiness')!;
    const live = probes.find((p) => p.kind === 'liveness')!;
    proc.signal('SIGTERM');
    // Readiness flips as soon as the signal is handled (a busy machine may take a moment); the
    // server keeps answering for SHUTDOWN_DELAY_MS so that Kubernetes can take the pod out.
    let readiness = 200;
    await waitFor(async () => (readiness = (await get(ready.port, ready.path)).status) !== 200, 'readiness to flip', 3_000, 50);
    expect(readiness).toBe(503);
    expect((await get(live.port, live.path)).status).toBe(200);
    expect(await proc.exited).toBe(0);
  });
});
