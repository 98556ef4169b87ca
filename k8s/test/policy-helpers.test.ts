/**
 * The generic readers the policy rules are built on, against the semantics they imitate: label
 * selectors as Kubernetes defines them (matchLabels AND matchExpressions; In, NotIn, Exists,
 * DoesNotExist; a missing selector selects nothing here), pod templates of workloads only, PromQL
 * in PrometheusRules and AnalysisTemplates, and the field diff of the review comment.
 */
import { describe, expect, it } from 'vitest';
import { podTemplateOf, selects, type K8sObject } from './policy/objects.ts';
import { parsePromql, promqlOf, promqlProblems } from './policy/promql.ts';
import { diffFields, diffObjects, refKey, refOf, toMarkdown } from '../src/review/field-diff.ts';

describe('selects (Kubernetes label selector semantics)', () => {
  const pod = { app: 'user', tier: 'api' };
  it.each([
    ['no selector selects nothing', undefined, false],
    ['an empty selector selects everything', {}, true],
    ['matchLabels, all equal', { matchLabels: { app: 'user', tier: 'api' } }, true],
    ['matchLabels, one differs', { matchLabels: { app: 'trip' } }, false],
    ['matchLabels, one missing', { matchLabels: { zone: 'a' } }, false],
    ['In, value listed', { matchExpressions: [{ key: 'app', operator: 'In', values: ['trip', 'user'] }] }, true],
    ['In, value not listed', { matchExpressions: [{ key: 'app', operator: 'In', values: ['trip'] }] }, false],
    ['In, label missing', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, false],
    ['NotIn, value listed', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['user'] }] }, false],
    ['NotIn, value not listed', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['trip'] }] }, true],
    ['NotIn, label missing', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists, present', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['Exists, absent', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    ['DoesNotExist, absent', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist, present', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    ['labels and expressions must both hold', { matchLabels: { app: 'user' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] }, false],
  ])('%s', (_what, selector, expected) => {
    expect(selects(selector, pod)).toBe(expected);
  });
});

describe('podTemplateOf', () => {
  const object = (kind: string, spec?: Record<string, unknown>): K8sObject => ({ apiVersion: 'v1', kind, metadata: { name: 'x' }, ...(spec ? { spec } : {}) });
  it('reads a workload\'s template, with empty labels and annotations when it has none', () => {
    expect(podTemplateOf(object('Job', { template: { spec: { containers: [] } } }))).toEqual({ labels: {}, annotations: {}, spec: { containers: [] } });
  });
  it('has none for other kinds or a workload without a pod spec', () => {
    expect(podTemplateOf(object('Service', { template: { spec: { containers: [] } } }))).toBeNull();
    expect(podTemplateOf(object('Deployment', { template: {} }))).toBeNull();
    expect(podTemplateOf(object('Deployment'))).toBeNull();
  });
});

describe('PromQL of the rendered objects', () => {
  const rule = (expr?: string, alert?: string, record?: string): K8sObject => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'r' },
    spec: { groups: [{ rules: [{ ...(expr ? { expr } : {}), ...(alert ? { alert } : {}), ...(record ? { record } : {}) }] }, {}] },
  });
  const template = (kind: string, query?: string): K8sObject => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind,
    metadata: { name: 't' },
    spec: { metrics: [{ name: 'm', provider: { prometheus: query ? { query } : {} } }, { name: 'n' }] },
  });

  it('finds rule expressions and analysis queries, naming where each sits', () => {
    expect(promqlOf([rule('up', 'Down'), rule('sum(up)', undefined, 'job:up'), rule(), template('AnalysisTemplate', 'up'), template('ClusterAnalysisTemplate'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }])).toEqual([
      { where: 'PrometheusRule/r Down', query: 'up' },
      { where: 'PrometheusRule/r job:up', query: 'sum(up)' },
      { where: 'AnalysisTemplate/t m', query: 'up' },
    ]);
  });

  it('reports syntax errors, queries without a series, unknown metrics and labels a metric does not carry', () => {
    expect(parsePromql('sum(rate(http_requests_total{job="x"}[5m])').errors.length).toBeGreaterThan(0);
    const known = new Map<string, ReadonlySet<string> | null>([['up', new Set(['job'])], ['anything', null]]);
    expect(promqlProblems([rule('up{job="a"}', 'A'), rule('anything{x="1"}', 'B')], known)).toEqual([]);
    const problems = promqlProblems([rule('vector(1)', 'C'), rule('missing_total', 'D'), rule('up{pod="p"}', 'E')], known).join('\n');
    expect(problems).toMatch(/selects no series/);
    expect(problems).toMatch(/metric missing_total is not exported/);
    expect(problems).toMatch(/up has no label pod/);
  });
});

describe('field diff edge cases', () => {
  it('keeps empty lists and maps as leaves, indexes unnamed list items by position, quotes keys that are not plain', () => {
    expect(diffFields({ a: [], b: {}, c: [1, 2] }, { a: [1], b: { x: 'y' }, c: [1, 3], m: { 'app.kubernetes.io/name': 'x' } })).toEqual([
      { path: 'a', before: '[]', after: undefined },
      { path: 'a[0]', before: undefined, after: '1' },
      { path: 'b', before: '{}', after: undefined },
      { path: 'b.x', before: undefined, after: '"y"' },
      { path: 'c[1]', before: '2', after: '3' },
      { path: 'm."app.kubernetes.io/name"', before: undefined, after: '"x"' },
    ]);
  });

  it('names objects without metadata, skips unchanged ones, and reports removals in env order', () => {
    expect(refOf('dev', {})).toEqual({ env: 'dev', kind: '?', namespace: '', name: '?' });
    const cm = { kind: 'ConfigMap', metadata: { name: 'same' }, data: { a: '1' } };
    const index = (env: string, objects: object[]) => new Map(objects.map((o) => [refKey(refOf(env, o)), { ref: refOf(env, o), object: o }]));
    expect(diffObjects(index('dev', [cm]), index('dev', [cm]))).toEqual([]);
    const removed = diffObjects(index('prod', [cm, { ...cm, metadata: { name: 'gone', namespace: 'ns' } }]), index('prod', [cm]));
    expect(removed.map((c) => [c.change, c.ref.name])).toEqual([['removed', 'gone']]);
    const md = toMarkdown(removed, 'Rendered diff');
    expect(md).toContain('**prod**: 0 changed, 0 added, 1 removed');
    expect(md).toContain('- **ns/gone** removed');
    expect(toMarkdown([], 'Rendered diff')).toBe('## Rendered diff\n\nNo rendered object changed.\n');
  });
});
