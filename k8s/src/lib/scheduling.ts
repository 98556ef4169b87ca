/** Where pods run, written once for every workload: zone and node spread, the profile's tolerations. */
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { EnvironmentProfile } from '../config/profile.ts';

/**
 * The pod label naming a pod's revision, per workload kind: the Deployment controller's
 * (`pod-template-hash`) and Argo Rollouts' (`rollouts-pod-template-hash`, which it stamps instead).
 */
export const REVISION_LABEL = { Deployment: 'pod-template-hash', Rollout: 'rollouts-pod-template-hash' } as const;
export type RevisionedKind = keyof typeof REVISION_LABEL;

/**
 * Replicas spread over zones, then nodes. Hard across zones where there are two or more replicas:
 * ScheduleAnyway lets them all land in one zone, and a zone outage then takes the workload down
 * (issue 12; AKS availability zones: "use whenUnsatisfiable: DoNotSchedule"). Soft across nodes
 * (fewer nodes than replicas is normal).
 *
 * Counted per revision (`matchLabelKeys`, KEP-3243 "Respect PodTopologySpread after rolling
 * upgrades"): during an update the old revision's pods match the selector too, so the new pods
 * were placed to even out old + new. Two old pods in zones 1 and 2 force the first new pod into
 * zone 3 and let the second join it; once the old ones are gone both replicas share one zone
 * (with one workload node per zone, one node) until the next update.
 */
export const zoneSpread = (selector: Readonly<Record<string, string>>, replicas: number, kind: RevisionedKind): ITopologySpreadConstraint[] =>
  (['topology.kubernetes.io/zone', 'kubernetes.io/hostname'] as const).map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: topologyKey === 'topology.kubernetes.io/zone' && replicas >= 2 ? 'DoNotSchedule' : 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...selector } },
    matchLabelKeys: [REVISION_LABEL[kind]],
  }));

/**
 * Pods of one workload a voluntary disruption (kubectl drain, a node upgrade: the eviction API) may
 * take at once: its PodDisruptionBudget's maxUnavailable.
 */
export const DISRUPTION_MAX_UNAVAILABLE = 1;

/** The profile's tolerations as a pod-spec fragment (absent when there are none). */
export const tolerationsOf = (profile: EnvironmentProfile): { tolerations?: IToleration[] } =>
  profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {};
