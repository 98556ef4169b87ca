/**
 * The local stack's helpers as the tests and `npm run dev` use them: database URLs on the stack's
 * server, scratch databases with migrations, a service's migrate command run like its Job, the
 * order services start in, and a process that dies before answering reported with its output.
 */
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { SERVICES, TOKEN_ISSUER } from '@tripgen/catalog';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceMigrationsDir } from '../src/layout.ts';
import { adminUrl, createScratchDatabase, databaseUrl, ensureStack, redisUrl, type ScratchDatabase } from '../src/local-stack.ts';
import { inStartOrder, loadPlaces, migrate } from '../src/local-services.ts';
import { listeningUrl, runNodeCommand, startNodeProcess } from '../src/processes.ts';

const dropLater: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of dropLater) await db.drop();
});

const tables = async (url: string): Promise<string[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r: { tablename: string }) => r.tablename);
  } finally {
    await client.end();
  }
};

describe('the local stack', () => {
  it('is adopted from scripts/stack-up.sh (started or reused) and names each service\'s database on its server', () => {
    ensureStack();
    expect(redisUrl()).toMatch(/^redis:\/\//);
    const url = new URL(databaseUrl('trip'));
    expect(url.pathname).toBe(`/${SERVICES.trip.database}`);
    expect(new URL(databaseUrl('trip', 'other_db')).pathname).toBe('/other_db');
  });

  it('says how to start the stack when its settings are missing', () => {
    const saved = { admin: process.env.DATABASE_URL_ADMIN, redis: process.env.REDIS_URL };
    try {
      delete process.env.DATABASE_URL_ADMIN;
      delete process.env.REDIS_URL;
      expect(() => adminUrl()).toThrow(/DATABASE_URL_ADMIN is not set: run `source scripts\/stack-env.sh/);
      expect(() => redisUrl()).toThrow(/REDIS_URL is not set/);
    } finally {
      process.env.DATABASE_URL_ADMIN = saved.admin;
      process.env.REDIS_URL = saved.redis;
    }
  });

  it('makes scratch databases with unique, safe names and drops them', async () => {
    const a = await createScratchDatabase('Dev-Tools probe');
    const b = await createScratchDatabase('Dev-Tools probe');
    dropLater.push(a, b);
    expect(a.name).toMatch(/^dev_tools_probe_[0-9a-f]{10}$/);
    expect(a.name).not.toBe(b.name);
    expect(await tables(a.url)).toEqual([]);
    const migrated = await createScratchDatabase('dev_tools_user', serviceMigrationsDir(TOKEN_ISSUER));
    dropLater.push(migrated);
    expect(await tables(migrated.url)).toContain('_prisma_migrations');
  });

  it('reports a place load that fails', () => {
    expect(() => loadPlaces('postgresql://nobody:x@127.0.0.1:1/none')).toThrow(/the place loader \(npm run places:load\) failed/);
  });

  it('migrates a service\'s database with the service\'s own migrate command, and reports a failure', async () => {
    const db = await createScratchDatabase('dev_tools_migrate');
    dropLater.push(db);
    await migrate(TOKEN_ISSUER, db.url);
    expect(await tables(db.url)).toContain('_prisma_migrations');
    await expect(migrate(TOKEN_ISSUER, 'postgresql://nobody:x@127.0.0.1:1/none')).rejects.toThrow(/user: migrate exited with 1/);
  });

  it('starts the token issuer first and every service after the ones it calls, each once', () => {
    const order = inStartOrder(['trip', 'ai', TOKEN_ISSUER, 'location']);
    expect(order[0]).toBe(TOKEN_ISSUER);
    expect([...order].sort()).toEqual(['ai', 'location', 'trip', TOKEN_ISSUER].sort());
    for (const [i, s] of order.entries()) for (const peer of SERVICES[s].calls) expect(order.indexOf(peer), `${s} calls ${peer}`).toBeLessThan(i);
    // A service not in the list is not started for a caller that is.
    expect(inStartOrder(['trip'])).toEqual(['trip']);
  });
});

describe('processes', () => {
  const entry = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, PORT: '0', ...extra });

  it('runs a command to its exit code', async () => {
    expect(await runNodeCommand(entry('exit-with.ts'), ['3'], { PATH: process.env.PATH })).toBe(3);
  });

  it('reports a process that exits before answering, with what it printed', async () => {
    await expect(startNodeProcess({ entry: entry('exit-with.ts'), args: ['2'], env: env(), timeoutMs: 10_000 })).rejects.toThrow(/exited with 2 before answering:\n.*leaving with 2/s);
  });

  it('hands a process that picked its own port (PORT=0) over at the address it reported, with its output, its peak RSS and a stop', async () => {
    const lines: string[] = [];
    const proc = await startNodeProcess({ entry: entry('answer-health.ts'), env: env(), timeoutMs: 10_000, onLine: (l) => lines.push(l) });
    try {
      expect(proc.port).toBeGreaterThan(0);
      expect(proc.url).toBe(`http://127.0.0.1:${proc.port}`);
      // The report came in two writes: the reader hands it over as one line.
      expect(lines).toContain(`Server listening at ${proc.url}`);
      expect((await fetch(`${proc.url}/anything`)).status).toBe(200);
      expect(proc.peakRss()).toBeGreaterThan(1024 * 1024);
    } finally {
      await proc.stop();
    }
    expect(await proc.exited).toBe(0);
  });

  it('refuses a port another process answers on, instead of taking that process\'s answer for its own', async () => {
    // What a second `npm run dev` met: the first run's service answered the probe, the new one died of EADDRINUSE.
    const other = Fastify();
    other.get('/*', async () => 'ok');
    const address = await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = new URL(address).port;
      const started = startNodeProcess({ entry: entry('answer-health.ts'), env: env({ PORT: port }), timeoutMs: 10_000 });
      const proc = await started.catch(() => undefined);
      await proc?.stop();
      await expect(started).rejects.toThrow(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      await other.close();
    }
  });

  it('kills a process that does not answer 2xx, or does not report its address, at the timeout', { timeout: 20_000 }, async () => {
    // 5 s, not 1: under a load of 5 the child's start (node and tsx) alone passed 1 s, so it had not reported its address yet.
    await expect(startNodeProcess({ entry: entry('answer-health.ts'), env: env({ ANSWER_AFTER_MS: '60000' }), timeoutMs: 5_000 })).rejects.toThrow(/did not answer on http:\/\/127\.0\.0\.1:\d+ within 5 s/);
    await expect(startNodeProcess({ entry: entry('answer-health.ts'), env: env({ QUIET: '1' }), timeoutMs: 1_000 })).rejects.toThrow(/did not answer \(it logged no "Server listening at <url>" line\) within 1 s/);
  });

  it('refuses PORT=0 with a log level that hides the address line, before starting anything', async () => {
    await expect(startNodeProcess({ entry: entry('exit-with.ts'), args: ['0'], env: env({ LOG_LEVEL: 'warn' }) })).rejects.toThrow(/LOG_LEVEL=warn hides$/);
  });

  it('reads the address from Fastify\'s own line (pino JSON), as the services log it, and from nothing else', async () => {
    const logged: string[] = [];
    const app = Fastify({ logger: { level: 'info', stream: { write: (l: string) => void logged.push(l) } } });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    await app.close();
    expect(logged.map(listeningUrl).filter(Boolean)).toEqual([address]);
    expect(listeningUrl('Server listening at http://[::1]:4000')).toBe('http://[::1]:4000');
    expect(listeningUrl('{"level":30,"msg":"incoming request","url":"Server listening at http://x"}')).toBeUndefined();
    expect(listeningUrl('{"level":30,"msg":')).toBeUndefined();
    expect(listeningUrl('Server listening at soon')).toBeUndefined();
  });
});
