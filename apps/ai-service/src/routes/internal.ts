/**
 * Service-to-service routes of the AI service (internalPrefix('ai')): the trip service reads the
 * state and result of the schedules it asked for, and fails those past their deadline or withdrawn
 * (their trip changed or was deleted), and forget those it deleted. No user token: the mesh admits only the callers
 * of the call graph (the trip service), and they are outside the per-user rate limit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ACCOUNT_ERASURE, AI_INTERNAL_PATHS, SCHEDULE_STATUS_MAX_IDS, SCHEDULE_TIMED_OUT, internalPrefix, type WithdrawnSchedule } from '@tripgen/catalog';
import { ProblemSchema } from '@tripgen/service-kit';
import { reportFinished, type GenerationRepository, type OnFinished } from '../domain/generations.ts';
import { Withdrawn } from '../domain/request-schema.ts';

const StatusBody = Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS, uniqueItems: true }) }, { additionalProperties: false });
const Uuid = Type.String({ format: 'uuid' });
// notifiedBy: its request's (catalog ScheduleGenerationMessage), any word; `trip`: nothing notified here (generations.ts notifyingBy).
const Expired = { id: Uuid, tripId: Uuid, userId: Uuid, requestedAt: Type.Optional(Type.String({ format: 'date-time' })), notifiedBy: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) };
const ExpireBody = Type.Object(
  { items: Type.Array(Type.Object(Expired, { additionalProperties: false }), { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS }) },
  { additionalProperties: false },
);
const WithdrawBody = Type.Object(
  {
    items: Type.Array(
      Type.Object({ ...Expired, ...Withdrawn.properties }, { additionalProperties: false }),
      { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS },
    ),
  },
  { additionalProperties: false },
);
const ForgetBody = Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: SCHEDULE_STATUS_MAX_IDS, uniqueItems: true }) }, { additionalProperties: false });
const EraseBody = Type.Object({ userIds: Type.Array(Uuid, { minItems: 1, maxItems: ACCOUNT_ERASURE.batch }) }, { additionalProperties: false });
const GenerationState = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.String()),
});

export interface InternalRoutesOptions {
  readonly generations: GenerationRepository;
  readonly onFinished?: OnFinished;
  /** The withdraw route failed (ai_db out of reach or too slow), or answered 5xx before its handler ran (under-pressure): the trip service's cancel then waits behind its request on the queue (served-since.ts). */
  readonly onWithdrawFailed?: (err: unknown) => void;
}

export const internalRoutes: FastifyPluginAsyncTypebox<InternalRoutesOptions> = async (app, { generations, onFinished, onWithdrawFailed }) => {
  /** Withdraw calls whose handler failed and told onWithdrawFailed: their 503 is not told again. */
  const toldFailed = new WeakSet<object>();
  /**
   * Fails each unless it already has an outcome (one transaction each: final state + notification to
   * the inbox, the trip service knowing the trip as it is); a withdrawal also marks one already final
   * withdrawn (its notify message, if still on the queue, then tells nothing of a deleted trip). Their
   * final states.
   */
  const failEach = async (request: FastifyRequest, items: readonly WithdrawnSchedule[], withdrawal: boolean) => {
    for (const s of items) {
      const ids = { scheduleId: s.id, tripId: s.tripId, userId: s.userId };
      // The item stands for the request where this service never took it: its requestedAt, when the trip service sent one.
      const failed = withdrawal ? await generations.withdraw(ids, s, { error: s.error, notify: s.notify }) : await generations.failOutright(ids, s, s.error, 'inbox');
      // Timed from the request this service took, else from the item's requestedAt; without either, not
      // counted. Labelled by why it ended (catalog ASYNC_OUTCOMES): the trip's change, or its deadline.
      if (failed) reportFinished(onFinished, (obj, msg) => request.log.error(obj, msg), s.id, withdrawal ? 'withdrawn' : 'expired', failed.askedAt);
    }
    return { items: await generations.states(items.map((s) => s.id)) };
  };

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
    // A few per sweep; the longest waits of all (deadline and grace): a pod that died or hung while
    // planning, or a request that never reached a pod (a broker outage).
    async (request) => failEach(request, request.body.items.map((s) => ({ ...s, error: SCHEDULE_TIMED_OUT, notify: true })), false),
  );

  app.post(
    `${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`,
    {
      schema: {
        operationId: 'withdrawSchedules',
        description:
          'Fails these schedules, withdrawn by the trip service (their trip changed or was deleted), unless they already have an outcome, with its reason, notifying each traveller once where asked; answers the final state of each. The same as their withdrawal messages, which may come after a plan under way completed.',
        tags: ['internal'],
        body: WithdrawBody,
        response: { 200: Type.Object({ items: Type.Array(GenerationState) }), 400: ProblemSchema },
      },
      // A 5xx the handler did not fail with (under-pressure's 503, shed before the handler ran): the cancel
      // went untold as well. The handler's own failure is told there (its answer may never finish: the caller gone).
      onResponse: async (request, reply) => {
        if (reply.statusCode >= 500 && !toldFailed.has(request)) onWithdrawFailed?.(new Error(`the withdraw route answered ${reply.statusCode} before its handler recorded anything`));
      },
    },
    async (request) =>
      failEach(request, request.body.items, true).catch((err: unknown) => {
        toldFailed.add(request);
        onWithdrawFailed?.(err);
        throw err;
      }),
  );

  app.post(
    `${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}`,
    {
      schema: {
        operationId: 'eraseGenerations',
        description: 'Deletes the finished generations (requests and plans) of these deleted accounts, a withdrawal\'s failure kept, asked by the trip service\'s account-erasure sweep; answers how many.',
        tags: ['internal'],
        body: EraseBody,
        response: { 200: Type.Object({ erased: Type.Integer() }), 400: ProblemSchema },
      },
    },
    async (request) => ({ erased: await generations.erase(request.body.userIds) }),
  );

  app.post(
    `${internalPrefix('ai')}${AI_INTERNAL_PATHS.forget}`,
    {
      schema: {
        operationId: 'forgetGenerations',
        description:
          "Forgets these schedules, deleted by the trip service (a schedule's DELETE or its trip's): a completed generation (request and plan) deleted, a failed one's request cut to its ids (kept for the failed ones' retention); answers how many rows, and the ids still running (kept whole: asked again).",
        tags: ['internal'],
        body: ForgetBody,
        response: { 200: Type.Object({ forgotten: Type.Integer(), running: Type.Array(Uuid) }), 400: ProblemSchema },
      },
    },
    async (request) => {
      const { forgotten, running } = await generations.forget(request.body.ids);
      return { forgotten, running: [...running] };
    },
  );
};
