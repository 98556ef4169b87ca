/**
 * dev's off-hours shutdown (seed §9.1.1): Logic Apps start the cluster on working days and stop it
 * in the evening, each with its own identity allowed to operate that cluster only; the working
 * hours come from the dev profile, the maintenance window lies inside them (a stopped cluster is
 * not upgraded), and `npm run cost` prices the nodes for the hours they run and shows the saving
 * next to the seed's 70% spot saving. prod runs always. Shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { clusterSchedules, estimate, savings } from '../cost/estimate.ts';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

// Contributor: the start and stop actions (managedClusters/start/action, /stop/action) are not in
// Azure Kubernetes Service Contributor Role (read, write, deployments/*: built-in roles reference).
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const dev = loadSnapshot('dev');
const prod = loadSnapshot('prod');
const workflows = (s: Snapshot) => ofType(s.predictedResources, 'Microsoft.Logic/workflows');

describe('dev cluster: started on working days, stopped at night and on weekends', () => {
  it('has a start and a stop workflow on the dev cluster, weekly on Monday-Friday at 08:00 and 20:00 Korea time', () => {
    const byVerb = Object.fromEntries(
      workflows(dev).map((w) => {
        const action = Object.values(prop(w, 'properties.definition.actions') as Record<string, unknown>)[0];
        const verb = /'(start|stop)'/.exec(String(prop(action, 'inputs.uri')))?.[1];
        return [verb, { w, action }];
      }),
    );
    expect(Object.keys(byVerb).sort()).toEqual(['start', 'stop']);
    for (const [verb, hour] of [['start', 8], ['stop', 20]] as const) {
      const { w, action } = byVerb[verb]!;
      const recurrence = prop(Object.values(prop(w, 'properties.definition.triggers') as Record<string, unknown>)[0], 'recurrence');
      expect(prop(recurrence, 'frequency')).toBe('Week');
      expect(prop(recurrence, 'timeZone')).toBe('Korea Standard Time');
      expect(prop(recurrence, 'schedule.weekDays')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
      expect(prop(recurrence, 'schedule.hours')).toEqual([hour]);
      expect(prop(action, 'inputs.method')).toBe('POST');
      expect(String(prop(action, 'inputs.uri'))).toContain('/providers/Microsoft.ContainerService/managedClusters/aks-tripgen-dev');
      expect(prop(action, 'inputs.authentication.type')).toBe('ManagedServiceIdentity');
      expect(prop(w, 'identity.type')).toBe('SystemAssigned');
    }
  });

  it('lets each workflow start and stop that cluster only (Contributor on the cluster)', () => {
    const grants = ofType(dev.predictedResources, 'Microsoft.Authorization/roleAssignments').filter((r) => String(prop(r, 'properties.roleDefinitionId')).endsWith(CONTRIBUTOR));
    expect(grants).toHaveLength(2);
    for (const g of grants) expect(g.id).toMatch(/\/managedClusters\/aks-tripgen-dev\/providers\/Microsoft\.Authorization\/roleAssignments\//);
    expect(grants.map((g) => /workflows\/(logic-aks-\w+-tripgen-dev)/.exec(String(prop(g, 'properties.principalId')))?.[1]).sort()).toEqual(['logic-aks-start-tripgen-dev', 'logic-aks-stop-tripgen-dev']);
  });

  it('runs 60 of 168 hours a week, and its maintenance window falls inside them', () => {
    expect(clusterSchedules(dev)).toEqual([expect.objectContaining({ cluster: 'aks-tripgen-dev', runningHoursPerWeek: 60 })]);
    const windows = ofType(dev.predictedResources, 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations');
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) {
      const day = String(prop(w, 'properties.maintenanceWindow.schedule.weekly.dayOfWeek'));
      const start = Number(String(prop(w, 'properties.maintenanceWindow.startTime')).split(':')[0]);
      const hours = Number(prop(w, 'properties.maintenanceWindow.durationHours'));
      expect(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], w.name).toContain(day);
      expect(start, w.name).toBeGreaterThanOrEqual(8);
      expect(start + hours, w.name).toBeLessThanOrEqual(20);
    }
  });

  it('prices dev nodes for those hours and shows the saving next to the seed\'s 70% spot saving; prod runs always', () => {
    const saved = savings(dev, 'dev');
    expect(saved.map((x) => Math.round(x.share * 100))).toEqual([70, 64]);
    expect(saved[1]!.what).toMatch(/off-hours shutdown of aks-tripgen-dev/);
    for (const x of saved) expect(x.monthly).toBeGreaterThan(0);
    const spotLine = estimate(dev, 'dev').find((l) => l.item.startsWith('pool spot: 2 x Standard_B2s spot'))!;
    expect(spotLine.item).toMatch(/60 of 168 h a week/);
    expect(workflows(prod)).toEqual([]);
    expect(clusterSchedules(prod)).toEqual([]);
    expect(savings(prod, 'prod')).toEqual([]);
  });

  it('fails when the stop is missing, moved to the weekend, or aimed at another cluster', () => {
    const noStop = { ...dev, predictedResources: dev.predictedResources.filter((r) => r.name !== 'logic-aks-stop-tripgen-dev') };
    expect(clusterSchedules(noStop)[0]!.runningHoursPerWeek).toBe(168);
    expect(savings(noStop, 'dev').find((x) => x.what.startsWith('off-hours'))!.monthly).toBeCloseTo(0, 1);
    const weekend = structuredClone(dev);
    const stop = workflows(weekend).find((w) => w.name === 'logic-aks-stop-tripgen-dev')!;
    setProp(stop, 'properties.definition.triggers.workingHours.recurrence.schedule.weekDays', ['Sunday']);
    expect(clusterSchedules(weekend)[0]!.runningHoursPerWeek).not.toBe(60);
    const elsewhere = structuredClone(dev);
    for (const w of workflows(elsewhere)) {
      const action = Object.values(prop(w, 'properties.definition.actions') as Record<string, { inputs: { uri: string } }>)[0]!;
      action.inputs.uri = action.inputs.uri.replace('aks-tripgen-dev', 'aks-other');
    }
    expect(clusterSchedules(elsewhere).map((c) => c.cluster)).toEqual(['aks-other']);
    expect(estimate(elsewhere, 'dev').find((l) => l.item.startsWith('pool spot:'))!.item).not.toMatch(/h a week/);
  });
});
