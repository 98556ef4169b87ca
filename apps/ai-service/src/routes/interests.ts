/**
 * POST /api/v1/ai/interests: what the planner understands of a traveller's free-text interests,
 * the category weights its scores use (the catalog's keywords, refined by the LLM adapter when it
 * is configured and answers in time). Lets a client show "we read 'royal history' as palaces and
 * museums" before a schedule is asked for.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PLACE_CATEGORIES, interestCategories } from '@tripgen/catalog';
import { InterestList, ProblemSchema } from '@tripgen/service-kit';
import type { InterestModel, ModelAllowance } from '../planning/interests.ts';

// A trip's interests (the kit's InterestList: each as a trip takes it), which a client reads here before
// asking for a schedule; at least one, repeats allowed (read as one, docs/api.md). A NUL is the kit's
// validation's to refuse, as in every string.
const InterestsBody = Type.Object(
  { interests: InterestList({ minItems: 1 }) },
  { additionalProperties: false },
);
const Category = Type.String({ enum: [...PLACE_CATEGORIES] });
const InterestsAnswer = Type.Object({
  source: Type.Union([Type.Literal('keywords'), Type.Literal('llm')]),
  weights: Type.Record(Type.String(), Type.Number()),
  items: Type.Array(Type.Object({ interest: Type.String(), categories: Type.Array(Category) })),
});

export interface InterestRoutesOptions {
  readonly model: InterestModel;
  /** The traveller's budget of model calls (catalog INTEREST_READINGS.budget): past it the keywords answer, not a 429. */
  readonly allowance?: (userId: string) => ModelAllowance;
}

export const interestRoutes: FastifyPluginAsyncTypebox<InterestRoutesOptions> = async (app, { model, allowance }) => {
  app.post(
    '/api/v1/ai/interests',
    {
      schema: { operationId: 'readInterests', description: 'How the planner reads free-text interests: the place categories of each and the weights the scores use.', tags: ['ai'], security: [{ bearer: [] }], body: InterestsBody, response: { 200: InterestsAnswer, 400: ProblemSchema } },
    },
    async (request) => {
      const { interests } = request.body;
      // The source of this reading: "llm" only when the model answered it, not merely when one is configured.
      const { source, weights } = await model.read(interests, undefined, allowance?.(request.user!.id));
      return {
        source,
        weights: Object.fromEntries(PLACE_CATEGORIES.filter((c) => (weights[c] ?? 0) > 0).map((c) => [c, weights[c]!])),
        items: interests.map((interest) => ({ interest, categories: interestCategories(interest) })),
      };
    },
  );
};
