/**
 * The token revocations user_db records, for the verifiers (catalog REVOCATIONS_PATH): a pod of the
 * trip, AI or location service that Redis cannot tell (started while it is out of reach, or cut off
 * since) reads them here (the kit's auth/revocation-feed.ts), else it accepts every token revoked in
 * the last 15 minutes until Redis answers it. No token, as the JWKS: the mesh admits the verifiers
 * alone (k8s service-mesh.ts), and as every internal route it is outside the rate limit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { REVOCATIONS_PATH, TOKEN_REVOCATIONS, type RevocationsResponse } from '@tripgen/catalog';
import { ProblemSchema } from '@tripgen/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordedRevocations, recordedSessionRevocations, revocationsPage } from '../domain/revocation-records.ts';
import { RevocationsAnswer, RevocationsQuery } from '../domain/schemas.ts';

export const revocationRoutes: FastifyPluginAsyncTypebox<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    REVOCATIONS_PATH,
    { schema: { operationId: 'tokenRevocations', tags: ['internal'], description: 'The token revocations of the last token lifetime recorded after `since` (ms since the epoch): accounts and sessions; with `limit`, a page of them (`next`: the `after` of the page after), without, all at once.', querystring: RevocationsQuery, response: { 200: RevocationsAnswer, 400: ProblemSchema } } },
    async (request) => {
      // Older rows revoke nothing still valid (and are pruned): never more than a token's lifetime.
      const since = Math.max(request.query.since ?? 0, Date.now() - TOKEN_REVOCATIONS.lifetimeMs);
      const { limit, after } = request.query;
      if (limit !== undefined || after !== undefined) return (await revocationsPage(prisma, since, limit ?? TOKEN_REVOCATIONS.feedPageSize, after)) satisfies RevocationsResponse;
      // No `limit`: a verifier of the release before, which reads the whole record in one answer.
      const [accounts, sessions] = await Promise.all([recordedRevocations(prisma, since), recordedSessionRevocations(prisma, since)]);
      return { accounts, sessions } satisfies RevocationsResponse;
    },
  );
};
