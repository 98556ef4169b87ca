/**
 * Where a service's secret variables (the `secret` ones of its environment contract, see
 * environment.ts) reach its pods: one Kubernetes Secret per service, synced from Key Vault by the
 * CSI driver in prod and created by the dev bootstrap script in dev. gitops/ holds names and
 * references, never a value.
 */
import { workloadName, type ServiceSpec } from '@tripgen/catalog';

/** Name of the Kubernetes Secret holding a service's secrets (synced by the CSI driver in prod). */
export const secretName = (s: ServiceSpec): string => `${workloadName(s.name)}-secrets`;
