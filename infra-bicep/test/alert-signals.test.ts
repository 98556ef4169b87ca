/**
 * The Azure alerts read data that exists (issue 12): an alert on a signal nothing sends never
 * fires. Application Insights metric alerts may name only the standard request metrics, which
 * the backend derives from the `requests` records the services' Azure Monitor exporter sends
 * (apps/service-kit tracing.ts; its test checks the records against a stand-in of the ingestion
 * endpoint), filtered by a cloud role a service reports (its workload name, the exporter's
 * `service.name`). Log alerts may query only tables the environment's data collection rules
 * deliver (Container Insights' default stream group: ContainerLogV2, KubeEvents, KubePodInventory;
 * learn.microsoft.com/azure/azure-monitor/containers/container-insights-data-collection-configure).
 * Each check is shown failing on a broken copy of the prod snapshot.
 */
import { describe, expect, it } from 'vitest';
import { workloadName, serviceList } from '@tripgen/catalog';
import { loadSnapshot } from '../lib/bicep.ts';
import { ofType, prop } from '../lib/props.ts';
import type { Snapshot } from '../lib/bicep.ts';

/** Standard metrics of a component that request telemetry populates. */
const REQUEST_METRICS = ['requests/duration', 'requests/count', 'requests/failed'];
/** Tables each Container Insights stream delivers. */
const STREAM_TABLES: Record<string, readonly string[]> = {
  'Microsoft-ContainerInsights-Group-Default': ['ContainerLogV2', 'KubeEvents', 'KubePodInventory'],
};
const ROLE_NAMES = serviceList().map((s) => workloadName(s.name));

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
  for (const q of ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules')) {
    for (const c of (prop(q, 'properties.criteria.allOf') as { query: string }[] | undefined) ?? []) {
      const table = /^\s*([A-Za-z0-9_]+)/.exec(c.query)?.[1] ?? '';
      if (!tables.has(table)) problems.push(`${q.name}: table ${table} is not delivered by any data collection rule of this environment`);
    }
  }
  return problems;
}

describe('Azure alerts read signals something sends', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s: every Application Insights alert names a request metric and a reported cloud role; every log alert a collected table', (env) => {
    expect(alertSignalProblems(loadSnapshot(env))).toEqual([]);
  });

  it('counts the alerts it checks (prod: two request-time alerts and the pod-restart query)', () => {
    const s = loadSnapshot('prod');
    const appInsights = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts').filter((a) => JSON.stringify(prop(a, 'properties.criteria')).includes('microsoft.insights/components'));
    expect(appInsights.map((a) => a.name).sort()).toEqual(['alert-ai-response-time-tripgen-prod', 'alert-response-time-tripgen-prod']);
    expect(ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules')).toHaveLength(1);
  });

  it('fails on a metric no telemetry produces, a role no service reports, and a table nothing collects', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const ai = s.predictedResources.find((r) => r.name === 'alert-ai-response-time-tripgen-prod')!;
    const criterion = (prop(ai, 'properties.criteria.allOf') as Record<string, unknown>[])[0]!;
    criterion.metricName = 'customMetrics/http.server.duration';
    (criterion.dimensions as { values: string[] }[])[0]!.values = ['ai'];
    const restarts = ofType(s.predictedResources, 'Microsoft.Insights/scheduledQueryRules')[0]!;
    (prop(restarts, 'properties.criteria.allOf') as { query: string }[])[0]!.query = 'KubePodRestarts | where Namespace == "tripgen"';
    expect(alertSignalProblems(s)).toEqual([
      'alert-ai-response-time-tripgen-prod: customMetrics/http.server.duration is not a request metric the services\' telemetry produces',
      'alert-ai-response-time-tripgen-prod: no service reports cloud role ai (the exporter sends user-service, trip-service, ai-service, location-service)',
      `${restarts.name}: table KubePodRestarts is not delivered by any data collection rule of this environment`,
    ]);
  });
});
