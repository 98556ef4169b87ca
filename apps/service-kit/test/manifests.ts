/**
 * What the rendered manifests (gitops/<env>/<service>-service/) promise about a service's
 * container: its port, the PORT its ConfigMap gives the process, and each probe's path and port.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HEALTH_PATHS, SERVICES, workloadName, type ServiceName } from '@tripgen/catalog';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '@tripgen/dev-tools/layout';

export interface ProbeSpec {
  readonly kind: 'liveness' | 'readiness' | 'startup';
  readonly path: string;
  readonly port: number;
}

export interface ContainerContract {
  readonly source: string;
  readonly containerPort: number;
  /** PORT as the pod's environment sets it (ConfigMap or env), when the manifests set it. */
  readonly envPort: number | undefined;
  readonly probes: readonly ProbeSpec[];
}

interface K8sObject {
  kind?: string;
  metadata?: { name?: string };
  data?: Record<string, string>;
  spec?: { template?: { spec?: { containers?: Container[] } } };
}
interface Container {
  ports?: { containerPort: number; name?: string }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}

const readObjects = (dir: string): K8sObject[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .flatMap((f) => parseAllDocuments(readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJSON() as K8sObject));

/** Every environment's contract for `service`, from gitops/; empty when nothing is rendered. */
export const manifestContracts = (service: ServiceName): ContainerContract[] => {
  const gitops = path.join(REPO_ROOT, 'gitops');
  if (!existsSync(gitops)) return [];
  const out: ContainerContract[] = [];
  for (const env of readdirSync(gitops).sort()) {
    const dir = path.join(gitops, env, workloadName(service));
    if (!existsSync(dir)) continue;
    const objects = readObjects(dir);
    const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata?.name ?? '', o.data ?? {}]));
    for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Rollout')) {
      for (const c of workload.spec?.template?.spec?.containers ?? []) {
        const ports = c.ports ?? [];
        if (!ports.length) continue;
        const resolve = (p: number | string) => (typeof p === 'number' ? p : (ports.find((x) => x.name === p)?.containerPort ?? Number.NaN));
        const fromEnv = c.env?.find((e) => e.name === 'PORT')?.value;
        const fromConfigMap = c.envFrom?.map((e) => configMaps.get(e.configMapRef?.name ?? '')?.PORT).find((v) => v !== undefined);
        const envPort = fromEnv ?? fromConfigMap;
        const probes: ProbeSpec[] = [];
        for (const [kind, probe] of [['liveness', c.livenessProbe], ['readiness', c.readinessProbe], ['startup', c.startupProbe]] as const) {
          if (probe?.httpGet) probes.push({ kind, path: probe.httpGet.path, port: resolve(probe.httpGet.port) });
        }
        out.push({ source: `gitops/${env}/${workloadName(service)}/${workload.kind}`, containerPort: ports[0]!.containerPort, envPort: envPort ? Number(envPort) : undefined, probes });
      }
    }
  }
  return out;
};

/** Until the manifests are rendered: what the catalog says they will contain. */
export const catalogContract = (service: ServiceName): ContainerContract => ({
  source: 'catalog (no rendered manifest)',
  containerPort: SERVICES[service].port,
  envPort: SERVICES[service].port,
  probes: (['liveness', 'readiness', 'startup'] as const).map((kind) => ({ kind, path: HEALTH_PATHS[kind], port: SERVICES[service].port })),
});
