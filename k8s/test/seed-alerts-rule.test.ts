/**
 * seedAlertProblems on hand-made PrometheusRules: each seed alert must exist with its severity and
 * threshold, carry a summary and a description, and link a runbook section that exists. The
 * rendered rules are checked in prod-security.test.ts; here each way to miss is shown.
 */
import { expect, it } from 'vitest';
import { markdownAnchors, SEED_ALERTS, seedAlertProblems } from './policy/alerts.ts';
import type { K8sObject } from './policy/objects.ts';

const RUNBOOKS = '# Runbooks\n\n## Pod restarts\n\n## AI service slow!\n';
const EXPRS: Record<string, string> = {
  'pod restarts > 5/hour': 'increase(kube_pod_container_status_restarts_total[1h]) > 5',
  'AI service response > 5 s':
    '(1 - sum(rate(async_request_duration_seconds_bucket{job="ai-service-metrics",le="5.0"}[5m])) / sum(rate(async_request_duration_seconds_count[5m]))) > 0.05 or (1 - sum(rate(http_request_duration_seconds_bucket{job="ai-service-metrics",le="5.0"}[5m])) / sum(rate(http_request_duration_seconds_count[5m]))) > 0.05',
  'memory > 90%': 'container_memory_working_set_bytes / limits > 0.9',
  'response > 200 ms': 'sum(rate(http_request_duration_seconds_bucket{job!="ai-service-metrics",le="0.2"}[5m])) / sum(rate(http_request_duration_seconds_count[5m])) > 0.05',
  'CPU > 80%': 'node_cpu_usage > 0.8',
  'disk > 85%': '1 - node_filesystem_avail_bytes / node_filesystem_size_bytes > 0.85',
};
const rule = (annotations: (what: string) => Record<string, string> | undefined): K8sObject => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'seed' },
  spec: {
    groups: [
      {},
      {
        rules: SEED_ALERTS.map((a, i) => ({
          alert: `A${i}`,
          expr: EXPRS[a.what],
          labels: { severity: a.severity },
          ...(annotations(a.what) ? { annotations: annotations(a.what) } : {}),
        })),
      },
    ],
  },
});
const complete = () => ({ summary: 's', description: 'd', runbook_url: 'https://github.com/tripgen/tripgen/blob/main/docs/runbooks.md#pod-restarts' });

it('reads GitHub-style anchors from the runbook headings', () => {
  expect([...markdownAnchors(RUNBOOKS)]).toEqual(['runbooks', 'pod-restarts', 'ai-service-slow']);
});

it('accepts every seed alert with its severity, threshold, texts and an existing runbook section', () => {
  expect(seedAlertProblems([rule(complete)], RUNBOOKS)).toEqual([]);
});

it('names a missing alert, missing texts, and a runbook link that is absent or points nowhere', () => {
  const problems = seedAlertProblems(
    [
      rule((what) =>
        what === 'memory > 90%' ? undefined : what === 'CPU > 80%' ? { ...complete(), runbook_url: 'https://example.invalid/docs/runbooks.md#no-such-section' } : what === 'disk > 85%' ? { summary: 's', description: 'd' } : complete(),
      ),
    ],
    RUNBOOKS,
  );
  expect(problems).toEqual([
    'A2: summary and description required',
    'A2: runbook_url (none) does not point at a section of docs/runbooks.md',
    'A4: runbook_url https://example.invalid/docs/runbooks.md#no-such-section does not point at a section of docs/runbooks.md',
    'A5: runbook_url (none) does not point at a section of docs/runbooks.md',
  ]);
  expect(seedAlertProblems([], RUNBOOKS)).toHaveLength(SEED_ALERTS.length);
  const wrongSeverity = rule(complete);
  (wrongSeverity.spec as { groups: { rules: { labels: { severity: string } }[] }[] }).groups[1]!.rules[0]!.labels.severity = 'warning';
  expect(seedAlertProblems([wrongSeverity], RUNBOOKS)).toEqual(['seed alert missing: pod restarts > 5/hour (critical)']);
});
