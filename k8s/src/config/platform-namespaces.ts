/**
 * Where each platform add-on an environment runs lives (Argo CD, the Argo Rollouts controller, the
 * kube-prometheus-stack, the NGINX Ingress Controller): the namespaces its Argo CD Application deploys
 * to (constructs/platform-addons.ts renders an add-on only where it has one here) and the ones the
 * platform's crash-loop alert watches (observability/alerts.ts), so that an add-on added or moved is
 * watched where it runs.
 */
import type { ADDON_CHARTS } from './addons.ts';
import type { EnvironmentProfile } from './profile.ts';

export type AddOnName = keyof typeof ADDON_CHARTS;

/** Each add-on this profile runs, with its namespace; an add-on it does not run is absent (Argo CD runs everywhere). */
export function addOnNamespaces(profile: EnvironmentProfile): { readonly argoCd: string } & Partial<Record<Exclude<AddOnName, 'argoCd'>, string>> {
  return {
    argoCd: profile.argo.namespace,
    ...(profile.delivery === 'progressive' ? { argoRollouts: profile.argo.rolloutsController.namespace } : {}),
    ...(profile.monitoring ? { kubePrometheusStack: profile.monitoring.namespace } : {}),
    ...(profile.ingress.kind === 'nginx' ? { nginxIngress: profile.ingress.controllerNamespace } : {}),
  };
}

/** The platform's own namespaces in this profile, each once, in the add-ons' order. */
export const platformNamespaces = (profile: EnvironmentProfile): string[] => [...new Set(Object.values(addOnNamespaces(profile)))];
