// The Azure built-in roles TripGen assigns, by the ids Azure gives them in every tenant: written once
// here and imported by each module that grants one. A mistyped id is not a compile error; ARM refuses
// the assignment (RoleDefinitionDoesNotExist) in the middle of the deployment. Rule
// TripGen.RBAC.BuiltInRoleIds checks every assignment of the snapshots against the published ids
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).

@export()
@description('Built-in role definition ids (GUIDs), by role.')
var builtInRoles = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d' // AcrPull
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec' // AcrPush
  acrImporter: '577a9874-89fd-4f24-9dbd-b5034d0ad23a' // Container Registry Data Importer and Data Reader
  networkContributor: '4d97b98b-1d4f-4787-a291-c67834d212e7' // Network Contributor
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975' // Azure Event Hubs Data Sender
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  aksContributor: 'ed7f3fbd-7b88-4dd4-9017-9adb7ce333f8' // Azure Kubernetes Service Contributor Role
}
