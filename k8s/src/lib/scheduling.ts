/** Where pods run, written once for every workload: zone and node spread, the profile's tolerations. */
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { EnvironmentProfile } from '../config/profile.ts';

/**
 * Replicas spread over zones, then nodes. Hard across zones where there are two or more replicas:
 * ScheduleAnyway lets them all land in one zone, and a zone outage then takes the workload down
 * (issue 12; AKS availability zones: "use whenUnsatisfiable: DoNotSchedule"). Soft across nodes
 * (fewer nodes than replicas is normal).
 */
export const zoneSpread = (selector: Readonly<Record<string, string>>, replicas: number): ITopologySpreadConstraint[] =>
  (['topology.kubernetes.io/zone', 'kubernetes.io/hostname'] as const).map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: topologyKey === 'topology.kubernetes.io/zone' && replicas >= 2 ? 'DoNotSchedule' : 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...selector } },
  }));

/** The profile's tolerations as a pod-spec fragment (absent when there are none). */
export const tolerationsOf = (profile: EnvironmentProfile): { tolerations?: IToleration[] } =>
  profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {};
