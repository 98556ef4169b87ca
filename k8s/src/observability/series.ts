/**
 * The metric names a PromQL expression reads, for the remote-write keep list (what leaves the
 * cluster for Azure Monitor, which bills per ingested sample). A tokenizer, not a parser: the
 * renderer's own dependencies stay cdk8s and yaml, and the expressions are ours (rules.ts builders).
 * k8s/test/azure-alerts.test.ts holds its answer to Prometheus's own grammar (@prometheus-io/lezer-promql)
 * for every rule, so an expression it misreads fails there.
 */

/** PromQL words that are neither metrics nor functions (binary operators, modifiers, literals). */
const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'atan2', 'inf', 'nan', 'start', 'end']);

/** What never names a metric: string literals, label matchers `{…}`, ranges and subqueries `[…]`, label lists of grouping modifiers. */
const NOT_METRICS = [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, /\{[^}]*\}/g, /\[[^\]]*\]/g, /\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g];

/** A whole word of the metric name alphabet (Prometheus data model: [a-zA-Z_:][a-zA-Z0-9_:]*), not glued to a number (5m); followed by `(`, a function. */
const WORD = /(?<![\w.:])([a-zA-Z_:][\w:]*)(\s*\()?/g;

export function metricNames(expr: string): string[] {
  const bare = NOT_METRICS.reduce((text, pattern) => text.replace(pattern, ' '), expr);
  const names = [...bare.matchAll(WORD)].filter(([, word, call]) => !call && !KEYWORDS.has(word!.toLowerCase())).map(([, word]) => word!);
  return [...new Set(names)].sort();
}
