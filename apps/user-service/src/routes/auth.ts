/** /api/v1/auth: register, login (access token), sign-out (one session, or everywhere), and the public token-signing keys (JWKS). */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { AUTH_PATHS, LOGIN_THROTTLE, REDIS_KEY_PREFIXES, SESSION_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import { assertPreconditions, clientAddressKey, CURRENT_TARGET, EVALUATED_BY_ROUTE, HttpProblem, markHeld, ProblemSchema, withLocation, type AuthenticatedUser, type Kit } from '@tripgen/service-kit';
import { SignJWT } from 'jose';
import { Type } from 'typebox';
import { createLoginAttempts, type LoginAttempts } from '../domain/login-attempts.ts';
import { decoyHash, hashPassword, verifyPassword } from '../domain/passwords.ts';
import { passwordProblem } from '../domain/password-rules.ts';
import { Jwks, LoginBody, PublicUser, RegisterBody, TokenResponse } from '../domain/schemas.ts';
import { SIGNING_ALG } from '../domain/signing-key.ts';
import { ACCESS_TOKEN_TTL_SECONDS, loginThrottleKey, type KeyRing } from '../domain/signing-keys.ts';
import { AccountBusyError, EmailTakenError, type UserRepository } from '../domain/users.ts';
import type { DurableRevocations } from '../domain/revocation-records.ts';

export { ACCESS_TOKEN_TTL_SECONDS };

export interface AuthRoutesOptions {
  readonly users: UserRepository;
  readonly ring: KeyRing;
  readonly revocations: DurableRevocations;
  /** The account's password checks (loginThrottle), shared with the account's password routes. */
  readonly throttle: LoginAttempts;
}

/** An email (the schemas' Email, which admits no spaces) as it is stored and looked up: in lower case, so either case is the same account. */
const normalizeEmail = (email: string) => email.toLowerCase();

/**
 * Password checks and failed logins per account, across replicas: the kit's rate limit counts per caller, and one account can be tried from many addresses.
 * `secret`: the mounted signing secret (JWT_SIGNING_KEY), which keys the hashes of emails and addresses in Redis.
 */
export const loginThrottle = (redis: Kit['redis'], secret: string) =>
  createLoginAttempts({ redis, prefix: REDIS_KEY_PREFIXES.loginFailures, hashKey: loginThrottleKey(secret), ...LOGIN_THROTTLE });

/**
 * Past the failed logins of an email or an account (login, deletion, password change): 429 with
 * `Retry-After` until the window ends. `busy`: no check of it could start for LOGIN_THROTTLE.reservationMs
 * (its checks in flight held what the failures leave), retry in a second.
 */
export const tooManyFailedLogins = (reply: FastifyReply, retryAfterSeconds: number, of: 'email' | 'account', busy = false): HttpProblem => {
  reply.header('retry-after', String(retryAfterSeconds));
  return new HttpProblem(429, `Too many ${busy ? 'logins in progress' : 'failed logins'} for this ${of}; retry in ${retryAfterSeconds} seconds`);
};

/**
 * Once a lock, not per refused attempt: which account is attacked (its id, or its throttle key for an
 * unknown email: no address in the logs), and the key an operator deletes to unlock.
 */
export const logLoginLock = (log: FastifyBaseLogger, userId: string | undefined, throttleKey: string): void => {
  log.warn({ userId, throttleKey }, `Login locked for ${LOGIN_THROTTLE.windowMs / 60_000} minutes after ${LOGIN_THROTTLE.maxFailures} failed logins`);
};

/** Aborted when the client closes its connection before its answer is sent (a login waiting for its turn stops then). */
const clientGone = (reply: FastifyReply): AbortSignal => {
  const gone = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort();
  });
  return gone.signal;
};

/**
 * What `check` (a password's verification) answers when it passes (undefined when it fails), counted
 * in the email's login throttle (login, deletion, password change): the check starts only once it
 * holds one of what the failures leave (a burst of guesses costs at most LOGIN_THROTTLE.maxFailures
 * hashes, the rest wait and are answered the 429 without one); past the limit a 429 before the check
 * (a locked email costs no hash), and after it too when the lock was reached meanwhile, right or
 * wrong (a guess that happens to be right must not tell the guesser so). A right password gives its
 * slot back: right passwords sent at once (retries, several devices) wait their turn, never locked out;
 * it disregards the failures from its own address recorded before it, never another address's.
 */
export const throttledCheck = async <T>(
  throttle: LoginAttempts,
  reply: FastifyReply,
  /** `address`: the client's (request.ip), whose earlier failures a right password disregards. */
  target: { readonly email: string; readonly of: 'email' | 'account'; readonly address: string },
  check: () => Promise<T | undefined>,
  logLock: () => void,
): Promise<T | undefined> => {
  const refuseIf = (retryAfterSeconds: number | undefined) => {
    if (retryAfterSeconds !== undefined) throw tooManyFailedLogins(reply, retryAfterSeconds, target.of);
  };
  // The wait for a turn is the account's other checks', not this pod's latency: an attacker's burst of
  // logins to one account would otherwise be 10 s requests in the duration metric, failing a rollout's
  // p95 (200 ms) and the response-time alerts at will. Its route says holdsRequests (markHeld).
  const admission = await throttle.admit(target.email, clientAddressKey(target.address), clientGone(reply), (ms) => markHeld(reply.request, ms));
  if (!admission.admitted) throw tooManyFailedLogins(reply, admission.retryAfterSeconds, target.of, admission.busy);
  const { attempt } = admission;
  let passed: T | undefined;
  try {
    passed = await check();
  } catch (err) {
    // A database that cannot answer is no failed login: nothing counted, the slot given back.
    await attempt.abandoned();
    throw err;
  }
  if (passed !== undefined) {
    refuseIf(await attempt.succeeded());
    return passed;
  }
  const failure = await attempt.failed();
  refuseIf(failure.refused ? failure.retryAfterSeconds : undefined);
  if (!failure.refused && failure.locked) logLock();
  return undefined;
};

/**
 * A revocation (recorded in user_db, and the kit's revocations, through Redis to every replica of
 * every service). Done once user_db has recorded it, Redis reachable or not: every pod learns it
 * once Redis answers (from the record, by any replica), which no answer of this one could hasten,
 * and a 503 told a traveller signing out of a shared computer that nothing was done when it was (the
 * same sign-out again was a 401 here: this replica already refused the token). A 503 only when
 * neither user_db nor Redis took it: this pod's memory alone, lost if it stops.
 */
const revokedOr503 = async (revoke: () => Promise<number>): Promise<void> => {
  try {
    await revoke();
  } catch (err) {
    const unavailable = new HttpProblem(503, 'The sign-out could not be recorded; try again shortly');
    unavailable.cause = err;
    throw unavailable;
  }
};

/** Revokes every token of the account issued up to now (sign out everywhere): a 503 when neither user_db nor Redis can take it. */
const revokeTokens = (revocations: DurableRevocations, userId: string): Promise<void> => revokedOr503(() => revocations.revoke(userId));

/**
 * Signs out the session of the caller's token (its `sid`), the account's other sessions untouched; a
 * token without one (signed before sessions, for at most its 15 minutes) names no session: the whole
 * account is signed out, as every sign-out was then.
 */
const signOutSession = (revocations: DurableRevocations, { id, sessionId }: AuthenticatedUser): Promise<void> =>
  sessionId === undefined ? revokeTokens(revocations, id) : revokedOr503(() => revocations.revokeSession(id, sessionId));

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { users, ring, revocations, throttle }) => {
  const { jwtIssuer, jwtAudience } = app.kit.config;
  // Hashed now, not on the first unknown email: that login would otherwise take twice as long.
  await decoyHash();
  // Unknown emails are counted the same way as known ones (no user enumeration).

  app.post(
    AUTH_PATHS.register,
    { schema: { operationId: 'register', description: 'Creates an account; the email must not be taken.', tags: ['auth'], body: RegisterBody, response: { 201: withLocation(PublicUser, `GET ${USER_PATHS.me} with the account's token`), 400: ProblemSchema, 409: ProblemSchema } } },
    async (request, reply) => {
      const { email, password, name } = request.body;
      const refused = passwordProblem(password);
      if (refused) throw new HttpProblem(400, `Request body is invalid: body/password ${refused}`, { errors: [{ path: 'body/password', message: refused }] });
      try {
        const user = await users.create(normalizeEmail(email), name.trim(), await hashPassword(password));
        // The account is read at the caller's own profile (there is no route by id): RFC 9110 15.3.2.
        return reply.code(201).header('location', USER_PATHS.me).send(user);
      } catch (err) {
        if (err instanceof EmailTakenError) throw new HttpProblem(409, 'An account with this email already exists');
        throw err;
      }
    },
  );

  app.post(
    AUTH_PATHS.login,
    // Its preconditions once the credentials are checked: wrong ones are its 401 whatever they say (RFC 9110 13.2.1).
    { config: { target: EVALUATED_BY_ROUTE, holdsRequests: true }, schema: { operationId: 'login', description: 'Exchanges email and password for an access token (EdDSA JWT); throttled per account.', tags: ['auth'], body: LoginBody, response: { 200: TokenResponse, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema } } },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      let accountId: string | undefined;
      // A database that cannot answer is no failed login: its error goes through, nothing counted.
      const signedIn = await throttledCheck(
        throttle,
        reply,
        { email, of: 'email', address: request.ip },
        async () => {
          // The token's `iat`: the instant the credentials were read (their row locked), not after their
          // verification. A password change, a sign-out or a deletion that commits while this login
          // verifies the hash it read revokes at a later instant, so the token the old password bought is
          // refused with the rest. user_db's clock, as the revocations': not this pod's, which may run ahead of theirs.
          const { found, readAt } = await users.credentialsRead(email).catch((err: unknown) => {
            if (err instanceof AccountBusyError) throw new HttpProblem(503, 'The account is being changed; try again shortly');
            throw err;
          });
          accountId = found?.id;
          // Verify against a decoy when the email is unknown: both answers take as long.
          const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), request.body.password);
          return found && ok ? { found, readAt } : undefined;
        },
        () => logLoginLock(request.log, accountId, throttle.redisKey(email)),
      );
      if (!signedIn) throw new HttpProblem(401, 'Email or password is wrong');
      const { found, readAt } = signedIn;
      assertPreconditions(request, CURRENT_TARGET);
      const key = ring.current();
      const accessToken = await new SignJWT({ email: found.email, [SESSION_REVOCATIONS.claim]: randomUUID() })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' })
        .setSubject(found.id)
        .setIssuer(jwtIssuer)
        .setAudience(jwtAudience)
        // To the millisecond (a NumericDate may hold a fraction, RFC 7519 2): a revocation is an instant
        // (the kit's auth/revocations.ts), and a login right after a password change, within the same
        // second, must not be refused with the tokens it replaces.
        .setIssuedAt(readAt / 1000)
        // From the same instant, not the signing's: a revocation is kept a token's lifetime after it, so every
        // token it refuses (issued up to it) must expire by then, a login slowed past a second after its read too.
        .setExpirationTime(Math.floor(readAt / 1000) + ACCESS_TOKEN_TTL_SECONDS)
        .sign(key.privateKey);
      // A bearer credential: no cache on the way may keep it (RFC 6749 5.1, the token response).
      reply.header('cache-control', 'no-store');
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );

  // Sign out this device (OWASP ASVS 4.0.3 3.3.1): the calling token's session is refused from then on
  // by every service (the kit's revocations), the account's other sessions untouched.
  app.post(
    USER_PATHS.logout,
    {
      schema: {
        operationId: 'logout',
        description: `Signs out the session of the calling token (this device): it is refused by every service from then on, the account's other sessions stay signed in (sign out everywhere: POST ${USER_PATHS.logoutEverywhere}).`,
        tags: ['auth'],
        response: { 204: Type.Null(), 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      await signOutSession(revocations, request.user!);
      return reply.code(204).send(null);
    },
  );

  // Sign out everywhere (OWASP ASVS 4.0.3 3.3.4): every token of the account issued up to now, of every session.
  app.post(
    USER_PATHS.logoutEverywhere,
    {
      schema: {
        operationId: 'logoutEverywhere',
        description: 'Signs the account out everywhere: every access token of it issued up to now, of every session, is refused by every service from then on.',
        tags: ['auth'],
        response: { 204: Type.Null(), 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      await revokeTokens(revocations, request.user!.id);
      return reply.code(204).send(null);
    },
  );

  app.get(AUTH_PATHS.jwks, { schema: { operationId: 'getJwks', description: 'The public keys access tokens are verified with (JWKS).', tags: ['auth'], response: { 200: Jwks } } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(ring.jwks()),
  );
};
