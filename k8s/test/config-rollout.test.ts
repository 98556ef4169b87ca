/**
 * A changed ConfigMap rolls its workload (src/lib/config-digest.ts): every long-running workload
 * that reads a ConfigMap into its environment carries that ConfigMap's digest in its pod template,
 * checked on the committed YAML; and a change of one value in a profile changes the pod templates
 * of exactly the workloads whose ConfigMap it changed.
 */
import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../src/config/profile.ts';
import { CONFIG_DIGEST_ANNOTATION, configDigest } from '../src/lib/config-digest.ts';
import { render } from '../src/render.ts';
import { containersOf, id, podTemplateOf, type K8sObject } from './policy/objects.ts';
import { objectsOf } from './support/gitops.ts';

/** Jobs and CronJobs make new pods every run, which read the ConfigMap as it is then. */
const LONG_RUNNING = ['Deployment', 'StatefulSet', 'Rollout', 'DaemonSet'];

/** The ConfigMaps a pod reads into its environment (envFrom or single keys). */
const configMapsRead = (o: K8sObject): string[] => {
  const pod = podTemplateOf(o);
  if (!pod) return [];
  const names = new Set<string>();
  for (const c of containersOf(pod)) {
    for (const from of c.envFrom ?? []) if (from.configMapRef?.name) names.add(from.configMapRef.name);
    for (const e of c.env ?? []) if (e.valueFrom?.configMapKeyRef?.name) names.add(e.valueFrom.configMapKeyRef.name);
  }
  return [...names].sort();
};

/** Workloads whose pod template does not carry the digest of the ConfigMap its environment reads. */
function configDigestsMissing(objects: readonly K8sObject[]): string[] {
  const data = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, (o.data ?? {}) as Record<string, string>]));
  const problems: string[] = [];
  for (const o of objects.filter((x) => LONG_RUNNING.includes(x.kind))) {
    const read = configMapsRead(o);
    if (read.length === 0) continue;
    if (read.length > 1) {
      problems.push(`${id(o)}: reads ${read.join(', ')}; one digest covers one ConfigMap`);
      continue;
    }
    const config = data.get(`${o.metadata.namespace}/${read[0]}`);
    const recorded = podTemplateOf(o)!.annotations[CONFIG_DIGEST_ANNOTATION];
    if (!config) problems.push(`${id(o)}: reads ConfigMap ${read[0]}, which is not rendered`);
    else if (recorded !== configDigest(config)) problems.push(`${id(o)}: ${CONFIG_DIGEST_ANNOTATION} ${recorded ?? 'absent'}, its ConfigMap ${read[0]} has ${configDigest(config)}`);
  }
  return problems;
}

describe('a ConfigMap change rolls the workload that reads it', () => {
  it.each(['dev', 'prod'])('%s: every service records the digest of the ConfigMap it reads, as committed', (env) => {
    const objects = objectsOf(env);
    const readers = objects.filter((o) => LONG_RUNNING.includes(o.kind) && configMapsRead(o).length > 0).map(id);
    expect(readers).toHaveLength(4);
    expect(configDigestsMissing(objects)).toEqual([]);
  });

  it('fails on a copy whose ConfigMap changed alone, or whose template lost the digest', () => {
    const objects = objectsOf('prod').map((o) => structuredClone(o));
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'user-service-config')!;
    (config.data as Record<string, string>).LOG_LEVEL = 'debug';
    const trip = objects.find((o) => o.kind === 'Rollout' && o.metadata.name === 'trip-service')!;
    delete (trip.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations[CONFIG_DIGEST_ANNOTATION];
    expect(configDigestsMissing(objects).map((p) => p.split(':')[0])).toEqual(['Rollout/tripgen/trip-service', 'Rollout/tripgen/user-service']);
  });

  it('a value changed in one profile changes the pod templates of that environment only; the key order is not a change', () => {
    const templates = (objects: ReturnType<typeof render>['objects']) =>
      new Map(
        objects
          .map((o) => ({ env: o.env, object: o.object as K8sObject }))
          .filter((o) => LONG_RUNNING.includes(o.object.kind))
          .map((o) => [`${o.env} ${id(o.object)}`, podTemplateOf(o.object)!.annotations[CONFIG_DIGEST_ANNOTATION]]),
      );
    const profiles = loadProfiles();
    const before = templates(render(profiles).objects);
    const after = templates(render(profiles.map((p) => (p.name === 'prod' ? { ...p, logLevel: 'debug' as const } : p))).objects);
    const changed = [...after].filter(([key, digest]) => before.get(key) !== digest).map(([key]) => key);
    expect(changed.sort()).toEqual(['ai-service', 'location-service', 'trip-service', 'user-service'].map((s) => `prod Rollout/tripgen/${s}`));
    expect(configDigest({ A: '1', B: '2' })).toBe(configDigest({ B: '2', A: '1' }));
    expect(configDigest({ A: '1', B: '2' })).not.toBe(configDigest({ A: '1', B: '3' }));
  });
});
