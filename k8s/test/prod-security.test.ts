/**
 * Production (issue 3) over the committed gitops/prod: mesh security, progressive delivery,
 * Key Vault secrets, workload identity, alerts, capacity, migrations. Each guard is also shown
 * failing on a deliberately broken copy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_STREAMS, INTERNAL_ROUTE_ROOT, JWKS_PATH, KIT_ENVIRONMENT, TOKEN_ISSUER, USER_INTERNAL_PATHS, eventHubVariable, internalPrefix, needsJwks, peerRouteNeedsToken, serviceAccountName, serviceEnvironment, serviceList, SERVICES, VERIFIER_PATHS, workloadName, type ServiceName } from '@tripgen/catalog';
import { loadAzureOutputs } from '../src/config/azure-outputs.ts';
import { buildProfile } from '../src/config/profile.ts';
import { secretVariables } from '../src/config/environment.ts';
import { NATIVE_SIDECAR_ANNOTATION } from '../src/constructs/service-mesh.ts';
import { repoPath } from '../src/lib/paths.ts';
import { alertMetricsEmitted, seedAlertProblems } from './policy/alerts.ts';
import { entraOnlyDatabaseAuth } from './policy/database-auth.ts';
import { istioGatewayTls } from './policy/edge-tls.ts';
import * as mesh from './policy/mesh-delivery.ts';
import { podTemplateOf, type K8sObject } from './policy/objects.ts';
import { noLiteralSecrets } from './policy/rules.ts';
import { find, objectsOf, renderedObjects } from './support/gitops.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';

// The alerting rules are Azure Monitor's (the cluster keeps the recording rules): read beside gitops/.
const prod = withEvaluatedAlerts('prod');
const azure = loadAzureOutputs('prod');
const profile = buildProfile('prod', azure);
const runbooks = readFileSync(repoPath('docs', 'runbooks.md'), 'utf8');
const without = (kind: string, name: string) => prod.filter((o) => !(o.kind === kind && o.metadata.name === name));
const replaced = (o: K8sObject) => [...without(o.kind, o.metadata.name), o];
const copy = (kind: string, name: string) => structuredClone(prod.find((o) => o.kind === kind && o.metadata.name === name) ?? find('prod', kind, name));
type PeerRule = { from: { source: { principals?: string[]; requestPrincipals?: string[] } }[]; to: { operation: { methods?: string[]; paths?: string[] } }[] };
/** Every (callee, caller, token?, method, path) a service's AuthorizationPolicy admits from a TripGen service, the verifiers' GETs (the JWKS, the revocations) left aside. */
const peerAdmissions = (objects: readonly K8sObject[]): string[] =>
  serviceList().flatMap((s) => {
    const policy = objects.find((o) => o.kind === 'AuthorizationPolicy' && o.metadata.name === workloadName(s.name));
    return ((policy?.spec as { rules: PeerRule[] } | undefined)?.rules ?? []).flatMap((r) =>
      r.from.flatMap((f) => (f.source.principals ?? []).filter((p) => p.includes('/ns/tripgen/')).flatMap((p) =>
        r.to.flatMap((t) => (t.operation.paths ?? []).filter((path) => !VERIFIER_PATHS.includes(path)).flatMap((path) =>
          (t.operation.methods ?? ['*']).map((m) => `${s.name} <- ${p.split('/').pop()} ${f.source.requestPrincipals ? 'token' : 'none'} ${m} ${path}`)))))
    );
  }).sort();
type Snapshot = { predictedResources: { type: string; name: string; id: string; properties?: Record<string, unknown> }[] };
const snapshotOf = (env: string): Snapshot => JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', `${env}.snapshot.json`), 'utf8')) as Snapshot;
const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
/** Who reads what in the vault, by Key Vault Secrets User grant: `<identity> <secret>`, or `<identity> *` for the whole vault. The gateway's own grant aside. */
const vaultReads = (snapshot: Snapshot): string[] =>
  snapshot.predictedResources
    .filter((r) => r.type === 'Microsoft.Authorization/roleAssignments' && String(r.properties?.roleDefinitionId).endsWith(KEY_VAULT_SECRETS_USER))
    .map((r) => {
      const principal = String(r.properties?.principalId);
      const who = principal.includes('azureKeyvaultSecretsProvider') ? 'csi-addon' : /userAssignedIdentities\/(id-[\w-]+?)'/.exec(principal)?.[1] ?? principal;
      const scope = r.id.split('/providers/Microsoft.Authorization/')[0]!;
      return `${who} ${/\/secrets\/([^/]+)$/.exec(scope)?.[1] ?? '*'}`;
    })
    .filter((g) => !g.startsWith('id-agw-'))
    .sort();
/** What the rendered SecretProviderClasses mount, by the identity they read with: a service's own (clientID), or the CSI add-on's (useVMManagedIdentity). */
const vaultMounts = (objects: readonly K8sObject[]): string[] =>
  objects
    .filter((o) => o.kind === 'SecretProviderClass')
    .flatMap((o) => {
      const params = (o.spec as { parameters: Record<string, string> }).parameters;
      const service = serviceList().find((s) => azure.serviceIdentityClientIds[s.name] === params.clientID);
      const who = params.useVMManagedIdentity === 'true' ? 'csi-addon' : service ? `id-tripgen-${service.name}-prod` : `unknown ${o.metadata.name}`;
      return [...params.objects!.matchAll(/objectName: (\S+)/g)].map((m) => `${who} ${m[1]}`);
    })
    .sort();
const expectedAdmissions = (): string[] =>
  serviceList().flatMap((c) => c.peerRoutes.map((r) => `${r.service} <- ${serviceAccountName(c.name)} ${peerRouteNeedsToken(r) ? 'token' : 'none'} ${r.method} ${r.path}`)).sort();

describe('prod: Istio mesh security [manifest-rules 22]', () => {
  it('has STRICT mTLS in every namespace with workloads', () => {
    expect(mesh.strictMtls(prod)).toEqual([]);
  });
  it('fails for a namespace without STRICT mTLS', () => {
    expect(mesh.strictMtls(without('PeerAuthentication', 'default'))).toEqual(['namespace tripgen: no namespace-wide STRICT PeerAuthentication']);
    const permissive = copy('PeerAuthentication', 'default');
    (permissive.spec as { mtls: { mode: string } }).mtls.mode = 'PERMISSIVE';
    expect(mesh.strictMtls(replaced(permissive))).toHaveLength(1);
  });

  it('denies by default and has exactly one ALLOW AuthorizationPolicy per service', () => {
    expect(mesh.authorizationPerService(prod)).toEqual([]);
  });
  it('fails for a service without an AuthorizationPolicy, and without the allow-nothing default', () => {
    expect(mesh.authorizationPerService(without('AuthorizationPolicy', 'trip-service'))).toEqual([
      'Rollout/tripgen/trip-service: 0 ALLOW AuthorizationPolicies select it (want 1)',
    ]);
    expect(mesh.authorizationPerService(without('AuthorizationPolicy', 'allow-nothing'))).toEqual([
      'namespace tripgen: no allow-nothing AuthorizationPolicy (deny by default)',
    ]);
  });

  it('verifies JWTs of our issuer (RequestAuthentication) and routes DestinationRules over ISTIO_MUTUAL with outlier detection', () => {
    expect(mesh.requestAuthentication(prod)).toEqual([]);
    expect(mesh.destinationRules(prod)).toEqual([]);
    expect(mesh.requestAuthentication(without('RequestAuthentication', 'tripgen-jwt'))).toHaveLength(1);
    expect(mesh.destinationRules(without('DestinationRule', 'ai-service'))).toEqual(['ai-service.tripgen.svc.cluster.local: no DestinationRule']);
    expect(mesh.destinationRules(without('DestinationRule', 'ai-service-canary'))).toEqual(['ai-service-canary.tripgen.svc.cluster.local: no DestinationRule']);
  });

  it('lets a service past the JWKS only into the services it addresses (a <NAME>_SERVICE_URL it reads); every verifier GETs the JWKS and the revocations without a token', () => {
    // What the services do, traced on the local stack through a traveller's whole flow (s21 audit):
    // trip -> user GET /internal/v1/user/preferences (with the traveller's token; GET /api/v1/users/me
    // with it for one release, the previous release's read and the fallback) and the JWKS, trip -> ai and location internal routes,
    // ai -> location internal candidates, ai and location -> user GET the JWKS and nothing else.
    // A caller's rule opens the callee's whole public and internal API to it, so it must follow
    // the calls a service can make (its peer URLs), not a call-graph edge nothing uses.
    type R = { from: { source: { principals?: string[] } }[]; to: { operation: { methods?: string[]; paths?: string[] } }[] };
    const jwksOnly = (r: R) => JSON.stringify(r.to) === JSON.stringify([{ operation: { methods: ['GET'], paths: VERIFIER_PATHS } }]);
    const addressing = (s: ServiceName) =>
      serviceList().filter((c) => Object.values(serviceEnvironment(c.name)).some((v) => v.peer === s)).map((c) => `cluster.local/ns/tripgen/sa/${serviceAccountName(c.name)}`).sort();
    for (const s of serviceList()) {
      const rules = (find('prod', 'AuthorizationPolicy', workloadName(s.name)).spec as { rules: R[] }).rules;
      const inNamespace = (rs: R[]) => [...new Set(rs.flatMap((r) => r.from.flatMap((f) => f.source.principals ?? [])).filter((p) => p.includes('/ns/tripgen/')))].sort();
      const full = inNamespace(rules.filter((r) => !jwksOnly(r)));
      expect(full, s.name).toEqual(addressing(s.name));
      const verifiers = serviceList().filter((c) => needsJwks(c)).map((c) => `cluster.local/ns/tripgen/sa/${serviceAccountName(c.name)}`);
      // Every verifier, a caller of the issuer too: its rule there needs a traveller's token, and
      // the kit fetches the JWKS with none.
      expect(inNamespace(rules.filter(jwksOnly)), s.name).toEqual(s.name === TOKEN_ISSUER ? verifiers.sort() : []);
    }
  });

  it('lets a caller into its callee\'s public routes only with a token our issuer signed, into the internal ones without', () => {
    // Traced (s21 audit): the trip service reads the traveller's preferences on the user service's
    // internal route with their own Authorization header (the rule then needs a token too:
    // expectedAdmissions, peerRouteNeedsToken), and for one release on GET /api/v1/users/me with it
    // (a user pod of the previous release has no internal route); every other
    // call is to an internal route, from a queue message or a sweep that holds no token. Istio checks the
    // forwarded token at the callee's sidecar (RequestAuthentication is namespace-wide) and a rule's
    // requestPrincipals match only a request that carries a valid one (Istio AuthorizationPolicy
    // reference, Source.requestPrincipals).
    type R = { from: { source: { principals?: string[]; requestPrincipals?: string[] } }[]; to: { operation: { paths?: string[] } }[] };
    for (const s of serviceList()) {
      const rules = (find('prod', 'AuthorizationPolicy', workloadName(s.name)).spec as { rules: R[] }).rules;
      const fromPeers = rules.filter((r) => r.from.some((f) => f.source.principals?.some((p) => p.includes('/ns/tripgen/'))));
      for (const r of fromPeers) {
        const publicPaths = r.to.flatMap((t) => t.operation.paths ?? []).filter((p) => s.routes.some((x) => p.startsWith(x.prefix)) && !p.endsWith(JWKS_PATH));
        if (publicPaths.length > 0) expect(r.from.every((f) => f.source.requestPrincipals?.length), `${s.name}: ${publicPaths.join(', ')}`).toBe(true);
      }
    }
  });

  it('admits a peer to exactly the routes it calls (catalog peerRoutes), by method, each one its callee serves', () => {
    // Istio ALLOW rules match positively on Operation.methods and Operation.paths (exact or prefix/
    // suffix '*'; istio.io/latest/docs/reference/config/security/authorization-policy/#Operation),
    // and Istio's security best practices ask for ALLOW-with-positive-matching of the narrowest
    // operation (istio.io/latest/docs/ops/best-practices/security/). The call-graph edge alone used
    // to admit the trip service to /internal/v1/user/* (the user service serves one internal route),
    // to the AI and location public APIs (it calls neither), and to the user service's whole
    // /api/v1/auth and /api/v1/users (it reads its preferences route, and GET /api/v1/users/me for one release).
    const api = readFileSync(repoPath('docs', 'api.md'), 'utf8');
    expect(peerAdmissions(prod)).toEqual(expectedAdmissions());
    for (const s of serviceList()) {
      for (const r of s.peerRoutes) expect(api, `${s.name} -> ${r.service} ${r.method} ${r.path}`).toContain(`| ${r.method} | ${r.path} |`);
    }
    // Of the user service's internal routes, only those it serves (the traveller's preferences, read with their token; the accounts the erasure sweep asks of).
    const userRules = (find('prod', 'AuthorizationPolicy', 'user-service').spec as { rules: { to: { operation: { paths?: string[] } }[] }[] }).rules;
    expect(userRules.flatMap((r) => r.to.flatMap((t) => t.operation.paths ?? [])).filter((p) => p.startsWith(INTERNAL_ROUTE_ROOT)).sort()).toEqual(Object.values(USER_INTERNAL_PATHS).map((p) => `${internalPrefix('user')}${p}`).sort());
  });
  it('fails for a peer rule wider than its calls (the previous render\'s trip -> user internal prefix)', () => {
    const user = copy('AuthorizationPolicy', 'user-service');
    (user.spec as { rules: unknown[] }).rules.push({ from: [{ source: { principals: ['cluster.local/ns/tripgen/sa/tripgen-trip'] } }], to: [{ operation: { paths: ['/internal/v1/user', '/internal/v1/user/*'] } }] });
    expect(peerAdmissions(replaced(user))).not.toEqual(expectedAdmissions());
  });

  it('lets the Argo Rollouts controller read readiness only on blue-green services (their preview smoke check)', () => {
    for (const s of serviceList()) {
      const rules = (find('prod', 'AuthorizationPolicy', workloadName(s.name)).spec as { rules: { from: { source: { principals?: string[] } }[] }[] }).rules;
      const controller = rules.filter((r) => r.from.some((f) => f.source.principals?.includes('cluster.local/ns/argo-rollouts/sa/argo-rollouts')));
      expect(controller, s.name).toHaveLength(s.delivery === 'blue-green' ? 1 : 0);
    }
  });

  it('lets token-free paths through without a JWT and requires one everywhere else through the edge', () => {
    type R = { from: { source: { principals?: string[]; requestPrincipals?: string[] } }[]; to: { operation: { paths: string[] } }[] };
    const rules = (find('prod', 'AuthorizationPolicy', 'user-service').spec as { rules: R[] }).rules;
    const edge = rules.filter((r) => r.from.some((f) => f.source.principals?.some((p) => p.includes('aks-istio-ingress'))));
    const anonymous = SERVICES.user.routes.flatMap((r) => r.anonymous);
    expect(edge.find((r) => !r.from[0]!.source.requestPrincipals)?.to[0]!.operation.paths).toEqual(anonymous);
    expect(edge.find((r) => r.from[0]!.source.requestPrincipals)?.to[0]!.operation.paths).toEqual(['/api/v1/auth', '/api/v1/auth/*', '/api/v1/users', '/api/v1/users/*']);
  });

  it('lets only the callers of the call graph reach a service\'s internal routes, never the edge', () => {
    type R = { from: { source: { principals?: string[] } }[]; to: { operation: { paths?: string[] } }[] };
    for (const s of serviceList()) {
      const rules = (find('prod', 'AuthorizationPolicy', workloadName(s.name)).spec as { rules: R[] }).rules;
      // The issuer's revocations aside: every verifier GETs them with the keys (the JWKS test above checks that rule's principals).
      const reaching = rules.filter((r) => r.to.some((t) => t.operation.paths?.some((p) => p.startsWith(internalPrefix(s.name)) && !VERIFIER_PATHS.includes(p))));
      const callers = serviceList().filter((c) => c.calls.includes(s.name) && c.peerRoutes.some((r) => r.service === s.name && r.path.startsWith(internalPrefix(s.name)))).map((c) => `cluster.local/ns/tripgen/sa/${serviceAccountName(c.name)}`);
      // A caller may have two rules there: its routes read with a traveller's token, and those without.
      expect([...new Set(reaching.flatMap((r) => r.from.flatMap((f) => f.source.principals ?? [])))].sort(), s.name).toEqual(callers.sort());
      const vs = find('prod', 'VirtualService', workloadName(s.name)).spec as { http: { match: { gateways?: string[]; uri?: { prefix: string } }[] }[] };
      const edgePrefixes = vs.http.flatMap((h) => h.match.filter((m) => m.gateways?.includes('tripgen-gateway')).map((m) => m.uri?.prefix ?? ''));
      expect(edgePrefixes.some((p) => p.startsWith(INTERNAL_ROUTE_ROOT)), s.name).toBe(false);
    }
  });

  it('keeps Istio probe rewriting on and injects by the add-on revision infra-bicep deploys', () => {
    expect(JSON.stringify(prod)).not.toContain('rewriteAppHTTPProbers');
    // The revision is the cluster's: infra-bicep's prod profile, handed over as istioRevision.
    const profile = readFileSync(repoPath('infra-bicep', 'env', 'prod-profile.bicep'), 'utf8');
    const revision = /istioRevision:\s*'([^']+)'/.exec(profile)?.[1];
    expect(revision).toMatch(/^asm-1-\d+$/);
    expect(loadAzureOutputs('prod').istioRevision).toBe(revision);
    expect(find('prod', 'Namespace', 'tripgen').metadata.labels?.['istio.io/rev']).toBe(revision);
  });

  it('injects the proxy as a native sidecar into every pod it injects, so that it stops after the app\'s shutdown', () => {
    const meshed = new Set(prod.filter((o) => o.kind === 'Namespace' && o.metadata.labels?.['istio.io/rev']).map((o) => o.metadata.name));
    const injected = prod.filter((o) => meshed.has(o.metadata.namespace ?? '') && podTemplateOf(o) && podTemplateOf(o)!.labels['sidecar.istio.io/inject'] !== 'false');
    expect(injected.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(serviceList().map((s) => `Rollout/${workloadName(s.name)}`).sort());
    for (const o of injected) expect(podTemplateOf(o)!.annotations[NATIVE_SIDECAR_ANNOTATION], o.metadata.name).toBe('true');
  });
});

describe('prod: progressive delivery with Argo Rollouts', () => {
  it('runs every service as a Rollout that aborts on a failed analysis', () => {
    expect(prod.filter((o) => o.kind === 'Rollout')).toHaveLength(4);
    expect(prod.filter((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'api')).toEqual([]);
    expect(mesh.rolloutsAbortAutomatically(prod)).toEqual([]);
  });
  it('keeps a traffic-routed canary and its stable side each above what a node drain may evict', () => {
    expect(prod.filter((o) => o.kind === 'Rollout' && (o.spec as { strategy: { canary?: unknown } }).strategy.canary)).toHaveLength(2);
    expect(mesh.canarySurvivesDisruption(prod)).toEqual([]);
    const r = copy('Rollout', 'ai-service');
    delete (r.spec as { strategy: { canary: { minPodsPerReplicaSet?: number } } }).strategy.canary.minPodsPerReplicaSet;
    expect(mesh.canarySurvivesDisruption(replaced(r))).toEqual([
      'Rollout/tripgen/ai-service: minPodsPerReplicaSet 1 <= its PDB\'s maxUnavailable 1: a drain may evict every canary pod while the canary has traffic',
    ]);
  });
  it('fails for a Rollout without automatic abort', () => {
    const r = copy('Rollout', 'ai-service');
    delete (r.spec as { strategy: { canary: { analysis?: unknown } } }).strategy.canary.analysis;
    expect(mesh.rolloutsAbortAutomatically(replaced(r))).toEqual([
      'Rollout/tripgen/ai-service: no canary analysis, so nothing aborts a bad version',
    ]);
    const t = copy('AnalysisTemplate', 'smoke');
    delete (t.spec as { metrics: { failureLimit?: number }[] }).metrics[0]!.failureLimit;
    expect(mesh.rolloutsAbortAutomatically(replaced(t)).join('\n')).toMatch(/smoke: metric preview-ready has no explicit failureLimit/);
  });

  it('promotes the catalog\'s blue-green services after a smoke analysis and shifts the canaries 10% → 50% → 100% with pauses', () => {
    for (const s of serviceList()) {
      const strategy = (find('prod', 'Rollout', workloadName(s.name)).spec as { strategy: Record<string, { prePromotionAnalysis?: { templates: { templateName: string }[] }; steps?: Record<string, unknown>[] }> }).strategy;
      if (s.delivery === 'blue-green') {
        expect(strategy.blueGreen?.prePromotionAnalysis?.templates).toEqual([{ templateName: 'smoke' }]);
      } else {
        const steps = strategy.canary!.steps!;
        expect(steps.filter((x) => 'setWeight' in x).map((x) => x.setWeight)).toEqual([10, 50, 100]);
        expect(steps.filter((x) => 'pause' in x)).toHaveLength(2);
      }
    }
  });

  it('analyses success rate and latency on Prometheus', () => {
    const metrics = (find('prod', 'AnalysisTemplate', 'success-rate-latency').spec as { metrics: { name: string; provider: { prometheus?: { query: string } } }[] }).metrics;
    expect(metrics.map((m) => m.name)).toEqual(['scraped', 'success-rate', 'latency-p95']);
    for (const m of metrics) expect(m.provider.prometheus?.query).toMatch(/http_request_duration_seconds|up\{/);
  });

  it('scales Rollouts with the HPA and keeps Argo CD off controller-owned fields [manifest-rules 23]', () => {
    for (const h of prod.filter((o) => o.kind === 'HorizontalPodAutoscaler')) expect((h.spec as { scaleTargetRef: { kind: string } }).scaleTargetRef.kind).toBe('Rollout');
    const located = renderedObjects().filter((l) => l.env === 'prod');
    expect(mesh.argoIgnoresControllerFields(located)).toEqual([]);
    const broken = located.map((l) =>
      l.object.kind === 'Application' && l.object.metadata.name === 'tripgen-prod-ai-service'
        ? { ...l, object: { ...l.object, spec: { ...l.object.spec, ignoreDifferences: [] } } }
        : l,
    );
    expect(mesh.argoIgnoresControllerFields(broken)).toEqual([
      'Application/argocd/tripgen-prod-ai-service: does not ignore /spec/replicas of Rollout/ai-service',
      'Application/argocd/tripgen-prod-ai-service: does not ignore weight of VirtualService/ai-service',
    ]);
  });
});

describe('prod: Key Vault secrets and workload identity', () => {
  it('holds no literal secret anywhere in gitops/ (both environments)', () => {
    expect(noLiteralSecrets(renderedObjects().map((l) => l.object))).toEqual([]);
  });

  it('mounts exactly the secrets each service reads from Key Vault, with the profile\'s vault, tenant and the service\'s own identity', () => {
    for (const s of serviceList()) {
      const wanted = secretVariables(s, profile);
      if (wanted.length === 0) {
        expect(prod.some((o) => o.kind === 'SecretProviderClass' && o.metadata.name === `${workloadName(s.name)}-kv`), s.name).toBe(false);
        continue;
      }
      const spc = find('prod', 'SecretProviderClass', `${workloadName(s.name)}-kv`).spec as {
        provider: string;
        parameters: Record<string, string>;
        secretObjects: { secretName: string; data: { key: string }[] }[];
      };
      expect(spc.provider).toBe('azure');
      expect(spc.parameters).toMatchObject({ usePodIdentity: 'false', clientID: azure.serviceIdentityClientIds[s.name], keyvaultName: azure.keyVaultName, tenantId: azure.tenantId });
      expect([...spc.parameters.objects!.matchAll(/objectName: (\S+)/g)].map((m) => m[1])).toEqual(wanted.map((w) => w.keyVaultSecret));
      expect(spc.secretObjects[0]!.data.map((d) => d.key)).toEqual(wanted.map((w) => w.envVar));
      const env = (find('prod', 'Rollout', workloadName(s.name)).spec as { template: { spec: { containers: { env: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[] }[] } } }).template.spec.containers[0]!.env;
      expect(env.map((e) => [e.name, e.valueFrom?.secretKeyRef?.name])).toEqual(wanted.map((w) => [w.envVar, spc.secretObjects[0]!.secretName]));
    }
  });

  it('signs every pod in to PostgreSQL with Entra: a role in DATABASE_URL, no password, DATABASE_AUTH=entra (the server refuses passwords)', () => {
    expect(entraOnlyDatabaseAuth(prod)).toEqual([]);
    expect(prod.filter((o) => o.kind === 'Job').length).toBeGreaterThanOrEqual(5);
  });
  it('fails on a prod service still reading a static database password from Key Vault', () => {
    const rollout = copy('Rollout', 'trip-service');
    const c = (rollout.spec as { template: { spec: { containers: { env: unknown[] }[] } } }).template.spec.containers[0]!;
    c.env.push({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'trip-service-secrets', key: 'DATABASE_URL' } } });
    expect(entraOnlyDatabaseAuth(replaced(rollout))).toEqual([expect.stringMatching(/Rollout\/tripgen\/trip-service trip: DATABASE_URL from Secret trip-service-secrets/)]);
    const config = copy('ConfigMap', 'ai-service-config');
    (config.data as Record<string, string>).DATABASE_URL = 'postgresql://id-tripgen-ai-prod:hunter2@db.example/ai_db';
    delete (config.data as Record<string, string>).DATABASE_AUTH;
    expect(entraOnlyDatabaseAuth(replaced(config)).join('\n')).toMatch(/ai-service ai: DATABASE_URL carries a password[\s\S]*DATABASE_AUTH is undefined/);
  });

  it('reads the Application Insights connection string from the Key Vault secret infra-bicep writes (prod snapshot)', () => {
    const APPINSIGHTS_SECRET = KIT_ENVIRONMENT.APPLICATIONINSIGHTS_CONNECTION_STRING.keyVaultSecret;
    const snapshot = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', 'prod.snapshot.json'), 'utf8')) as { predictedResources: { type: string; name: string }[] };
    const secrets = snapshot.predictedResources.filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets').map((r) => r.name.split('/').pop());
    expect(secrets).toContain(APPINSIGHTS_SECRET);
    for (const s of serviceList()) expect(secretVariables(s, profile).map((i) => i.keyVaultSecret), s.name).toContain(APPINSIGHTS_SECRET);
    expect(secretVariables(SERVICES.ai, buildProfile('dev', loadAzureOutputs('dev'))).map((i) => i.envVar)).not.toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
  });

  it('grants every identity Key Vault Secrets User on exactly the secrets its pods mount, never the whole vault (prod and dev snapshots)', () => {
    // Key Vault RBAC accepts a single secret as the scope of a role assignment, and Key Vault Secrets
    // User is the least role that reads a secret's value (learn.microsoft.com/azure/key-vault/general/
    // rbac-guide; built-in roles, "Key Vault Secrets User"). The vault-wide grants let the trip, AI and
    // location identities read the user service's token-signing key and the edge certificate's private
    // key, and granted five identities in dev a vault no dev pod mounts (dev's secrets come from the
    // bootstrap script). The Application Gateway's own read of the certificate is no mount (left out:
    // see the README's phase 1).
    expect(vaultReads(snapshotOf('prod'))).toEqual(vaultMounts(prod));
    expect(vaultReads(snapshotOf('prod-lean'))).toEqual(vaultMounts(prod));
    expect(vaultReads(snapshotOf('dev'))).toEqual([]);
    expect(vaultMounts(objectsOf('dev'))).toEqual([]);
  });
  it('fails on a vault-wide read (the previous snapshot\'s trip service grant)', () => {
    const snapshot = snapshotOf('prod');
    const grant = snapshot.predictedResources.find((r) => String(r.properties?.description) === 'trip service reads appinsights-connection-string')!;
    grant.id = grant.id.replace('/secrets/appinsights-connection-string/', '/');
    expect(vaultReads(snapshot)).not.toEqual(vaultMounts(prod));
  });

  it('annotates each ServiceAccount with its managed identity and labels the pods', () => {
    for (const s of serviceList()) {
      expect(find('prod', 'ServiceAccount', serviceAccountName(s.name)).metadata.annotations).toMatchObject({ 'azure.workload.identity/client-id': azure.serviceIdentityClientIds[s.name] });
      const labels = (find('prod', 'Rollout', workloadName(s.name)).spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      expect(labels['azure.workload.identity/use']).toBe('true');
    }
  });
});

describe('Event Hubs: trip events for analytics (seed §4.2.3)', () => {
  it('hands each stream\'s producer, and only it, the namespace and its hub; Bicep lets only that identity send', () => {
    for (const s of serviceList()) {
      const data = find('prod', 'ConfigMap', `${workloadName(s.name)}-config`).data as Record<string, string>;
      const streams = EVENT_STREAMS.filter((e) => e.producer === s.name);
      expect(data.EVENTHUBS_FQDN, s.name).toBe(streams.length > 0 ? azure.eventHubsNamespaceFqdn : undefined);
      for (const e of streams) expect(data[eventHubVariable(e.hub)]).toBe(e.hub);
    }
    expect(EVENT_STREAMS.map((e) => e.producer)).toEqual(['trip']);
    // The snapshot: the hub exists, and its one data role belongs to the producer's identity.
    const snapshot = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', 'prod.snapshot.json'), 'utf8')) as { predictedResources: { type: string; name: string; id: string; properties: Record<string, unknown> }[] };
    const hubs = snapshot.predictedResources.filter((r) => r.type === 'Microsoft.EventHub/namespaces/eventhubs').map((r) => r.name.split('/').pop());
    expect(hubs).toEqual(EVENT_STREAMS.map((e) => e.hub));
    const senders = snapshot.predictedResources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments' && String(r.properties.roleDefinitionId).includes('2b629674-e913-4c01-ae53-ef4638d8f975'));
    expect(senders).toHaveLength(1);
    expect(String(senders[0]!.properties.principalId)).toContain('id-tripgen-trip-prod');
    expect(senders[0]!.id.toLowerCase()).toContain('/eventhubs/trip-events/providers/microsoft.authorization/roleassignments/');
  });
});

describe('client address behind the edge (the anonymous rate limit)', () => {
  it('trusts as many X-Forwarded-For hops as the environment\'s chain has appending proxies: prod 2 (Application Gateway, Istio gateway), dev 1 (NGINX)', () => {
    for (const [env, hops] of [['prod', '2'], ['dev', '1']] as const) {
      for (const s of serviceList()) expect((find(env, 'ConfigMap', `${workloadName(s.name)}-config`).data as Record<string, string>).TRUST_PROXY_HOPS, `${env} ${s.name}`).toBe(hops);
    }
    // The broken form the kit's client-address test shows: one hop in prod keys everyone on the gateway.
    const appending = (p: typeof profile) => p.edgeChain.filter((h) => h.appendsForwardedFor).map((h) => h.name);
    expect(appending(profile)).toEqual(['Application Gateway', 'Istio ingress gateway']);
  });
});

describe('prod: TLS on the edge (seed: TLS 1.3 for external traffic)', () => {
  it('accepts TLS 1.2-1.3 at the Istio gateway: Application Gateway (TLS 1.3 to clients) speaks at most TLS 1.2 to its backends', () => {
    expect(istioGatewayTls(prod)).toEqual([]);
  });
  it('fails on a TLSV1_3 minimum (every Application Gateway backend handshake would fail) and on anything older than 1.2', () => {
    for (const [min, message] of [
      ['TLSV1_3', /refuses Application Gateway, whose backend connections stop at TLS 1\.2 \(application-gateway-ssl-policy-overview, Limitations\)/],
      ['TLSV1_1', /accepts TLS older than 1\.2/],
    ] as const) {
      const gw = copy('Gateway', 'tripgen-gateway');
      (gw.spec as { servers: { tls: { minProtocolVersion: string } }[] }).servers[0]!.tls.minProtocolVersion = min;
      expect(istioGatewayTls(replaced(gw))).toEqual([expect.stringMatching(message)]);
    }
  });
});

describe('prod: every alert reads a metric something here emits', () => {
  const emitters = new Set([
    ...prod.filter((o) => o.kind === 'Application').map((o) => (o.spec as { source: { chart?: string } }).source.chart).filter((c): c is string => !!c),
    // The kit's registry defines the request histograms and the deliveries' and set-aside rows' counters (read from its source, not assumed).
    ...[readFileSync(repoPath('apps', 'service-kit', 'src', 'telemetry', 'metrics.ts'), 'utf8')]
      .filter((src) => src.includes("name: 'http_request_duration_seconds'") && src.includes("name: 'async_request_duration_seconds'") && src.includes("name: 'messages_consumed_total'") && src.includes("name: 'outbox_messages_set_aside_total'"))
      .map(() => 'service-kit'),
  ]);
  it('names only metrics of the kit, kube-state-metrics, the kubelet and node-exporter (all running in prod)', () => {
    expect(alertMetricsEmitted(prod, emitters)).toEqual([]);
  });
  it('fails on the old disk alert over the namespace\'s volumes once nothing scrapes the kubelet volume stats, and without the stack', () => {
    const rule = copy('PrometheusRule', 'azure-monitor');
    (rule.spec as { groups: { rules: { alert: string; expr: string }[] }[] }).groups[0]!.rules.push({ alert: 'Old', expr: 'kubelet_volume_stats_used_bytes{namespace="tripgen"} > 0.85' });
    expect(alertMetricsEmitted(replaced(rule), emitters)).toEqual(['Old: kubelet_volume_stats_used_bytes is emitted by nothing known, which this environment does not run']);
    expect(alertMetricsEmitted(prod, new Set(['service-kit'])).join('\n')).toMatch(/TripGenDiskHigh: node_filesystem_avail_bytes is emitted by kube-prometheus-stack/);
  });
});

describe('prod: observability, capacity, migrations', () => {
  it('has every seed alert with summary, description and a runbook in docs/runbooks.md', () => {
    expect(seedAlertProblems(prod, runbooks)).toEqual([]);
  });
  it('fails when a seed alert is missing or its runbook section does not exist', () => {
    const rule = copy('PrometheusRule', 'azure-monitor');
    const rules = (rule.spec as { groups: { rules: { alert: string }[] }[] }).groups[0]!.rules;
    rules.splice(rules.findIndex((r) => r.alert === 'TripGenDiskHigh'), 1);
    expect(seedAlertProblems(replaced(rule), runbooks)).toEqual(['seed alert missing: disk > 85% (warning)']);
    expect(seedAlertProblems(prod, runbooks.replace('## memory-high', '## memory'))).toEqual([
      expect.stringMatching(/TripGenMemoryHigh: runbook_url .* does not point at a section/),
    ]);
  });

  it('scrapes every service with a ServiceMonitor and recommends sizes with a VPA in "Off" mode', () => {
    for (const s of serviceList()) {
      const name = workloadName(s.name);
      expect((find('prod', 'ServiceMonitor', name).spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels['app.kubernetes.io/name']).toBe(name);
      expect(find('prod', 'VerticalPodAutoscaler', name).spec).toEqual({
        targetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name },
        updatePolicy: { updateMode: 'Off' },
        // Only the service container is sized; every other container (the sidecar) is left alone.
        resourcePolicy: { containerPolicies: [{ containerName: s.name, controlledResources: ['cpu', 'memory'] }, { containerName: '*', mode: 'Off' }] },
      });
    }
  });

  it('creates the services\' PostgreSQL roles (database-roles Job) in an Application that finishes before any migration Job starts', () => {
    const app = (chart: string) => Number(find('prod', 'Application', `tripgen-prod-${chart}`).metadata.annotations?.['argocd.argoproj.io/sync-wave']);
    const job = find('prod', 'Job', 'tripgen-db-roles');
    expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
    expect(renderedObjects().find((l) => l.object === job)?.path).toBe('prod/data/Job.tripgen-db-roles.yaml');
    for (const s of serviceList()) expect(app('data'), s.name).toBeLessThan(app(workloadName(s.name)));
    const env = Object.fromEntries(((job.spec as { template: { spec: { containers: { env: { name: string; value: string }[] }[] } } }).template.spec.containers[0]!.env).map((e) => [e.name, e.value]));
    const roles = JSON.parse(env.DATABASE_ROLES!) as { role: string; objectId: string; database: string }[];
    expect(roles).toEqual(serviceList().map((s) => expect.objectContaining({ role: azure.postgresRoleNames[s.name], objectId: azure.serviceIdentityPrincipalIds[s.name], database: s.database })));
    expect(new URL(env.DATABASE_URL!).username).toBe(azure.postgresRolesRoleName);
    expect(find('prod', 'ServiceAccount', 'tripgen-db-roles').metadata.annotations).toMatchObject({ 'azure.workload.identity/client-id': azure.postgresRolesClientId });
  });

  it('migrates each database-owning service in a hook Job after its config and before the new version starts', () => {
    const wave = (o: K8sObject) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    for (const s of serviceList().filter((x) => x.database)) {
      const job = find('prod', 'Job', `${s.name}-migrate`);
      expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' });
      expect((job.spec as { ttlSecondsAfterFinished?: number }).ttlSecondsAfterFinished).toBeGreaterThan(0);
      const name = workloadName(s.name);
      const prerequisites = [
        find('prod', 'ServiceAccount', serviceAccountName(s.name)),
        find('prod', 'ConfigMap', `${name}-config`),
        ...prod.filter((o) => o.kind === 'SecretProviderClass' && o.metadata.name === `${name}-kv`),
        find('prod', 'NetworkPolicy', `${s.name}-migrate`),
      ];
      for (const before of prerequisites) {
        expect(wave(before), before.kind).toBeLessThan(wave(job));
      }
      expect(wave(find('prod', 'Rollout', name))).toBeGreaterThan(wave(job));
      // Kept out of the mesh by the label the injection webhook selects on: a sidecar would never exit.
      const pod = (job.spec as { template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> } } }).template.metadata;
      expect(pod.labels['sidecar.istio.io/inject']).toBe('false');
      expect(pod.annotations?.['sidecar.istio.io/inject']).toBeUndefined();
    }
  });

  it('pins the mesh edge to the address Application Gateway sends to, HTTPS only', () => {
    const edge = find('prod', 'Service', 'tripgen-edge');
    expect(edge.metadata.annotations?.['service.beta.kubernetes.io/azure-load-balancer-ipv4']).toBe(azure.ingressPrivateIp);
    const servers = (find('prod', 'Gateway', 'tripgen-gateway').spec as { servers: { port: { protocol: string }; hosts: string[] }[] }).servers;
    expect(servers.map((s) => s.port.protocol)).toEqual(['HTTPS']);
    expect(servers[0]!.hosts).toEqual([azure.publicHostName]);
    expect(profile.ingress.kind).toBe('app-gateway');
  });
});

describe('prod: the Istio ingress gateway\'s certificate comes from Key Vault', () => {
  const gatewayNs = profile.mesh!.ingressNamespace;
  const tls = (objects: K8sObject[]) => mesh.gatewayTlsSynced(objects, gatewayNs);
  const sync = 'tripgen-edge-tls-sync';

  it('syncs every TLS secret the Gateway serves into the gateway\'s namespace, mounted by two replicas', () => {
    const credential = (find('prod', 'Gateway', 'tripgen-gateway').spec as { servers: { tls: { credentialName: string } }[] }).servers[0]!.tls.credentialName;
    expect(credential).toBe('tripgen-ingress-tls');
    expect(tls(prod)).toEqual([]);
  });

  it('reads the Bicep hand-over: the Key Vault CSI add-on identity, the vault, the edge certificate', () => {
    const spc = find('prod', 'SecretProviderClass', 'tripgen-edge-tls');
    expect(spc.metadata.namespace).toBe(gatewayNs);
    const parameters = (spc.spec as { parameters: Record<string, string> }).parameters;
    expect(parameters).toMatchObject({
      usePodIdentity: 'false',
      useVMManagedIdentity: 'true',
      userAssignedIdentityID: azure.keyVaultCsiAddonClientId,
      keyvaultName: azure.keyVaultName,
      tenantId: azure.tenantId,
    });
    expect([...parameters.objects!.matchAll(/objectName: (\S+)\n\s*objectType: (\S+)/g)].map((m) => [m[1], m[2]])).toEqual([[azure.tlsCertificateName, 'secret']]);
  });

  it('keeps the sync pods out of the mesh and unreachable: no ingress, DNS-only egress', () => {
    const pod = (find('prod', 'Deployment', sync).spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
    expect(pod['sidecar.istio.io/inject']).toBe('false');
    const np = find('prod', 'NetworkPolicy', sync);
    expect(np.metadata.namespace).toBe(gatewayNs);
    expect(np.spec).toMatchObject({ podSelector: { matchLabels: { 'app.kubernetes.io/name': sync } }, policyTypes: ['Ingress', 'Egress'], ingress: [] });
    expect((np.spec as { egress: { ports: { port: number }[] }[] }).egress.flatMap((e) => e.ports.map((p) => p.port))).toEqual([53, 53]);
  });

  it('fails when the Gateway references a TLS secret no SecretProviderClass syncs', () => {
    expect(tls(without('SecretProviderClass', 'tripgen-edge-tls'))).toEqual([
      `Gateway/tripgen/tripgen-gateway: TLS secret ${gatewayNs}/tripgen-ingress-tls is synced by 0 SecretProviderClasses (want 1)`,
    ]);
    const gw = copy('Gateway', 'tripgen-gateway');
    (gw.spec as { servers: { tls: { credentialName: string } }[] }).servers[0]!.tls.credentialName = 'other-tls';
    expect(tls(replaced(gw))).toEqual([`Gateway/tripgen/tripgen-gateway: TLS secret ${gatewayNs}/other-tls is synced by 0 SecretProviderClasses (want 1)`]);
    // Synced in the Gateway object's namespace is not enough: Istio reads it where the gateway pods run.
    const elsewhere = copy('SecretProviderClass', 'tripgen-edge-tls');
    elsewhere.metadata.namespace = 'tripgen';
    expect(tls(replaced(elsewhere))).toHaveLength(1);
  });

  it('fails when nothing mounts the class, one drain could drop the Secret, or the Secret is not a TLS pair', () => {
    expect(tls(without('Deployment', sync))).toEqual([`SecretProviderClass/${gatewayNs}/tripgen-edge-tls: no long-running pod mounts it, so tripgen-ingress-tls is never synced`]);
    const single = copy('Deployment', sync);
    (single.spec as { replicas: number }).replicas = 1;
    expect(tls(replaced(single))).toEqual([`Deployment/${gatewayNs}/${sync}: 1 replica(s): a drain of its node would delete tripgen-ingress-tls`]);
    const opaque = copy('SecretProviderClass', 'tripgen-edge-tls');
    const so = (opaque.spec as { secretObjects: { type: string; data: { objectName: string; key: string }[] }[] }).secretObjects[0]!;
    so.type = 'Opaque';
    so.data[0]!.objectName = 'not-fetched';
    expect(tls(replaced(opaque))).toEqual([
      `SecretProviderClass/${gatewayNs}/tripgen-edge-tls: syncs tripgen-ingress-tls as Opaque, not kubernetes.io/tls`,
      `SecretProviderClass/${gatewayNs}/tripgen-edge-tls: tripgen-ingress-tls.tls.key comes from not-fetched, which the class does not fetch`,
    ]);
  });
});
