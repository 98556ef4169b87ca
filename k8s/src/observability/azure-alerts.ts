/**
 * The alerting rules as Azure Monitor managed service for Prometheus evaluates them: the hand-over
 * infra-bicep/prometheus-alerts.json, which main.bicep loads (loadJsonContent) into
 * Microsoft.AlertsManagement/prometheusRuleGroups on the Azure Monitor workspace the in-cluster
 * Prometheus remote-writes to, each rule notifying the environment's action group (Microsoft Learn,
 * "Azure Monitor managed service for Prometheus rule groups"). The rules are written once, in this
 * folder; `scripts/bicep-prometheus-alerts.ts --check` (run by k8s/test/azure-alerts.test.ts) fails
 * when the committed file differs.
 */
import { platformNamespaces } from '../config/platform-namespaces.ts';
import type { EnvironmentProfile } from '../config/profile.ts';
import { repoPath } from '../lib/paths.ts';
import { alertGroups } from './alerts.ts';
import { CLUSTER_PLACEHOLDER, PROMETHEUS_RELEASE, REPLICA_LABEL, ANY_REPLICA } from './scrape-jobs.ts';
import { metricNames } from './series.ts';
import { sloRuleGroups } from './slo-rules.ts';

export const AZURE_ALERTS_JSON_PATH = repoPath('infra-bicep', 'prometheus-alerts.json');

/** Azure Monitor severities, as infra-bicep/modules/alerts.bicep uses them: 1 pages, 2 opens a ticket. */
export const AZURE_SEVERITY: Readonly<Record<string, number>> = { critical: 1, warning: 2 };

/** How often Azure evaluates a group: its shortest interval (the resource allows 1 to 15 minutes). */
const EVALUATION_INTERVAL = 'PT1M';

/**
 * kube-prometheus-stack's Prometheus service account, named here (chart value
 * prometheus.serviceAccount.name) so that its federated credential in Bicep names the same one.
 */
export const PROMETHEUS_SERVICE_ACCOUNT = `${PROMETHEUS_RELEASE}-prometheus`;

/** The replica label (scrape-jobs.ts): each Azure rule takes the maximum across replicas. */
export { REPLICA_LABEL };

/** PromQL's aggregation operators (an inner one must keep the replica label: perReplica). */
const AGGREGATION = 'sum|min|max|avg|group|stddev|stdvar|count|count_values|bottomk|topk|quantile|limitk|limit_ratio';

/**
 * An in-cluster expression as one replica evaluated it, over the series of every replica: each of
 * its aggregations also groups by the replica label. Without it, an inner `sum` adds up both
 * replicas' copies of one series, so a count (`sum by (job, queue) (increase(...[15m]))`) reads
 * twice what happened, in the notification's {{ $value }} and against any threshold but zero.
 * Written in the leading form (`sum by (job) (...)`, `sum(...)`); the trailing one (`sum(...) by (job)`)
 * is refused, as a `without` that drops the replica is (but anyReplica's maximum, scrape-jobs.ts).
 */
export function perReplica(expr: string): string {
  if (new RegExp(`\\)\\s*(?:by|without)\\s*\\(`).test(expr)) throw new Error(`aggregation modifier after its argument; write it before: ${expr}`);
  // anyReplica's maximum is the one aggregation meant to drop the replica (scrape-jobs.ts).
  if (new RegExp(`\\bwithout\\s*\\([^)]*\\b${REPLICA_LABEL}\\b`).test(expr.replaceAll(`${ANY_REPLICA} (`, ''))) throw new Error(`an aggregation drops ${REPLICA_LABEL}: ${expr}`);
  return expr
    .replace(new RegExp(`\\b(${AGGREGATION})(\\s+by\\s*)\\(([^)]*)\\)`, 'g'), (_m, op: string, by: string, labels: string) => `${op}${by}(${labels.trim() ? `${labels.trim()}, ` : ''}${REPLICA_LABEL})`)
    .replace(new RegExp(`\\b(${AGGREGATION})(\\s*)\\(`, 'g'), (_m, op: string, ws: string) => `${op} by (${REPLICA_LABEL})${ws}(`);
}

/** perReplica undone: the expression as written in k8s/src/observability. */
export const asWritten = (expr: string): string =>
  expr.replaceAll(` by (${REPLICA_LABEL})`, '').replaceAll(`, ${REPLICA_LABEL})`, ')');

/** An in-cluster expression as Azure evaluates it, over what every replica wrote: per replica, then the maximum. */
export const acrossReplicas = (expr: string): string => `${ANY_REPLICA} (${perReplica(expr)})`;

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** Every alerting rule of one environment, grouped as the in-cluster rules were. */
export function alertingGroups(profile: EnvironmentProfile): { name: string; rules: AlertingRule[] }[] {
  const slo = sloRuleGroups(profile.namespace, profile.name).map((g) => ({ name: g.name, rules: g.rules.filter((r): r is AlertingRule => 'alert' in r) }));
  return [...alertGroups(profile.namespace, platformNamespaces(profile)), ...slo].filter((g) => g.rules.length > 0);
}

/** The metric names the alerting rules read: the only series remote-written (Azure bills per ingested sample). */
export const alertedSeries = (profile: EnvironmentProfile): string[] =>
  [...new Set(alertingGroups(profile).flatMap((g) => g.rules.flatMap((r) => metricNames(r.expr))))].sort();

/** A Prometheus duration (`10m`, `0m`) in ISO 8601, as the rule group resource takes it (`PT10M`); none for zero. */
export function isoDuration(duration: string): string | undefined {
  const m = /^(\d+)([smhd])$/.exec(duration);
  if (!m) throw new Error(`unsupported duration ${duration}`);
  const [, amount, unit] = m;
  if (Number(amount) === 0) return undefined;
  return unit === 'd' ? `P${amount}D` : `PT${amount}${unit!.toUpperCase()}`;
}

/** One rule as the rule group resource takes it, with its runbook (exported for its failure tests). */
export function azureRule(r: AlertingRule) {
  const severity = AZURE_SEVERITY[r.labels.severity ?? ''];
  if (severity === undefined) throw new Error(`${r.alert}: severity ${String(r.labels.severity)} has no Azure Monitor severity`);
  const runbook = r.annotations.runbook_url;
  if (!runbook) throw new Error(`${r.alert}: no runbook_url`);
  const forIso = isoDuration(r.for);
  return {
    rule: { alert: r.alert, expression: acrossReplicas(r.expr), ...(forIso ? { for: forIso } : {}), severity, labels: r.labels, annotations: r.annotations },
    runbook,
  };
}

/** The hand-over for the environments that run the in-cluster Prometheus (the only source of these series). */
export function azureAlertsHandover(profiles: readonly EnvironmentProfile[]) {
  return {
    $comment: 'Generated from k8s/src/observability by scripts/bicep-prometheus-alerts.ts (npm run bicep:snapshot). Do not edit.',
    environments: Object.fromEntries(
      profiles
        .filter((p) => p.monitoring)
        .map((p) => [
          p.name,
          {
            prometheusServiceAccount: { namespace: p.monitoring!.namespace, name: PROMETHEUS_SERVICE_ACCOUNT },
            evaluationInterval: EVALUATION_INTERVAL,
            clusterPlaceholder: CLUSTER_PLACEHOLDER,
            groups: alertingGroups(p).map((g) => ({ name: g.name, rules: g.rules.map(azureRule) })),
          },
        ]),
    ),
  };
}

export const renderAzureAlertsJson = (profiles: readonly EnvironmentProfile[]): string => `${JSON.stringify(azureAlertsHandover(profiles), null, 2)}\n`;
