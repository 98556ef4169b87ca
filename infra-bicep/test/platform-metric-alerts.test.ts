/**
 * Every Azure metric alert on a platform metric names a metric, an aggregation and dimensions that
 * Azure documents for its resource type (the supported-metrics reference,
 * learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/<type>-metrics; read from
 * MicrosoftDocs/azure-reference-other, azure-monitor-ref/supported-metrics/includes): an alert on a
 * name Azure does not emit never fires, one on a dimension it does not have fails to deploy or
 * watches nothing, and an aggregation outside the documented ones is not what the metric means.
 * Only the metrics the alerts use are listed. Shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop } from '../lib/props.ts';

interface Documented {
  readonly aggregations: readonly string[];
  readonly dimensions: readonly string[];
}

/** By metric namespace (lower case), then metric: the reference's Aggregation and Dimensions columns. */
const DOCUMENTED: Record<string, Record<string, Documented>> = {
  // microsoft-containerservice-managedclusters-metrics
  'microsoft.containerservice/managedclusters': {
    node_cpu_usage_percentage: { aggregations: ['Maximum', 'Average'], dimensions: ['node', 'nodepool'] },
    node_memory_working_set_percentage: { aggregations: ['Maximum', 'Average'], dimensions: ['node', 'nodepool'] },
    node_disk_usage_percentage: { aggregations: ['Maximum', 'Average'], dimensions: ['node', 'nodepool', 'device'] },
  },
  // microsoft-dbforpostgresql-flexibleservers-metrics
  'microsoft.dbforpostgresql/flexibleservers': {
    cpu_percent: { aggregations: ['Average', 'Maximum', 'Minimum'], dimensions: [] },
    memory_percent: { aggregations: ['Average', 'Maximum', 'Minimum'], dimensions: [] },
    storage_percent: { aggregations: ['Average', 'Maximum', 'Minimum'], dimensions: [] },
  },
  // microsoft-cache-redisenterprise-metrics ("Used Memory Percentage | Percent | Maximum | InstanceId | PT5M, PT1H")
  'microsoft.cache/redisenterprise': {
    usedmemorypercentage: { aggregations: ['Maximum'], dimensions: ['InstanceId'] },
  },
  // microsoft-servicebus-namespaces-metrics (point-in-time counts per queue)
  'microsoft.servicebus/namespaces': {
    ActiveMessages: { aggregations: ['Average', 'Minimum', 'Maximum'], dimensions: ['EntityName'] },
    DeadletteredMessages: { aggregations: ['Average', 'Minimum', 'Maximum'], dimensions: ['EntityName'] },
  },
  // microsoft-monitor-accounts-metrics ("Events Per Minute Received % Utilization | Percent | Average | StampColor | PT1M")
  'microsoft.monitor/accounts': {
    EventsPerMinuteIngestedPercentUtilization: { aggregations: ['Average'], dimensions: ['StampColor'] },
    ActiveTimeSeriesPercentUtilization: { aggregations: ['Average'], dimensions: ['StampColor'] },
  },
};

interface Criterion {
  metricNamespace: string;
  metricName: string;
  timeAggregation: string;
  dimensions?: { name: string }[];
}

function platformMetricProblems(s: Snapshot): string[] {
  const problems: string[] = [];
  for (const a of ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts')) {
    for (const c of (prop(a, 'properties.criteria.allOf') as Criterion[] | undefined) ?? []) {
      const ns = String(c.metricNamespace).toLowerCase();
      if (ns === 'microsoft.insights/components') continue; // Application Insights: alert-signals.test.ts
      const doc = DOCUMENTED[ns]?.[c.metricName];
      if (!doc) {
        problems.push(`${a.name}: ${c.metricNamespace} ${c.metricName} is not a documented metric`);
        continue;
      }
      if (!doc.aggregations.includes(c.timeAggregation)) problems.push(`${a.name}: ${c.metricName} is documented with ${doc.aggregations.join(', ')}, not ${c.timeAggregation}`);
      for (const d of c.dimensions ?? []) if (!doc.dimensions.includes(d.name)) problems.push(`${a.name}: ${c.metricName} has no dimension ${d.name}`);
    }
  }
  return problems;
}

describe('Azure metric alerts read documented platform metrics', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s: each criterion names a documented metric, aggregation and dimension', (env) => {
    expect(platformMetricProblems(loadSnapshot(env))).toEqual([]);
  });

  it('reads every platform metric alert of prod (AKS nodes, PostgreSQL, Redis, the queues, the Azure Monitor workspace)', () => {
    const namespaces = ofType(loadSnapshot('prod').predictedResources, 'Microsoft.Insights/metricAlerts').flatMap((a) =>
      ((prop(a, 'properties.criteria.allOf') as Criterion[] | undefined) ?? []).map((c) => c.metricNamespace.toLowerCase()),
    );
    expect([...new Set(namespaces)].sort()).toEqual(Object.keys(DOCUMENTED).sort());
  });

  it('fails on an undocumented metric, aggregation or dimension', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const alerts = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts');
    const criterion = (name: string) => (prop(alerts.find((a) => a.name === name), 'properties.criteria.allOf') as Criterion[])[0]!;
    criterion('alert-aks-node-cpu-tripgen-prod').dimensions = [{ name: 'nodeName' }];
    criterion('alert-psql-cpu-tripgen-prod').metricName = 'cpu_percentage';
    criterion('alert-redis-memory-tripgen-prod').timeAggregation = 'Average';
    criterion('alert-dead-letters-tripgen-prod').metricName = 'DeadLetterMessages';
    expect(platformMetricProblems(s)).toEqual([
      'alert-aks-node-cpu-tripgen-prod: node_cpu_usage_percentage has no dimension nodeName',
      'alert-psql-cpu-tripgen-prod: Microsoft.DBforPostgreSQL/flexibleServers cpu_percentage is not a documented metric',
      'alert-redis-memory-tripgen-prod: usedmemorypercentage is documented with Maximum, not Average',
      'alert-dead-letters-tripgen-prod: Microsoft.ServiceBus/namespaces DeadLetterMessages is not a documented metric',
    ]);
  });
});
