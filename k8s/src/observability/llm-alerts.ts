/**
 * Two alerts on the AI service's calls to its language model (the kit's `llm_calls_total`, exported
 * by the AI service's pods when Azure OpenAI is configured). The first on the share the deployment's
 * content filter refused (`filtered`) or the model itself declined (`refused`). Each such
 * reading falls back to the keyword table without an error (the route answers 200 `source:
 * "keywords"`, a schedule is planned on the keywords' weights): the traveller's words are the
 * expected cause, logged at info. When every list is refused, the cause is ours: the prompt or schema
 * we send trips the filter (a release that changed them), or the deployment's filter configuration
 * was made stricter than travel interests need. Every traveller then silently gets keyword readings,
 * and each refused call is a harmful-content signal to Azure OpenAI's abuse monitoring on our
 * deployment. Nothing else says so: the readings succeed, the calls are fast.
 *
 * The share is of the calls the model or its filter judged (`ok`, `filtered`, `refused`): an outage
 * (`error`, `timeout`, `throttled`) says nothing of the content and would dilute it. A call, not a
 * reading: a kept refusal is no call (catalog INTEREST_READINGS.refusalTtlSeconds), so one traveller
 * asking the same refused list again and again counts once an hour, not at every preview.
 * The second on the share that got no answer (FAILED_OUTCOMES), an outage that lasts.
 */
import { SERVICES } from '@tripgen/catalog';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import type { AlertSpec } from './alerts.ts';

/** The kit's counter of model calls and its outcomes (apps/service-kit telemetry/metrics.ts LLM_CALL_OUTCOMES; k8s/test/llm-refusal-alert.test.ts checks them against the kit). */
export const LLM_CALLS_METRIC = 'llm_calls_total';
export const REFUSED_OUTCOMES = ['filtered', 'refused'] as const;
export const JUDGED_OUTCOMES = ['ok', ...REFUSED_OUTCOMES] as const;
/**
 * The calls that got no reading for an outage: Azure OpenAI failing or out of reach, no Entra token
 * for it within the call's limit (a `network_error` that lasts: a blocked egress, a proxy), too slow,
 * or the deployment's quota spent (429). Each is a warning line per reading, for as long as it lasts.
 */
export const FAILED_OUTCOMES = ['error', 'timeout', 'throttled'] as const;
export const CALL_OUTCOMES = [...JUDGED_OUTCOMES, ...FAILED_OUTCOMES] as const;

/**
 * Past half the judged calls. Travel interests ("museums, street food, hiking") seldom trip a filter
 * at Azure's default thresholds: the share is a few percent when travellers' own words are the cause,
 * and all but 100 % when our prompt is (every call carries it). Half leaves a wide margin on both
 * sides: a burst of abusive lists from some travellers does not reach it, a prompt that trips the
 * filter on most lists (one category's wording) does.
 */
export const REFUSED_SHARE = 0.5;
/**
 * At least this many judged calls in the window: at night a handful of calls, two of them one
 * traveller's refused lists, is no share to act on. 10 calls in 30 minutes is a quiet hour's traffic.
 */
export const MIN_JUDGED_CALLS = 10;
/** The window of the share: readings are asked by travellers editing interests, bursty and sparse. */
const WINDOW = '30m';
/**
 * Held for 15 minutes: a ticket, the keywords keep answering. A rollout that broke the prompt fires
 * about 30 minutes after the last pod took it (promtool 2.42 on these expressions, 2 calls a minute
 * all refused from t: over half the window at t+16 min, firing at t+31), later while a canary shares
 * the calls: the window must first hold more refused calls than answered ones, then the hold.
 */
const FOR = '15m';

export function llmAlerts(namespace: string): AlertSpec[] {
  const job = `job="${metricsServiceName(SERVICES.ai)}"`;
  const calls = (outcomes: readonly string[]) => `sum by (job) (increase(${LLM_CALLS_METRIC}{namespace="${namespace}",${job},outcome=~"${outcomes.join('|')}"}[${WINDOW}]))`;
  return [
    {
      alert: 'TripGenInterestReadingsRefused',
      severity: 'warning',
      expr: `(${calls(REFUSED_OUTCOMES)} / ${calls(JUDGED_OUTCOMES)} > ${REFUSED_SHARE}) and (${calls(JUDGED_OUTCOMES)} >= ${MIN_JUDGED_CALLS})`,
      for: FOR,
      summary: 'Most interest readings are refused by Azure OpenAI\'s content filter or the model: travellers get keyword readings',
      description: `{{ $value | humanizePercentage }} of the language-model calls of {{ $labels.job }} the model answered in the last ${WINDOW} were refused by the deployment's content filter or declined by the model (over ${Math.round(REFUSED_SHARE * 100)}%, for ${FOR}): those travellers' interests are read by the keyword table, and each refusal is a harmful-content signal to Azure OpenAI's abuse monitoring. Our prompt or the deployment's filter configuration, not the travellers' words, when it is most calls.`,
      runbook: 'interest-readings-refused',
    },
    {
      // The same window, floor and hold: Azure OpenAI's own incidents pass within minutes (the calls
      // at warn meanwhile); half the calls failing for 15 minutes is a lasting outage, often ours.
      alert: 'TripGenInterestModelFailing',
      severity: 'warning',
      expr: `(${calls(FAILED_OUTCOMES)} / ${calls(CALL_OUTCOMES)} > ${REFUSED_SHARE}) and (${calls(CALL_OUTCOMES)} >= ${MIN_JUDGED_CALLS})`,
      for: FOR,
      summary: 'Most interest readings get no answer from Azure OpenAI: travellers get keyword readings',
      description: `{{ $value | humanizePercentage }} of the language-model calls of {{ $labels.job }} in the last ${WINDOW} failed, timed out or were throttled (over ${Math.round(REFUSED_SHARE * 100)}%, for ${FOR}): those travellers' interests are read by the keyword table. Azure OpenAI out of reach, no Entra token for it (a blocked egress or proxy), too slow, or the deployment's quota spent.`,
      runbook: 'interest-model-failing',
    },
  ];
}
