/** Where pods run, written once for every workload: zone and node spread, the profile's tolerations. */
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { EnvironmentProfile } from '../config/profile.ts';

/** Replicas spread over zones, then nodes, as evenly as the scheduler can (never blocking a start). */
export const zoneSpread = (selector: Readonly<Record<string, string>>): ITopologySpreadConstraint[] =>
  ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...selector } },
  }));

/** The profile's tolerations as a pod-spec fragment (absent when there are none). */
export const tolerationsOf = (profile: EnvironmentProfile): { tolerations?: IToleration[] } =>
  profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {};
