/**
 * What Prometheus itself checks when it loads a rule file (`promtool check rules`, rulefmt.Validate
 * in prometheus/model/rulefmt), over the groups of the rendered PrometheusRules: the operator's CRD
 * schema accepts things Prometheus then refuses (an invalid metric name in `record`, a bad
 * duration, two groups with one name), and a refused file silently drops every rule in it.
 */
import type { K8sObject } from './objects.ts';
import { parsePromql } from './promql.ts';

export interface RuleEntry {
  readonly record?: string;
  readonly alert?: string;
  readonly expr?: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface RuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules?: readonly RuleEntry[];
}

/** prometheus/model: metric names, label names, and durations as the parser accepts them. */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

const validDuration = (d: string): boolean => d === '0' || (d !== '' && DURATION.test(d));

export const ruleGroupsOf = (o: K8sObject): readonly RuleGroup[] =>
  o.kind === 'PrometheusRule' ? ((o.spec as { groups?: RuleGroup[] } | undefined)?.groups ?? []) : [];

/** Problems Prometheus would refuse the rule file for, plus a parse of every expression. */
export function ruleFileProblems(objects: readonly K8sObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects.filter((x) => x.kind === 'PrometheusRule')) {
    const where = `PrometheusRule/${o.metadata.name}`;
    const groups = ruleGroupsOf(o);
    const seen = new Set<string>();
    for (const g of groups) {
      if (!g.name) problems.push(`${where}: a group has no name`);
      if (seen.has(g.name)) problems.push(`${where}: group ${g.name} repeated (rulefmt: groupname must be unique)`);
      seen.add(g.name);
      if (g.interval !== undefined && !validDuration(g.interval)) problems.push(`${where} ${g.name}: interval ${g.interval} is not a duration`);
      if (!g.rules || g.rules.length === 0) problems.push(`${where} ${g.name}: no rules`);
      for (const r of g.rules ?? []) {
        const id = `${where} ${g.name}/${r.alert ?? r.record ?? '(unnamed)'}`;
        if ((r.record === undefined) === (r.alert === undefined)) problems.push(`${id}: exactly one of record and alert`);
        if (r.record !== undefined && !METRIC_NAME.test(r.record)) problems.push(`${id}: record is not a valid metric name`);
        if (r.alert !== undefined && r.alert === '') problems.push(`${id}: empty alert name`);
        if (r.record !== undefined && (r.for !== undefined || r.annotations !== undefined)) problems.push(`${id}: for and annotations belong to alerting rules`);
        if (r.for !== undefined && !validDuration(r.for)) problems.push(`${id}: for ${r.for} is not a duration`);
        for (const l of Object.keys(r.labels ?? {})) if (!LABEL_NAME.test(l) || l.startsWith('__')) problems.push(`${id}: invalid label name ${l}`);
        for (const a of Object.keys(r.annotations ?? {})) if (!LABEL_NAME.test(a)) problems.push(`${id}: invalid annotation name ${a}`);
        if (!r.expr) problems.push(`${id}: no expr`);
        else for (const e of parsePromql(r.expr).errors) problems.push(`${id}: ${e}`);
      }
    }
  }
  return problems;
}

/** Every alerting rule of the rendered PrometheusRules, with where it is. */
export function alertingRules(objects: readonly K8sObject[]): { where: string; rule: RuleEntry & { alert: string } }[] {
  return objects.flatMap((o) =>
    ruleGroupsOf(o).flatMap((g) =>
      (g.rules ?? []).filter((r): r is RuleEntry & { alert: string } => r.alert !== undefined).map((rule) => ({ where: `PrometheusRule/${o.metadata.name} ${g.name}`, rule })),
    ),
  );
}
