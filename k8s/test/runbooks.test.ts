/**
 * Every alert that exists has a runbook section: the alerting rules are read from the rendered
 * PrometheusRules of both environments (none since Azure Monitor evaluates them: a guard for one
 * added there), the Prometheus rule groups and the Azure Monitor alerts from the Bicep snapshots, so an
 * alert added later fails here until docs/runbooks.md has its section, names the alert there and
 * says what to run first. Shown failing on broken copies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUEUE_NAMES, SERVICE_NAMES } from '@tripgen/catalog';
import { runbookAnchor, runbookProblems, type AlertRunbookLink } from './policy/alerts.ts';
import { argocdAppProblems, runbookCommandProblems, runbookCommands } from './policy/runbook-commands.ts';
import { RUNBOOKS_URL } from '../src/observability/alerts.ts';
import { alertingRules } from './policy/prometheus-rules.ts';
import type { K8sObject } from './policy/objects.ts';
import { repoPath } from '../src/lib/paths.ts';
import { objectsOf } from './support/gitops.ts';

const runbooks = readFileSync(repoPath('docs', 'runbooks.md'), 'utf8');

/** Sections the seed asks for without an alert of their own (§12.1.1 checklist, §12.2.1 troubleshooting, §10 recovery). */
const REQUIRED_SECTIONS = ['operations-checklist', 'pod-restarts', 'network-timeouts', 'database-connection', 'backup-restore', 'region-loss'];

const prometheusAlerts = (objects: readonly K8sObject[]): AlertRunbookLink[] =>
  alertingRules(objects).map(({ rule }) => ({ alert: rule.alert, anchor: runbookAnchor(rule.annotations?.runbook_url) }));

/**
 * Azure Monitor alerts of a snapshot, named `alert-<key>-tripgen-<env>` (one alert of a kind per
 * queue: `alert-<kind>-<queue>-tripgen-<env>`), and linked by the custom property `runbook` of their
 * notification (a metric alert's webHookProperties, a log alert's customProperties). The runbook
 * names each with `<env>` (and `<queue>`). A link outside the runbooks the rules link is no link.
 */
function azureAlerts(env: 'dev' | 'prod', snapshot = loadSnapshot(env)): AlertRunbookLink[] {
  const perQueue = new RegExp(`^(.+)-(?:${QUEUE_NAMES.join('|')})$`);
  return snapshot.predictedResources
    .filter((r) => /^Microsoft\.Insights\/(metricAlerts|scheduledQueryRules|activityLogAlerts)$/i.test(r.type))
    .map((r) => {
      const key = new RegExp(`^alert-(.+)-tripgen-${env}$`).exec(r.name)?.[1];
      const kind = key && perQueue.exec(key)?.[1];
      const alert = kind ? `alert-${kind}-<queue>-tripgen-<env>` : key ? `alert-${key}-tripgen-<env>` : r.name;
      const link = azureRunbookLink(r);
      return { alert, anchor: link?.startsWith(`${RUNBOOKS_URL}#`) ? runbookAnchor(link) : null };
    });
}

/**
 * Alerts of the Azure Monitor Prometheus rule groups of a snapshot (the in-cluster rules, evaluated by
 * Azure Monitor: k8s/test/azure-alerts.test.ts), linked by the `runbook` action property of their
 * notification. A link outside the runbooks the rules link is no link.
 */
function azurePrometheusAlerts(snapshot: { predictedResources: SnapshotAlert[] }): AlertRunbookLink[] {
  return snapshot.predictedResources
    .filter((r) => /^Microsoft\.AlertsManagement\/prometheusRuleGroups$/i.test(r.type))
    .flatMap((r) => (r.properties as { rules: { alert: string; actions?: { actionProperties?: { runbook?: string } }[] }[] }).rules)
    .map((rule) => {
      const link = rule.actions?.[0]?.actionProperties?.runbook;
      return { alert: rule.alert, anchor: link?.startsWith(`${RUNBOOKS_URL}#`) ? runbookAnchor(link) : null };
    });
}

const loadSnapshot = (env: 'dev' | 'prod') => JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', `${env}.snapshot.json`), 'utf8')) as { predictedResources: SnapshotAlert[] };

interface SnapshotAlert {
  type: string;
  name: string;
  properties?: { actions?: { webHookProperties?: { runbook?: string } }[] | { customProperties?: { runbook?: string } }; rules?: unknown };
}

const azureRunbookLink = (r: SnapshotAlert): string | undefined => {
  const actions = r.properties?.actions;
  return Array.isArray(actions) ? actions[0]?.webHookProperties?.runbook : actions?.customProperties?.runbook;
};

/** Every alert once per section it links (an alert is in several environments' rules). */
const allAlerts = (): AlertRunbookLink[] => [
  ...new Map(
    [
      ...prometheusAlerts(objectsOf('dev')),
      ...prometheusAlerts(objectsOf('prod')),
      ...azureAlerts('dev'),
      ...azureAlerts('prod'),
      ...azurePrometheusAlerts(loadSnapshot('dev')),
      ...azurePrometheusAlerts(loadSnapshot('prod')),
    ].map((a) => [`${a.alert}#${a.anchor}`, a]),
  ).values(),
];

describe('runbooks: every alert that exists has a section in docs/runbooks.md', () => {
  it('reads the alerts from the rendered rules and the snapshots (the list is not pinned here)', () => {
    const names = new Set(allAlerts().map((a) => a.alert));
    // The seed's six, the SLO burn-rate pairs, the dependency alerts, and Azure Monitor's own.
    expect(names).toContain('TripGenPodRestartsHigh');
    expect(names).toContain('TripGenAvailabilityBudgetBurnFast');
    expect(names).toContain('TripGenDatabaseUnreachable');
    expect(names).toContain('alert-psql-storage-tripgen-<env>');
    expect(names.size).toBeGreaterThanOrEqual(20);
  });

  it('reads the alerts Azure Monitor evaluates for the in-cluster Prometheus, with their runbook links', () => {
    const evaluated = azurePrometheusAlerts(loadSnapshot('prod'));
    expect(evaluated.map((a) => a.alert)).toEqual(expect.arrayContaining(['TripGenPodRestartsHigh', 'TripGenSchedulesNotTaken', 'TripGenLatencyBudgetBurnSlow']));
    expect(evaluated.filter((a) => a.anchor === null)).toEqual([]);
  });

  it('names each alert in the section it links to, and every section says what to run first', () => {
    expect(runbookProblems(allAlerts(), runbooks, REQUIRED_SECTIONS)).toEqual([]);
  });

  it('fails for an alert added without a section, a section that does not name its alert, a missing first step, a missing required section', () => {
    const added = [...allAlerts(), { alert: 'TripGenQueueStuck', anchor: 'queue-stuck' }, { alert: 'TripGenUnlinked', anchor: null }];
    expect(runbookProblems(added, runbooks, REQUIRED_SECTIONS)).toEqual([
      'TripGenQueueStuck: docs/runbooks.md has no section #queue-stuck',
      'TripGenUnlinked: no runbook link',
    ]);
    const renamed = runbooks.replace('**TripGenCpuHigh (warning)**', '**The CPU alert (warning)**');
    expect(runbookProblems(allAlerts(), renamed, REQUIRED_SECTIONS)).toEqual(['TripGenCpuHigh: section #cpu-high does not name the alert']);
    const noFirst = runbooks.replace('**First:** `kubectl -n tripgen get hpa`\n', '');
    expect(runbookProblems(allAlerts(), noFirst, REQUIRED_SECTIONS)).toEqual(['docs/runbooks.md #cpu-high: no **First:** command or query']);
    // An Azure alert whose notification carries no link, or a link to other runbooks than the rules'.
    const snapshot = loadSnapshot('prod');
    const alertNamed = (name: string) => snapshot.predictedResources.find((r) => r.name === name)!;
    (alertNamed('alert-psql-storage-tripgen-prod').properties!.actions as { webHookProperties?: object }[])[0]!.webHookProperties = {};
    (alertNamed('alert-pod-restarts-tripgen-prod').properties!.actions as { customProperties: { runbook: string } }).customProperties.runbook = 'https://example.org/docs/runbooks.md#pod-restarts';
    expect(runbookProblems(azureAlerts('prod', snapshot), runbooks, [])).toEqual([
      'alert-psql-storage-tripgen-<env>: no runbook link',
      'alert-pod-restarts-tripgen-<env>: no runbook link',
    ]);
    const group = snapshot.predictedResources.find((r) => /prometheusRuleGroups$/i.test(r.type))!;
    const rules = (group.properties as { rules: { alert: string; actions: { actionProperties: Record<string, string> }[] }[] }).rules;
    rules[0]!.actions[0]!.actionProperties = {};
    rules[1]!.actions[0]!.actionProperties = { runbook: 'https://example.org/docs/runbooks.md#ai-response-slow' };
    expect(runbookProblems(azurePrometheusAlerts(snapshot), runbooks, [])).toEqual([`${rules[0]!.alert}: no runbook link`, `${rules[1]!.alert}: no runbook link`]);
    const noNetwork = runbooks.replace('## network-timeouts', '## network');
    expect(runbookProblems(allAlerts(), noNetwork, REQUIRED_SECTIONS)).toEqual(['docs/runbooks.md: section #network-timeouts missing']);
  });
});

/** The environments each section's alerts exist in, from the same rules and snapshots. */
const sectionEnvs = (): Map<string, Set<'dev' | 'prod'>> => {
  const envs = new Map<string, Set<'dev' | 'prod'>>();
  for (const env of ['dev', 'prod'] as const) {
    const snapshot = loadSnapshot(env);
    for (const { anchor } of [...prometheusAlerts(objectsOf(env)), ...azureAlerts(env, snapshot), ...azurePrometheusAlerts(snapshot)]) {
      if (anchor) envs.set(anchor, (envs.get(anchor) ?? new Set()).add(env));
    }
  }
  return envs;
};

describe('runbooks: the kubectl commands name objects the render has', () => {
  const rendered = { dev: objectsOf('dev'), prod: objectsOf('prod') };
  const check = (md: string) => runbookCommandProblems(md, rendered, sectionEnvs(), SERVICE_NAMES);

  it('reads the commands and the environment each is for', () => {
    const commands = runbookCommands(runbooks);
    expect(commands.length).toBeGreaterThanOrEqual(40);
    expect(commands).toContainEqual({ section: 'database-connection', env: 'dev', command: 'kubectl -n tripgen get pod postgres-0' });
    expect(sectionEnvs().get('schedules-not-taken')).toEqual(new Set(['prod']));
  });

  it('every object, label and container a command in the tripgen namespace names is rendered in its environment', () => {
    expect(check(runbooks)).toEqual([]);
  });

  it('fails on a Deployment where prod runs a Rollout, a misnamed object, label or container', () => {
    const broken = `${runbooks}
## schedules-not-taken
1. \`kubectl -n tripgen logs deploy/ai-service\`; dev: \`kubectl -n tripgen describe secretproviderclass ai-service\`
2. prod: \`kubectl -n tripgen get pods -l app.kubernetes.io/name=<service>\`, \`kubectl -n tripgen exec deploy/trip-service -c trip-service -- ls\`
`;
    expect(check(broken)).toEqual([
      '#schedules-not-taken: `kubectl -n tripgen logs deploy/ai-service`: Deployment ai-service: not rendered in prod',
      '#schedules-not-taken: `kubectl -n tripgen describe secretproviderclass ai-service`: SecretProviderClass ai-service: not rendered in dev',
      ...SERVICE_NAMES.map((s) => `#schedules-not-taken: \`kubectl -n tripgen get pods -l app.kubernetes.io/name=<service>\`: pods -l app.kubernetes.io/name=${s}: not rendered in prod`),
      '#schedules-not-taken: `kubectl -n tripgen exec deploy/trip-service -c trip-service -- ls`: Deployment trip-service: not rendered in prod',
    ]);
  });
});

describe('runbooks: the argocd commands name Applications the render has', () => {
  const applications = new Set(['dev', 'prod'].flatMap((env) => objectsOf(env).filter((o) => o.kind === 'Application').map((o) => o.metadata.name)));
  const docs = ['docs/runbooks.md', 'docs/dr.md', 'k8s/README.md'].map((f) => [f, readFileSync(repoPath(...f.split('/')), 'utf8')] as const);

  it('reads the Applications, the services\' among them', () => {
    expect(applications).toContain('tripgen-prod-trip-service');
    expect(applications).toContain('tripgen-dev');
  });

  it.each(docs)('%s: every `argocd app <verb> <name>` names an Application of each environment it is for', (_, md) => {
    // Before: `argocd app sync tripgen-<env>-<service>` (migration-lock-wait), tripgen-dev-trip and so on: no such Application.
    expect(argocdAppProblems(md, applications, SERVICE_NAMES)).toEqual([]);
  });

  it('fails on a misnamed Application, and passes a selector, a shell variable and the root app', () => {
    const md = 'sync (`argocd app sync tripgen-<env>-<service>`), then `argocd app\n  wait tripgen-prod-ai-service`; `argocd app sync -l a=b`, `argocd app sync $wave`, `argocd app sync tripgen-prod --async`';
    expect(argocdAppProblems(md, applications, ['trip'])).toEqual([
      '`argocd app sync tripgen-<env>-<service>`: no Application tripgen-dev-trip',
      '`argocd app sync tripgen-<env>-<service>`: no Application tripgen-prod-trip',
    ]);
    expect(argocdAppProblems(md.replace('<service>`', '<service>-service`'), applications, ['trip'])).toEqual([]);
  });
});
