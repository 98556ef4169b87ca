/**
 * The catalog's HPA maxima and the workload pool carry ten times the expected load (seed §13.2),
 * computed from the committed benchmark figures: this fails as soon as a maximum, the pool, a
 * figure or the load assumption moves so that 10x no longer fits. Shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { SERVICES, serviceList } from '@tripgen/catalog';
import { readFigures } from '../src/figures.ts';
import { GROWTH } from '../src/load.ts';
import { capacityPlan, nodeAllocatable, nodesAtHpaMaxima, workloadPool } from '../src/plan.ts';

const figures = readFigures();
const pool = workloadPool('prod');
const inputs = { figures, pool, sidecars: true };

describe('capacity for the expected load and 10x', () => {
  it('plans on the prod workload pool of the snapshot and on dated figures', () => {
    expect(pool).toMatchObject({ name: 'workload', vmSize: 'Standard_D4s_v3', min: 3, max: 10 });
    for (const f of [figures.api, figures.schedule]) {
      expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.commit.length).toBeGreaterThan(0);
      expect(f.note.length).toBeGreaterThan(20);
    }
    expect(figures.api.cpuSecondsPerRequest).toBeGreaterThan(0);
    expect(figures.schedule.cpuSecondsPerSchedule).toBeGreaterThan(0);
  });

  it.each(GROWTH.map((g) => [g]))('%ix: every service fits under its HPA maximum and the pods fit the pool', (growth) => {
    const plan = capacityPlan(growth, inputs);
    expect(plan.shortfalls).toEqual([]);
    for (const s of plan.services) expect(s.podsNeeded).toBeGreaterThanOrEqual(SERVICES[s.service].replicas.prod);
  });

  it('the pool holds every HPA at its maximum at once (no HPA can scale into Pending pods)', () => {
    expect(nodesAtHpaMaxima(inputs).shortfall).toBeNull();
  });

  it('10x needs more than 1x (the plan responds to the load)', () => {
    const [one, ten] = GROWTH.map((g) => capacityPlan(g, inputs));
    const total = (p: typeof one) => p!.services.reduce((n, s) => n + s.podsNeeded, 0);
    expect(total(ten)).toBeGreaterThan(total(one));
    expect(ten!.nodes.nodesNeeded).toBeGreaterThanOrEqual(one!.nodes.nodesNeeded);
  });

  it('packs around what AKS reserves (1.29+: 140m on 4 cores; min(20 MiB x maxPods + 50 MiB, 25%) + 100 MiB) and the DaemonSets', () => {
    expect(nodeAllocatable(4, 16, 110)).toEqual({ cpuMillis: 4000 - 140 - 600, memoryMiB: 16384 - (2250 + 100) - 1280, pods: 110 - 12 });
    expect(nodeAllocatable(2, 4, 30).memoryMiB).toBe(4096 - (20 * 30 + 50 + 100) - 1280);
  });

  it('fails when a catalog maximum, the pool maximum or a figure cannot carry 10x', () => {
    const ai = capacityPlan(10, inputs).services.find((s) => s.service === 'ai')!;
    expect(capacityPlan(10, { ...inputs, maxReplicas: { ai: ai.podsNeeded - 1 } }).shortfalls).toEqual([
      `ai: needs ${ai.podsNeeded} pods at 10x, the catalog's maxReplicas is ${ai.podsNeeded - 1}`,
    ]);
    const tenNodes = capacityPlan(10, inputs).nodes.nodesNeeded;
    expect(capacityPlan(10, { ...inputs, pool: { ...pool, max: tenNodes - 1 } }).shortfalls).toEqual([
      `node pool workload: needs ${tenNodes} x Standard_D4s_v3 at 10x, its autoscaler maximum is ${tenNodes - 1}`,
    ]);
    const slower = { ...figures, api: { ...figures.api, cpuSecondsPerRequest: figures.api.cpuSecondsPerRequest * 50 } };
    expect(capacityPlan(10, { ...inputs, figures: slower }).shortfalls.length).toBeGreaterThan(0);
    const allAtMax = serviceList().reduce((n, s) => n + s.autoscaling.maxReplicas, 0);
    expect(nodesAtHpaMaxima({ ...inputs, pool: { ...pool, max: 1 } }).shortfall).toMatch(/every HPA at its maximum needs \d+ nodes/);
    expect(allAtMax).toBeGreaterThan(0);
  });
});
