/**
 * Every role assignment the deployment makes names a built-in role that exists, by the id Azure
 * gives it. A role definition id that names no role is accepted by `bicep build` and by the
 * snapshot, and fails only in Azure (RoleDefinitionDoesNotExist), so it is checked here against
 * Microsoft's list: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 * (the ids are the same in every tenant). The kubelet's pull grant is checked by role and scope: the
 * nodes pull the services' images from the environment's registry with it.
 */
import { describe, expect, it } from 'vitest';
import { PARAM_FILES, loadSnapshot, type Snapshot, type SnapshotResource } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

/** Built-in roles the templates grant, by name, as the built-in roles reference lists them. */
const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  'Container Registry Data Importer and Data Reader': '577a9874-89fd-4f24-9dbd-b5034d0ad23a',
  'Azure Kubernetes Service Contributor Role': 'ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8',
  'Network Contributor': '4d97b98b-1d4f-4787-a291-c67834d212e7',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Azure Service Bus Data Sender': '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39',
  'Azure Service Bus Data Receiver': '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0',
  'Azure Event Hubs Data Sender': '2b629674-e913-4c01-ae53-ef4638d8f975',
  'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
};
const KNOWN = new Set(Object.values(BUILT_IN_ROLES));

const roleIdOf = (assignment: SnapshotResource): string => String(prop(assignment, 'properties.roleDefinitionId')).split('/').at(-1)!;

/** Role assignments whose role definition id is no built-in role. */
const unknownRoles = (s: Snapshot): string[] =>
  ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments')
    .filter((a) => !KNOWN.has(roleIdOf(a)))
    .map((a) => `${a.id}: role ${roleIdOf(a)} is no built-in role`);

/** The kubelet identity's grants on the registry: AcrPull and nothing else. */
const kubeletPullProblems = (s: Snapshot): string[] => {
  const registries = ofType(s.predictedResources, 'Microsoft.ContainerRegistry/registries').map((r) => r.id);
  const grants = ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments').filter((a) =>
    String(prop(a, 'properties.principalId')).includes('identityProfile.kubeletidentity.objectId'),
  );
  const onRegistry = grants.filter((a) => registries.some((r) => a.id.startsWith(`${r}/`)));
  if (onRegistry.length !== 1) return [`expected one kubelet grant on the registry, found ${onRegistry.length}`];
  const role = roleIdOf(onRegistry[0]!);
  return role === BUILT_IN_ROLES.AcrPull ? [] : [`the kubelet's grant on the registry is role ${role}, not AcrPull (${BUILT_IN_ROLES.AcrPull})`];
};

describe.each(PARAM_FILES)('%s', (file) => {
  const snapshot = loadSnapshot(file);

  it('grants only built-in roles that exist', () => {
    expect(ofType(snapshot.predictedResources, 'Microsoft.Authorization/roleAssignments').length).toBeGreaterThan(0);
    expect(unknownRoles(snapshot)).toEqual([]);
  });

  it('lets the nodes pull from the registry (the kubelet identity holds AcrPull on it)', () => {
    expect(kubeletPullProblems(snapshot)).toEqual([]);
  });

  it('fails on a copy with a role id that names no role, or a kubelet grant of another role', () => {
    const copy = structuredClone(snapshot);
    const kubelet = ofType(copy.predictedResources, 'Microsoft.Authorization/roleAssignments').find((a) =>
      String(prop(a, 'properties.principalId')).includes('identityProfile.kubeletidentity.objectId'),
    )!;
    setProp(kubelet, 'properties.roleDefinitionId', '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/7f951dff-4ed0-4a54-8e7a-3e4b2d9c5b87');
    expect(unknownRoles(copy).join()).toMatch(/7f951dff-4ed0-4a54-8e7a-3e4b2d9c5b87 is no built-in role/);
    setProp(kubelet, 'properties.roleDefinitionId', `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.AcrPush}`);
    expect(kubeletPullProblems(copy).join()).toMatch(/not AcrPull/);
  });
});
