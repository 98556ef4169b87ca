/**
 * The rendered rules run through promtool, Prometheus's own rule checker and unit-test runner:
 * `promtool check rules` over the recording rules of gitops/ and the alerting rules handed over to
 * Azure Monitor (infra-bicep/prometheus-alerts.json), then `promtool test rules` over the unit tests
 * of test/promtool/<env>/*.test.yaml (prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/),
 * each reading the rules as the generator wrote them (`rule_files: [recording.yaml]` or
 * `[alerts.yaml]`, written here), never a copy. Every alert needs a case that fires, with its labels
 * and annotations, and one that must not; every recorded series a case per service.
 * promtool is Debian's (prometheus package, 2.42; scripts/install-promtool.sh): without it this fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNBOOKS_URL } from '../src/observability/alerts.ts';
import { PROMTOOL_RUN_LIMIT_MS, TEST_CLUSTER, alertedEnvironments, alertingRuleGroups, promtool, recordingRuleGroups, ruleFile, type RuleGroup } from './support/promtool.ts';

const TESTS_DIR = join(import.meta.dirname, 'promtool');

/** What a unit test file may name from the rules: the runbook link and the cluster Bicep names. */
const PLACEHOLDERS: Readonly<Record<string, string>> = { '${RUNBOOKS_URL}': RUNBOOKS_URL, '${CLUSTER}': TEST_CLUSTER };
const fill = (text: string): string => Object.entries(PLACEHOLDERS).reduce((t, [token, value]) => t.replaceAll(token, value), text);

interface UnitTests {
  rule_files: string[];
  tests: {
    name: string;
    alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[];
    promql_expr_test?: { expr: string; exp_samples?: { labels: string }[] }[];
  }[];
}

const testFiles = (env: string): string[] => readdirSync(join(TESTS_DIR, env)).filter((f) => f.endsWith('.test.yaml')).sort();
const unitTests = (env: string): UnitTests[] => testFiles(env).map((f) => parse(readFileSync(join(TESTS_DIR, env, f), 'utf8')) as UnitTests);

const work = mkdtempSync(join(os.tmpdir(), 'tripgen-promtool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The rules and the unit tests side by side, as promtool resolves `rule_files`. */
function workDir(env: string): string {
  const dir = join(work, env);
  mkdirSync(dir);
  writeFileSync(join(dir, 'recording.yaml'), ruleFile(recordingRuleGroups(env)));
  writeFileSync(join(dir, 'alerts.yaml'), ruleFile(alertingRuleGroups(env)));
  for (const f of testFiles(env)) writeFileSync(join(dir, f), fill(readFileSync(join(TESTS_DIR, env, f), 'utf8')));
  return dir;
}

const alertNames = (groups: readonly RuleGroup[]): string[] => [...new Set(groups.flatMap((g) => g.rules.flatMap((r) => ('alert' in r ? [r.alert] : []))))].sort();
/** Each recording rule as what it records: its series name and the job it records it for. */
const recordings = (groups: readonly RuleGroup[]): { record: string; job: string }[] =>
  groups.flatMap((g) => g.rules.flatMap((r) => ('record' in r ? [{ record: r.record, job: /job="([^"]+)"/.exec(r.expr)?.[1] ?? '(none)' }] : [])));

describe('promtool over the rendered rules', () => {
  it('every environment with alerts has its unit tests, and none without', () => {
    expect(readdirSync(TESTS_DIR).sort()).toEqual(alertedEnvironments());
  });

  describe.each(alertedEnvironments())('%s', (env) => {
    let dir = '';
    beforeAll(() => {
      dir = workDir(env);
    });
    const tests = unitTests(env);

    it('promtool check rules accepts the recording rules of gitops/ and the alerting rules Azure Monitor evaluates', () => {
      // The alerting rules with every lint fatal. The recording rules without the duplicate-rule
      // lint: one rule per service and window records the same name and labels by design, told
      // apart by the job its `sum by (job)` keeps (promtool compares the rules, not their series).
      const alerts = promtool(['check', 'rules', '--lint=all', '--lint-fatal', 'alerts.yaml'], dir);
      expect(alerts.status, alerts.output).toBe(0);
      const recording = promtool(['check', 'rules', '--lint=none', 'recording.yaml'], dir);
      expect(recording.status, recording.output).toBe(0);
      expect(recording.output).toMatch(/SUCCESS: \d+ rules found/);
    });

    // One run a file: all at once took 44 s on a machine at load 7 and 114 s under CI's, past the
    // test's and the spawn's limits (the SLO files hold three days of samples a minute for each replica).
    it.each(testFiles(env))('promtool test rules: every unit test of %s passes', (file) => {
      const run = promtool(['test', 'rules', file], dir);
      expect(run.status, run.output).toBe(0);
    }, PROMTOOL_RUN_LIMIT_MS);

    it('every alert has a case that fires with its labels and annotations, and one that must not', () => {
      const cases = tests.flatMap((t) => t.tests.flatMap((c) => c.alert_rule_test ?? []));
      const firing = new Set(cases.filter((c) => (c.exp_alerts ?? []).length > 0).map((c) => c.alertname));
      const silent = new Set(cases.filter((c) => (c.exp_alerts ?? []).length === 0).map((c) => c.alertname));
      const names = alertNames(alertingRuleGroups(env));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((a) => !firing.has(a)), 'alerts without a firing case').toEqual([]);
      expect(names.filter((a) => !silent.has(a)), 'alerts without a case that must not fire').toEqual([]);
      const expected = cases.flatMap((c) => (c.exp_alerts ?? []) as { exp_annotations?: Record<string, string> }[]);
      expect(expected.filter((a) => !a.exp_annotations?.summary || !a.exp_annotations.description || !a.exp_annotations.runbook_url), 'expected alerts without their annotations').toEqual([]);
    });

    it('every recording rule has a case with its value for the service it records', () => {
      const samples = tests.flatMap((t) => t.tests.flatMap((c) => (c.promql_expr_test ?? []).flatMap((e) => e.exp_samples ?? []))).map((s) => s.labels);
      const recorded = recordings(recordingRuleGroups(env));
      expect(recorded.length).toBeGreaterThan(0);
      const untested = recorded.filter(({ record, job }) => !samples.some((s) => s.startsWith(`${record}{`) && s.includes(`job="${job}"`)));
      expect(untested, 'recording rules without a case').toEqual([]);
    });
  });
});
