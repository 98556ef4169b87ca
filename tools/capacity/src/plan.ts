/**
 * Capacity plan: from the measured CPU cost of a request and of a schedule (figures.json) and the
 * expected load (load.ts), the pods each service needs at a growth factor, then the nodes those
 * pods need once packed on the workload pool, checked against the catalog's HPA maxima and the
 * pool's autoscaler maximum (prod: the pods scale there; dev runs one fixed replica each).
 *
 * A pod's capacity is what its HPA lets it use before adding a replica: the CPU request times the
 * target utilization. Packing uses requests (what the scheduler reserves), with the Istio sidecar
 * each prod pod carries, after what AKS reserves per node and the DaemonSets on every node.
 */
import { SERVICES, serviceList, type ServiceName } from '@tripgen/catalog';
import { loadSnapshot } from '@tripgen/infra-bicep/bicep';
import { asArray, prop } from '@tripgen/infra-bicep/props';
import { PRICES } from '@tripgen/infra-bicep/prices';
import type { Figures } from './figures.ts';
import { REQUEST_COST_FACTOR, peakRequestsPerSecond, peakSchedulesPerSecond } from './load.ts';

/** Per-node and per-pod overheads the plan packs around. */
export const OVERHEADS = {
  /**
   * Istio sidecar requests: Istio's default proxy resources (values `global.proxy.resources`:
   * cpu 100m, memory 128Mi), which the AKS add-on keeps unless a ProxyConfig says otherwise.
   */
  sidecar: { cpuMillis: 100, memoryMiB: 128 },
  /**
   * DaemonSets on every node (Cilium, Istio CNI, Container Insights, Defender, CSI drivers, ...):
   * an estimate; a running cluster shows the real figure in `kubectl describe node` (Allocated).
   */
  daemonSets: { cpuMillis: 600, memoryMiB: 1280, pods: 12 },
  /**
   * Platform add-ons that run on the workload pool (they do not tolerate the system pool's
   * CriticalAddonsOnly taint): Prometheus, Argo CD, Argo Rollouts, the OpenTelemetry collector,
   * the VPA, the gateway certificate sync. An estimate, packed as one block.
   */
  addOns: { cpuMillis: 2000, memoryMiB: 6144, pods: 15 },
} as const;

/**
 * What AKS reserves on a node for the kubelet and the OS (learn.microsoft.com/azure/aks/node-resource-reservations,
 * Kubernetes 1.29 and later): CPU by core count; memory min(20 MiB x maxPods + 50 MiB, 25% of the
 * node) plus the 100 MiB hard eviction threshold.
 */
const RESERVED_CPU_MILLIS: Readonly<Record<number, number>> = { 1: 60, 2: 100, 4: 140, 8: 180, 16: 260, 32: 420, 64: 740 };
export function nodeAllocatable(vcpus: number, memoryGiB: number, maxPods: number): { cpuMillis: number; memoryMiB: number; pods: number } {
  const reservedCpu = RESERVED_CPU_MILLIS[vcpus];
  if (reservedCpu === undefined) throw new Error(`no AKS CPU reservation known for ${vcpus} cores`);
  const memoryMiB = memoryGiB * 1024;
  const reservedMemory = Math.min(20 * maxPods + 50, 0.25 * memoryMiB) + 100;
  return {
    cpuMillis: vcpus * 1000 - reservedCpu - OVERHEADS.daemonSets.cpuMillis,
    memoryMiB: memoryMiB - reservedMemory - OVERHEADS.daemonSets.memoryMiB,
    pods: maxPods - OVERHEADS.daemonSets.pods,
  };
}

export interface WorkloadPool {
  readonly name: string;
  readonly vmSize: string;
  readonly min: number;
  readonly max: number;
  readonly maxPods: number;
}

/** The pool the services run on: the first pool without the CriticalAddonsOnly taint, from the evaluated snapshot. */
export function workloadPool(env: 'dev' | 'prod'): WorkloadPool {
  const aks = loadSnapshot(env).predictedResources.find((r) => r.type.toLowerCase() === 'microsoft.containerservice/managedclusters');
  const pool = asArray(prop(aks, 'properties.agentPoolProfiles')).find((p) => !asArray(prop(p, 'nodeTaints')).some((t) => String(t).startsWith('CriticalAddonsOnly')));
  if (!pool) throw new Error(`${env}: no node pool without the CriticalAddonsOnly taint`);
  const count = Number(prop(pool, 'count'));
  const autoscale = prop(pool, 'enableAutoScaling') === true;
  return {
    name: String(prop(pool, 'name')),
    vmSize: String(prop(pool, 'vmSize')),
    min: autoscale ? Number(prop(pool, 'minCount')) : count,
    max: autoscale ? Number(prop(pool, 'maxCount')) : count,
    maxPods: Number(prop(pool, 'maxPods')),
  };
}

const millis = (cpu: string): number => (cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000);
const mebibytes = (memory: string): number => {
  const hit = /^(\d+(?:\.\d+)?)(Mi|Gi)$/.exec(memory);
  if (!hit) throw new Error(`unsupported memory quantity ${memory}`);
  return Number(hit[1]) * (hit[2] === 'Gi' ? 1024 : 1);
};

export interface ServicePlan {
  readonly service: ServiceName;
  readonly requestsPerSecond: number;
  readonly schedulesPerSecond: number;
  /** CPU cores the load keeps busy. */
  readonly cores: number;
  /** Cores one pod may use before its HPA adds another (request x target utilization). */
  readonly coresPerPod: number;
  readonly podsNeeded: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

export interface NodePlan {
  readonly pool: WorkloadPool;
  readonly podsToPlace: number;
  readonly nodesNeeded: number;
}

export interface CapacityPlan {
  readonly growth: number;
  readonly services: readonly ServicePlan[];
  readonly nodes: NodePlan;
  /** What cannot carry this growth; empty when everything fits. */
  readonly shortfalls: readonly string[];
}

export interface PlanInputs {
  readonly figures: Figures;
  readonly pool: WorkloadPool;
  /** Override the catalog's maxReplicas (tests break a copy this way). */
  readonly maxReplicas?: Partial<Record<ServiceName, number>>;
  readonly sidecars: boolean;
}

/** First-fit decreasing on CPU: the number of nodes the pods occupy (a lower bound rounds up badly for big pods). */
function pack(items: readonly { cpu: number; memory: number; pods: number }[], node: { cpuMillis: number; memoryMiB: number; pods: number }): number {
  const bins: { cpu: number; memory: number; pods: number }[] = [];
  for (const item of [...items].sort((a, b) => b.cpu - a.cpu || b.memory - a.memory)) {
    if (item.cpu > node.cpuMillis || item.memory > node.memoryMiB) throw new Error(`an item of ${item.cpu}m / ${item.memory} MiB does not fit on one node`);
    const bin = bins.find((b) => b.cpu + item.cpu <= node.cpuMillis && b.memory + item.memory <= node.memoryMiB && b.pods + item.pods <= node.pods);
    if (bin) {
      bin.cpu += item.cpu;
      bin.memory += item.memory;
      bin.pods += item.pods;
    } else bins.push({ ...item });
  }
  return bins.length;
}

export function capacityPlan(growth: number, inputs: PlanInputs): CapacityPlan {
  const { figures, pool } = inputs;
  const cpuPerRequest = figures.api.cpuSecondsPerRequest * REQUEST_COST_FACTOR;
  const services = serviceList().map((spec): ServicePlan => {
    const requestsPerSecond = peakRequestsPerSecond(spec.name) * growth;
    // The AI service generates the itineraries (queue consumer) besides its few HTTP routes.
    const schedulesPerSecond = spec.name === 'ai' ? peakSchedulesPerSecond() * growth : 0;
    const cores = requestsPerSecond * cpuPerRequest + schedulesPerSecond * figures.schedule.cpuSecondsPerSchedule;
    const coresPerPod = (millis(spec.resources.requests.cpu) / 1000) * (spec.autoscaling.targetCpuUtilization / 100);
    const minReplicas = spec.replicas.prod;
    return {
      service: spec.name,
      requestsPerSecond,
      schedulesPerSecond,
      cores,
      coresPerPod,
      podsNeeded: Math.max(minReplicas, Math.ceil(cores / coresPerPod - 1e-9)),
      minReplicas,
      maxReplicas: inputs.maxReplicas?.[spec.name] ?? spec.autoscaling.maxReplicas,
    };
  });

  const vm = PRICES.vm[pool.vmSize];
  if (!vm) throw new Error(`no size known for ${pool.vmSize}: add it to infra-bicep/cost/prices.ts`);
  const node = nodeAllocatable(vm.vcpus, vm.memoryGiB, pool.maxPods);
  const sidecar = inputs.sidecars ? OVERHEADS.sidecar : { cpuMillis: 0, memoryMiB: 0 };
  const items = [
    { cpu: OVERHEADS.addOns.cpuMillis, memory: OVERHEADS.addOns.memoryMiB, pods: OVERHEADS.addOns.pods },
    ...services.flatMap((p) => {
      const r = SERVICES[p.service].resources.requests;
      return Array.from({ length: p.podsNeeded }, () => ({ cpu: millis(r.cpu) + sidecar.cpuMillis, memory: mebibytes(r.memory) + sidecar.memoryMiB, pods: 1 }));
    }),
  ];
  const nodesNeeded = Math.max(pool.min, pack(items, node));

  const shortfalls: string[] = [];
  for (const p of services) {
    if (p.podsNeeded > p.maxReplicas) shortfalls.push(`${p.service}: needs ${p.podsNeeded} pods at ${growth}x, the catalog's maxReplicas is ${p.maxReplicas}`);
  }
  if (nodesNeeded > pool.max) shortfalls.push(`node pool ${pool.name}: needs ${nodesNeeded} x ${pool.vmSize} at ${growth}x, its autoscaler maximum is ${pool.max}`);
  return { growth, services, nodes: { pool, podsToPlace: items.reduce((n, i) => n + i.pods, 0), nodesNeeded }, shortfalls };
}

/**
 * Nodes every service at its HPA maximum at once would occupy: the pool's maximum must hold it, or
 * an HPA could scale into pods that stay Pending.
 */
export function nodesAtHpaMaxima(inputs: PlanInputs): { nodesNeeded: number; shortfall: string | null } {
  const { pool } = inputs;
  const vm = PRICES.vm[pool.vmSize];
  if (!vm) throw new Error(`no size known for ${pool.vmSize}: add it to infra-bicep/cost/prices.ts`);
  const sidecar = inputs.sidecars ? OVERHEADS.sidecar : { cpuMillis: 0, memoryMiB: 0 };
  const items = [
    { cpu: OVERHEADS.addOns.cpuMillis, memory: OVERHEADS.addOns.memoryMiB, pods: OVERHEADS.addOns.pods },
    ...serviceList().flatMap((spec) =>
      Array.from({ length: inputs.maxReplicas?.[spec.name] ?? spec.autoscaling.maxReplicas }, () => ({
        cpu: millis(spec.resources.requests.cpu) + sidecar.cpuMillis,
        memory: mebibytes(spec.resources.requests.memory) + sidecar.memoryMiB,
        pods: 1,
      })),
    ),
  ];
  const nodesNeeded = pack(items, nodeAllocatable(vm.vcpus, vm.memoryGiB, pool.maxPods));
  return { nodesNeeded, shortfall: nodesNeeded > pool.max ? `node pool ${pool.name}: every HPA at its maximum needs ${nodesNeeded} nodes, its autoscaler maximum is ${pool.max}` : null };
}
