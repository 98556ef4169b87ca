/**
 * The identity GitHub Actions signs in as (modules/ci-identity.bicep), per environment: one
 * user-assigned identity, one federated credential that trusts only this repository's GitHub
 * environment of the same name, and exactly the registry roles its delivery step needs: dev pushes
 * what CI built (AcrPush on the dev registry); prod imports what dev runs (Container Registry Data
 * Importer and Data Reader on the prod registry and on the dev registry it imports from). Nothing more: every
 * role assignment whose principal is the CI identity is listed below, and a broken copy of each
 * snapshot (an extra role, a wider subject, a missing grant) fails.
 */
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, loadSnapshot, type Env, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

const ROLES = {
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  acrImporter: '577a9874-89fd-4f24-9dbd-b5034d0ad23a',
} as const;
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const REPOSITORY = 'tripgen/tripgen';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
/** The registry an environment's own snapshot creates (its name carries the environment's global suffix). */
const registryId = (env: Env): string => {
  const ids = ofType(loadSnapshot(env).predictedResources, 'Microsoft.ContainerRegistry/registries').map((r) => r.id);
  if (ids.length !== 1) throw new Error(`${env}: expected one registry, found ${ids.length}`);
  return ids[0]!;
};

/** Role and scope of every grant the CI identity of `env` must hold, and nothing else. */
const EXPECTED: Record<Env, { role: string; scope: string }[]> = {
  dev: [{ role: ROLES.acrPush, scope: registryId('dev') }],
  prod: [
    { role: ROLES.acrImporter, scope: registryId('prod') },
    { role: ROLES.acrImporter, scope: registryId('dev') },
  ],
};

const identityId = (env: Env) => `${SUB}/resourceGroups/rg-tripgen-${env}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ci-tripgen-${env}`;
const isCiPrincipal = (env: Env, principal: unknown) => String(principal).includes(`'${identityId(env)}'`);

/** Everything that deviates from the expected CI access of `env`, as messages (empty: as expected). */
function ciAccessProblems(s: Snapshot, env: Env): string[] {
  const problems: string[] = [];
  const identities = ofType(s.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities').filter((r) => r.id === identityId(env));
  if (identities.length !== 1) problems.push(`expected one identity id-ci-tripgen-${env}, found ${identities.length}`);

  const credentials = ofType(s.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').filter((r) =>
    r.id.startsWith(`${identityId(env)}/`),
  );
  if (credentials.length !== 1) problems.push(`expected one federated credential, found ${credentials.length}`);
  for (const c of credentials) {
    if (prop(c, 'properties.issuer') !== GITHUB_ISSUER) problems.push(`${c.name}: issuer ${String(prop(c, 'properties.issuer'))}`);
    const subject = `repo:${REPOSITORY}:environment:${env}`;
    if (prop(c, 'properties.subject') !== subject) problems.push(`${c.name}: subject ${String(prop(c, 'properties.subject'))}, expected ${subject}`);
    if (JSON.stringify(prop(c, 'properties.audiences')) !== '["api://AzureADTokenExchange"]') problems.push(`${c.name}: audiences`);
  }

  const grants = ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments')
    .filter((a) => isCiPrincipal(env, prop(a, 'properties.principalId')))
    .map((a) => ({
      role: String(prop(a, 'properties.roleDefinitionId')).split('/').at(-1)!,
      scope: a.id.split('/providers/Microsoft.Authorization/')[0]!,
    }));
  const key = (g: { role: string; scope: string }) => `${g.role} on ${g.scope}`;
  const want = EXPECTED[env].map(key).sort();
  const have = grants.map(key).sort();
  for (const g of have.filter((g) => !want.includes(g))) problems.push(`unexpected grant: ${g}`);
  for (const g of want.filter((g) => !have.includes(g))) problems.push(`missing grant: ${g}`);

  // az acr import into a registry whose public network access is disabled goes through the
  // trusted-services bypass (Azure docs, "Import container images", network-restricted registries).
  const target = ofType(s.predictedResources, 'Microsoft.ContainerRegistry/registries').find((r) => r.id === registryId(env));
  if (!target) problems.push(`no registry ${registryId(env)}`);
  else if (prop(target, 'properties.publicNetworkAccess') === 'Disabled' && prop(target, 'properties.networkRuleBypassOptions') !== 'AzureServices') {
    problems.push(`${target.name}: public access disabled without the trusted-services bypass az acr import needs`);
  }
  return problems;
}

describe.each(ENVIRONMENTS)('%s: the CI identity', (env) => {
  const snapshot = loadSnapshot(env);

  it('is one identity, federated only with this repository\'s GitHub environment, holding exactly the registry roles its delivery needs', () => {
    expect(ciAccessProblems(snapshot, env)).toEqual([]);
  });

  it('hands its client id over to the workflows (output ciIdentityClientId), with the registry name and subscription', () => {
    expect(String(snapshot.outputs.ciIdentityClientId)).toContain(`'${identityId(env)}'`);
    expect(String(snapshot.outputs.ciIdentityClientId)).toMatch(/\)\.clientId\]$/);
    expect(`${SUB}/resourceGroups/rg-tripgen-${env}/providers/Microsoft.ContainerRegistry/registries/${String(snapshot.outputs.acrName)}`).toBe(registryId(env));
    expect(snapshot.outputs.subscriptionId).toBe('00000000-0000-0000-0000-000000000000');
  });

  describe('fails on a copy of the snapshot broken for it', () => {
    const broken = (mutate: (s: Snapshot) => void): string[] => {
      const copy = structuredClone(snapshot);
      mutate(copy);
      return ciAccessProblems(copy, env);
    };
    const ciGrant = (s: Snapshot) =>
      ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments').find((a) => isCiPrincipal(env, prop(a, 'properties.principalId')))!;
    const credential = (s: Snapshot) => ofType(s.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').find((r) => r.id.startsWith(`${identityId(env)}/`))!;

    it('an extra role (Contributor on the resource group)', () => {
      expect(
        broken((s) => {
          const extra = structuredClone(ciGrant(s));
          extra.id = `${SUB}/resourceGroups/rg-tripgen-${env}/providers/Microsoft.Authorization/roleAssignments/extra`;
          setProp(extra, 'properties.roleDefinitionId', `${SUB}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`);
          s.predictedResources.push(extra);
        }),
      ).toContain(`unexpected grant: b24988ac-6180-42a0-ab88-20f7382dd24c on ${SUB}/resourceGroups/rg-tripgen-${env}`);
    });

    it('a wider registry role (Owner instead of the one it needs)', () => {
      expect(broken((s) => setProp(ciGrant(s), 'properties.roleDefinitionId', `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`)).join()).toMatch(/unexpected grant: 8e3af657.*missing grant/);
    });

    it('a missing grant', () => {
      expect(broken((s) => (s.predictedResources = s.predictedResources.filter((r) => r !== ciGrant(s)))).join()).toMatch(/missing grant/);
    });

    it('a subject that trusts a branch instead of the environment, or another repository', () => {
      expect(broken((s) => setProp(credential(s), 'properties.subject', `repo:${REPOSITORY}:ref:refs/heads/main`)).join()).toMatch(/subject/);
      expect(broken((s) => setProp(credential(s), 'properties.subject', `repo:someone/fork:environment:${env}`)).join()).toMatch(/subject/);
    });

    it('another issuer, or a second credential', () => {
      expect(broken((s) => setProp(credential(s), 'properties.issuer', 'https://oidc.example.invalid')).join()).toMatch(/issuer/);
      expect(broken((s) => s.predictedResources.push({ ...structuredClone(credential(s)), id: `${identityId(env)}/federatedIdentityCredentials/second` })).join()).toMatch(/one federated credential/);
    });
  });
});

it('prod imports into a private registry only through the trusted-services bypass (shown failing without it)', () => {
  const prod = loadSnapshot('prod');
  const registry = ofType(prod.predictedResources, 'Microsoft.ContainerRegistry/registries').find((r) => r.id === registryId('prod'))!;
  expect(prop(registry, 'properties.publicNetworkAccess')).toBe('Disabled');
  const copy = structuredClone(prod);
  setProp(ofType(copy.predictedResources, 'Microsoft.ContainerRegistry/registries').find((r) => r.id === registryId('prod'))!, 'properties.networkRuleBypassOptions', 'None');
  expect(ciAccessProblems(copy, 'prod').join()).toMatch(/trusted-services bypass/);
});
