/**
 * Service level objectives as code (seed §10.1.1 availability, §12.1.2 response times), one per
 * catalog service and SLI: recording rules for the error ratio of each SLI over each window the
 * alerts read (a PrometheusRule), and multi-window, multi-burn-rate alerts as the SRE
 * workbook recommends (https://sre.google/workbook/alerting-on-slos/, "Multiwindow, multi-burn-rate
 * alerts": page at 14.4x over 1 h and 6x over 6 h, ticket at 1x over 3 days, each confirmed by a
 * short window of 1/12 of the long one so the alert also resets quickly). Azure evaluates them over
 * both Prometheus replicas' series, each replica's long window counted for the share of it that
 * replica holds (sloCoverage), so a replica with a gap in its data does not page for errors the
 * whole window would have diluted; and each long window must hold the share of the budget it stands
 * for in failed requests, counted from the service's usual traffic (budgetShareThreshold), so one
 * failure in an idle hour does not page.
 */
import { Construct } from 'constructs';
import { OPERATIONAL_PATHS, serviceList, type EnvironmentName } from '@tripgen/catalog';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import { RUNBOOKS_URL } from './alerts.ts';
import { bucketBound, latencyBudgetMs } from './slo.ts';
import { emitPrometheusRule, type PrometheusRuleProps } from './prometheus-rule.ts';

/** Seed §10.1.1: 95% in dev (36 h of downtime a month), 99.9% in prod (43 min a month). */
export const AVAILABILITY_OBJECTIVE: Readonly<Record<EnvironmentName, number>> = { dev: 0.95, prod: 0.999 };

/**
 * Share of requests that must answer within the service's latency budget (its catalog response-time
 * objective: 200 ms, itineraries 5 s): the seed's response-time alerts are p95 figures, so the
 * objective is 95% within budget.
 */
export const LATENCY_OBJECTIVE = 0.95;

/** The period the error budget is counted over (the workbook's burn rates assume 30 days). */
export const SLO_PERIOD_DAYS = 30;

export type SliName = 'availability' | 'latency';

export interface BurnRateWindow {
  readonly long: string;
  readonly short: string;
  /** Multiple of the sustainable error rate (1 spends the budget exactly in SLO_PERIOD_DAYS). */
  readonly burnRate: number;
}

export interface BurnRateAlert {
  readonly speed: 'fast' | 'slow';
  readonly severity: 'critical' | 'warning';
  /** Either window pair firing fires the alert. */
  readonly windows: readonly BurnRateWindow[];
  /** 0m as in the workbook: the short window is what keeps a blip from firing. */
  readonly for: string;
}

/** The workbook's recommended parameters (table "Recommended parameters"): 2% and 5% of the
 * budget spent page, 10% over three days opens a ticket. */
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
  {
    speed: 'fast',
    severity: 'critical',
    windows: [
      { long: '1h', short: '5m', burnRate: 14.4 },
      { long: '6h', short: '30m', burnRate: 6 },
    ],
    for: '0m',
  },
  { speed: 'slow', severity: 'warning', windows: [{ long: '3d', short: '6h', burnRate: 1 }], for: '0m' },
];

/**
 * How often the cluster's Prometheus evaluates the SLO recording rules (their group's interval,
 * instead of the operator's 30 s default): the number of samples a replica that held the whole of
 * a window has recorded in it, the base of sloCoverage.
 */
export const SLO_RECORDING_INTERVAL = '1m';

/** Every window a recording rule is needed for, shortest first. */
export const SLO_WINDOWS: readonly string[] = [...new Set(BURN_RATE_ALERTS.flatMap((a) => a.windows.flatMap((w) => [w.short, w.long])))].sort(
  (a, b) => seconds(a) - seconds(b),
);

function seconds(duration: string): number {
  const unit = { m: 60, h: 3600, d: 86400 }[duration.slice(-1)];
  if (!unit) throw new Error(`unsupported window ${duration}`);
  return Number(duration.slice(0, -1)) * unit;
}

/** Recorded series: `job:<sli>:ratio_rate<window>`, the share of bad requests per metrics job. */
export const sliRecord = (sli: SliName, window: string): string =>
  `job:slo_${sli === 'availability' ? 'errors' : 'slow_requests'}:ratio_rate${window}`;

export const objectiveOf = (sli: SliName, env: EnvironmentName): number => (sli === 'availability' ? AVAILABILITY_OBJECTIVE[env] : LATENCY_OBJECTIVE);

/** Anchor of the section in docs/runbooks.md that each SLO alert links to. */
export const sloRunbook = (sli: SliName): string => `slo-${sli}-burn`;

const SLIS: readonly SliName[] = ['availability', 'latency'];

export const sloAlertName = (sli: SliName, speed: BurnRateAlert['speed']): string =>
  `TripGen${sli === 'availability' ? 'Availability' : 'Latency'}BudgetBurn${speed === 'fast' ? 'Fast' : 'Slow'}`;

interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface SloRuleGroup {
  name: string;
  interval?: string;
  rules: (RecordingRule | AlertingRule)[];
}

/** Decimal form without float noise (14.4 * 0.001 = 0.014400000000000001). */
const ratio = (x: number): string => String(Number(x.toPrecision(12)));

/**
 * What marks a minute a replica held a job's data: at each SLO_RECORDING_INTERVAL, whether it scraped
 * at least one of the job's targets (`up` is 1). Counted from the scrape, not from the request
 * counters: a job whose pods were replaced and have answered no request since (the kit makes a
 * series at its first request, metrics.ts durationRecorder) has no request series at all, which
 * says nothing about what the replica holds, while its targets are still scraped every interval.
 * Recorded in the cluster, where `up` is, and remote-written with the ratios (alertedSeries keeps
 * it: the alerts read it), one series per job and replica, one sample a minute.
 */
export const SLO_SCRAPED_RECORD = 'job:slo_scraped:up';

/** The label the latency ratios carry and the coverage does not (the job's budget). */
const LATENCY_BUDGET_LABEL = 'slo_latency_budget_ms';

/**
 * The share of a long window a replica holds the data of: how many minutes of it the replica
 * scraped the job (SLO_SCRAPED_RECORD) over how many a replica that ran the whole of it did (one
 * per SLO_RECORDING_INTERVAL), at most 1. A replica on a fresh volume, or back from a gap (down,
 * or its scrapes failing), records its long windows' ratios over the part it holds only: 2% errors
 * for its 10 minutes read 1.91% "over 1 h" while the full replica, which saw the hour, reads 0.31%.
 * A quiet job (no request, no request series) that the replica kept scraping is fully held. Same
 * labels as the availability ratios (the job's, and the replica's and cluster's in Azure), so it
 * divides them one to one; the alert ignores the latency ratios' budget label.
 */
export const sloCoverage = (window: string): string =>
  `clamp_max(count_over_time(${SLO_SCRAPED_RECORD}[${window}]) / ${seconds(window) / seconds(SLO_RECORDING_INTERVAL)}, 1)`;

/**
 * Recorded series: `job:slo_requests:rate<window>`, the requests per second a metrics job answered
 * over a long window, as a replica holds it (rate() over the part it holds, per second of the whole
 * window). What turns a ratio into a number of failed requests.
 */
export const requestsRecord = (window: string): string => `job:slo_requests:rate${window}`;

/** The windows an alert reads the failed requests of: every long window. */
export const LONG_WINDOWS: readonly string[] = [...new Set(BURN_RATE_ALERTS.flatMap((a) => a.windows.map((w) => w.long)))].sort((a, b) => seconds(a) - seconds(b));

/**
 * The window whose request rate stands for the service's usual traffic, the base of its budget in
 * requests (the longest window the alerts read: 3 days, so a quiet night or weekend is part of it).
 */
export const SLO_TRAFFIC_WINDOW: string = LONG_WINDOWS[LONG_WINDOWS.length - 1]!;

/**
 * The workbook's long-window condition says "this share of the month's budget is spent" (14.4x over
 * 1 h = 2%), the budget counted in requests. A ratio alone over-states it when the window had far
 * fewer requests than usual (The Site Reliability Workbook, ch. 5 "Alerting on SLOs", "Low-traffic
 * services and error budget alerting"): an idle service's one 500 reads 100% over the hour, while
 * against its usual traffic it is ~0.02% of the budget, not the 2% the page stands for. So the long
 * window must also hold that many failed requests: ratio x requests(long) over seconds(long) at least
 * threshold x usual request rate, the usual rate being SLO_TRAFFIC_WINDOW's over the share of it the
 * replica holds (a fresh replica's is not diluted by what it has not seen). Written as a threshold
 * of the ratio, so the alert's value stays the ratio; no requests in the window: no alert.
 */
export const budgetShareThreshold = (threshold: string, long: string): string =>
  `${threshold} * ${requestsRecord(SLO_TRAFFIC_WINDOW)} / ${sloCoverage(SLO_TRAFFIC_WINDOW)} / ${requestsRecord(long)}`;

/**
 * Recording and alerting rules of every catalog service's SLOs in one namespace and environment.
 * Pure data, so the tests check dev's objective as well as prod's.
 */
export function sloRuleGroups(namespace: string, env: EnvironmentName): SloRuleGroup[] {
  // The requests users make: probes and scrapes excluded, like the seed alerts and rollout analyses.
  const ownRoutes = OPERATIONAL_PATHS.join('|');
  const recording: RecordingRule[] = [];
  for (const spec of serviceList()) {
    const job = metricsServiceName(spec);
    const sel = `namespace="${namespace}",job="${job}",route!~"${ownRoutes}"`;
    const budgetSeconds = latencyBudgetMs(spec) / 1000;
    // Absent (not 0) while no target of the job is scraped successfully: a minute the replica does not hold.
    recording.push({ record: SLO_SCRAPED_RECORD, expr: `max by (job) (up{namespace="${namespace}",job="${job}"} == 1)` });
    for (const w of SLO_WINDOWS) {
      const total = `sum by (job) (rate(http_request_duration_seconds_count{${sel}}[${w}]))`;
      if (LONG_WINDOWS.includes(w)) recording.push({ record: requestsRecord(w), expr: total });
      // The kit makes a status's series at its first request (metrics.ts durationRecorder), so a job
      // that has answered no 5xx since its pods started has no 5xx series: over 5 minutes, 0 errors
      // (what the service answered), not no ratio. The longer windows stay without (no 5xx, no
      // alert): `or` would compute their total twice.
      const errors = `sum by (job) (rate(http_request_duration_seconds_count{${sel},status_code=~"5.."}[${w}]))`;
      recording.push({
        record: sliRecord('availability', w),
        expr: w === SLO_WINDOWS[0] ? `(${errors} or 0 * ${total}) / ${total}` : `${errors} / ${total}`,
      });
      // Slower than the budget = not in the bucket whose bound is the budget (a bound the kit exports).
      recording.push({
        record: sliRecord('latency', w),
        expr: `1 - sum by (job) (rate(http_request_duration_seconds_bucket{${sel},le="${bucketBound(budgetSeconds)}"}[${w}])) / ${total}`,
        labels: { [LATENCY_BUDGET_LABEL]: String(latencyBudgetMs(spec)) },
      });
    }
  }
  const alerts: AlertingRule[] = [];
  for (const sli of SLIS) {
    const objective = objectiveOf(sli, env);
    const budget = 1 - objective;
    for (const a of BURN_RATE_ALERTS) {
      const expr = a.windows
        .map((w) => {
          const threshold = ratio(w.burnRate * budget);
          // The long window's condition is the workbook's "this much of the budget is spent" (14.4x
          // over 1 h = 2% of it): a replica that holds only part of the window (sloCoverage) must
          // show that spend in the part it holds, as if the rest had had no error: ratio x coverage
          // over the threshold. What it has not seen cannot page, so a fresh replica is not louder
          // than a full one; what it has seen still can, so a burn hard enough to spend the budget
          // within its data pages even with no full replica to read (both fresh, the other down).
          // Written as the threshold over the coverage so that the alert's value stays the ratio. The
          // latency ratio's budget label is not the coverage's: group_left keeps it on the result (a
          // one-to-one `ignoring` would drop it, and the short window's `and` would match nothing).
          const matching = sli === 'latency' ? ` ignoring (${LATENCY_BUDGET_LABEL}) group_left` : '';
          // Then the failed requests the long window holds against the usual traffic (budgetShareThreshold).
          return `((${sliRecord(sli, w.long)} >${matching} ${threshold} / ${sloCoverage(w.long)}) >${matching} ${budgetShareThreshold(threshold, w.long)} and ${sliRecord(sli, w.short)} > ${threshold})`;
        })
        .join(' or ');
      const spent = a.windows.map((w) => `${w.burnRate}x over ${w.long} (confirmed over ${w.short})`).join(' or ');
      const what = sli === 'availability' ? 'answered without a 5xx' : 'answered within the latency budget';
      alerts.push({
        alert: sloAlertName(sli, a.speed),
        expr,
        for: a.for,
        labels: { severity: a.severity, slo: sli, slo_objective: ratio(objective) },
        annotations: {
          summary: `{{ $labels.job }} burns its ${sli} error budget ${a.speed === 'fast' ? 'fast' : 'steadily'}`,
          description:
            `{{ $value | humanizePercentage }} of {{ $labels.job }} requests failed the ${sli} SLI; the objective is ${ratio(objective * 100)}% of requests ${what} ` +
            `over ${SLO_PERIOD_DAYS} days, and this rate spends the budget at ${spent}.`,
          runbook_url: `${RUNBOOKS_URL}#${sloRunbook(sli)}`,
        },
      });
    }
  }
  return [
    { name: 'tripgen.slo-recording', interval: SLO_RECORDING_INTERVAL, rules: recording },
    { name: 'tripgen.slo-alerts', rules: alerts },
  ];
}

export type SloRulesProps = PrometheusRuleProps;

/**
 * The SLO recording rules as one PrometheusRule the Prometheus operator picks up: recorded in the
 * cluster, remote-written, and read there by the burn-rate alerts Azure Monitor evaluates
 * (azure-alerts.ts), so that no alert is evaluated twice.
 */
export class SloRules extends Construct {
  constructor(scope: Construct, id: string, props: SloRulesProps) {
    super(scope, id);
    const recording = sloRuleGroups(props.profile.namespace, props.profile.name).filter((g) => g.rules.every((r) => 'record' in r));
    emitPrometheusRule(this, 'tripgen-slos', props, recording);
  }
}
