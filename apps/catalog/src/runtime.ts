/**
 * How a service's process runs, derived from its catalog entry. The manifests (k8s/), the image
 * (apps/<service>-service/Dockerfile, checked by k8s/test/images.test.ts) and the local runs
 * (scripts/lib/local-services.ts) read these, so the container is asked for what it does.
 */
import type { ServiceName, ServiceSpec } from './services.ts';

/** Kubernetes quantity suffixes that make sense for memory (milli-bytes do not). */
const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Bytes of a Kubernetes memory quantity such as `512Mi`, `1Gi`, `1.5G` or `268435456`. */
export function memoryBytes(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)([kMGT]i?|Ki)?$/.exec(quantity.trim());
  const unit = MEMORY_UNITS[m?.[2] ?? ''];
  if (!m || unit === undefined) throw new Error(`"${quantity}" is not a Kubernetes memory quantity (e.g. 512Mi, 1Gi, 1G)`);
  return Number(m[1]) * unit;
}

/**
 * Share of the container memory limit given to V8's old generation. Node sizes its default heap
 * from the machine, not the cgroup limit, so without a cap a pod grows until the kernel OOM-kills
 * it; with one V8 collects harder first. The other quarter holds the young generation, code,
 * buffers and native memory (pg, TLS, the wasm schema engine in the migration Job).
 */
export const HEAP_SHARE_OF_MEMORY_LIMIT = 0.75;

/** `--max-old-space-size` in MiB for a container memory limit. */
export const heapCapMiB = (memoryLimit: string): number => Math.floor((memoryBytes(memoryLimit) / 2 ** 20) * HEAP_SHARE_OF_MEMORY_LIMIT);

/** NODE_OPTIONS of a service's container (its ConfigMap; the local runs use the same value). */
export const nodeOptions = (spec: ServiceSpec): string => `--max-old-space-size=${heapCapMiB(spec.resources.limits.memory)}`;

/** Where the image keeps the repository tree; relative paths below are relative to it. */
export const CONTAINER_WORKDIR = '/app';

/** The offline migration runner (the WebAssembly schema engine; no native Prisma engine in the image). */
export const MIGRATION_SCRIPT = 'scripts/migrate.ts';

/** The prod database-roles Job's program (in the user service's image, which carries the kit). */
export const DATABASE_ROLES_PROGRAM = 'apps/service-kit/src/data/database-roles-job.ts';
export const databaseRolesCommand = (): string[] => ['node', '--import', 'tsx', DATABASE_ROLES_PROGRAM];

/** Command of a service's migration Job: applies its committed migrations to DATABASE_URL. */
export const migrationCommand = (s: ServiceName): string[] => ['node', '--import', 'tsx', MIGRATION_SCRIPT, 'deploy', s];
