/** /api/v1/users/me: the caller's profile, preferences and notifications inbox. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpProblem, ProblemSchema } from '@tripgen/service-kit';
import { Me, NotificationList, Preferences } from '../domain/schemas.ts';
import type { UserRepository } from '../domain/users.ts';

export interface UserRoutesOptions {
  readonly users: UserRepository;
}

const security = [{ bearer: [] }];

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (app, { users }) => {
  app.addHook('preHandler', app.authenticate);

  const me = async (userId: string) => {
    const found = await users.me(userId);
    // A valid token for an account that no longer exists.
    if (!found) throw new HttpProblem(401, 'The account of this access token does not exist');
    return found;
  };

  // Not async: a profile in this replica's L1 cache (the hot path) is answered without a promise.
  app.get('/api/v1/users/me', { schema: { operationId: 'getMe', description: 'The signed-in user\'s profile and preferences.', tags: ['users'], security, response: { 200: Me, 401: ProblemSchema } } }, (request) =>
    users.cachedMe(request.user!.id) ?? me(request.user!.id),
  );

  app.put(
    '/api/v1/users/me/preferences',
    { schema: { operationId: 'putPreferences', description: 'Replaces the signed-in user\'s travel preferences.', tags: ['users'], security, body: Preferences, response: { 200: Preferences, 400: ProblemSchema, 401: ProblemSchema } } },
    async (request) => {
      await me(request.user!.id);
      return users.setPreferences(request.user!.id, request.body);
    },
  );

  app.get(
    '/api/v1/users/me/notifications',
    { schema: { operationId: 'listNotifications', description: 'The signed-in user\'s notifications inbox, newest first (at most 100).', tags: ['users'], security, response: { 200: NotificationList, 401: ProblemSchema } } },
    async (request) => {
      const items = await users.notifications(request.user!.id);
      return {
        items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null })),
      };
    },
  );
};
