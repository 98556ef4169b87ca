/** /api/v1/users/me: the caller's profile, preferences and notifications inbox. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ACCOUNT_ERASURE, type AccountsResponse, type DeletionsResponse, internalPrefix, repeatedInterests, storedInterest, USER_INTERNAL_PATHS, USER_PATHS } from '@tripgen/catalog';
import { assertPreconditions, bearerChallenge, CURRENT_TARGET, EVALUATED_BY_ROUTE, HttpProblem, invalidBody, ProblemSchema, REFUSED_TARGET, type PreconditionTarget } from '@tripgen/service-kit';
import { AccountsAnswer, AccountsBody, ChangePasswordBody, DeleteAccountBody, DeletionsAnswer, DeletionsQuery, Me, NotificationList, Preferences } from '../domain/schemas.ts';
import { INBOX_SHOWN } from '../domain/notifications.ts';
import { hashPassword, verifyPassword } from '../domain/passwords.ts';
import { passwordProblem } from '../domain/password-rules.ts';
import type { UserRepository } from '../domain/users.ts';
import type { DurableRevocations } from '../domain/revocation-records.ts';
import { logLoginLock, throttledCheck } from './auth.ts';
import type { LoginAttempts } from '../domain/login-attempts.ts';

export interface UserRoutesOptions {
  readonly users: UserRepository;
  readonly revocations: DurableRevocations;
  /** Login's throttle (loginThrottle): the password asked here is counted as a login's. */
  readonly throttle: LoginAttempts;
}

/** Fastify's own content type for the JSON it serialises. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (app, { users, revocations, throttle }) => {
  // A valid token for an account that no longer exists.
  // A refused token as the kit's are, with their challenge (RFC 6750 3: invalid_token, sign in again).
  const accountGone = () => new HttpProblem(401, 'The account of this access token does not exist', {}, bearerChallenge('invalid_token'));
  const me = async (userId: string) => {
    const found = await users.me(userId);
    if (!found) throw accountGone();
    return found;
  };
  // For the preconditions (the kit's config.target): an account gone is the route's 401, and they are
  // then ignored (RFC 9110 13.2.1). The preferences have no current representation until they are set.
  const account = { target: async (request: FastifyRequest): Promise<PreconditionTarget> => ((await users.me(request.user!.id)) ? CURRENT_TARGET : REFUSED_TARGET) };
  const preferencesTarget = (set: boolean): PreconditionTarget => (set ? CURRENT_TARGET : { state: 'none' });
  const preferences = {
    target: async (request: FastifyRequest): Promise<PreconditionTarget> => {
      const found = await users.me(request.user!.id);
      return found === undefined ? REFUSED_TARGET : preferencesTarget(found.preferences !== null);
    },
  };

  // The JSON of each profile in the L1 cache, made once by the route's own serializer: serialising the
  // same cached object again cost about 600 bytes of garbage per request, a third of the young-generation
  // churn the kit's hot path adds (issue 15). Keyed by the cached object itself: an update replaces it,
  // so a stale body is never found, and an entry goes when the cache lets go of its profile.
  const meJson = new WeakMap<Me, string>();
  // Not async: a profile in this replica's L1 cache (the hot path) is answered without a promise.
  app.get(USER_PATHS.me, { config: account, schema: { operationId: 'getMe', description: 'The signed-in user\'s profile and preferences.', tags: ['users'], response: { 200: Me, 401: ProblemSchema } } }, (request, reply) => {
    const cached = users.cachedMe(request.user!.id);
    if (!cached) return me(request.user!.id);
    let json = meJson.get(cached);
    // The route's serializer is fast-json-stringify's: it returns a string.
    if (json === undefined) meJson.set(cached, (json = reply.serialize(cached) as string));
    // A string with a JSON content type is sent as it is (Fastify serialises only objects); the typed
    // reply admits only the schema's object, hence the untyped view.
    void (reply as unknown as FastifyReply).type(JSON_CONTENT_TYPE).send(json);
    return undefined;
  });

  // The trip service's read of the traveller's preferences for a schedule request, with the
  // traveller's own token (a revoked one, or an account gone, is a 401 as on the profile). Internal,
  // so outside the rate limit: it is not the traveller's request, who was counted for the schedule
  // request; on GET /users/me it spent a second request of theirs each time, and a schedule request
  // the trip service had admitted met a 429 here. The kit asks the token here as on a public route:
  // callers call it `withToken` (catalog peerRoutes, routeAccess).
  app.get(
    `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`,
    { config: account, schema: { operationId: 'travellerPreferences', tags: ['internal'], description: 'The traveller\'s travel preferences (null: none set), read on their behalf with their token.', response: { 200: Type.Object({ preferences: Me.properties.preferences }) } } },
    async (request) => ({ preferences: (await me(request.user!.id)).preferences }),
  );

  // The trip service's sweep (catalog ACCOUNT_ERASURE): which owners of its trips were deleted (a
  // deletion record in user_db, never the mere absence of an account), so it erases their trips. No
  // token (no traveller asks; the mesh admits only the trip service), from PostgreSQL, not the profile cache.
  app.post(
    `${internalPrefix('user')}${USER_INTERNAL_PATHS.accounts}`,
    { schema: { operationId: 'deletedAccounts', tags: ['internal'], description: 'Which of these account ids were deleted (a deletion record, no account), and which user_db does not know at all.', body: AccountsBody, response: { 200: AccountsAnswer, 400: ProblemSchema } } },
    async (request) => (await users.deletions(request.body.ids)) satisfies AccountsResponse,
  );

  // The same sweep, for what other services keep by account with or without trips (the AI service's
  // plans): every deleted account user_db holds a record of, a page at a time. No token, as above.
  app.get(
    `${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}`,
    { schema: { operationId: 'deletionRecords', tags: ['internal'], description: 'The deleted accounts user_db holds a record of (and no account), in id order, a page after `after`.', querystring: DeletionsQuery, response: { 200: DeletionsAnswer, 400: ProblemSchema } } },
    async (request) => (await users.deletionRecords(request.query.after, request.query.limit ?? ACCOUNT_ERASURE.batch)) satisfies DeletionsResponse,
  );

  app.put(
    '/api/v1/users/me/preferences',
    { config: preferences, schema: { operationId: 'putPreferences', description: 'Replaces the signed-in user\'s travel preferences.', tags: ['users'], body: Preferences, response: { 200: Preferences, 400: ProblemSchema, 401: ProblemSchema } } },
    async (request) => {
      // Unique as the planner reads them (the catalog's interestKey): a near-duplicate is a 400 naming it; stored NFC, trimmed.
      const repeated = repeatedInterests(request.body.interests, 'body/interests');
      if (repeated.length > 0) throw invalidBody(repeated);
      await me(request.user!.id);
      // The preconditions again, on the preferences as the write finds them (another request may have set them since).
      const saved = await users.setPreferences(request.user!.id, { ...request.body, interests: request.body.interests.map(storedInterest) }, (set) => assertPreconditions(request, preferencesTarget(set)));
      if (!saved) throw accountGone();
      return saved;
    },
  );

  app.get(
    '/api/v1/users/me/notifications',
    { config: account, schema: { operationId: 'listNotifications', description: `The signed-in user's notifications inbox, newest first (at most ${INBOX_SHOWN}).`, tags: ['users'], response: { 200: NotificationList, 401: ProblemSchema } } },
    async (request) => {
      const items = await users.notifications(request.user!.id);
      // An account's notifications go with it (ON DELETE CASCADE), so an empty inbox may be an account
      // that no longer exists: its token is a 401 there, as on the profile and the internal read, not an
      // empty inbox of an account the other routes say is gone. Only then is the (cached) profile read.
      if (items.length === 0) await me(request.user!.id);
      return {
        items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null })),
      };
    },
  );

  // The password asked here is counted as a login's (login's own throttle, one count per account):
  // a stolen token must not buy its holder unthrottled guesses at the password through this route.
  /** Whether `password` is the account's (deletion, password change); past its failed logins a 429, even for the right one. */
  const isAccountPassword = async (request: FastifyRequest, reply: FastifyReply, found: { email: string; passwordHash: string }, password: string): Promise<boolean> =>
    (await throttledCheck(
      throttle,
      reply,
      { email: found.email, of: 'account', address: request.ip },
      async () => ((await verifyPassword(found.passwordHash, password)) ? true : undefined),
      () => logLoginLock(request.log, request.user!.id, throttle.redisKey(found.email)),
    )) === true;
  app.delete(
    USER_PATHS.me,
    // Its preconditions once the password is checked: a wrong one is its 403, an account gone its 401, whatever they say (RFC 9110 13.2.1).
    {
      config: { target: EVALUATED_BY_ROUTE, holdsRequests: true },
      schema: {
        operationId: 'deleteMe',
        description: "Deletes the signed-in user's account with its preferences and notifications (the account's current password in the body); its trips are erased by the trip service shortly after.",
        tags: ['users'],
        body: DeleteAccountBody,
        response: { 204: Type.Null(), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const userId = request.user!.id;
      const found = await users.credentialsOf(userId);
      // Gone already (a second DELETE, an operator's): its cached profile goes too, if a replica still had it.
      if (!found) throw (await users.remove(userId), accountGone());
      // 403, not 401: the token is good (a 401 tells the client to drop it and sign in again), the password sent is not.
      if (!(await isAccountPassword(request, reply, found, request.body.password))) throw new HttpProblem(403, 'The password is wrong: the account was not deleted');
      assertPreconditions(request, CURRENT_TARGET);
      // Only while the password is the one checked: a deletion with the old password that a change made
      // meanwhile replaced must not erase the account its owner just secured. Otherwise another request
      // deleted it since it was read: that token's account is gone.
      if (!(await users.remove(userId, found.passwordHash))) {
        if (await users.credentialsOf(userId)) throw new HttpProblem(403, 'The password is wrong (it was changed meanwhile): the account was not deleted');
        throw accountGone();
      }
      // Its tokens refused by every service from now on, not only here (where the account's absence
      // already refuses them): the trip service took them until they expired, and a trip created
      // with one waited for the next erasure sweep. Redis out of reach: the account is deleted all
      // the same, and the revocation, recorded in user_db (the deletion's trigger too), is written once
      // Redis answers (by this replica, or any user-service replica's republish if this one stops
      // first; DurableRevocations warns of it). Rejected only with user_db gone since the deletion
      // too: a warning, the trigger's record carries it.
      await revocations.revoke(userId).catch((err: unknown) => request.log.warn({ err, userId }, 'the deleted account\'s tokens could not be revoked yet: other services take them until Redis answers'));
      return reply.code(204).send(null);
    },
  );

  // A password change (OWASP ASVS 4.0.3 2.1.5, 3.3.3): the current password (counted as a login's,
  // one throttle with login and deletion), the new one under register's rules, and every token of the
  // account issued before revoked on every service (the caller signs in again with the new password).
  app.put(
    USER_PATHS.password,
    // Its preconditions once the current password is checked, as the deletion's.
    {
      config: { target: EVALUATED_BY_ROUTE, holdsRequests: true },
      schema: {
        operationId: 'changePassword',
        description: "Replaces the signed-in user's password (the current one in the body) and revokes every access token of the account issued before: sign in again with the new one.",
        tags: ['users'],
        body: ChangePasswordBody,
        response: { 204: Type.Null(), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const userId = request.user!.id;
      const { currentPassword, newPassword } = request.body;
      // The same as the current one: a change that changes nothing would leave a leaked password working
      // while telling the traveller it was replaced. A comparison of the body's own two fields: it tells no one
      // anything about the account's password, so it is a 400 with the rest, before the current one is checked.
      const refused = newPassword === currentPassword ? 'must differ from the current password' : passwordProblem(newPassword);
      if (refused) throw invalidBody([{ path: 'body/newPassword', message: refused }]);
      const found = await users.credentialsOf(userId);
      if (!found) throw accountGone();
      if (!(await isAccountPassword(request, reply, found, currentPassword))) throw new HttpProblem(403, 'The current password is wrong: the password was not changed');
      assertPreconditions(request, CURRENT_TARGET);
      // Only over the hash the current password was checked against: two changes that both checked it
      // before either wrote would otherwise both answer 204, the later write the password, whoever sent it.
      if (!(await users.setPasswordHash(userId, found.passwordHash, await hashPassword(newPassword)))) {
        if (!(await users.credentialsOf(userId))) throw accountGone();
        throw new HttpProblem(403, 'The current password is wrong (it was changed meanwhile): the password was not changed');
      }
      // Recorded in user_db by the change's own commit (migration 20261207070000_password_change_revokes_tokens),
      // sent now to every service at that instant; Redis out of reach, once it answers (the record's
      // write-back, DurableRevocations). Refusing the change then (a 503, the release before) left the
      // old password working too, and the old tokens no sooner refused.
      await revocations.sendRecorded(userId);
      return reply.code(204).send(null);
    },
  );
};
