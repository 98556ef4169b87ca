/**
 * NetworkPolicies allow exactly what the catalog's call graph needs (issue 2, item 5): every
 * service reaches the services it calls (plus the user service's JWKS) and nothing else in the
 * namespace; it is reached only by its callers, the edge, and (prod) monitoring and the rollout
 * analysis.
 */
import { describe, expect, it } from 'vitest';
import { needsJwks, serviceList, workloadName, type ServiceName } from '@tripgen/catalog';
import { loadAzureOutputs } from '../src/config/azure-outputs.ts';
import { find } from './support/gitops.ts';

interface Peer { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: { matchLabels?: Record<string, string> }; ipBlock?: { cidr: string } }
interface Rule { from?: Peer[]; to?: Peer[]; ports?: { port: number; protocol: string }[] }
const policy = (env: string, name: string) => find(env, 'NetworkPolicy', name).spec as { ingress: Rule[]; egress: Rule[] };
const podsIn = (rules: Rule[], key: 'from' | 'to') =>
  rules.flatMap((r) => (r[key] ?? []).filter((p) => p.podSelector && !p.namespaceSelector).map((p) => p.podSelector!.matchLabels!['app.kubernetes.io/name']!)).sort();

describe.each(['dev', 'prod'])('%s NetworkPolicies follow the call graph', (env) => {
  it.each(serviceList().map((s) => [s.name, s] as const))('%s service: egress to its callees (and the JWKS), ingress from its callers', (_n, s) => {
    const np = policy(env, workloadName(s.name));
    const callees = new Set<ServiceName>(s.calls);
    if (needsJwks(s)) callees.add('user');
    const dataStores = env === 'dev' ? ['postgres', 'redis'] : [];
    expect(podsIn(np.egress, 'to')).toEqual([...[...callees].map(workloadName), ...dataStores].sort());
    const callers = serviceList().filter((c) => c.name !== s.name && (c.calls.includes(s.name) || (s.name === 'user' && needsJwks(c))));
    expect(podsIn(np.ingress, 'from')).toEqual(callers.map((c) => workloadName(c.name)).sort());
    for (const r of np.ingress) expect(r.ports).toEqual(expect.arrayContaining([{ protocol: 'TCP', port: s.port }]));
  });
});

describe('prod NetworkPolicies: from other namespaces only the edge, Prometheus and (blue-green) the rollout smoke check', () => {
  it.each(serviceList().map((s) => [s.name, s] as const))('%s service', (_n, s) => {
    const peers = policy('prod', workloadName(s.name))
      .ingress.flatMap((r) => (r.from ?? []).filter((p) => p.namespaceSelector).map((p) => p.namespaceSelector!.matchLabels!['kubernetes.io/metadata.name']!))
      .sort();
    expect(peers).toEqual(['aks-istio-ingress', 'monitoring', ...(s.delivery === 'blue-green' ? ['argo-rollouts'] : [])].sort());
  });
});

describe('prod NetworkPolicies reach the managed data stores in the subnets Bicep hands over', () => {
  it.each(serviceList().map((s) => [s.name] as const))('%s service and its migration Job', (name) => {
    // Bicep owns the ranges (env/prod.bicepparam → snapshot → outputs/prod.outputs.json, checked by
    // infra-bicep/test/build.test.ts); the rendered policies must carry exactly those.
    const azure = loadAzureOutputs('prod');
    const cidrs = (np: { egress: Rule[] }) => np.egress.flatMap((r) => (r.to ?? []).flatMap((p) => (p.ipBlock ? [p.ipBlock.cidr] : []))).sort();
    expect(cidrs(policy('prod', workloadName(name)))).toEqual([azure.postgresSubnetCidr, azure.redisSubnetCidr, azure.privateEndpointSubnetCidr].sort());
    expect(cidrs(policy('prod', `${name}-migrate`))).toEqual([azure.postgresSubnetCidr]);
  });
});

describe('dev data store NetworkPolicies', () => {
  it('let only the services, their migrations and the backup job reach PostgreSQL, and give the stores no egress', () => {
    const pg = policy('dev', 'postgres').ingress[0]!.from![0]!.podSelector as unknown as { matchExpressions: { values: string[] }[] };
    expect(pg.matchExpressions[0]!.values.sort()).toEqual([...serviceList().flatMap((s) => [workloadName(s.name), `${s.name}-migrate`]), 'postgres-backup'].sort());
    expect(policy('dev', 'redis').egress).toEqual([]);
    expect(policy('dev', 'postgres').egress).toEqual([]);
  });
});

describe('egress to any address: HTTPS only in prod, where Service Bus and Event Hubs sit behind private endpoints', () => {
  // What the pods open outside the cluster (traced on the local stack through a traveller's flow,
  // s21 audit): PostgreSQL, Redis, AMQP to Service Bus (all four; the trip service also Event Hubs
  // in prod), and in Azure HTTPS to the Entra ID token endpoint and Application Insights. AMQP is
  // TLS on 5671 (Microsoft, "AMQP 1.0 in Azure Service Bus and Event Hubs protocol guide": 5671,
  // or 5672 upgraded to TLS, or WebSockets on 443; the kit sets no WebSockets transport). In prod
  // both namespaces have public network access off and a private endpoint in the private endpoint
  // subnet (infra-bicep servicebus.bicep, eventhubs.bicep), so 5671 anywhere else reaches nothing
  // the services use.
  const openPorts = (np: { egress: Rule[] }) => np.egress.filter((r) => !r.to).flatMap((r) => (r.ports ?? []).map((p) => p.port)).sort();
  const amqpPeers = (np: { egress: Rule[] }) => np.egress.filter((r) => r.ports?.some((p) => p.port === 5671)).flatMap((r) => r.to ?? [{}]);

  it.each(serviceList().map((s) => [s.name] as const))('%s service', (name) => {
    const azure = loadAzureOutputs('prod');
    expect(openPorts(policy('prod', workloadName(name)))).toEqual([443]);
    expect(amqpPeers(policy('prod', workloadName(name)))).toEqual([{ ipBlock: { cidr: azure.privateEndpointSubnetCidr } }]);
    // dev's Basic namespace has only its public endpoint.
    expect(openPorts(policy('dev', workloadName(name)))).toEqual([443, 5671]);
  });
});
