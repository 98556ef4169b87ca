import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASES, EDGE_RATE_LIMIT, EDGE_STRIPPED_REQUEST_HEADERS, POSTGRES_BACKUP_JOB, QUEUES, QUEUE_LIMITS, QUEUE_NAMES, REQUEST_BODY_LIMIT_BYTES, SERVICE_NAMES, serviceList, workloadIdentitySubject, workloadName, type QueueName } from '@tripgen/catalog';
import { CATALOG_JSON_PATH, renderCatalogJson } from '../lib/catalog-facts.ts';
import { ENVIRONMENTS, INFRA_DIR, loadSnapshot } from '../lib/bicep.ts';
import { asArray, ofType, prop } from '../lib/props.ts';

const lastSegment = (id: string) => id.split('/').pop() ?? '';

describe('Bicep uses the service catalog\'s facts', () => {
  it('catalog.json is what the catalog renders (else: npm run bicep:snapshot)', () => {
    expect(readFileSync(CATALOG_JSON_PATH, 'utf8')).toBe(renderCatalogJson());
  });

  describe.each(ENVIRONMENTS)('%s', (env) => {
    const resources = loadSnapshot(env).predictedResources;

    it('creates exactly the catalog QUEUE_NAMES with the catalog QUEUE_LIMITS', () => {
      const queues = ofType(resources, 'Microsoft.ServiceBus/namespaces/queues').filter((q) => !q.name.includes('-dr/'));
      expect(queues.map((q) => lastSegment(q.id)).sort()).toEqual([...QUEUE_NAMES].sort());
      for (const q of queues) {
        // The catalog's size is the seed's dev (Basic) queue; Premium sizes its own (rule TripGen.ServiceBus.QueueSizeForTier).
        if (env === 'dev') expect(prop(q, 'properties.maxSizeInMegabytes')).toBe(QUEUE_LIMITS.maxSizeInMegabytes);
        expect(prop(q, 'properties.defaultMessageTimeToLive')).toBe(QUEUE_LIMITS.defaultMessageTimeToLive);
        expect(prop(q, 'properties.maxDeliveryCount')).toBe(QUEUE_LIMITS.maxDeliveryCount);
        expect(prop(q, 'properties.lockDuration')).toBe(QUEUE_LIMITS.lockDuration);
      }
    });

    it('lets through the WAF exactly the request bodies every other layer accepts (catalog REQUEST_BODY_LIMIT_BYTES)', () => {
      for (const waf of ofType(resources, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies')) {
        expect(Number(prop(waf, 'properties.policySettings.maxRequestBodySizeInKb')) * 1024).toBe(REQUEST_BODY_LIMIT_BYTES);
      }
    });

    it('holds each client address at the WAF to the catalog EDGE_RATE_LIMIT', () => {
      const wafs = ofType(resources, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies');
      expect(wafs.length).toBe(env === 'prod' ? 1 : 0);
      for (const waf of wafs) {
        const limits = asArray(prop(waf, 'properties.customRules')).filter((c) => prop(c, 'ruleType') === 'RateLimitRule');
        expect(limits.map((c) => [prop(c, 'rateLimitThreshold'), prop(c, 'rateLimitDuration')])).toEqual([
          [EDGE_RATE_LIMIT.maxPerAddress, { 60_000: 'OneMin', 300_000: 'FiveMins' }[EDGE_RATE_LIMIT.timeWindowMs]],
        ]);
      }
    });

    it('removes the catalog EDGE_STRIPPED_REQUEST_HEADERS from every request Application Gateway sends to the mesh', () => {
      // A header configuration without headerValue deletes the header: Microsoft Learn,
      // New-AzApplicationGatewayRewriteRuleHeaderConfiguration, -HeaderValue ("Header will be deleted
      // if this is omitted"), and "Rewrite HTTP headers and URL with Application Gateway" (a rewrite
      // rule set applies to the requests of the routing rule it is attached to).
      const gateways = ofType(resources, 'Microsoft.Network/applicationGateways');
      expect(gateways.length).toBe(env === 'prod' ? 1 : 0);
      for (const gateway of gateways) {
        const sets = new Map(asArray(prop(gateway, 'properties.rewriteRuleSets')).map((s) => [String(prop(s, 'name')), s]));
        const forwarding = asArray(prop(gateway, 'properties.requestRoutingRules')).filter((r) => prop(r, 'properties.backendAddressPool') !== undefined);
        expect(forwarding.length).toBeGreaterThan(0);
        for (const rule of forwarding) {
          const set = sets.get(lastSegment(String(prop(rule, 'properties.rewriteRuleSet.id'))));
          expect(set, `routing rule ${String(prop(rule, 'name'))} has a rewrite rule set`).toBeDefined();
          const unconditional = asArray(prop(set, 'properties.rewriteRules')).filter((r) => asArray(prop(r, 'conditions') ?? []).length === 0);
          const removed = unconditional.flatMap((r) => asArray(prop(r, 'actionSet.requestHeaderConfigurations')).filter((h) => prop(h, 'headerValue') === undefined));
          expect(removed.map((h) => String(prop(h, 'headerName')).toLowerCase()).sort()).toEqual([...EDGE_STRIPPED_REQUEST_HEADERS].sort());
        }
      }
    });

    it('gives each catalog service (SERVICE_NAMES) one identity federated with its service account', () => {
      // The database-roles identity (prod) is not a service's: the next test covers it; nor is the
      // in-cluster Prometheus's (prod, k8s/test/azure-alerts.test.ts).
      const identities = ofType(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities')
        .map((i) => i.name)
        .filter((n) => n.startsWith('id-tripgen-') && !n.startsWith('id-tripgen-dbroles-') && !n.startsWith('id-tripgen-prometheus-'));
      // Beside them, dev's PostgreSQL backup job has its own (test/backup-storage.test.ts).
      const jobs = env === 'dev' ? [`id-tripgen-${POSTGRES_BACKUP_JOB}-${env}`] : [];
      expect(identities.sort()).toEqual([...SERVICE_NAMES.map((s) => `id-tripgen-${s}-${env}`), ...jobs].sort());
      const federations = ofType(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials');
      for (const s of SERVICE_NAMES) {
        const own = federations.filter((f) => f.name.startsWith(`id-tripgen-${s}-${env}/`));
        expect(own.map((f) => prop(f, 'properties.subject'))).toEqual([workloadIdentitySubject(s)]);
        expect(prop(own[0], 'properties.audiences')).toEqual(['api://AzureADTokenExchange']);
      }
    });

    it('grants Service Bus send/receive exactly on the queues each service produces/consumes', () => {
      const sender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39';
      const receiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0';
      const grants = ofType(resources, 'Microsoft.Authorization/roleAssignments')
        .filter((a) => a.id.includes('/queues/'))
        .map((a) => {
          const role = String(prop(a, 'properties.roleDefinitionId'));
          const queue = a.id.split('/queues/')[1]?.split('/')[0];
          const principal = String(prop(a, 'properties.principalId')).match(/userAssignedIdentities\/id-tripgen-(\w+)-/)?.[1];
          return `${principal} ${role.endsWith(sender) ? 'sends' : role.endsWith(receiver) ? 'receives' : role} ${queue}`;
        })
        .sort();
      const wanted = serviceList()
        .flatMap((s) => [...s.queues.produces.map((q) => `${s.name} sends ${q}`), ...s.queues.consumes.map((q) => `${s.name} receives ${q}`)])
        .sort();
      expect(grants).toEqual(wanted);
    });
  });

  it('lets each service send to every queue its sources write to its outbox (the catalog\'s produces: its Data Sender grant)', () => {
    // The AI service sends a request taken past its deadline back to its own queue (`<scheduleId>.late`):
    // without a grant there, its relay's sends are refused in Azure (the emulator checks no roles).
    const sent = (dir: string): QueueName[] =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('generated'))
        .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/(?:\benqueue\(\s*\w+\s*,|\boutboxMessage\()\s*QUEUES\.(\w+)/g)].map((m) => QUEUES[m[1] as keyof typeof QUEUES]));
    const REPO_ROOT = path.resolve(INFRA_DIR, '..');
    const unsent = serviceList().flatMap((s) => [...new Set(sent(path.join(REPO_ROOT, 'apps', workloadName(s.name), 'src')))].filter((q) => !s.queues.produces.includes(q)).map((q) => `${s.name} sends ${q}`));
    expect(serviceList().some((s) => sent(path.join(REPO_ROOT, 'apps', workloadName(s.name), 'src')).length > 0), 'the check finds the sends (not vacuous)').toBe(true);
    expect(unsent).toEqual([]);
  });

  it('prod PostgreSQL has exactly the catalog DATABASES and the extensions the services need', () => {
    const resources = loadSnapshot('prod').predictedResources;
    const dbs = ofType(resources, 'Microsoft.DBforPostgreSQL/flexibleServers/databases').map((d) => lastSegment(d.id));
    expect(dbs.sort()).toEqual([...DATABASES].sort());
    const extensions = ofType(resources, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations').find((c) => lastSegment(c.id) === 'azure.extensions');
    const wanted = [...new Set(serviceList().flatMap((s) => s.databaseExtensions))].map((e) => e.toUpperCase());
    expect(String(prop(extensions, 'properties.value')).split(',').sort()).toEqual(wanted.sort());
  });
});
