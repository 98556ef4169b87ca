/**
 * promtool, Prometheus's own rule checker and rule unit-test runner (`promtool check rules`,
 * `promtool test rules`: prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/),
 * over the rules as the generator wrote them: the recording rules of gitops/<env> (the
 * PrometheusRules the cluster's Prometheus evaluates) and the alerting rules of
 * infra-bicep/prometheus-alerts.json as Azure Monitor evaluates them (over every replica's series,
 * the cluster placeholder as Bicep fills it). scripts/install-promtool.sh provisions it (`npm test`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { AZURE_ALERTS_JSON_PATH } from '../../src/observability/azure-alerts.ts';
import { CLUSTER_PLACEHOLDER } from '../../src/observability/scrape-jobs.ts';
import type { K8sObject } from '../policy/objects.ts';
import { prometheusDuration } from './evaluated-alerts.ts';
import { objectsOf } from './gitops.ts';

/** The binary: $PROMTOOL, else the one on the PATH (Debian's prometheus package puts it in /usr/bin). */
export const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

export interface PromtoolRun {
  readonly status: number | null;
  readonly output: string;
}

/** A promtool run's limit (spawn and test): one SLO test file took 9.6 s at load 7; CI's load has doubled such times and more. */
export const PROMTOOL_RUN_LIMIT_MS = 180_000;

export function promtool(args: readonly string[], cwd: string): PromtoolRun {
  const r = spawnSync(PROMTOOL, args, { cwd, encoding: 'utf8', timeout: PROMTOOL_RUN_LIMIT_MS });
  if (r.error) {
    // Never a skip: a CI run without promtool would pass every rule unchecked.
    throw new Error(`cannot run ${PROMTOOL} (${r.error.message}): install it with \`bash scripts/install-promtool.sh\` (npm test does)`);
  }
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The name the rule tests give the cluster: what Bicep writes in place of the placeholder. */
export const TEST_CLUSTER = 'aks-tripgen-test';

interface Handover {
  environments: Record<string, { groups: { name: string; rules: { rule: { alert: string; expression: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> } }[] }[] }>;
}

const handover = (): Handover => JSON.parse(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')) as Handover;

/** The environments whose alerts Azure Monitor evaluates (the others run no Prometheus). */
export const alertedEnvironments = (): string[] => Object.keys(handover().environments).sort();

export interface RuleGroup {
  name: string;
  rules: ({ record: string; expr: string; labels?: Record<string, string> } | { alert: string; expr: string; for: string; labels: Record<string, string>; annotations: Record<string, string> })[];
}

/** A Prometheus rule file (the groups of every PrometheusRule of the environment's gitops/). */
export function recordingRuleGroups(env: string): RuleGroup[] {
  return objectsOf(env)
    .filter((o: K8sObject) => o.kind === 'PrometheusRule')
    .flatMap((o) => (o.spec as { groups: RuleGroup[] }).groups);
}

/** The handed-over alerting rules as a Prometheus rule file, expressions exactly as Azure evaluates them. */
export function alertingRuleGroups(env: string): RuleGroup[] {
  const groups = handover().environments[env]?.groups;
  if (!groups) throw new Error(`no alerting rules handed over for ${env}`);
  return groups.map((g) => ({
    name: g.name,
    rules: g.rules.map(({ rule }) => ({
      alert: rule.alert,
      expr: rule.expression.replaceAll(CLUSTER_PLACEHOLDER, TEST_CLUSTER),
      for: prometheusDuration(rule.for),
      labels: rule.labels,
      annotations: rule.annotations,
    })),
  }));
}

/** Long expressions stay on one line: promtool's messages quote them as written. */
export const ruleFile = (groups: readonly RuleGroup[]): string => stringify({ groups }, { lineWidth: 0 });
