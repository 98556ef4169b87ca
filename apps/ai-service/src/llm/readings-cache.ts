/**
 * The language model's readings of interest lists, kept in the kit's cache (L1 in the process,
 * bounded by CACHE_POLICY.l1; L2 in Redis, shared by every replica) for catalog
 * INTEREST_READINGS.llmTtlSeconds: a chat completion costs tokens of the deployment's quota and up
 * to 1.5 s, and the same lists come back again and again (a client previewing them, then the
 * schedule of the same trip). Keyed by the list as the model is asked it (normaliseInterests), the
 * prompt and the deployment (the model's id). Only the model's own answers are kept: a load that
 * fails (the model down, slow, answering nonsense, or the caller's budget spent) throws, the kit
 * caches nothing, and the fallback answers with the keywords this once. A caller who joined the
 * load of a caller whose budget was spent is not answered for that caller's budget: it asks again.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@fastify/type-provider-typebox';
import { INTEREST_READINGS } from '@tripgen/catalog';
import { cacheShapeOf, type TwoLevelCache } from '@tripgen/service-kit';
import { abortable } from '../abortable-wait.ts';
import { normaliseInterests, type InterestModel } from '../planning/interests.ts';
import type { IdentifiedInterestModel } from './azure-openai.ts';

const CachedReading = Type.Object({ weights: Type.Record(Type.String(), Type.Number()) });
type CachedReading = Static<typeof CachedReading>;

/** The AI service's cache shape (createApp `cacheShape`): it follows what the cache holds. */
export const AI_CACHE_SHAPE = cacheShapeOf(CachedReading);

/** The caller's budget of model calls was spent: the keywords answer (not a failure of the model). */
export class ModelBudgetSpent extends Error {
  constructor() {
    super('budget of language-model readings spent');
    this.name = 'ModelBudgetSpent';
  }
}

export const readingKey = (modelId: string, interests: readonly string[]): string =>
  `interests:${modelId}:${createHash('sha256').update(JSON.stringify(normaliseInterests(interests))).digest('base64url')}`;

export const cachedReadings = (model: IdentifiedInterestModel, cache: TwoLevelCache, ttlSeconds: number = INTEREST_READINGS.llmTtlSeconds): InterestModel => ({
  async read(interests, signal, allowance) {
    const key = readingKey(model.id, interests);
    // Whether this caller's own budget was asked: a load it joined is another caller's, with theirs.
    let askedOwn = false;
    const own =
      allowance &&
      (() => {
        askedOwn = true;
        return allowance();
      });
    const load = () =>
      cache.get<CachedReading>(
        key,
        async () => {
          // Only now, past L1 and Redis: a kept reading spends nothing of the caller's budget.
          if (own && !(await own())) throw new ModelBudgetSpent();
          // Without the caller's signal: others may be waiting for the same reading (the adapter's own time limit bounds it).
          const { source, weights } = await model.read(normaliseInterests(interests));
          if (source !== 'llm') throw new Error(`the model answered a ${source} reading`);
          return { weights };
        },
        { l2TtlSeconds: ttlSeconds },
      );
    // The load of the same list started by a caller whose budget is spent fails for that caller's
    // reason, not this one's: asked again, once, under this caller's own budget (or none).
    const reading = load().catch((err: unknown) => {
      if (err instanceof ModelBudgetSpent && !askedOwn) return load();
      throw err;
    });
    // A caller who stops waiting leaves the reading to finish (and be kept) without an unhandled rejection.
    reading.catch(() => undefined);
    const { weights } = await abortable(reading, signal);
    return { source: 'llm', weights };
  },
});
