/**
 * What Prometheus stores when it scrapes a service through a rendered ServiceMonitor: the samples of
 * the service's /metrics text, with the target labels the operator's scrape config attaches, as
 * their documentation states them (sources at each step). Test support: the queries in gitops/ are
 * then evaluated, matcher by matcher, against series a real service produced.
 */
import type { K8sObject } from '../policy/objects.ts';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  readonly name: string;
  readonly labels: Labels;
}

/** Samples of a Prometheus text exposition (label values unescaped), and the metric families it declares. */
export function parseExposition(text: string): { samples: Sample[]; families: Set<string> } {
  const samples: Sample[] = [];
  const families = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\w+)/.exec(line);
    if (type) {
      const [, family, kind] = type;
      // A histogram's series are <family>_bucket, _sum and _count; a counter's, the family's name.
      for (const suffix of kind === 'histogram' ? ['_bucket', '_sum', '_count'] : kind === 'summary' ? ['', '_sum', '_count'] : ['']) families.add(`${family}${suffix}`);
      continue;
    }
    const hit = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? \S+/.exec(line);
    if (!hit || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, name, raw] of (hit[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[name!] = raw!.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: hit[1]!, labels });
  }
  return { samples, families };
}

/**
 * Prometheus v3 (kube-prometheus-stack 88.5.3 runs v3.14.0) normalizes the `le` of classic
 * histograms and the `quantile` of summaries to a float form on ingestion: `le="5"` is stored as
 * `le="5.0"` (prometheus/prometheus docs/migration.md, "`le` and `quantile` label values": "alerts,
 * recording rules and dashboards that directly reference label values as whole numbers such as
 * `le="1"` will stop working"). Go's float text: a whole number gains ".0", others keep their digits.
 */
export const storedBound = (exposed: string): string => {
  if (exposed === '+Inf' || exposed === '-Inf' || exposed === 'NaN') return exposed;
  const text = String(Number(exposed));
  return /[.e]/.test(text) ? text : `${text}.0`;
};

export interface ScrapeTarget {
  /** The ServiceMonitor and the Service it selects. */
  readonly monitor: string;
  readonly service: K8sObject;
  /** The workload (app.kubernetes.io/name) the Service selects pods of. */
  readonly workload: string;
  /** Target labels of one pod behind it. */
  readonly labels: Labels;
  readonly honorLabels: boolean;
}

/**
 * The scrape targets of the rendered ServiceMonitors, one pod each, whose pod carries `podLabels`.
 * Target labels as the operator documents them (the ServiceMonitor CRD that kube-prometheus-stack
 * 88.5.3 installs, charts/crds/crds/crd-servicemonitors.yaml, `jobLabel`: "the `job` label of the
 * metrics defaults to the name of the associated Kubernetes `Service`"); `namespace`, `service`, `pod`,
 * `container`, `endpoint` (the port name) and `instance`; each of `podTargetLabels` copied from the
 * pod, its name sanitized to a Prometheus label name (`-` becomes `_`).
 */
export function scrapeTargets(objects: readonly K8sObject[], podLabels: Labels): ScrapeTarget[] {
  const targets: ScrapeTarget[] = [];
  for (const sm of objects.filter((o) => o.kind === 'ServiceMonitor')) {
    const spec = sm.spec as {
      selector: { matchLabels: Record<string, string> };
      namespaceSelector?: { matchNames?: string[] };
      jobLabel?: string;
      podTargetLabels?: string[];
      endpoints: { port: string; honorLabels?: boolean }[];
    };
    const namespaces = spec.namespaceSelector?.matchNames ?? [sm.metadata.namespace];
    const services = objects.filter(
      (o) => o.kind === 'Service' && namespaces.includes(o.metadata.namespace) && Object.entries(spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v),
    );
    for (const service of services) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const workload = selector['app.kubernetes.io/name']!;
      const pod = `${workload}-${podLabels['rollouts-pod-template-hash'] ?? 'x'}-abcde`;
      for (const endpoint of spec.endpoints) {
        const labels: Record<string, string> = {
          job: (spec.jobLabel && service.metadata.labels?.[spec.jobLabel]) || service.metadata.name,
          namespace: service.metadata.namespace!,
          service: service.metadata.name,
          pod,
          container: workload,
          endpoint: endpoint.port,
          instance: '10.0.0.10:8080',
        };
        for (const l of spec.podTargetLabels ?? []) if (podLabels[l] !== undefined) labels[l.replace(/[^a-zA-Z0-9_]/g, '_')] = podLabels[l];
        targets.push({ monitor: sm.metadata.name, service, workload, labels, honorLabels: endpoint.honorLabels ?? false });
      }
    }
  }
  return targets;
}

/**
 * The series Prometheus stores from one scrape of a target: a sample label that collides with a
 * target label becomes `exported_<name>` unless honorLabels (Prometheus configuration docs,
 * scrape_config `honor_labels`); `le`/`quantile` normalized (storedBound); plus the synthetic `up`
 * with the target labels only (Prometheus docs, "Jobs and instances").
 */
export function ingest(target: ScrapeTarget, samples: readonly Sample[]): Sample[] {
  const stored: Sample[] = [{ name: 'up', labels: target.labels }];
  for (const s of samples) {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.labels)) {
      const name = k in target.labels && !target.honorLabels ? `exported_${k}` : k;
      labels[name] = k === 'le' || k === 'quantile' ? storedBound(v) : v;
    }
    stored.push({ name: s.name, labels: target.honorLabels ? { ...target.labels, ...labels } : { ...labels, ...target.labels } });
  }
  return stored;
}
