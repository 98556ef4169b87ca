/**
 * The language model's readings of interest lists, kept in the kit's cache (L1 in the process,
 * bounded by CACHE_POLICY.l1; L2 in Redis, shared by every replica) for catalog
 * INTEREST_READINGS.llmTtlSeconds: a chat completion costs tokens of the deployment's quota and up
 * to 1.5 s, and the same lists come back again and again (a client previewing them, then the
 * schedule of the same trip). Keyed by the list as the model is asked it (normaliseInterests), the
 * prompt and the deployment (the model's id). Only the model's own answers are kept, and a refusal
 * of a list, its content filter's or the model's own (catalog INTEREST_READINGS.refusalTtlSeconds,
 * an hour): the same list is refused the same way, so it is not sent again for the same refusal; a
 * kept refusal throws ContentFiltered or ModelDeclined (`kept`) and the keywords answer, as for the
 * call that was refused. A load
 * that fails otherwise (the model down, slow, answering nonsense, or the caller's budget spent)
 * throws, the kit caches nothing, and the fallback answers with the keywords this once. A caller who
 * joined the load of a caller whose budget was spent is not answered for that caller's budget: it asks again.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { INTEREST_READINGS } from '@tripgen/catalog';
import { cacheShapeOf, type LlmCacheResult, type TwoLevelCache } from '@tripgen/service-kit';
import { abortable } from '../abortable-wait.ts';
import { ModelBudgetSpent, normaliseInterests, type InterestModel, type ModelRefused } from '../planning/interests.ts';
import { ContentFiltered, ModelDeclined, type IdentifiedInterestModel } from './azure-openai.ts';

const CachedReading = Type.Union([
  Type.Object({ weights: Type.Record(Type.String(), Type.Number()) }),
  // The content filter's refusal of the list: what it said (never the list's text).
  Type.Object({ refused: Type.Object({ where: Type.Union([Type.Literal('prompt'), Type.Literal('completion')]), categories: Type.Array(Type.String()) }) }),
  // The model's own refusal of the list: its length only (its text may say back the traveller's words).
  Type.Object({ declined: Type.Object({ chars: Type.Integer({ minimum: 1 }) }) }),
]);
type CachedReading = Static<typeof CachedReading>;

/** The AI service's cache shape (createApp `cacheShape`): it follows what the cache holds. */
export const AI_CACHE_SHAPE = cacheShapeOf(CachedReading);

export const readingKey = (modelId: string, interests: readonly string[]): string =>
  `interests:${modelId}:${createHash('sha256').update(JSON.stringify(normaliseInterests(interests))).digest('base64url')}`;

export interface CachedReadingsOptions {
  /** How long Redis keeps a reading (default catalog INTEREST_READINGS.llmTtlSeconds). */
  readonly ttlSeconds?: number;
  /** How long Redis keeps a refusal of a list, the content filter's or the model's (default catalog INTEREST_READINGS.refusalTtlSeconds). */
  readonly refusalTtlSeconds?: number;
  /** Told how each reading asked of the cache was found (its last lookup: a retry after a spent budget replaces the first). */
  readonly onLookup?: (result: LlmCacheResult) => void;
}

export const cachedReadings = (model: IdentifiedInterestModel, cache: TwoLevelCache, { ttlSeconds = INTEREST_READINGS.llmTtlSeconds, refusalTtlSeconds = INTEREST_READINGS.refusalTtlSeconds, onLookup }: CachedReadingsOptions = {}): InterestModel => {
  /** Keys of this replica's loads under way, and the lookups waiting by key: a lookup that finds one, or sees one begin, joins it (the kit's cache shares it). */
  const underWay = new Map<string, number>();
  const waiting = new Map<string, Set<{ loaded: boolean; joined: boolean }>>();
  return {
    async read(interests, signal, allowance) {
      const key = readingKey(model.id, interests);
      // Whether this caller's own budget was asked: a load it joined is another caller's, with theirs.
      let askedOwn = false;
      // The refusal this caller's own call got (logged as the call's); one found kept or joined is `kept`.
      let refusedNow: ModelRefused | undefined;
      const own =
        allowance &&
        (() => {
          askedOwn = true;
          return allowance();
        });
      const load = () => {
        const seen = { loaded: false, joined: underWay.has(key) };
        let waiters = waiting.get(key);
        if (!waiters) waiting.set(key, (waiters = new Set()));
        waiters.add(seen);
        const lookup = cache.get<CachedReading>(
          key,
          async () => {
            seen.loaded = true;
            for (const other of waiters) other.joined = true;
            underWay.set(key, (underWay.get(key) ?? 0) + 1);
            try {
              // Only now, past L1 and Redis: a kept reading spends nothing of the caller's budget.
              if (own && !(await own())) throw new ModelBudgetSpent();
              // Without the caller's signal: others may be waiting for the same reading (the adapter's own time limit bounds it).
              const { source, weights } = await model.read(normaliseInterests(interests));
              if (source !== 'llm') throw new Error(`the model answered a ${source} reading`);
              return { weights };
            } catch (err) {
              // Kept, not thrown: the filter's or the model's verdict on this list, not an outage. Told as this call's refusal below.
              if (err instanceof ContentFiltered) {
                refusedNow = err;
                return { refused: { where: err.where, categories: err.categories } };
              }
              if (err instanceof ModelDeclined) {
                refusedNow = err;
                return { declined: { chars: err.refusalChars } };
              }
              throw err;
            } finally {
              const left = underWay.get(key)! - 1;
              if (left === 0) underWay.delete(key);
              else underWay.set(key, left);
            }
          },
          { l2TtlSeconds: (kept) => ('weights' in kept ? ttlSeconds : refusalTtlSeconds) },
        );
        const done = () => {
          waiters.delete(seen);
          if (waiters.size === 0 && waiting.get(key) === waiters) waiting.delete(key);
        };
        lookup.then(done, done);
        return { lookup, result: (): LlmCacheResult => (seen.loaded ? 'miss' : seen.joined ? 'joined' : 'hit') };
      };
      // The load of the same list started by a caller whose budget is spent fails for that caller's
      // reason, not this one's: asked again, once, under this caller's own budget (or none).
      let attempt = load();
      const reading = attempt.lookup.catch((err: unknown) => {
        if (!(err instanceof ModelBudgetSpent) || askedOwn) throw err;
        attempt = load();
        return attempt.lookup;
      });
      // Counted once settled, whoever waits for it: a caller who stops waiting leaves the reading to
      // finish (and be kept) without an unhandled rejection.
      const count = () => onLookup?.(attempt.result());
      reading.then(count, count);
      const kept = await abortable(reading, signal);
      if ('refused' in kept) throw refusedNow ?? new ContentFiltered(kept.refused.where, kept.refused.categories, true);
      if ('declined' in kept) throw refusedNow ?? new ModelDeclined(kept.declined.chars, true);
      return { source: 'llm', weights: kept.weights };
    },
  };
};
