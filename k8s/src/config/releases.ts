import type { EnvironmentName } from '@tripgen/catalog';

/**
 * The image tag each environment runs: the one line a release changes (CI bumps it after pushing
 * `<acrLoginServer>/tripgen/<service>:<tag>`). Pinned, never `latest`.
 */
export const IMAGE_TAGS: Readonly<Record<EnvironmentName, string>> = {
  dev: '0.1.0',
  prod: '0.1.0',
};

/** The repository Argo CD syncs from: written once. */
export const GITOPS_REPO_URL = 'https://github.com/tripgen/tripgen.git';
export const GITOPS_REVISION = 'main';
