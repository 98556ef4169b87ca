/**
 * Service-to-service routes of the AI service (internalPrefix('ai')): the trip service reads the
 * state and result of the schedules it asked for. No user token: the mesh admits only the callers
 * of the call graph (the trip service), and they are outside the per-user rate limit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { SCHEDULE_STATUS_MAX_IDS, internalPrefix } from '@tripgen/catalog';
import { ProblemSchema } from '@tripgen/service-kit';
import type { GenerationRepository } from '../domain/generations.ts';

const StatusBody = Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS, uniqueItems: true }) }, { additionalProperties: false });
const GenerationState = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.String()),
});

export const internalRoutes: FastifyPluginAsyncTypebox<{ generations: GenerationRepository }> = async (app, { generations }) => {
  app.post(
    `${internalPrefix('ai')}/schedules/status`,
    { schema: { operationId: 'scheduleStates', description: 'What the AI service knows of these schedules (for the trip service); ids it has not seen are left out.', tags: ['internal'], body: StatusBody, response: { 200: Type.Object({ items: Type.Array(GenerationState) }), 400: ProblemSchema } } },
    // Ids this service has not seen yet (still queued, or never delivered) are left out.
    async (request) => ({ items: await generations.states(request.body.ids) }),
  );
};
