/**
 * What a first deployment into an empty subscription needs (issue 12), beyond the per-resource
 * rules: the documented network flows one by one, and the two-phase edge certificate.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_ROLES_SERVICE_ACCOUNT, K8S_NAMESPACE } from '@tripgen/catalog';
import { BICEP_SOURCES, bicepBin, INFRA_DIR, loadSnapshot, SNAPSHOT_CONTEXT, type Snapshot } from '../lib/bicep.ts';
import { NetworkModel } from '../lib/nsg.ts';
import { ofType, prop } from '../lib/props.ts';
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

describe('edge certificate: the first deployment cannot refer to a certificate in the vault it creates', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tripgen-phase1-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('phase 2 (the committed prod snapshot) serves the vault\'s certificate: it cannot be the first run', () => {
    expect(certificateInNewVault(prod).length).toBeGreaterThan(0);
  });

  it('phase 1 (TRIPGEN_EDGE_CERTIFICATE_IN_VAULT=false) creates the vault and no gateway that refers to it', async () => {
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
      { cwd: scratch, env: { ...process.env, TRIPGEN_EDGE_CERTIFICATE_IN_VAULT: 'false' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const phase1 = JSON.parse(readFileSync(path.join(scratch, 'env', 'prod.snapshot.json'), 'utf8')) as Snapshot;
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
