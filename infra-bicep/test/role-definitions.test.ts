/**
 * The nodes pull the services' images from the environment's registry with the kubelet identity's
 * grant: checked by role and scope. That every grant names a built-in role that exists is the rule
 * TripGen.RBAC.BuiltInRoleIds (test/rules), against Microsoft's list:
 * https://learn.microsoft.com/azure/role-based-access-control/built-in-roles.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_FILES, loadSnapshot, type Snapshot, type SnapshotResource } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';
import { BUILT_IN_ROLE_IDS } from './rules/rules.ts';

/** AcrPull's id, from the rules' list of built-in roles (the reference's, not roles.bicep's). */
const ACR_PULL = [...BUILT_IN_ROLE_IDS].find(([, name]) => name === 'AcrPull')![0];
const ACR_PUSH = [...BUILT_IN_ROLE_IDS].find(([, name]) => name === 'AcrPush')![0];

const roleIdOf = (assignment: SnapshotResource): string => String(prop(assignment, 'properties.roleDefinitionId')).split('/').at(-1)!;

/** The kubelet identity's grants on the registry: AcrPull and nothing else. */
const kubeletPullProblems = (s: Snapshot): string[] => {
  const registries = ofType(s.predictedResources, 'Microsoft.ContainerRegistry/registries').map((r) => r.id);
  const grants = ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments').filter((a) =>
    String(prop(a, 'properties.principalId')).includes('identityProfile.kubeletidentity.objectId'),
  );
  const onRegistry = grants.filter((a) => registries.some((r) => a.id.startsWith(`${r}/`)));
  if (onRegistry.length !== 1) return [`expected one kubelet grant on the registry, found ${onRegistry.length}`];
  const role = roleIdOf(onRegistry[0]!);
  return role === ACR_PULL ? [] : [`the kubelet's grant on the registry is role ${role}, not AcrPull (${ACR_PULL})`];
};

describe.each(PARAM_FILES)('%s', (file) => {
  const snapshot = loadSnapshot(file);

  it('lets the nodes pull from the registry (the kubelet identity holds AcrPull on it)', () => {
    expect(kubeletPullProblems(snapshot)).toEqual([]);
  });

  it('fails on a copy whose kubelet grant on the registry is another role', () => {
    const copy = structuredClone(snapshot);
    const kubelet = ofType(copy.predictedResources, 'Microsoft.Authorization/roleAssignments').find((a) =>
      String(prop(a, 'properties.principalId')).includes('identityProfile.kubeletidentity.objectId'),
    )!;
    setProp(kubelet, 'properties.roleDefinitionId', `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${ACR_PUSH}`);
    expect(kubeletPullProblems(copy).join()).toMatch(/not AcrPull/);
  });
});
