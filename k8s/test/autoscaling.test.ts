/**
 * Seed §11.2.1: horizontal scaling on CPU and memory. Every prod HPA scales its service container
 * on the catalog's CPU target (§4.1.2) and on a memory target derived from the memory request:
 * above the request (a pod at rest never scales out) and below the critical memory alert's share
 * of the limit (replicas come before an OOM kill). Shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { SERVICES, maxPods, memoryBytes, serviceList, workloadName, type EnvironmentName, type ServiceSpec } from '@tripgen/catalog';
import { THRESHOLDS, memoryTargetUtilization } from '../src/observability/slo.ts';
import type { K8sObject } from './policy/objects.ts';
import { objectsOf } from './support/gitops.ts';
import { evaluatedAlerts } from './support/evaluated-alerts.ts';

interface Metric {
  type: string;
  containerResource?: { name: string; container: string; target: { type: string; averageUtilization?: number } };
}

function autoscalingProblems(hpas: readonly K8sObject[]): string[] {
  const v: string[] = [];
  for (const spec of serviceList()) {
    const hpa = hpas.find((h) => h.metadata.name === workloadName(spec.name));
    if (!hpa) {
      v.push(`${spec.name}: no HPA`);
      continue;
    }
    const metrics = (hpa.spec as { metrics: Metric[] }).metrics;
    const target = (resource: string) => metrics.find((m) => m.type === 'ContainerResource' && m.containerResource?.name === resource && m.containerResource.container === spec.name)?.containerResource?.target;
    const cpu = target('cpu');
    if (cpu?.type !== 'Utilization' || cpu.averageUtilization !== spec.autoscaling.targetCpuUtilization) v.push(`${spec.name}: CPU target ${cpu?.averageUtilization ?? "none"}%, the catalog says ${spec.autoscaling.targetCpuUtilization}%`);
    const memory = target('memory');
    if (memory?.type !== 'Utilization' || memory.averageUtilization === undefined) {
      v.push(`${spec.name}: no memory target`);
      continue;
    }
    const request = memoryBytes(spec.resources.requests.memory);
    const alertAt = memoryBytes(spec.resources.limits.memory) * THRESHOLDS.memoryRatio;
    const at = (request * memory.averageUtilization) / 100;
    if (at <= request) v.push(`${spec.name}: memory target ${memory.averageUtilization}% scales out at rest (at or below the request)`);
    if (at >= alertAt) v.push(`${spec.name}: memory target ${memory.averageUtilization}% is at or past the ${THRESHOLDS.memoryRatio * 100}% memory alert`);
  }
  return v;
}

const prodHpas = () => objectsOf('prod').filter((o) => o.kind === 'HorizontalPodAutoscaler');

describe('prod HPAs scale on CPU and memory', () => {
  it('each service container on its catalog CPU target and its memory target between request and the memory alert', () => {
    expect(prodHpas()).toHaveLength(serviceList().length);
    expect(autoscalingProblems(prodHpas())).toEqual([]);
  });

  it('derive the memory target from the request: halfway to the alert threshold (140% with limits at twice the requests)', () => {
    for (const spec of serviceList()) expect(memoryTargetUtilization(spec)).toBe(140);
    const tight: Pick<ServiceSpec, 'resources'> = { resources: { requests: { cpu: '100m', memory: '400Mi' }, limits: { memory: '512Mi' } } };
    expect(memoryTargetUtilization(tight)).toBe(Math.round((100 * (400 + 512 * 0.9)) / 2 / 400));
  });

  it('fails without a memory target, with one at the request, with one past the alert, with a CPU target off the catalog', () => {
    const broken = structuredClone(prodHpas());
    const metrics = (name: string) => (broken.find((h) => h.metadata.name === name)!.spec as { metrics: Metric[] }).metrics;
    metrics('user-service').splice(1, 1);
    metrics('trip-service')[1]!.containerResource!.target.averageUtilization = 100;
    metrics('ai-service')[1]!.containerResource!.target.averageUtilization = 190;
    metrics('location-service')[0]!.containerResource!.target.averageUtilization = 50;
    expect(autoscalingProblems(broken)).toEqual([
      'user: no memory target',
      'trip: memory target 100% scales out at rest (at or below the request)',
      'ai: memory target 190% is at or past the 90% memory alert',
      `location: CPU target 50%, the catalog says ${SERVICES.location.autoscaling.targetCpuUtilization}%`,
    ]);
  });
});

describe('the CPU alert and the HPAs', () => {
  /** The CPU alert's ratio for a container, read from the rule Azure Monitor evaluates (its per-container parts). */
  const alertRatioFor = (container: string): number => {
    const rule = evaluatedAlerts('prod')[0]!;
    const expr = (rule.spec as { groups: { rules: { alert?: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules).find((r) => r.alert === 'TripGenCpuHigh')!.expr;
    // Its parts, one per threshold: `... > 0.88 or ...` (an `or` inside a part joins two series).
    for (const part of expr.split(/(?<=> [\d.]+) or /)) {
      const only = /container=~"([^"]+)"/.exec(part)?.[1]?.split('|');
      const except = /container!~"([^"]+)"/.exec(part)?.[1]?.split('|') ?? [];
      if (only ? only.includes(container) : !except.includes(container)) return Number(/> ([\d.]+)$/.exec(part)![1]);
    }
    throw new Error(`no part of TripGenCpuHigh covers ${container}`);
  };

  it('fires for a container only past where its HPA adds pods (its target plus the default 10 % tolerance), and at the seed\'s 80 % for the rest', () => {
    // Kubernetes docs, Horizontal Pod Autoscaling, "Algorithm details": no scaling while the ratio to the target is within the tolerance (0.1).
    for (const spec of serviceList()) {
      const scalesPast = Math.round(spec.autoscaling.targetCpuUtilization * 1.1) / 100;
      expect(alertRatioFor(spec.name), spec.name).toBe(Math.max(THRESHOLDS.cpuRatio, scalesPast));
    }
    expect(alertRatioFor(SERVICES.ai.name)).toBe(0.88);
    expect(alertRatioFor('istio-proxy')).toBe(THRESHOLDS.cpuRatio);
    // The native sidecar's request is an init container's: the part that covers it divides by that series too.
    const rule = evaluatedAlerts('prod')[0]!;
    const cpu = (rule.spec as { groups: { rules: { alert?: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules).find((r) => r.alert === 'TripGenCpuHigh')!.expr;
    expect(cpu.split(' or kube_pod_init_container_resource_requests').length).toBe(cpu.split('kube_pod_container_resource_requests').length);
  });
});

describe('the most pods each environment runs', () => {
  /** What the rendered manifests let a workload run at most: its HPA's maxReplicas, else its workload's replicas. */
  const renderedMaxPods = (env: EnvironmentName, name: string): number | undefined => {
    const objects = objectsOf(env).filter((o) => o.metadata.name === name);
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
    if (hpa) return (hpa.spec as { maxReplicas: number }).maxReplicas;
    return (objects.find((o) => o.kind === 'Deployment' || o.kind === 'Rollout')?.spec as { replicas?: number } | undefined)?.replicas;
  };

  // The queue backlog alerts (infra-bicep catalog.json queueConsumers) size their thresholds by maxPods.
  it.each(['dev', 'prod'] as const)('%s: is the catalog\'s maxPods, the figure the queue backlog alerts use', (env) => {
    for (const spec of serviceList()) expect(renderedMaxPods(env, workloadName(spec.name)), `${env} ${spec.name}`).toBe(maxPods(spec, env));
    expect(serviceList().map((spec) => maxPods(spec, env))).toEqual(env === 'dev' ? [1, 1, 1, 1] : [6, 10, 18, 6]);
  });
});
