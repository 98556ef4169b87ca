/**
 * Service-to-service routes of the AI service (internalPrefix('ai')): the trip service reads the
 * state and result of the schedules it asked for. No user token: the mesh admits only the callers
 * of the call graph (the trip service), and they are outside the per-user rate limit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AI_INTERNAL_PATHS, SCHEDULE_STATUS_MAX_IDS, SCHEDULE_TIMED_OUT, internalPrefix } from '@tripgen/catalog';
import { ProblemSchema } from '@tripgen/service-kit';
import { reportFinished, type GenerationRepository, type OnFinished } from '../domain/generations.ts';

const StatusBody = Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS, uniqueItems: true }) }, { additionalProperties: false });
const Uuid = Type.String({ format: 'uuid' });
const ExpireBody = Type.Object(
  { items: Type.Array(Type.Object({ id: Uuid, tripId: Uuid, userId: Uuid }, { additionalProperties: false }), { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS }) },
  { additionalProperties: false },
);
const GenerationState = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.String()),
});

export const internalRoutes: FastifyPluginAsyncTypebox<{ generations: GenerationRepository; onFinished?: OnFinished }> = async (app, { generations, onFinished }) => {
  app.post(
    `${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}`,
    { schema: { operationId: 'scheduleStates', description: 'What the AI service knows of these schedules (for the trip service); ids it has not seen are left out.', tags: ['internal'], body: StatusBody, response: { 200: Type.Object({ items: Type.Array(GenerationState) }), 400: ProblemSchema } } },
    // Ids this service has not seen yet (still queued, or never delivered) are left out.
    async (request) => ({ items: await generations.states(request.body.ids) }),
  );

  app.post(
    `${internalPrefix('ai')}${AI_INTERNAL_PATHS.expire}`,
    {
      schema: {
        operationId: 'expireSchedules',
        description: 'Fails these schedules (past their deadline) unless they already have an outcome, notifying each traveller once; answers the final state of each.',
        tags: ['internal'],
        body: ExpireBody,
        response: { 200: Type.Object({ items: Type.Array(GenerationState) }), 400: ProblemSchema },
      },
    },
    async (request) => {
      // One at a time: each is its own transaction (final state + notification), a few per sweep.
      for (const s of request.body.items) {
        const failed = await generations.failOutright({ scheduleId: s.id, tripId: s.tripId, userId: s.userId }, null, SCHEDULE_TIMED_OUT);
        // The longest waits of all (deadline and grace): counted where this service knows when the
        // traveller asked, i.e. it had taken the request (a pod that died or hung while planning).
        if (failed) reportFinished(onFinished, (obj, msg) => request.log.warn(obj, msg), s.id, 'failed', failed.askedAt);
      }
      return { items: await generations.states(request.body.items.map((s) => s.id)) };
    },
  );
};
