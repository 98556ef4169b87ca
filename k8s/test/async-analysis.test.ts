/**
 * A service held to the itinerary objective does its work off a queue: its schedules' time from the
 * traveller's request to their outcome is the kit's async histogram, which its HTTP histogram never
 * sees, and its new pods take their share of the queue whatever the canary weight. Its Rollout's
 * analysis must judge the new pods' schedules against the itinerary budget, as TripGenAiResponseSlow
 * does for all pods; judging its HTTP requests alone promotes a version that makes every schedule
 * slow. Shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { RESPONSE_TIME_SLO, serviceList, workloadName } from '@tripgen/catalog';
import type { K8sObject } from './policy/objects.ts';
import { parsePromql } from './policy/promql.ts';
import { objectsOf } from './support/gitops.ts';

interface AnalysisRef {
  templates?: { templateName: string }[];
  args?: { name: string; value?: string; valueFrom?: { podTemplateHashValue?: string } }[];
}
const HASH = '6d4cf56db6';

/** Itinerary services whose Rollout's analysis does not judge the new pods' asynchronous requests against the budget. */
function unjudged(objects: readonly K8sObject[]): string[] {
  return serviceList()
    .filter((s) => s.responseTime === 'itinerary')
    .flatMap((s) => {
      const rollout = objects.find((o) => o.kind === 'Rollout' && o.metadata.name === workloadName(s.name));
      const strategy = (rollout?.spec as { strategy?: { canary?: { analysis?: AnalysisRef }; blueGreen?: { postPromotionAnalysis?: AnalysisRef } } } | undefined)?.strategy;
      const ref = strategy?.canary?.analysis ?? strategy?.blueGreen?.postPromotionAnalysis;
      const args = new Map((ref?.args ?? []).map((a) => [a.name, a.valueFrom?.podTemplateHashValue === 'Latest' ? HASH : (a.value ?? '')]));
      const sub = (q: string) => q.replace(/\{\{\s*args\.([\w-]+)\s*\}\}/g, (_m, n: string) => args.get(n) ?? '');
      const metrics = (ref?.templates ?? []).flatMap((t) => {
        const at = objects.find((o) => o.kind === 'AnalysisTemplate' && o.metadata.name === t.templateName);
        return (at?.spec as { metrics?: { successCondition?: string; provider?: { prometheus?: { query?: string } } }[] } | undefined)?.metrics ?? [];
      });
      const judges = metrics.some((m) => {
        const query = m.provider?.prometheus?.query;
        if (!query || sub(m.successCondition ?? '') !== `isNaN(result) || result < ${RESPONSE_TIME_SLO.itinerary.p95Ms}`) return false;
        return parsePromql(sub(query)).selectors.some(
          (sel) =>
            sel.metric === 'async_request_duration_seconds_bucket' &&
            sel.matchers.some((m) => m.name === 'job' && m.op === '=' && m.value === `${workloadName(s.name)}-metrics`) &&
            sel.matchers.some((m) => m.name === 'rollouts_pod_template_hash' && m.op === '=' && m.value === HASH),
        );
      });
      return judges ? [] : [`${workloadName(s.name)}: its Rollout's analysis does not judge the new pods' asynchronous requests against ${RESPONSE_TIME_SLO.itinerary.p95Ms} ms`];
    });
}

describe('prod: the itinerary services\' rollouts are judged on their schedules', () => {
  it('each Rollout of a service held to the itinerary objective judges the new pods\' async request p95', () => {
    expect(serviceList().some((s) => s.responseTime === 'itinerary')).toBe(true);
    expect(unjudged(objectsOf('prod'))).toEqual([]);
  });

  it('fails when the analysis reads the HTTP histogram only', () => {
    const prod = structuredClone(objectsOf('prod'));
    for (const o of prod.filter((x) => x.kind === 'AnalysisTemplate')) {
      for (const m of (o.spec as { metrics: { provider: { prometheus?: { query: string } } }[] }).metrics) {
        if (m.provider.prometheus) m.provider.prometheus.query = m.provider.prometheus.query.replace(/async_request_duration_seconds/g, 'http_request_duration_seconds');
      }
    }
    expect(unjudged(prod)).toEqual(['ai-service: its Rollout\'s analysis does not judge the new pods\' asynchronous requests against 5000 ms']);
  });
});
