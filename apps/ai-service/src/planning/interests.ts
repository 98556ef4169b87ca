/**
 * How much each place category interests this traveller, 0..1. The keyword table of the catalog
 * always works; an optional model (the LLM adapter) may refine it, and any failure of that model
 * falls back to the keywords: nothing depends on it being reachable.
 */
import { PLACE_CATEGORIES, interestCategories, interestKey, type PlaceCategory } from '@tripgen/catalog';
import type { LlmFallbackReason } from '@tripgen/service-kit';

export type CategoryWeights = Readonly<Partial<Record<PlaceCategory, number>>>;

/** The weights of one reading and what produced them (a model that failed was answered by the keywords). */
export interface InterestReading {
  readonly source: 'keywords' | 'llm';
  readonly weights: CategoryWeights;
}

/**
 * Asked just before the model itself is called (no reading of the list is kept): false when the
 * caller's budget of model calls is spent, and the keywords answer instead.
 */
export type ModelAllowance = () => Promise<boolean>;

/** The caller's budget of model calls was spent: the keywords answer (not a failure of the model). */
export class ModelBudgetSpent extends Error {
  constructor() {
    super('budget of language-model readings spent');
    this.name = 'ModelBudgetSpent';
  }
}

/**
 * The model would not read this list, for the traveller's words (its content filter, or the model
 * itself declining): the keywords answer (not a failure of the model). `reason`: which, as
 * llm_fallback_readings_total counts it.
 */
export abstract class ModelRefused extends Error {
  abstract readonly reason: Extract<LlmFallbackReason, 'filtered' | 'refused'>;
}

export interface InterestModel {
  read(interests: readonly string[], signal?: AbortSignal, allowance?: ModelAllowance): Promise<InterestReading>;
}

/**
 * The list as the model is asked it, and its readings are kept under: a set (the weights are per
 * category of all the interests together, whatever their order), each interest as the catalog's
 * interestKey makes it (Unicode NFC, invisible characters dropped, spacing collapsed, case-folded: the
 * keywords match case-blind too), sorted, duplicates and blanks dropped. "Temples, palaces" and
 * "palaces, temples , TEMPLES" are one question; what a trip or preferences refuse as the same interest is one here.
 */
export const normaliseInterests = (interests: readonly string[]): string[] => [...new Set(interests.map(interestKey).filter((i) => i !== ''))].sort();

/** 1 for every category an interest names, nothing else. */
export const keywordWeights = (interests: readonly string[]): CategoryWeights => {
  const weights: Partial<Record<PlaceCategory, number>> = {};
  for (const interest of interests) for (const c of interestCategories(interest)) weights[c] = 1;
  return weights;
};

export const keywordInterestModel: InterestModel = { read: async (interests) => ({ source: 'keywords', weights: keywordWeights(interests) }) };

/** Keeps only known categories with weights clamped to 0..1 (what a model answered may be anything). */
export const sanitizeWeights = (raw: unknown): CategoryWeights => {
  const weights: Partial<Record<PlaceCategory, number>> = {};
  if (!raw || typeof raw !== 'object') return weights;
  for (const c of PLACE_CATEGORIES) {
    const w = (raw as Record<string, unknown>)[c];
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) weights[c] = Math.min(1, w);
  }
  return weights;
};

/**
 * The model's weights when it answers in time, else the keywords'; the keywords' matches are never lost.
 * `fellBack` is told why each reading of a list (an empty one asks nothing) was the keywords' alone.
 */
export const withFallback = (model: InterestModel | undefined, log: (err: unknown) => void, fellBack?: (reason: LlmFallbackReason) => void): InterestModel => {
  if (!model) {
    if (!fellBack) return keywordInterestModel;
    return {
      read: async (interests) => {
        if (normaliseInterests(interests).length > 0) fellBack('no_model');
        return { source: 'keywords', weights: keywordWeights(interests) };
      },
    };
  }
  return {
    async read(interests, signal, allowance) {
      const keywords = keywordWeights(interests);
      if (normaliseInterests(interests).length === 0) return { source: 'keywords', weights: keywords };
      try {
        const refined = await model.read(interests, signal, allowance);
        const merged: Partial<Record<PlaceCategory, number>> = { ...refined.weights };
        for (const [c, w] of Object.entries(keywords) as [PlaceCategory, number][]) merged[c] = Math.max(merged[c] ?? 0, w);
        return { source: refined.source, weights: merged };
      } catch (err) {
        log(err);
        fellBack?.(err instanceof ModelBudgetSpent ? 'budget' : err instanceof ModelRefused ? err.reason : 'model_error');
        return { source: 'keywords', weights: keywords };
      }
    },
  };
};
