/**
 * PromQL in the rendered objects (PrometheusRule expressions, Argo Rollouts analysis queries):
 * parsed with Prometheus's own grammar (@prometheus-io/lezer-promql), and every series it selects
 * listed with the label names it matches on, so tests can hold them to the metrics that exist.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { K8sObject } from './objects.ts';

export interface LabelMatcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

export interface Selector {
  readonly metric: string;
  readonly labels: readonly string[];
  readonly matchers: readonly LabelMatcher[];
}

export interface ParsedQuery {
  readonly errors: readonly string[];
  readonly selectors: readonly Selector[];
}

/** Argo Rollouts substitutes `{{args.x}}` before it sends a query; parse what Prometheus receives. */
const withArgs = (query: string): string => query.replace(/\{\{\s*args\.([\w-]+)\s*\}\}/g, (_m, arg: string) => `arg_${arg.replace(/-/g, '_')}`);

/** A PromQL string literal's value (double-quoted, Go escapes; the rendered rules use no others). */
const unquote = (literal: string): string => (literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.slice(1, -1));

/** Whether one series' labels satisfy a matcher; regexes are anchored at both ends, as Prometheus anchors them. */
export const matches = (m: LabelMatcher, labels: Readonly<Record<string, string>>): boolean => {
  const v = labels[m.name] ?? '';
  if (m.op === '=') return v === m.value;
  if (m.op === '!=') return v !== m.value;
  const hit = new RegExp(`^(?:${m.value})$`, 's').test(v);
  return m.op === '=~' ? hit : !hit;
};

export function parsePromql(raw: string): ParsedQuery {
  const query = withArgs(raw);
  const errors: string[] = [];
  const selectors: Selector[] = [];
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.type.isError) errors.push(`syntax error at ${cursor.from}: ${JSON.stringify(query.slice(Math.max(0, cursor.from - 20), cursor.from + 20))}`);
    if (cursor.name === 'VectorSelector') {
      const node = cursor.node;
      const metric = node.getChild('Identifier');
      const text = (n: { from: number; to: number } | null) => (n ? query.slice(n.from, n.to) : '');
      const matchers = (node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []).map((m) => ({
        name: text(m.getChild('LabelName')),
        op: text(m.getChild('MatchOp')) as LabelMatcher['op'],
        value: unquote(text(m.getChild('StringLiteral'))),
      }));
      selectors.push({ metric: text(metric), labels: matchers.map((m) => m.name), matchers });
    }
  } while (cursor.next());
  return { errors, selectors };
}

/** Every PromQL string of the rendered objects, with where it sits. */
export function promqlOf(objects: readonly K8sObject[]): { where: string; query: string }[] {
  const found: { where: string; query: string }[] = [];
  for (const o of objects) {
    if (o.kind === 'PrometheusRule') {
      for (const g of (o.spec as { groups?: { rules?: { alert?: string; record?: string; expr?: string }[] }[] } | undefined)?.groups ?? []) {
        for (const r of g.rules ?? []) if (r.expr) found.push({ where: `PrometheusRule/${o.metadata.name} ${r.alert ?? r.record ?? ''}`, query: r.expr });
      }
    }
    if (o.kind === 'AnalysisTemplate' || o.kind === 'ClusterAnalysisTemplate') {
      for (const m of (o.spec as { metrics?: { name: string; provider?: { prometheus?: { query?: string } } }[] } | undefined)?.metrics ?? []) {
        if (m.provider?.prometheus?.query) found.push({ where: `${o.kind}/${o.metadata.name} ${m.name}`, query: m.provider.prometheus.query });
      }
    }
  }
  return found;
}

/**
 * Problems of the rendered PromQL against the series that exist: `known` maps each metric name to
 * the label names its series carry (null: any label; used for exporters whose labels we do not pin).
 */
export function promqlProblems(objects: readonly K8sObject[], exported: ReadonlyMap<string, ReadonlySet<string> | null>): string[] {
  const known = new Map([...exported, ...recordedSeries(objects)]);
  return promqlOf(objects).flatMap(({ where, query }) => {
    const { errors, selectors } = parsePromql(query);
    const v = [...errors];
    if (selectors.length === 0) v.push('selects no series');
    for (const s of selectors) {
      if (!known.has(s.metric)) {
        v.push(`metric ${s.metric || '(none)'} is not exported by anything we scrape`);
        continue;
      }
      const labels = known.get(s.metric);
      for (const l of s.labels) if (labels && !labels.has(l)) v.push(`${s.metric} has no label ${l}`);
    }
    return v.map((x) => `${where}: ${x}`);
  });
}

/**
 * Series the rendered recording rules produce, with the labels they keep: those of the
 * expression's `by (...)` clauses and the rule's own labels (null: no `by`, labels unknown).
 */
export function recordedSeries(objects: readonly K8sObject[]): Map<string, ReadonlySet<string> | null> {
  const recorded = new Map<string, Set<string> | null>();
  for (const o of objects) {
    if (o.kind !== 'PrometheusRule') continue;
    for (const g of (o.spec as { groups?: { rules?: { record?: string; expr?: string; labels?: Record<string, string> }[] }[] } | undefined)?.groups ?? []) {
      for (const r of g.rules ?? []) {
        if (!r.record || !r.expr) continue;
        const by = [...r.expr.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(',').map((l) => l.trim()).filter(Boolean));
        const labels = by.length > 0 ? new Set([...by, ...Object.keys(r.labels ?? {})]) : null;
        const before = recorded.get(r.record);
        recorded.set(r.record, before === undefined ? labels : before && labels ? new Set([...before, ...labels]) : null);
      }
    }
  }
  return recorded;
}

/**
 * Problems of each `histogram_quantile` call of a query: a classic histogram's quantile is read from
 * its `_bucket` series, and every aggregation on the way must keep `le` (Prometheus docs,
 * histogram_quantile: "The `le` label must be preserved"); without it the function returns nothing.
 */
export function histogramQuantileProblems(raw: string): string[] {
  const query = withArgs(raw);
  const problems: string[] = [];
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.name !== 'FunctionCall') continue;
    const call = cursor.node;
    const fn = call.getChild('FunctionIdentifier');
    if (!fn || query.slice(fn.from, fn.to) !== 'histogram_quantile') continue;
    const inner = call.getChild('FunctionCallBody')!.cursor();
    do {
      if (inner.name === 'VectorSelector') {
        const metric = inner.node.getChild('Identifier');
        const name = metric ? query.slice(metric.from, metric.to) : '';
        if (!name.endsWith('_bucket')) problems.push(`histogram_quantile reads ${name || '(no metric)'}, not a _bucket series`);
      }
      if (inner.name === 'AggregateExpr') {
        const modifier = inner.node.getChild('AggregateModifier');
        const grouping = modifier?.getChild('GroupingLabels')?.getChildren('LabelName').map((l) => query.slice(l.from, l.to)) ?? [];
        const by = modifier?.getChild('By') !== null && modifier !== null;
        const keepsLe = by ? grouping.includes('le') : modifier?.getChild('Without') ? !grouping.includes('le') : false;
        const op = inner.node.getChild('AggregateOp');
        if (!keepsLe) problems.push(`histogram_quantile aggregates away le: ${[op, modifier].map((n) => (n ? query.slice(n.from, n.to) : '')).join(' ').trim()}`);
      }
    } while (inner.next() && inner.from < call.to);
  } while (cursor.next());
  return problems;
}
