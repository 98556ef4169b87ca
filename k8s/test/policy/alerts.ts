/**
 * The seed's alerts (§12.1.2) a PrometheusRule must carry: each by severity and threshold,
 * with summary, description and a runbook link whose anchor exists in docs/runbooks.md.
 */
import type { K8sObject } from './objects.ts';

export interface RequiredAlert {
  readonly what: string;
  readonly severity: 'critical' | 'warning';
  /** Matched against the alert expression (metric and threshold). */
  readonly expr: RegExp;
}

export const SEED_ALERTS: readonly RequiredAlert[] = [
  { what: 'pod restarts > 5/hour', severity: 'critical', expr: /kube_pod_container_status_restarts_total.*\[1h\].*> 5$/ },
  // p95 > 5 s as "more than 5% slower than the 5 s bucket" (see observability/alerts.ts; `5.0` as
  // Prometheus v3 stores the kit's le="5"): the schedules'
  // time from request to outcome (made off a queue: no HTTP histogram sees it), or else the AI's own requests.
  { what: 'AI service response > 5 s', severity: 'critical', expr: /^\(1 - sum\(rate\(async_request_duration_seconds_bucket\{[^}]*job="ai-service-metrics"[^}]*le="5\.0"\}.*async_request_duration_seconds_count.*> 0\.05 or .*http_request_duration_seconds_bucket\{[^}]*job="ai-service-metrics"[^}]*le="5\.0"\}.*http_request_duration_seconds_count.*> 0\.05$/ },
  { what: 'memory > 90%', severity: 'critical', expr: /memory.*> 0\.9$/ },
  // p95 > 200 ms the same way, per service, at the kit's 0.2 s bucket.
  { what: 'response > 200 ms', severity: 'warning', expr: /http_request_duration_seconds_bucket\{[^}]*job!="ai-service-metrics"[^}]*le="0\.2"\}.*http_request_duration_seconds_count.*> 0\.05$/ },
  { what: 'CPU > 80%', severity: 'warning', expr: /cpu.*> 0\.8$/ },
  // Node disks (issue 12: the namespace's volumes were none in prod; PostgreSQL storage is an Azure Monitor alert).
  { what: 'disk > 85%', severity: 'warning', expr: /node_filesystem_avail_bytes.*> 0\.85$/ },
];

interface RuleEntry {
  alert?: string;
  expr?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string; description?: string; runbook_url?: string };
}

/** GitHub-style heading anchors of a Markdown document. */
export const markdownAnchors = (md: string): Set<string> =>
  new Set([...md.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s+/g, '-')));

export function seedAlertProblems(objects: readonly K8sObject[], runbooksMd: string): string[] {
  const rules = objects
    .filter((o) => o.kind === 'PrometheusRule')
    .flatMap((o) => ((o.spec as { groups?: { rules?: RuleEntry[] }[] } | undefined)?.groups ?? []).flatMap((g) => g.rules ?? []));
  const anchors = markdownAnchors(runbooksMd);
  const problems: string[] = [];
  for (const need of SEED_ALERTS) {
    const hit = rules.find((r) => r.labels?.severity === need.severity && need.expr.test(r.expr ?? ''));
    if (!hit) {
      problems.push(`seed alert missing: ${need.what} (${need.severity})`);
      continue;
    }
    const a = hit.annotations ?? {};
    if (!a.summary || !a.description) problems.push(`${hit.alert}: summary and description required`);
    const anchor = /docs\/runbooks\.md#([\w-]+)$/.exec(a.runbook_url ?? '')?.[1];
    if (!anchor || !anchors.has(anchor)) problems.push(`${hit.alert}: runbook_url ${a.runbook_url ?? '(none)'} does not point at a section of docs/runbooks.md`);
  }
  return problems;
}

/** An alert that exists (a PrometheusRule alerting rule or an Azure Monitor alert) and the runbook section it points at. */
export interface AlertRunbookLink {
  readonly alert: string;
  /** Heading anchor in docs/runbooks.md, or null when the alert carries no link. */
  readonly anchor: string | null;
}

/** Level-2 sections of a Markdown document by anchor, with their text up to the next level-2 heading. */
export function markdownSections(md: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = md.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const heading = (newline < 0 ? part : part.slice(0, newline)).trim();
    const [anchor] = markdownAnchors(`## ${heading}`);
    if (anchor) sections.set(anchor, newline < 0 ? '' : part.slice(newline + 1));
  }
  return sections;
}

/** The first thing to run, written as `**First:**` and a code span or block, so on-call starts without reading on. */
const FIRST_STEP = /\*\*First:\*\*\s*(?:`[^`]+`|\n+```)/;

/**
 * Every alert needs a runbook section that names it and says what to run first; the sections the
 * seed's troubleshooting guide asks for (§12.2.1) need one even without an alert.
 */
export function runbookProblems(alerts: readonly AlertRunbookLink[], runbooksMd: string, requiredSections: readonly string[]): string[] {
  const sections = markdownSections(runbooksMd);
  const problems: string[] = [];
  for (const a of alerts) {
    if (!a.anchor) {
      problems.push(`${a.alert}: no runbook link`);
      continue;
    }
    const body = sections.get(a.anchor);
    if (body === undefined) problems.push(`${a.alert}: docs/runbooks.md has no section #${a.anchor}`);
    else if (!body.includes(a.alert)) problems.push(`${a.alert}: section #${a.anchor} does not name the alert`);
  }
  for (const anchor of requiredSections) if (!sections.has(anchor)) problems.push(`docs/runbooks.md: section #${anchor} missing`);
  for (const [anchor, body] of sections) if (!FIRST_STEP.test(body)) problems.push(`docs/runbooks.md #${anchor}: no **First:** command or query`);
  return problems;
}

/** The anchor a PrometheusRule alert's runbook_url points at in docs/runbooks.md. */
export const runbookAnchor = (runbookUrl: string | undefined): string | null => /docs\/runbooks\.md#([\w-]+)$/.exec(runbookUrl ?? '')?.[1] ?? null;
/**
 * Who emits each metric an alert reads, so that no alert watches a series nothing produces
 * (issue 12: the disk alert watched volumes the namespace does not have). `emitters` are what
 * the environment runs (the add-on Applications, the kit's registry source).
 */
export const METRIC_EMITTERS: readonly { readonly prefix: RegExp; readonly by: string }[] = [
  { prefix: /^((http|async)_request_duration_seconds_(bucket|count|sum)|dependency_up|messages_consumed_total|outbox_messages_set_aside_total|account_erasure_unknown_owners|account_erasure_last_success_timestamp_seconds|forgotten_schedules_oldest_age_seconds|llm_calls_total|entra_token_failing_seconds)$/, by: 'service-kit' }, // the kit's registry (request histograms, dependency gauge, deliveries, outbox rows set aside, the account erasure's unknown owners and last complete sweep, the forget backlog, the AI service's model calls, the Entra tokens' outages)
  { prefix: /^kube_/, by: 'kube-prometheus-stack' }, // kube-state-metrics
  { prefix: /^container_/, by: 'kube-prometheus-stack' }, // the kubelet's cAdvisor, scraped by the stack's kubelet job
  { prefix: /^node_/, by: 'kube-prometheus-stack' }, // prometheus-node-exporter
  { prefix: /^prometheus_remote_storage_/, by: 'kube-prometheus-stack' }, // its Prometheus's own remote write, scraped by the stack's self-monitor
  { prefix: /^up$/, by: 'kube-prometheus-stack' }, // its Prometheus's scrape of each target
];

export function alertMetricsEmitted(objects: readonly K8sObject[], emitters: ReadonlySet<string>): string[] {
  const rules = objects
    .filter((o) => o.kind === 'PrometheusRule')
    .flatMap((o) => ((o.spec as { groups?: { rules?: RuleEntry[] }[] } | undefined)?.groups ?? []).flatMap((g) => g.rules ?? []));
  const problems: string[] = [];
  for (const r of rules) {
    for (const [, metric] of (r.expr ?? '').matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)) {
      const source = METRIC_EMITTERS.find((e) => e.prefix.test(metric!));
      if (!source || !emitters.has(source.by)) problems.push(`${r.alert}: ${metric} is emitted by ${source?.by ?? 'nothing known'}, which this environment does not run`);
    }
  }
  return problems;
}
