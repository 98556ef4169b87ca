/**
 * The OpenAPI document of every service whose code exists, as the running service serves it
 * (OPENAPI_PATH), passes Spectral's OpenAPI rules (@stoplight/spectral-cli with
 * tools/delivery/spectral.yaml; a warning fails like an error). Each service runs as its container
 * does (`node --import tsx <entry>`) against the real local stack: a throwaway database with its
 * migrations, Redis, the Service Bus emulator, and the user service's JWKS for the others. A new
 * service is linted by existing; the linter is shown failing on a broken copy of a document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPENAPI_PATH, QUEUE_NAMES, SERVICE_NAMES, TRIP_LIMITS, type ServiceName } from '@tripgen/catalog';
import { createTestDatabase, redisUrl, UNREACHABLE_PORT, type TestDatabase } from '@tripgen/testing';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { inStartOrder, serviceEnv } from '@tripgen/dev-tools/local-services';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { serviceEntryOf } from '../src/images.ts';
import { OPENAPI_EXCEPTIONS } from './openapi-exceptions.ts';
import { REPO_ROOT } from '../src/repo.ts';

const RULESET = join(import.meta.dirname, '..', 'spectral.yaml');
const SPECTRAL = join(REPO_ROOT, 'node_modules', '.bin', 'spectral');
const work = mkdtempSync(join(os.tmpdir(), 'tripgen-openapi-'));

/** Services with code, each after the ones it needs (the token issuer first: the others read its JWKS). */
const services = inStartOrder(SERVICE_NAMES.filter((s) => existsSync(join(REPO_ROOT, serviceEntryOf(s)))));
const documents = new Map<ServiceName, unknown>();
const running: NodeProcess[] = [];
const databases: TestDatabase[] = [];
let bus: ServiceBusEmulator | undefined;

beforeAll(async () => {
  bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
  // Each service picks a free port itself (PORT=0) and reports it; one picked here and bound later
  // could be taken meanwhile by another test file's process.
  const ports = new Map<ServiceName, number>();
  for (const s of services) {
    const migrations = serviceMigrationsDir(s);
    const db = await createTestDatabase(`openapi_${s}`, existsSync(migrations) ? migrations : undefined);
    databases.push(db);
    // The environment its pod gets (the local runner generates it from the service's contract),
    // on free ports: the JWKS and the peer URLs point at the ports the services started before it
    // report (a peer without code: a port where nothing answers).
    const env = serviceEnv(
      s,
      {
        // info: the level of the "Server listening at" line that reports the port.
        LOG_LEVEL: 'info',
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl(),
        SERVICEBUS_CONNECTION_STRING: bus.connectionString,
        JWT_SIGNING_KEY_FILE: join(work, 'signing-key.pem'),
      },
      (peer) => (peer === s ? 0 : (ports.get(peer) ?? UNREACHABLE_PORT)),
    );
    const service = await startNodeProcess({ entry: serviceEntryOf(s), env });
    running.push(service);
    ports.set(s, service.port);
    const res = await fetch(`${service.url}${OPENAPI_PATH}`);
    expect(res.status, s).toBe(200);
    documents.set(s, await res.json());
  }
});

afterAll(async () => {
  for (const p of running.reverse()) await p.stop();
  await bus?.stop();
  for (const db of databases) await db.drop();
  rmSync(work, { recursive: true, force: true });
});

interface Finding {
  readonly code: string;
  readonly path: string;
  readonly text: string;
}

/** Spectral's findings (warnings and errors) for a document. */
const findings = (name: string, doc: unknown): Finding[] => {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const out = spawnSync(SPECTRAL, ['lint', file, '--ruleset', RULESET, '--format', 'json', '--fail-severity', 'warn', '--quiet'], { encoding: 'utf8' });
  if (out.status !== 0 && out.stdout.trim() === '') throw new Error(`spectral failed: ${out.stderr}`);
  const results = JSON.parse(out.stdout || '[]') as { code: string; message: string; path: string[]; severity: number }[];
  return results.filter((r) => r.severity <= 1).map((r) => ({ code: r.code, path: r.path.join('.'), text: `${r.path.join('.')}: ${r.message} (${r.code})` }));
};
const spectral = (name: string, doc: unknown): string[] => findings(name, doc).map((f) => f.text);

it('lints the services that exist (the user service at least)', () => {
  expect(services).toContain('user');
  expect([...documents.keys()]).toEqual(services);
});

it.each(services)('%s: its OpenAPI document passes Spectral\'s OpenAPI rules (but for the listed exceptions, each still present)', (s) => {
  const own = OPENAPI_EXCEPTIONS.filter((e) => e.service === s);
  const found = findings(s, documents.get(s));
  const excused = (f: Finding) => own.some((e) => e.rule === f.code && e.path.test(f.path));
  expect(found.filter((f) => !excused(f)).map((f) => f.text)).toEqual([]);
  for (const e of own) expect(found.some((f) => e.rule === f.code && e.path.test(f.path)), `stale exception: ${e.rule} ${e.path}`).toBe(true);
});

it('takes interests of the catalog\'s length and number, each read alike (one that shows), in every request body of every service (preferences, trips, the AI service\'s reading): one schema, no copy', () => {
  type Schema = { properties?: Record<string, Schema>; items?: Schema; maxItems?: number; anyOf?: Schema[]; allOf?: Schema[]; oneOf?: Schema[] };
  type Document = { paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
  /** Every schema named `interests` under a body's schema. */
  const interestsIn = (schema: Schema | undefined): Schema[] => {
    if (!schema) return [];
    const own = schema.properties?.interests ? [schema.properties.interests] : [];
    const nested = [...Object.values(schema.properties ?? {}), ...(schema.items ? [schema.items] : []), ...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])];
    return [...own, ...nested.flatMap(interestsIn)];
  };
  const found: Record<string, [number | undefined, Schema | undefined]> = {};
  for (const [s, doc] of documents) {
    for (const [path, item] of Object.entries((doc as Document).paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const media of Object.values(op.requestBody?.content ?? {})) {
          for (const interests of interestsIn(media.schema)) found[`${s} ${method.toUpperCase()} ${path}`] = [interests.maxItems, interests.items];
        }
      }
    }
  }
  // The routes that take interests today, so that a walk finding none cannot pass.
  expect(Object.keys(found)).toEqual(expect.arrayContaining(['user PUT /api/v1/users/me/preferences', 'trip POST /api/v1/trips', 'trip PATCH /api/v1/trips/{id}', 'ai POST /api/v1/ai/interests']));
  // Each interest is read alike everywhere (length, the character that shows): the preferences' one, of the catalog's length.
  const item = found['user PUT /api/v1/users/me/preferences']![1];
  expect(item).toMatchObject({ type: 'string', minLength: 1, maxLength: TRIP_LIMITS.interestLength, pattern: expect.any(String) });
  const expected = [TRIP_LIMITS.interests, item];
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, expected])));
});

it('lists the answers of the preconditions (RFC 9110 13) on every operation that can give them: 412 on each (an If-Match other than *: this API gives no ETag), 304 with no content on each GET (If-None-Match: *, If-Modified-Since), and on nothing else', () => {
  type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
  const listed: Record<string, string[]> = {};
  const expected: Record<string, string[]> = {};
  for (const [s, doc] of documents) {
    for (const [path, item] of Object.entries((doc as Document).paths)) {
      for (const [method, op] of Object.entries(item)) {
        const route = `${s} ${method.toUpperCase()} ${path}`;
        listed[route] = ['304', '412'].filter((code) => code in op.responses);
        expected[route] = method === 'get' ? ['304', '412'] : ['412'];
        if ('304' in op.responses) expect(op.responses['304']!.content, `${route}: a 304 has no content`).toBeUndefined();
      }
    }
  }
  // The operations there are today, so that a walk finding none cannot pass.
  expect(Object.keys(listed)).toEqual(expect.arrayContaining(['trip GET /api/v1/trips/{id}', 'trip PATCH /api/v1/trips/{id}', 'user PUT /api/v1/users/me/preferences', 'location GET /api/v1/locations/{id}']));
  expect(listed).toEqual(expected);
});

it('lists every exception with a reason, for a service that exists', () => {
  for (const e of OPENAPI_EXCEPTIONS) {
    expect(services, e.reason).toContain(e.service);
    expect(e.reason.length).toBeGreaterThan(30);
  }
});

it('fails on a broken copy: an operation without responses, a path parameter not declared, a duplicate operationId', () => {
  type Operation = { operationId?: string; responses?: unknown };
  const doc = structuredClone(documents.get('user')) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
  delete operations[0]!.responses;
  operations[2]!.operationId = operations[1]!.operationId!;
  doc.paths['/api/v1/users/{id}'] = { get: { operationId: 'getUser', responses: { 200: { description: 'the user' } } } };
  const findings = spectral('broken', doc).join('\n');
  expect(findings).toMatch(/\(operation-success-response\)|\(oas3-schema\)/);
  expect(findings).toMatch(/\(path-params\)/);
  expect(findings).toMatch(/\(operation-operationId-unique\)/);
});
