/**
 * The Azure alerts read data that exists (issue 12): an alert on a signal nothing sends never
 * fires. Application Insights metric alerts may name only the standard request metrics, which
 * the backend derives from the `requests` records the services' Azure Monitor exporter sends
 * (apps/service-kit tracing.ts; its test checks the records against a stand-in of the ingestion
 * endpoint), filtered by a cloud role a service reports (its workload name, the exporter's
 * `service.name`). Log alerts may query only tables something delivers to the workspace they
 * scope: the environment's data collection rules (Container Insights' default stream group:
 * ContainerLogV2, KubeEvents, KubePodInventory;
 * learn.microsoft.com/azure/azure-monitor/containers/container-insights-data-collection-configure),
 * or a workspace-based Application Insights component (AppRequests, its request records;
 * learn.microsoft.com/azure/azure-monitor/reference/tables/apprequests), and their roles must be
 * roles a service reports. Each check is shown failing on a broken copy of the prod snapshot.
 *
 * The response-time alerts (seed §12.1.2) are p95s over AppRequests that select what the catalog
 * says: its objectives (RESPONSE_TIME_SLO) and the services held to each, the name of a schedule's
 * record (asyncRequestName), and not the paths every service serves for probes, scrapes and docs;
 * of the server's own time, as the services' histogram: DurationMs less what a route held the
 * request for its client (a long poll's wait), which the kit's span says under HELD_TIME_ATTRIBUTE.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { asyncRequestName, HEALTH_PATHS, HELD_TIME_ATTRIBUTE, OPERATIONAL_PATHS, QUEUES, RESPONSE_TIME_SLO, workloadName, serviceList } from '@tripgen/catalog';
import { environmentOf, loadSnapshot } from '../lib/bicep.ts';
import { ofType, prop } from '../lib/props.ts';
import type { Snapshot, SnapshotResource } from '../lib/bicep.ts';

/** Standard metrics of a component that request telemetry populates. */
const REQUEST_METRICS = ['requests/duration', 'requests/count', 'requests/failed'];
/** Tables each Container Insights stream delivers. */
const STREAM_TABLES: Record<string, readonly string[]> = {
  'Microsoft-ContainerInsights-Group-Default': ['ContainerLogV2', 'KubeEvents', 'KubePodInventory'],
};
const ROLE_NAMES = serviceList().map((s) => workloadName(s.name));
/** Tables a workspace-based Application Insights component writes into its workspace. */
const COMPONENT_TABLES = ['AppRequests'];

/** The list a KQL `<expr> in (dynamic([...]))` / `!in` compares with, as it appears after `expr`. */
const dynamicList = (query: string, expr: string): string[] | undefined => {
  const m = new RegExp(`${expr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:!?in) \\(dynamic\\((\\[[^\\]]*\\])\\)\\)`).exec(query);
  return m ? (JSON.parse(m[1]!) as string[]) : undefined;
};
const queryOf = (r: SnapshotResource): string => String((prop(r, 'properties.criteria.allOf') as { query: string }[])[0]!.query);

function alertSignalProblems(s: Snapshot): string[] {
  const problems: string[] = [];
  for (const a of ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts')) {
    for (const c of (prop(a, 'properties.criteria.allOf') as Record<string, unknown>[] | undefined) ?? []) {
      if (String(c.metricNamespace).toLowerCase() !== 'microsoft.insights/components') continue; // platform metrics: Azure emits them
      if (!REQUEST_METRICS.includes(String(c.metricName))) problems.push(`${a.name}: ${String(c.metricName)} is not a request metric the services' telemetry produces`);
      for (const d of (c.dimensions as { name: string; values: string[] }[] | undefined) ?? []) {
        if (d.name !== 'cloud/roleName') continue;
        for (const v of d.values) if (!ROLE_NAMES.includes(v)) problems.push(`${a.name}: no service reports cloud role ${v} (the exporter sends ${ROLE_NAMES.join(', ')})`);
      }
    }
  }
  const tables = new Set(
    ofType(s.predictedResources, 'Microsoft.Insights/dataCollectionRules').flatMap((r) =>
      ((prop(r, 'properties.dataFlows') as { streams: string[] }[] | undefined) ?? []).flatMap((f) => f.streams.flatMap((st) => STREAM_TABLES[st] ?? [])),
    ),
  );
  const componentWorkspaces = new Set(ofType(s.predictedResources, 'Microsoft.Insights/components').map((c) => String(prop(c, 'properties.WorkspaceResourceId')).toLowerCase()));
  for (const q of ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules')) {
    const scopes = ((prop(q, 'properties.scopes') as string[] | undefined) ?? []).map((x) => x.toLowerCase());
    for (const c of (prop(q, 'properties.criteria.allOf') as { query: string }[] | undefined) ?? []) {
      const table = /^\s*([A-Za-z0-9_]+)/.exec(c.query)?.[1] ?? '';
      if (COMPONENT_TABLES.includes(table)) {
        if (!scopes.some((w) => componentWorkspaces.has(w))) problems.push(`${q.name}: no Application Insights component of this environment writes ${table} to the workspace it queries`);
        for (const v of dynamicList(c.query, 'AppRoleName') ?? []) if (!ROLE_NAMES.includes(v)) problems.push(`${q.name}: no service reports cloud role ${v} (the exporter sends ${ROLE_NAMES.join(', ')})`);
      } else if (!tables.has(table)) problems.push(`${q.name}: table ${table} is not delivered by any data collection rule of this environment`);
    }
  }
  return problems;
}

/** Workload names of the services held to an objective. */
const rolesOf = (objective: keyof typeof RESPONSE_TIME_SLO) => serviceList().filter((x) => x.responseTime === objective).map((x) => workloadName(x.name));
const SCHEDULE_RECORD = asyncRequestName(QUEUES.aiScheduleGeneration);
/** A request record's path (its name is `METHOD /route`), as the queries split it. */
const PATH = 'tostring(split(Name, " ")[1])';
/** A record's own time: its duration less what its route held it for the client (absent: 0). */
const OWN_TIME = `| extend OwnMs = DurationMs - coalesce(todouble(Properties["${HELD_TIME_ATTRIBUTE}"]), 0.0)`;

/** What the two response-time alerts of a snapshot select, against the catalog. */
function responseAlertProblems(s: Snapshot, env: string): string[] {
  const problems: string[] = [];
  const rules = ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules');
  const checks = [
    { key: 'ai-response-time', objective: 'itinerary', schedules: `Name == "${SCHEDULE_RECORD}"` },
    { key: 'response-time', objective: 'request', schedules: `Name != "${SCHEDULE_RECORD}"` },
  ] as const;
  for (const { key, objective, schedules } of checks) {
    const name = `alert-${key}-tripgen-${env}`;
    const rule = rules.find((r) => r.name === name);
    if (!rule) {
      problems.push(`${name}: missing`);
      continue;
    }
    const q = queryOf(rule);
    const slo = RESPONSE_TIME_SLO[objective];
    if (!q.startsWith('AppRequests ')) problems.push(`${name}: does not read AppRequests`);
    if (prop(rule, 'properties.severity') !== { critical: 1, warning: 2 }[slo.severity]) problems.push(`${name}: severity is not the catalog's ${slo.severity}`);
    if (JSON.stringify(dynamicList(q, 'AppRoleName')) !== JSON.stringify(rolesOf(objective))) problems.push(`${name}: selects roles ${JSON.stringify(dynamicList(q, 'AppRoleName'))}, not the ${objective} services ${JSON.stringify(rolesOf(objective))}`);
    if (JSON.stringify(dynamicList(q, PATH)) !== JSON.stringify(OPERATIONAL_PATHS)) problems.push(`${name}: leaves out ${JSON.stringify(dynamicList(q, PATH))}, not the catalog's probe, scrape and docs paths ${JSON.stringify(OPERATIONAL_PATHS)}`);
    if (!q.includes(schedules)) problems.push(`${name}: does not say ${schedules}`);
    if (!q.includes(OWN_TIME)) problems.push(`${name}: does not take out the time a request was held for its client (Properties["${HELD_TIME_ATTRIBUTE}"])`);
    if (!q.includes('percentilew(OwnMs, ItemCount, 95)')) problems.push(`${name}: is not a p95 of the server's own time (OwnMs) weighted by ItemCount`);
    if (!q.endsWith(`| where P95Ms > ${slo.p95Ms}`)) problems.push(`${name}: does not fire above the catalog's ${slo.p95Ms} ms`);
  }
  return problems;
}

describe('Azure alerts read signals something sends', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s: every Application Insights alert names a request metric and a reported cloud role; every log alert a collected table', (env) => {
    expect(alertSignalProblems(loadSnapshot(env))).toEqual([]);
  });

  it('counts the alerts it checks (prod: no Application Insights metric alert; the two response-time queries and the pod-restart query)', () => {
    const s = loadSnapshot('prod');
    const appInsights = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts').filter((a) => JSON.stringify(prop(a, 'properties.criteria')).includes('microsoft.insights/components'));
    expect(appInsights).toEqual([]);
    expect(ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules').map((q) => q.name).sort()).toEqual([
      'alert-ai-response-time-tripgen-prod',
      'alert-pod-restarts-tripgen-prod',
      'alert-response-time-tripgen-prod',
    ]);
  });

  it('fails on a metric no telemetry produces, a role no service reports, and a table nothing collects', () => {
    const s = structuredClone(loadSnapshot('prod'));
    // A metric alert on Application Insights, as the response-time alerts were before.
    const restarts = ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules').find((q) => q.name.startsWith('alert-pod-restarts-'))!;
    s.predictedResources.push({
      id: `${restarts.id}-metric`,
      type: 'Microsoft.Insights/metricAlerts',
      name: 'alert-metric-tripgen-prod',
      properties: { criteria: { allOf: [{ metricNamespace: 'microsoft.insights/components', metricName: 'customMetrics/http.server.duration', dimensions: [{ name: 'cloud/roleName', values: ['ai'] }] }] } },
    });
    (prop(restarts, 'properties.criteria.allOf') as { query: string }[])[0]!.query = 'KubePodRestarts | where Namespace == "tripgen"';
    const ai = s.predictedResources.find((r) => r.name === 'alert-ai-response-time-tripgen-prod')!;
    const criterion = (prop(ai, 'properties.criteria.allOf') as { query: string }[])[0]!;
    criterion.query = criterion.query.replace('"ai-service"', '"ai"');
    const slow = s.predictedResources.find((r) => r.name === 'alert-response-time-tripgen-prod')!;
    (slow.properties as { scopes: string[] }).scopes = [`${restarts.id}-elsewhere`];
    expect(alertSignalProblems(s)).toEqual([
      'alert-metric-tripgen-prod: customMetrics/http.server.duration is not a request metric the services\' telemetry produces',
      'alert-metric-tripgen-prod: no service reports cloud role ai (the exporter sends user-service, trip-service, ai-service, location-service)',
      `${restarts.name}: table KubePodRestarts is not delivered by any data collection rule of this environment`,
      'alert-ai-response-time-tripgen-prod: no service reports cloud role ai (the exporter sends user-service, trip-service, ai-service, location-service)',
      'alert-response-time-tripgen-prod: no Application Insights component of this environment writes AppRequests to the workspace it queries',
    ]);
  });
});

describe('the response-time alerts are p95s over the request records the catalog names', () => {
  it.each(['prod', 'prod-lean'] as const)('%s: the AI alert over schedules and the AI service\'s requests, the other over every other service\'s, both without probes, scrapes and docs', (env) => {
    expect(responseAlertProblems(loadSnapshot(env), environmentOf(env))).toEqual([]);
  });

  it('fails on a probe path let through, a schedule record missed, another service, another threshold, a held time not taken out or an average', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const edit = (name: string, f: (q: string) => string) => {
      const c = (prop(s.predictedResources.find((r) => r.name === name), 'properties.criteria.allOf') as { query: string }[])[0]!;
      c.query = f(c.query);
    };
    edit('alert-ai-response-time-tripgen-prod', (q) => q.replace(`"${HEALTH_PATHS.readiness}",`, '').replace(SCHEDULE_RECORD, 'ai-schedule-generation-queue').replace('P95Ms > 5000', 'P95Ms > 5'));
    edit('alert-response-time-tripgen-prod', (q) => q.replace('"trip-service",', '').replace('percentilew(OwnMs, ItemCount, 95)', 'avg(OwnMs)').replace(HELD_TIME_ATTRIBUTE, 'held_ms'));
    expect(responseAlertProblems(s, 'prod')).toEqual([
      `alert-ai-response-time-tripgen-prod: leaves out ["/health/live","/health/startup","/metrics","/docs/json"], not the catalog's probe, scrape and docs paths ${JSON.stringify(OPERATIONAL_PATHS)}`,
      `alert-ai-response-time-tripgen-prod: does not say Name == "${SCHEDULE_RECORD}"`,
      'alert-ai-response-time-tripgen-prod: does not fire above the catalog\'s 5000 ms',
      'alert-response-time-tripgen-prod: selects roles ["user-service","location-service"], not the request services ["user-service","trip-service","location-service"]',
      `alert-response-time-tripgen-prod: does not take out the time a request was held for its client (Properties["${HELD_TIME_ATTRIBUTE}"])`,
      'alert-response-time-tripgen-prod: is not a p95 of the server\'s own time (OwnMs) weighted by ItemCount',
    ]);
  });
});

/** ISO 8601 minutes of a duration like PT5M / PT1H. */
const minutesOf = (iso: unknown): number => {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(String(iso));
  if (!m) throw new Error(`not a duration in hours and minutes: ${String(iso)}`);
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};

/**
 * Records reach the workspace some minutes after they happen (ingestion delay). A rule that looks
 * back only its own run interval never reads a record that arrives after the run that covered its
 * time: Microsoft's guidance for scheduled rules is a look-back of the run interval plus the delay
 * (learn.microsoft.com/azure/sentinel/ingestion-delay). Here: at least twice the interval (a record
 * up to one interval late is read by the next run), and a response-time alert fires only after two
 * failing runs in a row, as the in-cluster rules wait `for: 5m` (k8s observability/alerts.ts).
 */
function lookBackProblems(s: Snapshot): string[] {
  const problems: string[] = [];
  for (const q of ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules')) {
    const every = minutesOf(prop(q, 'properties.evaluationFrequency'));
    const window = minutesOf(prop(q, 'properties.windowSize'));
    if (window < 2 * every) problems.push(`${q.name}: looks back ${window} min, run every ${every}: a record more than ${window - every} min late is never read`);
    const failing = (prop(q, 'properties.criteria.allOf') as { failingPeriods?: { numberOfEvaluationPeriods: number; minFailingPeriodsToAlert: number } }[])[0]!.failingPeriods;
    if (/^alert-(?:ai-)?response-time-/.test(q.name) && !(failing && failing.minFailingPeriodsToAlert >= 2)) problems.push(`${q.name}: fires on one failing run`);
  }
  return problems;
}

describe('the log alerts read records that arrive late, and the response-time ones fire on a sustained breach', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s', (env) => {
    expect(lookBackProblems(loadSnapshot(env))).toEqual([]);
  });

  it('fails on a look-back of the run interval and on one failing run', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const rule = s.predictedResources.find((r) => r.name === 'alert-response-time-tripgen-prod')!;
    const props = rule.properties as { windowSize: string; criteria: { allOf: { failingPeriods: { minFailingPeriodsToAlert: number } }[] } };
    props.windowSize = 'PT5M';
    props.criteria.allOf[0]!.failingPeriods.minFailingPeriodsToAlert = 1;
    expect(lookBackProblems(s)).toEqual([
      'alert-response-time-tripgen-prod: looks back 5 min, run every 5: a record more than 0 min late is never read',
      'alert-response-time-tripgen-prod: fires on one failing run',
    ]);
  });
});

/**
 * The log alerts' KQL, analyzed by Kusto's own language service (Kusto.Language, as JavaScript)
 * against the columns the Azure Monitor table reference gives: a misspelt column, a function with
 * the wrong arguments or a type mismatch is found here rather than by the first evaluation in Azure.
 * learn.microsoft.com/azure/azure-monitor/reference/tables/apprequests and .../kubepodinventory
 * (only the columns the rules use of the latter).
 */
const TABLE_SCHEMAS: Record<string, string> = {
  AppRequests:
    '(TimeGenerated: datetime, AppRoleInstance: string, AppRoleName: string, AppVersion: string, ClientType: string, DurationMs: real, Id: string, ' +
    'ItemCount: int, Measurements: dynamic, Name: string, OperationId: string, OperationName: string, ParentId: string, Properties: dynamic, ' +
    'ResultCode: string, SDKVersion: string, SessionId: string, Source: string, Success: bool, Url: string, _ResourceId: string)',
  KubePodInventory: '(TimeGenerated: datetime, Namespace: string, Name: string, ContainerName: string, ContainerRestartCount: int, PodStatus: string)',
};

interface KustoDiagnostics { readonly Count: number; getItem(i: number): { readonly Message: string } }
interface KustoLanguage {
  readonly Symbols: {
    readonly TableSymbol: { From(schema: string): { WithName(name: string): unknown } };
    readonly DatabaseSymbol: { $ctor1: new (name: string, tables: unknown[]) => unknown };
  };
  readonly GlobalState: { readonly Default: { WithDatabase(db: unknown): unknown } };
  readonly KustoCode: { ParseAndAnalyze(query: string, globals: unknown): { GetDiagnostics(): KustoDiagnostics } };
}

const kqlProblems = (query: string): string[] => {
  const require = createRequire(import.meta.url);
  // Bridge.NET's runtime first: the language service is a C# library compiled to JavaScript on it.
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next');
  const K = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
  const tables = Object.entries(TABLE_SCHEMAS).map(([name, schema]) => K.Symbols.TableSymbol.From(schema).WithName(name));
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1('workspace', tables));
  const d = K.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
  return Array.from({ length: d.Count }, (_, i) => d.getItem(i).Message);
};

describe('the log alerts\' queries are valid KQL over the tables\' documented columns', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s', (env) => {
    const problems = ofType(loadSnapshot(env).predictedResources, 'Microsoft.Insights/scheduledQueryRules').flatMap((q) => kqlProblems(queryOf(q)).map((m) => `${q.name}: ${m}`));
    expect(problems).toEqual([]);
  });

  it('finds a misspelt column and a percentile weighted by a string', () => {
    const ai = queryOf(loadSnapshot('prod').predictedResources.find((r) => r.name === 'alert-ai-response-time-tripgen-prod')!);
    expect(kqlProblems(ai.replace('AppRoleName in', 'AppRole in')).join('\n')).toMatch(/The name 'AppRole' does not refer to any known column/);
    expect(kqlProblems(ai.replace('ItemCount, 95', 'Name, 95'))).not.toEqual([]);
  });
});

/**
 * The seed's node thresholds (memory > 90%, CPU > 80%, disk > 85%) are per node: AKS reports its
 * node metrics by `node` (and the disk's by `device`), and a metric alert whose criterion filters
 * no dimension evaluates the metric aggregated over every value of it (Azure Monitor, "Create a
 * metric alert rule": split by dimensions, "If you don't select dimension values, the alert rule
 * evaluates the metric aggregated across all dimension values"): the cluster's average, under
 * which one node at 100% among three at 60% reads 70% and never fires.
 */
const NODE_SPLITS: Readonly<Record<string, readonly string[]>> = {
  node_memory_working_set_percentage: ['node'],
  node_cpu_usage_percentage: ['node'],
  node_disk_usage_percentage: ['node', 'device'],
};

function nodeSplitProblems(s: Snapshot): string[] {
  const problems: string[] = [];
  for (const a of ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts')) {
    for (const c of (prop(a, 'properties.criteria.allOf') as Record<string, unknown>[] | undefined) ?? []) {
      const splits = NODE_SPLITS[String(c.metricName)];
      if (!splits) continue;
      const dims = (c.dimensions as { name: string; operator: string; values: string[] }[] | undefined) ?? [];
      for (const d of splits) {
        if (!dims.some((x) => x.name === d && x.operator === 'Include' && x.values.length === 1 && x.values[0] === '*')) problems.push(`${a.name}: ${String(c.metricName)} is not split by ${d} (evaluated over the cluster's aggregate)`);
      }
    }
  }
  return problems;
}

describe('the node alerts are evaluated per node, not over the cluster\'s average', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s: every node metric alert is split by node (and the disk by device)', (env) => {
    const s = loadSnapshot(env);
    const nodeAlerts = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts').filter((a) => JSON.stringify(prop(a, 'properties.criteria')).includes('"node_'));
    expect(nodeAlerts).toHaveLength(3);
    expect(nodeSplitProblems(s)).toEqual([]);
  });

  it('fails on an alert without its split', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const disk = s.predictedResources.find((r) => r.name === 'alert-aks-node-disk-tripgen-prod')!;
    (prop(disk, 'properties.criteria.allOf') as { dimensions: unknown[] }[])[0]!.dimensions = [{ name: 'node', operator: 'Include', values: ['*'] }];
    expect(nodeSplitProblems(s)).toEqual(['alert-aks-node-disk-tripgen-prod: node_disk_usage_percentage is not split by device (evaluated over the cluster\'s aggregate)']);
  });
});
