import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAzureOutputs, outputsFile, parseAzureOutputs } from '../src/config/azure-outputs.ts';
import { buildProfile, loadProfiles } from '../src/config/profile.ts';
import { GITOPS_DIR } from '../src/lib/paths.ts';
import { GATEWAY_CERT_COMPONENT } from '../src/constructs/gateway-certificate.ts';
import { render, summarize } from '../src/render.ts';
import { gitopsFiles } from './support/gitops.ts';

describe('render', () => {
  it('is byte-identical across two runs', () => {
    const a = render(loadProfiles()).files;
    const b = render(loadProfiles()).files;
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, text] of a) expect(b.get(path)).toBe(text);
  });

  it('[25] equals the committed gitops/ (what `npm run synth:check` enforces)', () => {
    const { files } = render(loadProfiles());
    expect(gitopsFiles()).toEqual([...files.keys()].sort());
    for (const [path, text] of files) expect(readFileSync(join(GITOPS_DIR, path), 'utf8'), path).toBe(text);
  });

  it('renders four services per environment, dev with ingress and data stores, Argo CD for both', () => {
    const { objects } = render(loadProfiles());
    const names = (env: string, kind: string) => objects.filter((o) => o.env === env && o.object.kind === kind).map((o) => o.object.metadata.name).sort();
    expect(names('dev', 'Deployment')).toEqual(['ai-service', 'location-service', 'trip-service', 'user-service']);
    expect(names('prod', 'Rollout')).toEqual(['ai-service', 'location-service', 'trip-service', 'user-service']);
    expect(names('dev', 'StatefulSet')).toEqual(['postgres', 'redis']);
    expect(names('dev', 'Ingress')).toEqual(['tripgen']);
    for (const env of ['dev', 'prod']) {
      expect(names(env, 'AppProject')).toEqual([`tripgen-${env}`, `tripgen-${env}-bootstrap`, `tripgen-${env}-platform`]);
      expect(names(env, 'Application')).toContain(`tripgen-${env}`);
    }
  });

  it('summarizes the rendering per environment and kind, kinds in order, counting every object once', () => {
    const { objects } = render(loadProfiles());
    const summary = summarize(objects);
    expect(Object.keys(summary).sort()).toEqual([...new Set(objects.map((o) => o.env))].sort());
    for (const [env, kinds] of Object.entries(summary)) {
      expect(Object.keys(kinds)).toEqual(Object.keys(kinds).sort((a, b) => a.localeCompare(b)));
      expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(objects.filter((o) => o.env === env).length);
    }
    expect(summary.prod?.Deployment).toBe(objects.filter((o) => o.env === 'prod' && o.object.kind === 'Deployment').length);
  });

  it('syncs dev automatically (prune, self-heal) and prod only by hand', () => {
    const { objects } = render(loadProfiles());
    const apps = (env: string) => objects.filter((o) => o.env === env && o.object.kind === 'Application').map((o) => o.object.spec as { syncPolicy: { automated?: unknown } });
    for (const a of apps('dev')) expect(a.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    for (const a of apps('prod')) expect(a.syncPolicy.automated).toBeUndefined();
  });

  it('takes image registry and tag from one place per environment', () => {
    const { objects } = render(loadProfiles());
    for (const profile of loadProfiles()) {
      const images = objects
        // TripGen's own images; the prod edge certificate sync runs a pinned upstream image (policy rule 11).
        .filter((o) => o.env === profile.name && ['Deployment', 'Rollout', 'Job'].includes(o.object.kind))
        .filter((o) => (o.object.metadata as { labels?: Record<string, string> }).labels?.['app.kubernetes.io/component'] !== GATEWAY_CERT_COMPONENT)
        .map((o) => (o.object.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image);
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect(image).toMatch(new RegExp(`^${profile.azure.acrLoginServer.replace(/\./g, '\\.')}/tripgen/[a-z]+-service:${profile.image.tag}$`));
    }
  });
});

describe('Bicep hand-over loader', () => {
  it('reads both environments from infra-bicep/outputs', () => {
    for (const env of ['dev', 'prod'] as const) expect(loadAzureOutputs(env).keyVaultName).toMatch(new RegExp(env));
  });

  it('names every missing or mistyped output', () => {
    const good = JSON.parse(readFileSync(outputsFile('prod'), 'utf8')) as Record<string, { type: string; value: unknown }>;
    const bad = structuredClone(good);
    delete bad.keyVaultName;
    bad.redisPort = { type: 'String', value: '6380' };
    (bad.serviceIdentityClientIds!.value as Record<string, string>).ai = 'not-a-guid';
    expect(() => parseAzureOutputs(bad, 'prod.outputs.json')).toThrow(/keyVaultName: missing[\s\S]*redisPort[\s\S]*serviceIdentityClientIds\.ai/);
  });

  it('refuses to build a profile without a Key Vault name', () => {
    const azure = { ...loadAzureOutputs('prod'), keyVaultName: '' };
    expect(() => buildProfile('prod', azure)).toThrow(/keyVaultName/);
  });

  it('fails the synth without the data store subnets prod\'s network policies allow, or with a malformed one', () => {
    const good = JSON.parse(readFileSync(outputsFile('prod'), 'utf8')) as Record<string, { type: string; value: unknown }>;
    const missing = structuredClone(good);
    delete missing.postgresSubnetCidr;
    expect(() => parseAzureOutputs(missing, 'prod.outputs.json')).toThrow(/postgresSubnetCidr: missing/);
    const malformed = structuredClone(good);
    malformed.redisSubnetCidr = { type: 'String', value: '10.0.3.0' };
    expect(() => parseAzureOutputs(malformed, 'prod.outputs.json')).toThrow(/redisSubnetCidr: not an IPv4 CIDR/);
    expect(() => buildProfile('prod', { ...loadAzureOutputs('prod'), redisSubnetCidr: '' })).toThrow(/redisSubnetCidr/);
  });

  it('fails the synth on a remote-write URL that is not an Azure Monitor ingestion endpoint (Prometheus would write nowhere)', () => {
    const bad = JSON.parse(readFileSync(outputsFile('prod'), 'utf8')) as Record<string, { type: string; value: unknown }>;
    bad.prometheusRemoteWriteUrl = { type: 'String', value: 'https://example.com/api/v1/write' };
    expect(() => parseAzureOutputs(bad, 'prod.outputs.json')).toThrow(/prometheusRemoteWriteUrl: not an Azure Monitor ingestion URL/);
  });
});

describe('profiles the constructs refuse', () => {
  const prod = () => loadProfiles().find((p) => p.name === 'prod')!;

  it('refuses an Application Gateway edge without the mesh it sends traffic to', () => {
    expect(() => render([{ ...prod(), mesh: null }])).toThrow(/the Application Gateway edge sends traffic to the mesh ingress gateway/);
  });

  it('refuses a Key Vault secret store without workload identity to read the vault with', () => {
    expect(() => render([{ ...prod(), workloadIdentity: null }])).toThrow(/a Key Vault secret store needs key-vault secrets and workload identity/);
  });
});
