/**
 * docs/dr.md's table "What is deployed today, and what a region loss does to it" against the prod
 * snapshot: the drill, its recovery point and its costs start from that table, so it must describe
 * what prod deploys. Every Azure resource that holds state or serves traffic has its row; the
 * PostgreSQL row states as many read replicas as the snapshot has, and geo-redundant backup only
 * when it is enabled; the Service Bus row states the geo-DR pairing only with a secondary in the
 * paired region; the registry row "no geo-replica" only without replications. Shown failing on
 * edited copies of the snapshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

const DR_PAGE = path.resolve(import.meta.dirname, '../../docs/dr.md');

/** The first column of each row of the page's "What is deployed today" table, with the row's text. */
function deployedRows(page: string): Map<string, string> {
  const section = /## What is deployed today[^\n]*\n([\s\S]*?)\n## /.exec(page)?.[1] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| component') && !l.startsWith('|---'));
  return new Map(rows.map((l) => [l.split('|')[1]!.trim(), l]));
}

/** What the page must have a row for: resource type -> words its row's first column contains. */
const ROWS: Record<string, string> = {
  'Microsoft.ContainerService/managedClusters': 'AKS',
  'Microsoft.Network/applicationGateways': 'Application Gateway',
  'Microsoft.DBforPostgreSQL/flexibleServers': 'PostgreSQL',
  'Microsoft.ServiceBus/namespaces': 'Service Bus',
  'Microsoft.EventHub/namespaces': 'Event Hubs',
  'Microsoft.Cache/redisEnterprise': 'Redis',
  'Microsoft.KeyVault/vaults': 'Key Vault',
  'Microsoft.ContainerRegistry/registries': 'Container Registry',
  'Microsoft.OperationalInsights/workspaces': 'Log Analytics',
};

const NUMBERS: Record<string, number> = { no: 0, one: 1, two: 2, three: 3, four: 4, five: 5 };

function pageProblems(page: string, s: Snapshot): string[] {
  const v: string[] = [];
  const rows = deployedRows(page);
  const rowOf = (label: string) => [...rows].find(([name]) => name.includes(label))?.[1];
  for (const [type, label] of Object.entries(ROWS)) {
    if (ofType(s.predictedResources, type).length > 0 && !rowOf(label)) v.push(`no row for ${label} (${type})`);
  }

  const servers = ofType(s.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers');
  const primary = servers.find((r) => prop(r, 'properties.createMode') !== 'Replica');
  const replicas = servers.filter((r) => prop(r, 'properties.createMode') === 'Replica').length;
  const psql = rowOf('PostgreSQL') ?? '';
  const stated = /\b(no|one|two|three|four|five|\d+) (?:read )?replicas?\b/i.exec(psql)?.[1]?.toLowerCase();
  const statedCount = stated === undefined ? 0 : (NUMBERS[stated] ?? Number(stated));
  if (statedCount !== replicas) v.push(`PostgreSQL row states ${stated ?? 'no'} replica(s), prod deploys ${replicas}`);
  const geo = prop(primary, 'properties.backup.geoRedundantBackup') === 'Enabled';
  if (/geo-redundant backup/.test(psql) !== geo) v.push(`PostgreSQL row and geoRedundantBackup (${String(geo)}) disagree`);

  const namespaces = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces');
  const paired = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs').length > 0 && namespaces.some((n) => n.location === 'koreasouth');
  if (/geo-DR pairing/.test(rowOf('Service Bus') ?? '') !== paired) v.push(`Service Bus row and the geo-DR pairing (${String(paired)}) disagree`);

  const replicated = ofType(s.predictedResources, 'Microsoft.ContainerRegistry/registries/replications').length > 0;
  if (/no geo-replica/.test(rowOf('Container Registry') ?? '') === replicated) v.push(`Container Registry row and its replications (${String(replicated)}) disagree`);
  return v;
}

const page = readFileSync(DR_PAGE, 'utf8');
const prod = () => loadSnapshot('prod');

describe('docs/dr.md describes what prod deploys (prod snapshot)', () => {
  it('has a row for every stateful or serving resource, and the rows state what the snapshot has', () => {
    expect(pageProblems(page, prod())).toEqual([]);
  });

  it('fails when the snapshot gains a read replica the page does not state', () => {
    const s = prod();
    const primary = ofType(s.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers')[0]!;
    const replica = structuredClone(primary);
    setProp(replica, 'properties.createMode', 'Replica');
    s.predictedResources.push({ ...replica, name: `${primary.name}-replica-1` });
    expect(pageProblems(page, s)).toEqual([expect.stringMatching(/states no replica\(s\), prod deploys 1/)]);
  });

  it('fails when geo-redundant backup is off but the page says it is there', () => {
    const s = prod();
    setProp(ofType(s.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers')[0]!, 'properties.backup.geoRedundantBackup', 'Disabled');
    expect(pageProblems(page, s)).toEqual([expect.stringMatching(/geoRedundantBackup/)]);
  });
});

const RUNBOOKS = readFileSync(path.resolve(import.meta.dirname, '../../docs/runbooks.md'), 'utf8');

/**
 * The runbooks' PostgreSQL sections (psql-*) send on-call to a read replica (move reads there, read
 * its lag) only when prod deploys one: each line naming a replica while the snapshot has none must
 * say there is none (`no read replica`).
 */
function runbookReplicaProblems(runbooks: string, s: Snapshot): string[] {
  const replicas = ofType(s.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers').filter((r) => prop(r, 'properties.createMode') === 'Replica').length;
  if (replicas > 0) return [];
  const sections = [...runbooks.matchAll(/^## (psql-[\w-]+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)];
  return sections.flatMap(([, name, body]) =>
    body!
      .split('\n')
      // `their replicas` are a service's pods, not the server's.
      .filter((l) => /(?<!their )\breplicas?\b/i.test(l) && !/\bno read replica\b/i.test(l))
      .map((l) => `#${name}: "${l.trim().slice(0, 80)}" names a replica; prod deploys none`),
  );
}

describe('docs/runbooks.md PostgreSQL steps match the replicas prod deploys (prod snapshot)', () => {
  it('names no read replica to act on while prod deploys none', () => {
    expect(runbookReplicaProblems(RUNBOOKS, prod())).toEqual([]);
  });

  it('reads the psql sections, and fails on a step that sends reads to a replica prod does not have', () => {
    const added = RUNBOOKS.replace('## psql-storage\n', '## psql-storage\n\nMove the reads to the read replicas.\n');
    expect(runbookReplicaProblems(added, prod())).toEqual(['#psql-storage: "Move the reads to the read replicas." names a replica; prod deploys none']);
    // With a replica deployed, the steps may use it.
    const s = prod();
    const replica = structuredClone(ofType(s.predictedResources, 'Microsoft.DBforPostgreSQL/flexibleServers')[0]!);
    setProp(replica, 'properties.createMode', 'Replica');
    s.predictedResources.push(replica);
    expect(runbookReplicaProblems(added, s)).toEqual([]);
  });
});
