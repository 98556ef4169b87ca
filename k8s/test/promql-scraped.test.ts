/**
 * The prod alerts, SLO rules and rollout analyses select series the real services produce, by the
 * label values they carry once Prometheus has stored them. Every service runs as its container
 * does against the local stack (a throwaway database with its migrations, Redis, the Service Bus
 * emulator), answers real requests (probes, its scrape, a traveller's register, log-in, trip and
 * schedule, a route of each other service), and its /metrics text is turned into what Prometheus
 * stores through the rendered ServiceMonitor (support/prometheus-ingest.ts: target labels, renamed
 * collisions, Prometheus v3's `le` normalization). Then every selector of gitops/prod on the
 * services' metrics must select a stored series, and none of those that leave probes and scrapes
 * out may select what probes and scrapes alone produced.
 * promql-delivery.test.ts checks the metric and label *names* against the kit; this checks values.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_PATHS, HEALTH_PATHS, METRICS_PATH, OPERATIONAL_PATHS, SERVICE_NAMES, workloadName, type ServiceName } from '@tripgen/catalog';
import { createTestDatabase, redisUrl, UNREACHABLE_PORT, waitFor, type TestDatabase } from '@tripgen/testing';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { REPO_ROOT, serviceEntry, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { inStartOrder, serviceEnv, startEmulator } from '@tripgen/dev-tools/local-services';
import { matches, parsePromql, promqlOf, type Selector } from './policy/promql.ts';
import { ingest, parseExposition, scrapeTargets, type Sample } from './support/prometheus-ingest.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';

// The alerting rules are Azure Monitor's (the cluster keeps the recording rules): read beside gitops/.
const prod = withEvaluatedAlerts('prod');
/** The pod-template hash of the pods the analyses judge (their `pod-hash` arg is the latest ReplicaSet's). */
const LATEST_HASH = '6d4cf56db6';
const targets = scrapeTargets(prod, { 'rollouts-pod-template-hash': LATEST_HASH });
const services = inStartOrder(SERVICE_NAMES.filter((s) => existsSync(join(REPO_ROOT, serviceEntry(s)))));
const work = mkdtempSync(join(os.tmpdir(), 'tripgen-scraped-'));

/**
 * The AI service with its Azure OpenAI adapter on, as prod's alerts expect it (its model-call series
 * exist only then): an endpoint nothing answers, so its readings fall back to the keywords
 * (outcome `error`) and every other outcome is exported at 0, the values the rules select.
 */
const AI_MODEL = { AZURE_OPENAI_ENDPOINT: `http://127.0.0.1:${UNREACHABLE_PORT}`, AZURE_OPENAI_DEPLOYMENT: 'scraped' };

const running = new Map<ServiceName, NodeProcess>();
const databases: TestDatabase[] = [];
let bus: Awaited<ReturnType<typeof startEmulator>> | undefined;
/** What Prometheus would store from each service: after probes and scrapes only, and after real requests. */
const probesOnly = new Map<ServiceName, Sample[]>();
const stored = new Map<ServiceName, Sample[]>();
/** Metric names the services declare (a histogram with no observation yet declares its series too). */
const families = new Set<string>();

const targetOf = (s: ServiceName) => {
  const t = targets.find((x) => x.workload === workloadName(s));
  if (!t) throw new Error(`no ServiceMonitor scrapes ${workloadName(s)}`);
  return t;
};

const scrape = async (s: ServiceName): Promise<Sample[]> => {
  const { samples, families: declared } = parseExposition(await (await fetch(`${running.get(s)!.url}${METRICS_PATH}`)).text());
  for (const f of declared) families.add(f);
  return ingest(targetOf(s), samples);
};

const call = async (s: ServiceName, method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(`${running.get(s)!.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
};

beforeAll(async () => {
  bus = await startEmulator(0);
  const ports = new Map<ServiceName, number>();
  for (const s of services) {
    const migrations = serviceMigrationsDir(s);
    const db = await createTestDatabase(`scraped_${s}`, existsSync(migrations) ? migrations : undefined);
    databases.push(db);
    const env = serviceEnv(
      s,
      { LOG_LEVEL: 'info', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString, JWT_SIGNING_KEY_FILE: join(work, 'signing-key.pem'), ...(s === 'ai' ? AI_MODEL : {}) },
      (peer) => (peer === s ? 0 : (ports.get(peer) ?? UNREACHABLE_PORT)),
    );
    const p = await startNodeProcess({ entry: serviceEntry(s), env });
    running.set(s, p);
    ports.set(s, p.port);
    // What the kubelet, Prometheus and tools (the API document) alone ask of a pod, before any other request reaches it.
    for (const path of OPERATIONAL_PATHS.filter((x) => x !== METRICS_PATH)) await fetch(`${p.url}${path}`);
    await scrape(s);
    probesOnly.set(s, await scrape(s));
  }
  // A traveller's requests: register and log in, a trip, a schedule made off the queue by the AI
  // service (which asks the location service for candidates); a route of the AI and location services.
  const email = `scraped-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await call('user', 'POST', AUTH_PATHS.register, { email, password: 'correct horse battery', name: 'Ada' })).status).toBe(201);
  const token = String((await call('user', 'POST', AUTH_PATHS.login, { email, password: 'correct horse battery' })).json.accessToken);
  expect((await call('user', 'GET', '/api/v1/users/me', undefined, token)).status).toBe(200);
  const trip = await call('trip', 'POST', '/api/v1/trips', {
    title: 'Seoul in autumn',
    destination: { name: 'Seoul', lat: 37.5663, lng: 126.9779 },
    startDate: '2026-10-05',
    endDate: '2026-10-06',
    dayStart: '09:00',
    dayEnd: '19:00',
    interests: ['palaces'],
    travelMode: 'transit',
  }, token);
  expect(trip.status).toBe(201);
  const asked = await call('trip', 'POST', `/api/v1/trips/${String(trip.json.id)}/schedules`, {}, token);
  expect(asked.status).toBe(202);
  await waitFor(
    async () => ['completed', 'failed'].includes(String((await call('trip', 'GET', `/api/v1/trips/${String(trip.json.id)}/schedules/${String(asked.json.id)}?wait=5`, undefined, token)).json.status)),
    'the schedule to end',
    120_000,
    500,
  );
  expect((await call('ai', 'POST', '/api/v1/ai/interests', { interests: ['palaces'] }, token)).status).toBe(200);
  expect((await call('location', 'GET', '/api/v1/locations/search?q=palace', undefined, token)).status).toBe(200);
  for (const s of services) {
    await fetch(`${running.get(s)!.url}${HEALTH_PATHS.readiness}`);
    stored.set(s, await scrape(s));
  }
}, 240_000);

afterAll(async () => {
  for (const p of [...running.values()].reverse()) await p.stop();
  await bus?.stop();
  for (const db of databases) await db.drop();
  rmSync(work, { recursive: true, force: true });
});

/** Every query of gitops/prod, analyses once per Rollout with that Rollout's args (the controller substitutes them). */
function renderedQueries(): { where: string; query: string }[] {
  const templates = new Map(prod.filter((o) => o.kind === 'AnalysisTemplate').map((o) => [o.metadata.name, o]));
  const queries = promqlOf(prod.filter((o) => o.kind === 'PrometheusRule'));
  for (const r of prod.filter((o) => o.kind === 'Rollout')) {
    const strategy = (r.spec as { strategy: Record<string, Record<string, unknown>> }).strategy;
    const analyses = [strategy.canary?.analysis, strategy.blueGreen?.prePromotionAnalysis, strategy.blueGreen?.postPromotionAnalysis].filter(Boolean) as {
      templates: { templateName: string }[];
      args?: { name: string; value?: string; valueFrom?: { podTemplateHashValue?: string } }[];
    }[];
    for (const a of analyses) {
      const args = new Map((a.args ?? []).map((x) => [x.name, x.valueFrom?.podTemplateHashValue === 'Latest' ? LATEST_HASH : (x.value ?? '')]));
      for (const t of a.templates) {
        for (const q of promqlOf([templates.get(t.templateName)!])) {
          queries.push({ where: `Rollout/${r.metadata.name} ${q.where}`, query: q.query.replace(/\{\{\s*args\.([\w-]+)\s*\}\}/g, (_m, n: string) => args.get(n) ?? `{{args.${n}}}`) });
        }
      }
    }
  }
  return queries;
}

/** A status code's matcher is held to the codes a service can answer, not to those this run happened to meet. */
const OUTCOME_LABELS = new Set(['status_code']);
const HTTP_CODES = Array.from({ length: 500 }, (_x, i) => String(100 + i));

/** The selectors on what the services export (their metrics, and `up` of their targets), with where they sit. */
const serviceSelectors = (): { where: string; selector: Selector }[] =>
  renderedQueries().flatMap(({ where, query }) => parsePromql(query).selectors.filter((s) => s.metric === 'up' || families.has(s.metric)).map((selector) => ({ where, selector })));

/** Why a selector selects nothing of `series` (null when it selects something). */
function emptySelection(selector: Selector, series: readonly Sample[]): string | null {
  const outcome = selector.matchers.filter((m) => OUTCOME_LABELS.has(m.name));
  for (const m of outcome) if (!HTTP_CODES.some((c) => matches(m, { [m.name]: c }))) return `${m.name}${m.op}"${m.value}" matches no HTTP status`;
  const rest = selector.matchers.filter((m) => !OUTCOME_LABELS.has(m.name));
  const named = series.filter((s) => s.name === selector.metric);
  if (named.length === 0) return 'no series of this metric';
  if (named.some((s) => rest.every((m) => matches(m, s.labels)))) return null;
  // The matcher that empties the selection, named with the values the series do carry.
  for (const m of rest) {
    if (!named.some((s) => matches(m, s.labels))) return `${m.name}${m.op}"${m.value}" selects nothing (stored values: ${[...new Set(named.map((s) => s.labels[m.name] ?? ''))].sort().join(', ')})`;
  }
  return 'no series meets every matcher at once';
}

function selectionProblems(selectors: readonly { where: string; selector: Selector }[], series: readonly Sample[]): string[] {
  return selectors.flatMap(({ where, selector }) => {
    const why = emptySelection(selector, series);
    return why ? [`${where}: ${selector.metric}: ${why}`] : [];
  });
}

describe('prod queries against what Prometheus stores from the running services', () => {
  it('the services declare the kit\'s series and every ServiceMonitor target is one of them', () => {
    expect(targets.map((t) => t.workload).sort()).toEqual(services.map(workloadName).sort());
    for (const f of ['http_request_duration_seconds_bucket', 'http_request_duration_seconds_count', 'dependency_up', 'async_request_duration_seconds_bucket']) expect(families).toContain(f);
  });

  it('every selector on the services\' metrics selects a stored series', () => {
    const selectors = serviceSelectors();
    // The seed alerts, the dependency alerts, every SLO recording rule, and each Rollout's analyses.
    expect(selectors.length).toBeGreaterThan(50);
    expect(selectionProblems(selectors, [...stored.values()].flat())).toEqual([]);
  });

  it('the selectors that leave operational requests out select nothing that probes, scrapes and API-document reads alone produced', () => {
    const own = serviceSelectors().filter(({ selector }) => selector.matchers.some((m) => m.name === 'route' && m.op === '!~'));
    expect(own.length).toBeGreaterThan(20);
    const probes = [...probesOnly.values()].flat();
    expect(probes.some((s) => s.name === 'http_request_duration_seconds_count')).toBe(true);
    const leaked = own.filter(({ selector }) => emptySelection(selector, probes) === null).map(({ where, selector }) => `${where}: ${selector.metric}`);
    expect(leaked).toEqual([]);
  });

  it('names the matcher that empties a selection: a whole-number bound, a job nothing is scraped as, a status no service answers', () => {
    const series = [...stored.values()].flat();
    const sel = (q: string) => [{ where: 'test', selector: parsePromql(q).selectors[0]! }];
    expect(selectionProblems(sel('http_request_duration_seconds_bucket{namespace="tripgen",le="5"}'), series)).toEqual([
      expect.stringMatching(/^test: http_request_duration_seconds_bucket: le="5" selects nothing \(stored values: .*\b5\.0\b/),
    ]);
    expect(selectionProblems(sel('up{job="user-service"}'), series)).toEqual([expect.stringMatching(/job="user-service" selects nothing \(stored values: ai-service-metrics, location-service-metrics, trip-service-metrics, user-service-metrics\)/)]);
    expect(selectionProblems(sel('http_request_duration_seconds_count{status_code=~"5xx"}'), series)).toEqual(['test: http_request_duration_seconds_count: status_code=~"5xx" matches no HTTP status']);
    expect(selectionProblems(sel('dependency_up{dependency="postgres"}'), series)).toEqual(['test: dependency_up: dependency="postgres" selects nothing (stored values: postgresql, redis)']);
  });
});
