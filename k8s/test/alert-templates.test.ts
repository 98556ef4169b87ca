/**
 * The annotations Azure Monitor expands use only template functions known to work there. Microsoft
 * Learn documents that a rule group's annotations are supported and "can be templated" (REST API,
 * PrometheusRule.annotations; "Azure Monitor managed service for Prometheus rule groups") but lists
 * no template functions. What is known to work is what Microsoft deploys into such rule groups itself:
 * the recommended alert rules of "Recommended alert rules for Kubernetes clusters" (template
 * aka.ms/azureprometheus-recommendedmetricalertsbicep, Azure/prometheus-collector
 * AddonBicepTemplate/recommendedMetricAlerts.bicep, last changed 2025-05-07) use `$labels.<name>`,
 * `$value`, `printf "%.2f" $value` (KubePodCrashLooping) and `$value | humanizePercentage`
 * (KubeClientErrors, KubeQuotaAlmostFull and three more), nothing else. `humanize` and
 * `humanizeDuration` are Prometheus's, not in that set: a notification that fails to expand reaches
 * the on-call as an error text, not the alert's value. Read from the hand-over Bicep deploys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AZURE_ALERTS_JSON_PATH } from '../src/observability/azure-alerts.ts';

/** The template functions and variables of Microsoft's recommended rule group template (see above). */
const KNOWN_FUNCTIONS = new Set(['printf', 'humanizePercentage']);
const KNOWN_VARIABLES = new Set(['$labels', '$value']);

interface Handover {
  environments: Record<string, { groups: { rules: { rule: { alert: string; annotations: Record<string, string> } }[] }[] }>;
}

/** What of a Go template's actions (`{{ … }}`) is outside the known set: functions, variables, fields of $value, anything else. */
export function templateProblems(where: string, text: string): string[] {
  const problems: string[] = [];
  for (const [, action] of text.matchAll(/\{\{-?\s*(.*?)\s*-?\}\}/gs)) {
    // String literals (printf's format) are data, not names.
    const bare = action!.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
    for (const [token] of bare.matchAll(/\$?[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*|\S/g)) {
      if (token === '|') continue;
      if (token.startsWith('$')) {
        const [variable, ...fields] = token.split('.');
        const ok = KNOWN_VARIABLES.has(variable!) && (variable === '$labels' ? fields.length === 1 : fields.length === 0);
        if (!ok) problems.push(`${where}: {{ ${action} }} reads ${token}, not $labels.<name> or $value`);
      } else if (!KNOWN_FUNCTIONS.has(token)) {
        problems.push(`${where}: {{ ${action} }} uses ${token}, outside the functions Microsoft's recommended rule groups use (${[...KNOWN_FUNCTIONS].join(', ')})`);
      }
    }
  }
  return problems;
}

describe('alert annotations use only template functions Azure Monitor rule groups are known to expand', () => {
  const handover = JSON.parse(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')) as Handover;
  const rules = Object.entries(handover.environments).flatMap(([env, e]) => e.groups.flatMap((g) => g.rules.map(({ rule }) => ({ env, rule }))));

  it('in every annotation of every rule handed over to Bicep', () => {
    expect(rules.length).toBeGreaterThanOrEqual(20);
    const problems = rules.flatMap(({ env, rule }) => Object.entries(rule.annotations).flatMap(([key, text]) => templateProblems(`${env} ${rule.alert} ${key}`, text)));
    expect(problems).toEqual([]);
    // The values are still in the texts: the check reads the templates, it does not find none.
    expect(rules.filter(({ rule }) => rule.annotations.description?.includes('$value')).length).toBeGreaterThan(10);
  });

  it('refuses what is outside the set, accepts what Microsoft\'s template writes', () => {
    expect(templateProblems('a', '{{ $value | humanizeDuration }} ago')).toEqual([expect.stringMatching(/uses humanizeDuration/)]);
    expect(templateProblems('a', 'about {{ $value | humanize }}')).toEqual([expect.stringMatching(/uses humanize,/)]);
    expect(templateProblems('a', '{{ $value | printf "%.0f" | title }}')).toEqual([expect.stringMatching(/uses title/)]);
    expect(templateProblems('a', '{{ $externalLabels.cluster }} {{ $labels }}')).toHaveLength(2);
    expect(templateProblems('a', '{{ range query "up" }}{{ . }}{{ end }}').length).toBeGreaterThan(2);
    expect(templateProblems('a', '{{ $labels.namespace }}/{{ $labels.pod }} restarting {{ printf "%.2f" $value }}; {{ $value | humanizePercentage }} {{ $value }} {{ $value | printf "%.1f" }}')).toEqual([]);
  });
});
