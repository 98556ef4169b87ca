/**
 * What a first deployment into an empty subscription needs (issue 12), beyond the per-resource
 * rules: the documented network flows one by one, and the two-phase edge certificate.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_ROLES_SERVICE_ACCOUNT, K8S_NAMESPACE } from '@tripgen/catalog';
import { BICEP_SOURCES, bicepBin, type Env, ENVIRONMENTS, INFRA_DIR, loadSnapshot, REPO_DIR, SNAPSHOT_CONTEXT, type Snapshot } from '../lib/bicep.ts';
import { NetworkModel } from '../lib/nsg.ts';
import { asArray, ofType, prop } from '../lib/props.ts';
import { addressesOf, DOCUMENTED_FLOWS } from './rules/flows.ts';

const prod = loadSnapshot('prod');

describe('each NSG flow a service documents passes, and what the seed forbids is stopped (prod)', () => {
  const net = new NetworkModel(prod);
  const addresses = addressesOf(prod);
  it.each(DOCUMENTED_FLOWS.map((f) => [`${f.name} [${f.source}]`, f] as const))('%s', (_name, f) => {
    const { flow, via } = f.flow(addresses);
    const verdict = net.evaluate(flow, via);
    expect(verdict.allowed, verdict.decidedBy.join(', ')).toBe(f.allowed);
  });

  it('the node NSG as it was before (node subnet to node subnet, then deny) drops pod-to-pod DNS: the evaluator sees the broken form', () => {
    const broken = structuredClone(prod);
    const nsg = ofType(broken.predictedResources, 'Microsoft.Network/networkSecurityGroups').find((n) => n.name.startsWith('nsg-app-'))!;
    const rules = prop(nsg, 'properties.securityRules') as { name: string; properties: Record<string, unknown> }[];
    const cluster = rules.find((r) => r.name === 'AllowClusterInbound')!;
    cluster.properties = { ...cluster.properties, sourceAddressPrefixes: ['10.0.1.0/24'], destinationAddressPrefixes: ['10.0.1.0/24'] };
    const dns = DOCUMENTED_FLOWS.find((f) => f.name.includes('CoreDNS'))!.flow(addresses);
    expect(new NetworkModel(broken).evaluate(dns.flow, dns.via).allowed).toBe(false);
  });
});

/** Gateways that refer to a Key Vault secret (certificate) of a vault this same deployment creates. */
const certificateInNewVault = (s: Snapshot): string[] => {
  const vaults = ofType(s.predictedResources, 'Microsoft.KeyVault/vaults').map((v) => v.name.toLowerCase());
  return ofType(s.predictedResources, 'Microsoft.Network/applicationGateways').flatMap((g) =>
    (prop(g, 'properties.sslCertificates') as unknown[] | undefined ?? [])
      .map((c) => String(prop(c, 'properties.keyVaultSecretId')))
      .filter((id) => vaults.some((v) => id.toLowerCase().includes(v)))
      .map((id) => `${g.name} -> ${id}`),
  );
};

/** prod's snapshot with the deployment's environment variables set as an operator sets them for a run (the real CLI). */
const prodSnapshotWith = async (scratch: string, vars: Record<string, string>): Promise<Snapshot> => {
  for (const entry of BICEP_SOURCES) {
    cpSync(path.join(INFRA_DIR, entry), path.join(scratch, entry), { recursive: true });
  }
  await promisify(execFile)(
    bicepBin(),
    [
      'snapshot', 'env/prod.bicepparam', '--mode', 'overwrite',
      '--tenant-id', SNAPSHOT_CONTEXT.tenantId,
      '--subscription-id', SNAPSHOT_CONTEXT.subscriptionId,
      '--location', SNAPSHOT_CONTEXT.location,
      '--deployment-name', SNAPSHOT_CONTEXT.deploymentName('prod'),
    ],
    { cwd: scratch, env: { ...process.env, ...vars }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(readFileSync(path.join(scratch, 'env', 'prod.snapshot.json'), 'utf8')) as Snapshot;
};

describe('edge certificate: the first deployment cannot refer to a certificate in the vault it creates', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tripgen-phase1-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('phase 2 (the committed prod snapshot) serves the vault\'s certificate: it cannot be the first run', () => {
    expect(certificateInNewVault(prod).length).toBeGreaterThan(0);
  });

  it('phase 1 (TRIPGEN_EDGE_CERTIFICATE_IN_VAULT=false) creates the vault and no gateway that refers to it', async () => {
    const phase1 = await prodSnapshotWith(scratch, { TRIPGEN_EDGE_CERTIFICATE_IN_VAULT: 'false' });
    expect(ofType(phase1.predictedResources, 'Microsoft.KeyVault/vaults')).toHaveLength(1);
    expect(ofType(phase1.predictedResources, 'Microsoft.Network/applicationGateways')).toEqual([]);
    expect(certificateInNewVault(phase1)).toEqual([]);
    // Everything else is there: the gateway is the only thing phase 2 adds.
    const types = (s: Snapshot) => new Set(s.predictedResources.map((r) => r.type.toLowerCase()));
    const added = [...types(prod)].filter((t) => !types(phase1).has(t)).sort();
    expect(added).toEqual(['microsoft.network/applicationgateways', 'microsoft.network/applicationgatewaywebapplicationfirewallpolicies']);
    // The gateway's identity and its Key Vault grant are already there: a role assignment takes
    // minutes to take effect, and a gateway created seconds after its grant cannot read the
    // certificate. Phase 2 creates the gateway with the identity phase 1 granted.
    const gatewayIdentities = ofType(prod.predictedResources, 'Microsoft.Network/applicationGateways').flatMap((g) =>
      Object.keys((prop(g, 'identity.userAssignedIdentities') as Record<string, unknown> | undefined) ?? {}).map((id) => id.toLowerCase()),
    );
    expect(gatewayIdentities).toHaveLength(1);
    const ids = (s: Snapshot) => new Set(s.predictedResources.map((r) => r.id.toLowerCase()));
    expect(ids(phase1).has(gatewayIdentities[0]!)).toBe(true);
    const vaultGrants = (s: Snapshot) =>
      ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments')
        .filter((a) => a.id.toLowerCase().includes('/providers/microsoft.keyvault/vaults/') && String(prop(a, 'properties.description')).includes('Application Gateway'))
        .map((a) => a.id.toLowerCase());
    expect(vaultGrants(prod)).toHaveLength(1);
    expect(vaultGrants(phase1)).toEqual(vaultGrants(prod));
    // A role assignment scoped to one secret needs that secret when ARM creates it: in phase 1 the
    // operator's secrets (step 5) are not written yet, so every secret-scoped grant is on a secret
    // this deployment writes itself; phase 2 adds the grants on the operator's.
    const secretGrants = (s: Snapshot) =>
      ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments')
        .map((a) => /\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\/secrets\/([^/]+)\/providers\//i.exec(a.id)?.[1])
        .filter((n): n is string => n !== undefined);
    const written = ofType(phase1.predictedResources, 'Microsoft.KeyVault/vaults/secrets').map((r) => r.name.split('/')[1]!);
    expect(secretGrants(phase1).length).toBeGreaterThan(0);
    expect(secretGrants(phase1).filter((n) => !written.includes(n))).toEqual([]);
    expect(new Set(secretGrants(prod))).toEqual(new Set([...written, 'tripgen-tls', 'user-jwt-signing-key', 'address-hash-key']));
  });
});

describe('Service Bus geo-DR: a run after the first leaves the paired secondary alone', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tripgen-paired-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('with TRIPGEN_SERVICEBUS_DR_PAIRED=true (README step 6 and every redeployment) it sends no PUT of the secondary namespace or of the pairing, and keeps what refers to them', async () => {
    // Once paired, Service Bus answers a PUT of the secondary "Cannot update a namespace which is
    // secondary" (Azure/bicep-registry-modules#5981, Azure/azure-cli#10762).
    const paired = await prodSnapshotWith(scratch, { TRIPGEN_SERVICEBUS_DR_PAIRED: 'true' });
    const secondaryOf = (s: Snapshot) => s.predictedResources.filter((r) => r.type.toLowerCase().startsWith('microsoft.servicebus/namespaces') && r.name.split('/')[0]!.endsWith('-dr'));
    const pairings = (s: Snapshot) => ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs');
    // The first run's (the committed snapshot) creates both.
    expect([secondaryOf(prod).length, pairings(prod).length]).toEqual([expect.any(Number), 1]);
    expect(secondaryOf(prod).length).toBeGreaterThan(0);
    expect([secondaryOf(paired), pairings(paired)]).toEqual([[], []]);
    // Only those are left out: the secondary's private endpoint and its grants (they refer to its id) stay.
    const ids = (s: Snapshot) => new Set(s.predictedResources.map((r) => r.id.toLowerCase()));
    const dropped = [...ids(prod)].filter((id) => !ids(paired).has(id));
    expect(dropped.filter((id) => !id.includes('/microsoft.servicebus/namespaces/'))).toEqual([]);
    expect([...ids(paired)].filter((id) => !ids(prod).has(id))).toEqual([]);
    expect(ofType(paired.predictedResources, 'Microsoft.Network/privateEndpoints').map((e) => e.name)).toContain('pe-sb-dr-tripgen-prod');
    expect(paired.outputs).toEqual(prod.outputs);
  });
});

describe('PostgreSQL Entra-only: an identity that can create the services\' roles', () => {
  it('the database-roles identity is federated with the catalog\'s service account and is a server administrator', () => {
    const federations = ofType(prod.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').filter((f) =>
      f.name.startsWith('id-tripgen-dbroles-prod/'),
    );
    expect(federations.map((f) => prop(f, 'properties.subject'))).toEqual([`system:serviceaccount:${K8S_NAMESPACE}:${POSTGRES_ROLES_SERVICE_ACCOUNT}`]);
    const admins = ofType(prod.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers/administrators').filter(
      (a) => prop(a, 'properties.principalName') === 'id-tripgen-dbroles-prod',
    );
    expect(admins.map((a) => prop(a, 'properties.principalType'))).toEqual(['ServicePrincipal']);
  });
});

/**
 * The README's "From an empty subscription to a serving prod" table, step by step: what the engineer
 * runs on a first deployment must agree with the code (parameter files, deployment names, regions)
 * and must provide, before the step that needs it, what the deployment or the cluster reads without
 * creating: another environment's resource group, Key Vault secrets, provider registrations, quota.
 */
const steps: readonly { readonly n: number; readonly text: string }[] = (() => {
  const readme = readFileSync(path.join(INFRA_DIR, 'README.md'), 'utf8');
  const section = readme.split('## From an empty subscription to a serving prod')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| (\d+) \| (.*)$/gm)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
})();
const stepOf = (what: string, pattern: RegExp): number => {
  const step = steps.find((s) => pattern.test(s.text));
  if (step === undefined) throw new Error(`no README step ${what} (${pattern})`);
  return step.n;
};
/** Each `az deployment sub create` of the steps: its step, deployment name, region and parameter file. */
const deployments = steps.flatMap((s) =>
  [...s.text.matchAll(/az deployment sub create ([^`]*)/g)].map((m) => {
    const flag = (f: string) => new RegExp(`(?:^|\\s)${f} (\\S+)`).exec(m[1]!)?.[1];
    return { step: s.n, name: flag('-n'), location: flag('-l'), template: flag('-f'), params: flag('-p') };
  }),
);
const firstProdDeployment = () => Math.min(...deployments.filter((d) => d.name === SNAPSHOT_CONTEXT.deploymentName('prod')).map((d) => d.step));

describe('the README\'s first-deployment steps agree with the code and come in an order that works', () => {
  it('every deployment command names an existing parameter file, its environment\'s deployment name and the profile\'s region', () => {
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      const env = /^env\/(\w+)\.bicepparam$/.exec(d.params ?? '')?.[1] as Env | undefined;
      expect(env, JSON.stringify(d)).toBeDefined();
      expect(existsSync(path.join(INFRA_DIR, d.params!)), d.params).toBe(true);
      expect(d.template).toBe('main.bicep');
      expect(d.name).toBe(SNAPSHOT_CONTEXT.deploymentName(env!));
      const rg = ofType(loadSnapshot(env!).predictedResources, 'Microsoft.Resources/resourceGroups')[0]!;
      expect(d.location).toBe(rg.location);
    }
  });

  it('every resource group prod deploys into without creating it is created by an earlier step (dev\'s registry, which prod imports from)', () => {
    const created = new Set(ofType(prod.predictedResources, 'Microsoft.Resources/resourceGroups').map((g) => g.name.toLowerCase()));
    const foreign = [...new Set(prod.predictedResources.flatMap((r) => /\/resourcegroups\/([^/]+)\//i.exec(r.id)?.[1]?.toLowerCase() ?? []))].filter((g) => !created.has(g));
    expect(foreign).toEqual(['rg-tripgen-dev']);
    for (const group of foreign) {
      const env = ENVIRONMENTS.find((e) => ofType(loadSnapshot(e).predictedResources, 'Microsoft.Resources/resourceGroups').some((g) => g.name.toLowerCase() === group));
      expect(env, `${group}: no environment creates it`).toBeDefined();
      const before = deployments.filter((d) => d.name === SNAPSHOT_CONTEXT.deploymentName(env!) && d.step < firstProdDeployment());
      expect(before, `${group} (${env}) is deployed before prod's first deployment`).not.toEqual([]);
    }
  });

  it('every Key Vault secret a prod pod mounts is written by the deployment or by a step before Argo CD starts the pods', () => {
    const mounted = readdirSync(path.join(REPO_DIR, 'gitops', 'prod'), { recursive: true, encoding: 'utf8' })
      .filter((f) => path.basename(f).startsWith('SecretProviderClass.'))
      .flatMap((f) => [...readFileSync(path.join(REPO_DIR, 'gitops', 'prod', f), 'utf8').matchAll(/objectName: (\S+)\s+objectType: (secret|cert)/g)].map((m) => m[1]!));
    expect(mounted).toContain('user-jwt-signing-key');
    const byDeployment = ofType(prod.predictedResources, 'Microsoft.KeyVault/vaults/secrets').map((s) => s.name.split('/')[1]!);
    const argoCd = stepOf('bootstrapping Argo CD', /kubectl apply/);
    const byStep = steps
      .filter((s) => s.n < argoCd)
      .flatMap((s) => [...s.text.matchAll(/az keyvault (?:secret set|certificate import) [^`]*-n (\S+)/g)].map((m) => m[1]!));
    expect([...new Set(mounted)].filter((name) => !byDeployment.includes(name) && !byStep.includes(name))).toEqual([]);
  });

  it('prod\'s images are in prod\'s registry before the first prod sync: promote-prod runs after the prod hand-over and before Argo CD syncs', () => {
    // CI pushes only commit-SHA tags, to dev's registry (README "How a change ships", step 4); prod's
    // registry receives images and prod's tag only from promote-prod.yml. Until then gitops/prod names
    // the initial tag, which no registry holds: every pod and each service's migration Job (a Sync hook
    // holding its Application's sync) would stay in ImagePullBackOff.
    const handOver = stepOf('saving prod\'s outputs', /bicep-outputs\.sh prod/);
    const promote = stepOf('promoting dev\'s images to prod', /promote-prod\.yml/);
    const firstSync = stepOf('the first prod sync', /argocd app sync/);
    expect(handOver).toBeLessThan(promote);
    expect(promote).toBeLessThan(firstSync);
  });

  it('the providers of what the cluster creates outside the template are registered before the first deployment', () => {
    // A deployment registers the providers of the resource types in its template; a provider that only
    // a resource's own add-on uses must be registered by hand (learn.microsoft.com: resource providers
    // and types, "supporting resources that aren't in the template").
    const ADDON_PROVIDERS: Readonly<Record<string, string>> = {
      // Azure Policy for Kubernetes: register Microsoft.PolicyInsights (azure/governance/policy/concepts/policy-for-kubernetes).
      azurepolicy: 'Microsoft.PolicyInsights',
    };
    const addons = ofType(prod.predictedResources, 'Microsoft.ContainerService/managedClusters').flatMap((c) =>
      Object.entries((prop(c, 'properties.addonProfiles') as Record<string, { enabled?: boolean }>) ?? {}).filter(([, a]) => a.enabled === true).map(([name]) => name),
    );
    const needed = addons.flatMap((a) => ADDON_PROVIDERS[a] ?? []);
    expect(needed).toEqual(['Microsoft.PolicyInsights']);
    const registered = steps.filter((s) => s.n < firstProdDeployment()).flatMap((s) => [...s.text.matchAll(/az provider register -n (\S+?)`/g)].map((m) => m[1]!));
    expect(needed.filter((p) => !registered.includes(p))).toEqual([]);
  });

  it('the vCPU quota the README asks for covers every node pool of dev and prod at its maximum, with its upgrade surge', () => {
    // vCPUs and quota family of each VM size the profiles use (learn.microsoft.com/azure/virtual-machines/sizes).
    const SIZES: Readonly<Record<string, { vcpus: number; family: string }>> = {
      Standard_D2s_v3: { vcpus: 2, family: 'Standard DSv3 Family vCPUs' },
      Standard_D4s_v3: { vcpus: 4, family: 'Standard DSv3 Family vCPUs' },
      Standard_B2s: { vcpus: 2, family: 'Standard BS Family vCPUs' },
    };
    const need = new Map<string, number>();
    const add = (quota: string, n: number) => need.set(quota, (need.get(quota) ?? 0) + n);
    for (const env of ENVIRONMENTS) {
      for (const cluster of ofType(loadSnapshot(env).predictedResources, 'Microsoft.ContainerService/managedClusters')) {
        for (const pool of asArray(prop(cluster, 'properties.agentPoolProfiles'))) {
          const size = SIZES[String(prop(pool, 'vmSize'))];
          expect(size, String(prop(pool, 'vmSize'))).toBeDefined();
          const nodes = Number(prop(pool, 'maxCount') ?? prop(pool, 'count'));
          // An upgrade adds maxSurge nodes first (a percentage rounds up); spot pools here take none.
          const surge = String(prop(pool, 'upgradeSettings.maxSurge') ?? '');
          const extra = surge.endsWith('%') ? Math.ceil((nodes * Number(surge.slice(0, -1))) / 100) : Number(surge || 0);
          const vcpus = (nodes + extra) * size!.vcpus;
          if (prop(pool, 'scaleSetPriority') === 'Spot') add('Total Regional Spot vCPUs', vcpus);
          else {
            add(size!.family, vcpus);
            add('Total Regional vCPUs', vcpus);
          }
        }
      }
    }
    const quotaStep = steps.find((s) => /quota/i.test(s.text))?.text ?? '';
    const asked = Object.fromEntries([...quotaStep.matchAll(/\*\*([A-Za-z0-9 ]+vCPUs): (\d+)\*\*/g)].map((m) => [m[1]!, Number(m[2])]));
    for (const [quota, vcpus] of need) expect(asked[quota] ?? 0, quota).toBeGreaterThanOrEqual(vcpus);
  });
});
