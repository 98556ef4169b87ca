/**
 * The alerting rules handed over to Azure Monitor, as the generator wrote them
 * (infra-bicep/prometheus-alerts.json), for one environment: what each alert's test reads its rule
 * from (support/evaluated-alerts.ts reads the same file in the rule checks' PrometheusRule shape).
 */
import { readFileSync } from 'node:fs';
import { AZURE_ALERTS_JSON_PATH } from '../../src/observability/azure-alerts.ts';

export interface HandedOverRule {
  alert: string;
  expression: string;
  for?: string;
  severity: number;
  annotations: Record<string, string>;
}

interface Handover {
  environments: Record<string, { groups: { rules: { rule: HandedOverRule }[] }[] }>;
}

export const handedOverRules = (environment: string): HandedOverRule[] => {
  const groups = (JSON.parse(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')) as Handover).environments[environment]?.groups;
  if (!groups) throw new Error(`no rules handed over for ${environment}`);
  return groups.flatMap((g) => g.rules.map((r) => r.rule));
};
