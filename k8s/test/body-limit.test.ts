/**
 * The dev edge refuses what every other layer refuses: the NGINX ingress's client-max-body-size is
 * the catalog's REQUEST_BODY_LIMIT_BYTES (which the services' bodyLimit, the dev gateway and the prod
 * WAF, through infra-bicep/catalog.json, also read). The controller is F5 NGINX Ingress Controller
 * (addons.ts), which reads its annotations from the nginx.org/ (and nginx.com/) prefix only
 * (github.com/nginx/kubernetes-ingress, internal/configs/annotations.go): an ingress-nginx annotation
 * (nginx.ingress.kubernetes.io/proxy-body-size) is ignored, and NGINX's default, 1m, applies.
 */
import { expect, it } from 'vitest';
import { REQUEST_BODY_LIMIT_BYTES } from '@tripgen/catalog';
import { ADDON_CHARTS } from '../src/config/addons.ts';
import { find } from './support/gitops.ts';

/** Bytes of an NGINX size (`128k`, `1m`, `4096`): k and m are binary multiples. */
const nginxSize = (size: string): number => {
  const m = /^(\d+)([kKmMgG]?)$/.exec(size);
  if (!m) throw new Error(`"${size}" is not an NGINX size`);
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2]!.toLowerCase()]!;
};

it('the dev ingress answers 413 past the catalog body limit, the same bytes the services accept', () => {
  const annotations = find('dev', 'Ingress', 'tripgen').metadata.annotations ?? {};
  expect(nginxSize(annotations['nginx.org/client-max-body-size'] ?? '1m')).toBe(REQUEST_BODY_LIMIT_BYTES);
  expect(ADDON_CHARTS.nginxIngress).toMatchObject({ repoURL: 'ghcr.io/nginx/charts', chart: 'nginx-ingress' });
  expect(Object.keys(annotations).filter((k) => !/^nginx\.(org|com)\//.test(k))).toEqual([]);
});

it('reads NGINX sizes (the check above would otherwise pass by accident)', () => {
  expect(nginxSize('128k')).toBe(131_072);
  expect(nginxSize('1m')).toBe(1_048_576);
  expect(() => nginxSize('1.5m')).toThrow(/not an NGINX size/);
});
