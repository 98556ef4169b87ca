/**
 * Which images CI builds: one per catalog service that has a Dockerfile, so a new service joins
 * the pipeline by being in the catalog with an image, never by editing a workflow. A service whose
 * code exists without a Dockerfile is an error (it would be rendered into gitops/ with an image
 * nobody builds).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, imageRepository, workloadName, type ServiceName } from '@tripgen/catalog';
import { REPO_ROOT } from './repo.ts';

/** Where a service's Dockerfile and entry point live, relative to the repository root. */
export const dockerfileOf = (s: ServiceName): string => `apps/${workloadName(s)}/Dockerfile`;
export const serviceEntryOf = (s: ServiceName): string => `apps/${workloadName(s)}/src/server.ts`;

export interface ImageJob {
  readonly service: ServiceName;
  /** Build context is the repository root; the file is the service's own Dockerfile. */
  readonly dockerfile: string;
  /** Repository inside the registry: `<loginServer>/<repository>:<tag>` (catalog imageRepository). */
  readonly repository: string;
}

/** Catalog services whose code exists: each needs an image. */
export const servicesWithCode = (root = REPO_ROOT): ServiceName[] => SERVICE_NAMES.filter((s) => existsSync(join(root, serviceEntryOf(s))));

/** Catalog services with code but no Dockerfile. */
export const servicesMissingImage = (root = REPO_ROOT): ServiceName[] => servicesWithCode(root).filter((s) => !existsSync(join(root, dockerfileOf(s))));

/** The CI image list, in catalog order; throws when a service with code has no Dockerfile. */
export const imageJobs = (root = REPO_ROOT): ImageJob[] => {
  const missing = servicesMissingImage(root);
  if (missing.length > 0) {
    throw new Error(`service(s) with code but no Dockerfile: ${missing.map((s) => `${s} (${dockerfileOf(s)})`).join(', ')}; npm run dockerfiles writes it`);
  }
  return SERVICE_NAMES.filter((s) => existsSync(join(root, dockerfileOf(s)))).map((s) => ({
    service: s,
    dockerfile: dockerfileOf(s),
    repository: imageRepository(s),
  }));
};

/** A GitHub Actions matrix (`strategy.matrix: ${{ fromJSON(...) }}`): one job per image. */
export const imageMatrix = (root = REPO_ROOT): { include: ImageJob[] } => ({ include: imageJobs(root) });
