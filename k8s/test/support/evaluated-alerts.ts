/**
 * The alerting rules as Azure Monitor evaluates them: the hand-over infra-bicep/prometheus-alerts.json
 * that the generator wrote, in the rule shape the rule checks read (one PrometheusRule-shaped object,
 * `PrometheusRule/azure-monitor`, one group per rule group, `for` back in Prometheus's notation). The
 * cluster keeps the recording rules only, so every check over the alerts reads these beside gitops/.
 * Each expression is read inside its aggregation over the Prometheus replicas (`acrossReplicas`,
 * and each inner aggregation's replica grouping, which k8s/test/azure-alerts.test.ts checks): the
 * rule as written in k8s/src/observability, less the cluster matcher of an absent() (see CLUSTER_MATCHER).
 */
import { readFileSync } from 'node:fs';
import { AZURE_ALERTS_JSON_PATH, REPLICA_LABEL, asWritten } from '../../src/observability/azure-alerts.ts';
import { CLUSTER_LABEL, CLUSTER_PLACEHOLDER } from '../../src/observability/scrape-jobs.ts';
import type { K8sObject } from '../policy/objects.ts';
import { objectsOf } from './gitops.ts';

interface Handover {
  environments: Record<string, { groups: { name: string; rules: { rule: { alert: string; expression: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> } }[] }[] }>;
}

/** ISO 8601 (`PT10M`, `P3D`; none: 0) as Prometheus writes a duration. */
export const prometheusDuration = (iso: string | undefined): string => {
  if (iso === undefined) return '0m';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) throw new Error(`not an ISO 8601 duration: ${iso}`);
  const [, d, h, min, s] = m;
  return d ? `${d}d` : h ? `${h}h` : min ? `${min}m` : `${s ?? 0}s`;
};

const ACROSS_REPLICAS = new RegExp(`^max without \\(${REPLICA_LABEL}\\) \\((.*)\\)$`, 's');
/**
 * The cluster's name, which Bicep puts in place of the placeholder, is an external label
 * (prometheusSpec.externalLabels): the series carry it once remote-written, not as scraped, so the
 * checks of the scraped series read the selector without it (azure-alerts.test.ts checks the name).
 */
const CLUSTER_MATCHER = `${CLUSTER_LABEL}="${CLUSTER_PLACEHOLDER}",`;
const inner = (expression: string): string => {
  const m = ACROSS_REPLICAS.exec(expression);
  if (!m) throw new Error(`not aggregated over the Prometheus replicas: ${expression}`);
  return asWritten(m[1]!).replaceAll(CLUSTER_MATCHER, '');
};

/** What Azure Monitor evaluates for an environment (none where its cluster runs no Prometheus: dev). */
export function evaluatedAlerts(env: string): K8sObject[] {
  const handover = JSON.parse(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')) as Handover;
  const groups = handover.environments[env]?.groups;
  if (!groups) return [];
  return [
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'azure-monitor' },
      spec: {
        groups: groups.map((g) => ({
          name: g.name,
          rules: g.rules.map(({ rule }) => ({ alert: rule.alert, expr: inner(rule.expression), for: prometheusDuration(rule.for), labels: rule.labels, annotations: rule.annotations })),
        })),
      },
    } as K8sObject,
  ];
}

/** An environment's rendered objects and the alerting rules Azure Monitor evaluates on its series. */
export const withEvaluatedAlerts = (env: string): K8sObject[] => [...objectsOf(env), ...evaluatedAlerts(env)];
