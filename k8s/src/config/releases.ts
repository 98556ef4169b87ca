import { readFileSync } from 'node:fs';
import type { EnvironmentName } from '@tripgen/catalog';

/**
 * The image tag each environment runs (`<acrLoginServer>/tripgen/<service>-service:<tag>`): data in
 * image-tags.json, the one file a release changes. `npm run promote -- <env> <tag>` writes it,
 * re-renders gitops/ and commits (tools/delivery); CI tags every image with the commit SHA.
 */
export const IMAGE_TAGS_FILE = new URL('./image-tags.json', import.meta.url);

/** A Docker tag (its grammar: https://docs.docker.com/reference/cli/docker/image/tag/), never `latest`. */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const parseImageTags = (text: string): Record<EnvironmentName, string> => {
  const data = JSON.parse(text) as Record<string, unknown>;
  const envs: EnvironmentName[] = ['dev', 'prod'];
  const unknown = Object.keys(data).filter((k) => !(envs as string[]).includes(k));
  if (unknown.length > 0) throw new Error(`image-tags.json: unknown environment(s) ${unknown.join(', ')}`);
  for (const env of envs) {
    const tag = data[env];
    if (typeof tag !== 'string' || !IMAGE_TAG_PATTERN.test(tag) || tag === 'latest') {
      throw new Error(`image-tags.json: ${env} must be a pinned image tag, got ${JSON.stringify(tag)}`);
    }
  }
  return data as Record<EnvironmentName, string>;
};

export const IMAGE_TAGS: Readonly<Record<EnvironmentName, string>> = parseImageTags(readFileSync(IMAGE_TAGS_FILE, 'utf8'));

/** The repository Argo CD syncs from: written once. */
export const GITOPS_REPO_URL = 'https://github.com/tripgen/tripgen.git';
export const GITOPS_REVISION = 'main';
