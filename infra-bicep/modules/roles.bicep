// Built-in Azure role definition ids (the same in every tenant), written once and imported by every
// module that grants one: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles.
// A mistyped id compiles and snapshots cleanly and fails only in Azure (RoleDefinitionDoesNotExist);
// the rule TripGen.RBAC.BuiltInRoleIds (test/rules) checks every grant of every snapshot against Microsoft's list.

@export()
@description('Built-in role definition ids by role.')
var builtInRoles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec'
  // Container Registry Data Importer and Data Reader (az acr import).
  acrImporter: '577a9874-89fd-4f24-9dbd-b5034d0ad23a'
  // Contributor (the cluster start/stop workflows: no narrower built-in role has start/stop/action).
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}
