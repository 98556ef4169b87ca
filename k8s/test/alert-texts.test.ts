/**
 * An alert's words say the threshold its expression reads: every number with a unit in a summary
 * or description (`200 ms`, `5 s`, `90%`, `more than 5 times`) is one the expression compares
 * against, so a changed threshold cannot leave a stale text behind.
 */
import { describe, expect, it } from 'vitest';
import { seedAlerts, type AlertSpec } from '../src/observability/alerts.ts';
import { spokenMs } from '../src/observability/slo.ts';

/** The thresholds of an expression, as the texts may say them. */
function spokenThresholds(expr: string): Set<string> {
  const out = new Set<string>();
  for (const m of expr.matchAll(/le="([\d.]+)"/g)) out.add(spokenMs(Number(m[1]) * 1000));
  for (const m of expr.matchAll(/>\s*([\d.]+)/g)) {
    const n = Number(m[1]);
    out.add(n < 1 ? `${Math.round(n * 100)}%` : `${n} times`);
  }
  return out;
}

/** Numbers with a unit in an alert's texts. */
const spokenNumbers = (text: string): string[] => [...text.matchAll(/\d+(?:\.\d+)? (?:ms|s)\b|\d+%|\d+ times/g)].map((m) => m[0]);

function textProblems(a: AlertSpec): string[] {
  const thresholds = spokenThresholds(a.expr);
  const said = [...spokenNumbers(a.summary), ...spokenNumbers(a.description)];
  return said.filter((n) => !thresholds.has(n)).map((n) => `${a.alert}: its text says ${n}, its expression reads ${[...thresholds].join(', ')}`);
}

describe('alert texts', () => {
  const alerts = seedAlerts('tripgen');

  it('say only thresholds their expressions read, and each summary names one', () => {
    expect(alerts.flatMap(textProblems)).toEqual([]);
    for (const a of alerts) expect(spokenNumbers(a.summary).length, a.alert).toBeGreaterThan(0);
  });

  it('bite on a stale text', () => {
    const slow = alerts.find((a) => a.alert === 'TripGenResponseSlow')!;
    expect(textProblems({ ...slow, summary: 'Service p95 response time above 250 ms' })).toEqual([
      expect.stringMatching(/^TripGenResponseSlow: its text says 250 ms/),
    ]);
    const restarts = alerts.find((a) => a.alert === 'TripGenPodRestartsHigh')!;
    expect(textProblems({ ...restarts, expr: restarts.expr.replaceAll('> 5', '> 3') })).toEqual([expect.stringMatching(/says 5 times/)]);
  });
});
