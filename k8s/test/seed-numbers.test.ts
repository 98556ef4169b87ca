/**
 * The seed's numbers (docs/architecture.md, seed §2, §4.1.2, §5.1, §7.2.2) as they must
 * appear in the rendered YAML. Written out here on purpose: the catalog is the source, this is
 * the independent check that it and the renderer carry the seed table through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { find } from './support/gitops.ts';

const SEED = {
  user: { cpu: '100m', memory: '256Mi', dev: 1, prod: 2, hpaCpu: 70 },
  trip: { cpu: '200m', memory: '512Mi', dev: 1, prod: 3, hpaCpu: 70 },
  ai: { cpu: '500m', memory: '1Gi', dev: 1, prod: 2, hpaCpu: 80 },
  location: { cpu: '100m', memory: '256Mi', dev: 1, prod: 2, hpaCpu: 70 },
} as const;

type Pod = { template: { spec: { containers: Container[]; volumes?: { name: string; emptyDir?: unknown }[] } }; replicas?: number };
type Container = {
  image: string;
  args?: string[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  [probe: string]: unknown;
};
const pod = (env: string, kind: string, name: string) => find(env, kind, name).spec as unknown as Pod & Record<string, unknown>;

describe.each(Object.entries(SEED))('%s service', (service, seed) => {
  const name = `${service}-service`;

  it('requests the seed CPU and memory in both environments', () => {
    for (const [env, kind] of [['dev', 'Deployment'], ['prod', 'Rollout']] as const) {
      expect(pod(env, kind, name).template.spec.containers[0]!.resources.requests).toEqual({ cpu: seed.cpu, memory: seed.memory });
    }
  });

  it(`runs ${seed.dev} replica in dev and at least ${seed.prod} in prod (HPA minimum)`, () => {
    expect(pod('dev', 'Deployment', name).replicas).toBe(seed.dev);
    const hpa = find('prod', 'HorizontalPodAutoscaler', name).spec as { minReplicas: number; scaleTargetRef: { kind: string; name: string }; metrics: unknown[] };
    expect(hpa.minReplicas).toBe(seed.prod);
    expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name });
    // The service container's CPU, not the pod's (which would include the Istio sidecar).
    expect(hpa.metrics).toEqual([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: service, target: { type: 'Utilization', averageUtilization: seed.hpaCpu } } }]);
  });

  it('probes liveness, readiness and startup every 30 s with a 5 s timeout in both environments', () => {
    for (const [env, kind] of [['dev', 'Deployment'], ['prod', 'Rollout']] as const) {
      const c = pod(env, kind, name).template.spec.containers[0]!;
      for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) expect(c[p], `${env} ${p}`).toMatchObject({ periodSeconds: 30, timeoutSeconds: 5 });
    }
  });
});

describe('dev data stores', () => {
  it('PostgreSQL (with PostGIS) requests 1000m/2Gi, is limited to 2000m/4Gi and claims 20Gi', () => {
    const sts = pod('dev', 'StatefulSet', 'postgres') as Pod & { volumeClaimTemplates: { spec: { resources: { requests: { storage: string } } } }[] };
    const c = sts.template.spec.containers[0]!;
    expect(c.resources).toEqual({ requests: { cpu: '1000m', memory: '2Gi' }, limits: { cpu: '2000m', memory: '4Gi' } });
    expect(sts.volumeClaimTemplates[0]!.spec.resources.requests.storage).toBe('20Gi');
    expect(c.image).toMatch(/^docker\.io\/postgis\/postgis:16-3\.\d+$/);
  });

  it('creates user_db, trip_db, ai_db and location_db (with PostGIS) at first start', () => {
    const sql = (find('dev', 'ConfigMap', 'postgres-init').data as Record<string, string>)['01-databases.sql']!;
    for (const db of ['user_db', 'trip_db', 'ai_db', 'location_db']) expect(sql).toContain(`CREATE DATABASE ${db};`);
    expect(sql).toMatch(/\\connect location_db\nCREATE EXTENSION IF NOT EXISTS postgis;/);
  });

  it('Redis requests 500m/1Gi and keeps nothing on disk', () => {
    const sts = pod('dev', 'StatefulSet', 'redis') as Pod & { volumeClaimTemplates?: unknown };
    const c = sts.template.spec.containers[0]!;
    expect(c.resources.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(c.image).toMatch(/^docker\.io\/library\/redis:7\.2\.\d+$/);
    expect(sts.volumeClaimTemplates).toBeUndefined();
    expect(c.args).toEqual(expect.arrayContaining(['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru']));
  });
});
