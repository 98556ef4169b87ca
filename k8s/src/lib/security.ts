/**
 * Pod Security Standards "restricted" plus the kube-score/kube-linter extras
 * (k8s/docs/manifest-rules.md rules 5-9): cdk8s-plus sets none of runAsUser/runAsGroup,
 * seccomp or the capability drop, so every pod and container here takes them from this file.
 */
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';

/** Non-root ids >= 10000 (kube-score container-security-context-user-group-id). */
export const DEFAULT_UID = 10001;

export const podSecurityContext = (uid: number = DEFAULT_UID): IPodSecurityContext => ({
  runAsNonRoot: true,
  runAsUser: uid,
  runAsGroup: uid,
  fsGroup: uid,
  fsGroupChangePolicy: 'OnRootMismatch',
  seccompProfile: { type: 'RuntimeDefault' },
});

export const containerSecurityContext = (uid: number = DEFAULT_UID): ISecurityContext => ({
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: uid,
  runAsGroup: uid,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
});
