/**
 * The Azure Monitor workspace the in-cluster Prometheus remote-writes to has ingestion limits: events
 * (samples) per minute and active time series. Past a limit, ingestion is throttled and the series
 * every Prometheus alert reads arrive late or not at all. Microsoft Learn, "Supported metrics for
 * Microsoft.Monitor/accounts": EventsPerMinuteIngestedPercentUtilization and
 * ActiveTimeSeriesPercentUtilization (Percent, Average), the share of each limit in use (the events
 * limit: "the maximum number of events per minute which can be received before the events become
 * throttled"); "Best practices for scaling Azure Monitor workspaces": alert when utilization passes
 * 80 % of the limit, and ask for an increase. Read from the snapshots; shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { loadSnapshot, PARAM_FILES, type Snapshot, type SnapshotResource } from '../lib/bicep.ts';
import { ofType, prop, sameText } from '../lib/props.ts';

const WORKSPACE = 'Microsoft.Monitor/accounts';
const LIMITS = ['EventsPerMinuteIngestedPercentUtilization', 'ActiveTimeSeriesPercentUtilization'];
const SECTION = '#amw-ingestion-limit';

interface Criterion {
  metricNamespace: string;
  metricName: string;
  operator: string;
  threshold: number;
  timeAggregation: string;
}

/** For each workspace of a snapshot, what of its utilization metrics no alert watches at 80 % with a runbook link. */
export function unwatchedLimits(s: Snapshot): string[] {
  const alerts = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts');
  return ofType(s.predictedResources, WORKSPACE).flatMap((w) =>
    LIMITS.filter(
      (metric) =>
        !alerts.some(
          (a: SnapshotResource) =>
            ((prop(a, 'properties.scopes') as string[] | undefined) ?? []).some((scope) => sameText(scope, w.id)) &&
            ((prop(a, 'properties.criteria.allOf') as Criterion[] | undefined) ?? []).some(
              (c) => sameText(c.metricNamespace, WORKSPACE) && c.metricName === metric && c.operator === 'GreaterThan' && c.threshold === 80 && c.timeAggregation === 'Average',
            ) &&
            String(prop(a, 'properties.actions') && (prop(a, 'properties.actions') as { webHookProperties?: { runbook?: string } }[])[0]?.webHookProperties?.runbook).endsWith(SECTION),
        ),
    ).map((metric) => `${w.name}: no alert on ${metric} > 80 (Average) linking ${SECTION}`),
  );
}

describe('the Azure Monitor workspace raises an alert before its ingestion is throttled', () => {
  it('in every snapshot with a workspace (prod, prod-lean; dev has none: no Prometheus there)', () => {
    const withWorkspace = PARAM_FILES.filter((p) => ofType(loadSnapshot(p).predictedResources, WORKSPACE).length > 0);
    expect(withWorkspace).toEqual(['prod', 'prod-lean']);
    for (const p of PARAM_FILES) expect(unwatchedLimits(loadSnapshot(p)), p).toEqual([]);
  });

  it('fails on a missing alert, another threshold or another metric', () => {
    const broken = (edit: (c: Criterion) => void): Snapshot => {
      const s = loadSnapshot('prod');
      for (const a of ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts')) for (const c of (prop(a, 'properties.criteria.allOf') as Criterion[]) ?? []) if (c.metricName === LIMITS[0]) edit(c);
      return s;
    };
    expect(unwatchedLimits(broken((c) => (c.threshold = 95)))).toEqual([expect.stringMatching(/EventsPerMinuteIngestedPercentUtilization/)]);
    expect(unwatchedLimits(broken((c) => (c.metricName = 'EventsPerMinuteIngested')))).toEqual([expect.stringMatching(/EventsPerMinuteIngestedPercentUtilization/)]);
    const none = loadSnapshot('prod');
    none.predictedResources = none.predictedResources.filter((r) => !sameText(r.type, 'Microsoft.Insights/metricAlerts'));
    expect(unwatchedLimits(none)).toHaveLength(2);
  });
});
