/**
 * A container crash-looping raises an alert wherever a crash loop matters: TripGen's namespace (the
 * seed's TripGenPodRestartsHigh), and every namespace of the platform's own add-ons (Argo CD, the Argo
 * Rollouts controller, the kube-prometheus-stack: prometheus-operator, Prometheus, kube-state-metrics,
 * node-exporter), whose pods crash-looping stop every sync, every rollout step, or the collection the
 * alerts read, without any TripGen series saying so (the operator has no scrape target an alert reads).
 * Read from what the generators wrote: the namespaces the add-on Applications in gitops/prod deploy to,
 * the rules handed over to Azure Monitor, the remote write's keep list and kube-state-metrics' values.
 * kube-state-metrics, docs/metrics/workload/pod-metrics.md: kube_pod_container_status_waiting_reason
 * and kube_pod_init_container_status_waiting_reason{namespace, pod, container, reason}, 1 while the
 * container waits for that reason (CrashLoopBackOff between the kubelet's restarts).
 */
import { describe, expect, it } from 'vitest';
import { EXPORTER_JOBS } from '../src/observability/scrape-jobs.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find, objectsOf } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

/** Where the platform add-ons of an environment run: the destinations of its add-on Applications, as rendered. */
const addOnNamespaces = (env: string): string[] => [
  ...new Set(
    objectsOf(env)
      .filter((o) => o.kind === 'Application' && o.metadata.labels?.['app.kubernetes.io/component'] === 'platform-addon')
      .map((o) => (o.spec as { destination: { namespace: string } }).destination.namespace),
  ),
];
const stack = () =>
  (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: Record<string, Record<string, unknown>> } } }).source.helm.valuesObject;

const WAITING = ['kube_pod_container_status_waiting_reason', 'kube_pod_init_container_status_waiting_reason'];

/** The rules that hold while a container of this namespace waits in CrashLoopBackOff (every selector's matchers read). */
export const crashLoopRules = (rules: readonly Rule[], metric: string, namespace: string): string[] =>
  rules
    .filter((r) =>
      parsePromql(r.expression).selectors.some(
        (s) => s.metric === metric && s.matchers.every((m) => matches(m, { namespace, reason: 'CrashLoopBackOff', job: EXPORTER_JOBS.kubeStateMetrics, pod: 'p', container: 'c' })),
      ),
    )
    .map((r) => r.alert);

describe('a crash loop of the platform (Argo CD, Argo Rollouts, the monitoring stack) raises an alert, as one of TripGen\'s own pods does', () => {
  const platform = addOnNamespaces('prod');

  it('reads the namespaces the add-on Applications deploy to', () => {
    expect([...platform].sort()).toEqual(['argo-rollouts', 'argocd', 'monitoring']);
    // The Prometheus stack's Application among them: prometheus-operator runs where the chart is released.
    expect((find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { destination: { namespace: string } }).destination.namespace).toBe('monitoring');
  });

  it('a container or init container waiting in CrashLoopBackOff in any of them, for 15 minutes', () => {
    // Before: the monitoring stack's namespace (prometheus-operator among its pods) raised nothing: ["monitoring"].
    expect(platform.filter((namespace) => WAITING.some((metric) => crashLoopRules(prodRules, metric, namespace).length === 0))).toEqual([]);
    for (const namespace of platform) {
      for (const metric of WAITING) expect(crashLoopRules(prodRules, metric, namespace), `${metric} in ${namespace}`).toEqual(['TripGenPlatformPodCrashLooping']);
    }
    const rule = prodRules.find((r) => r.alert === 'TripGenPlatformPodCrashLooping')!;
    expect(rule.for).toBe('PT15M');
    expect(rule.annotations.description).toContain('{{ $labels.namespace }}/{{ $labels.pod }}');
    expect(rule.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#platform-crash-loop$/);
    // Scoped: the namespaces that have an alert of their own (TripGen's restarts) or none of ours raise nothing here.
    for (const other of ['tripgen', 'kube-system']) expect(crashLoopRules(prodRules, WAITING[0]!, other), other).toEqual([]);
  });

  it('TripGen\'s own containers, sidecar included, by their restarts (a loop at the kubelet\'s 5-minute back-off cap restarts 12 times an hour)', () => {
    const restarts = (metric: string) =>
      prodRules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === metric && s.matchers.every((m) => matches(m, { namespace: 'tripgen' })))).map((r) => r.alert);
    expect(restarts('kube_pod_container_status_restarts_total')).toEqual(['TripGenPodRestartsHigh']);
    expect(restarts('kube_pod_init_container_status_restarts_total')).toEqual(['TripGenPodRestartsHigh']);
    expect(prodRules.find((r) => r.alert === 'TripGenPodRestartsHigh')!.expression).toMatch(/\[1h\]\) > 5\b/);
  });

  it('the series reach Azure: kube-state-metrics collects pods in every namespace, and the remote write keeps them', () => {
    const ksm = stack()['kube-state-metrics']!;
    expect(ksm.collectorsExclude ?? []).not.toContain('pods');
    // The chart's defaults: every namespace, no allow or deny list of metrics.
    for (const narrowing of ['namespaces', 'metricAllowlist', 'metricDenylist', 'collectors']) expect(ksm[narrowing], narrowing).toBeUndefined();
    const keep = new RegExp(`^(?:${(stack().prometheus!.prometheusSpec as { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] }).remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`);
    for (const metric of WAITING) expect(keep.test(metric), metric).toBe(true);
  });

  it('fails for a rule scoped elsewhere or reading another reason', () => {
    const r = (expression: string): Rule => ({ alert: 'A', expression, severity: 2, annotations: {} });
    expect(crashLoopRules([r('kube_pod_container_status_waiting_reason{namespace="tripgen",reason="CrashLoopBackOff"} == 1')], WAITING[0]!, 'argocd')).toEqual([]);
    expect(crashLoopRules([r('kube_pod_container_status_waiting_reason{namespace=~"argocd|argo-rollouts",reason="ImagePullBackOff"} == 1')], WAITING[0]!, 'argocd')).toEqual([]);
    expect(crashLoopRules([r('kube_pod_container_status_waiting_reason{namespace=~"argocd|argo-rollouts",reason="CrashLoopBackOff"} == 1')], WAITING[0]!, 'argo-rollouts')).toEqual(['A']);
    // The rule as it was: Argo's namespaces alone, the monitoring stack's unwatched.
    expect(crashLoopRules([r('kube_pod_container_status_waiting_reason{namespace=~"argocd|argo-rollouts",reason="CrashLoopBackOff"} == 1')], WAITING[0]!, 'monitoring')).toEqual([]);
  });
});
