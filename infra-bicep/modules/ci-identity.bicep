// The identity GitHub Actions signs in as for one environment (OIDC: no stored secret), and the
// one registry role it needs there:
// - an environment CI builds for (no promotesFrom): AcrPush on its registry (push the scanned images);
// - an environment that copies images from another (promotesFrom): Container Registry Data Importer
//   and Data Reader on its registry (az acr import is a control-plane operation the registry performs
//   itself, so it reaches a registry whose public network access is disabled, through the trusted
//   services bypass), and AcrPull on the source registry (read the digests dev runs, let the import
//   read them); that grant lives in the source's resource group (ci-source-registry.bicep).
// The federated credential trusts only jobs of the repository's GitHub environment of that name,
// whose protection rules (required reviewers, main only) decide who may run them.

import { builtInRoles as roles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('GitHub repository, owner/name.')
param githubRepository string

@description('GitHub environment whose jobs may sign in as this identity.')
param githubEnvironment string

@description('Name of this environment\'s container registry.')
param acrName string

@description('Resource group and name of the registry images are imported from; empty when CI pushes here.')
param source { resourceGroup: string, acrName: string }?

var imports = source != null

resource ci 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-ci-tripgen-${envName}'
  location: location
  tags: tags
}

resource github 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  parent: ci
  name: 'github-${githubEnvironment}'
  properties: {
    // GitHub's OIDC issuer and the subject it gives a job that runs in an environment.
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:${githubRepository}:environment:${githubEnvironment}'
    audiences: ['api://AzureADTokenExchange']
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  name: acrName
}

resource registryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, ci.id, imports ? roles.acrImporter : roles.acrPush)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', imports ? roles.acrImporter : roles.acrPush)
    principalId: ci.properties.principalId
    principalType: 'ServicePrincipal'
    description: imports ? 'CI imports the images ${envName} runs from ${source!.acrName}' : 'CI pushes the images it built and scanned'
  }
}

module sourceRegistry 'ci-source-registry.bicep' = if (imports) {
  name: 'ci-source-registry-${envName}'
  scope: resourceGroup(imports ? source!.resourceGroup : resourceGroup().name)
  params: {
    acrName: imports ? source!.acrName : acrName
    identityId: ci.id
    principalId: ci.properties.principalId
    // az acr import asks for Container Registry Data Importer and Data Reader on the source registry
    // as on the target (learn.microsoft.com/azure/container-registry/container-registry-import-images,
    // "same Microsoft Entra tenant"); AcrPull is not what it documents.
    roleId: roles.acrImporter
    purpose: 'CI of ${envName} reads the images it imports'
  }
}

@description('Client id of the CI identity (azure/login client-id).')
output clientId string = ci.properties.clientId
