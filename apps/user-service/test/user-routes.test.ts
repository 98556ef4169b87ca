/**
 * The user routes of docs/api.md, called through the dev gateway (routes generated from
 * the catalog) against real PostgreSQL and Redis.
 */
import { createDevGateway } from '@tripgen/dev-tools/gateway';
import { readFileSync } from 'node:fs';
import { JWKS_PATH, METRICS_PATH, QUEUES, RATE_LIMIT, TRIP_LIMITS, USER_INTERNAL_PATHS, internalPrefix } from '@tripgen/catalog';
import { SignJWT, decodeProtectedHeader, importPKCS8 } from 'jose';
import { createTokenVerifier, remoteJwks } from '@tripgen/service-kit';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tripgen/testing';
import { KEY_FILE, startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
let gateway: FastifyInstance;
let base: string;

beforeAll(async () => {
  service = await startUserService();
  gateway = await createDevGateway({ upstreams: { user: service.url } });
  base = await gateway.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await gateway?.close();
  await service?.close();
});

const call = async (method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};

const uniqueEmail = () => `traveller-${Math.random().toString(36).slice(2)}@example.com`;

describe('user routes through the dev gateway', () => {
  it('registers, rejects a duplicate email with 409 and bad input with 400 problem+json', async () => {
    const email = uniqueEmail();
    const created = await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), email, name: 'Ada' });

    const dup = await call('POST', '/api/v1/auth/register', { email: email.toUpperCase(), password: 'another one!', name: 'Eve' });
    expect(dup.status).toBe(409);
    expect(dup.type).toContain('application/problem+json');

    expect(dup.json?.detail).toBe('An account with this email already exists');

    // Wrong types are refused, not coerced ("12345678" from a number, a name of blanks stored as "").
    const fresh = uniqueEmail();
    for (const [field, body] of [
      ['email', { email: 'not-an-email', password: 'correct horse', name: 'Ada' }],
      ['password', { email: fresh, password: 'x', name: 'Ada' }],
      ['password', { email: fresh, password: 12345678, name: 'Ada' }],
      ['email', { email: [fresh], password: 'correct horse', name: 'Ada' }],
      ['name', { email: fresh, password: 'correct horse', name: 42 }],
      ['name', { email: fresh, password: 'correct horse', name: '   ' }],
      // A zero-width space, a Hangul filler: not whitespace, but nothing shown.
      ['name', { email: fresh, password: 'correct horse', name: '\u200b' }],
      ['name', { email: fresh, password: 'correct horse', name: '\u3164' }],
      ['name', { email: fresh, password: 'correct horse', name: 'Ada\u0000' }],
      ['email', { email: `${fresh}\u0000`, password: 'correct horse', name: 'Ada' }],
      ['name', { email: fresh, password: 'correct horse' }],
    ] as const) {
      const bad = await call('POST', '/api/v1/auth/register', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.type).toContain('application/problem+json');
      expect(bad.json?.detail).toMatch(/^Request body is invalid: /);
      expect(bad.json?.errors).toEqual([expect.objectContaining({ path: `body/${field}` })]);
    }
    // None of them created the account.
    expect((await call('POST', '/api/v1/auth/register', { email: fresh, password: 'correct horse', name: 'Ada' })).status).toBe(201);
  });

  it('refuses a new password among the most common ones that the length rule lets through, in any case (OWASP ASVS 4.0.3 2.1.7)', async () => {
    for (const password of ['qwerty123456', '1qaz2wsx3edc', 'LeaveMeAlone']) {
      const bad = await call('POST', '/api/v1/auth/register', { email: uniqueEmail(), password, name: 'Ada' });
      expect(bad.status, password).toBe(400);
      expect(bad.json?.detail).toBe('Request body is invalid: body/password must not be one of the most common passwords');
      expect(bad.json?.errors).toEqual([{ path: 'body/password', message: 'must not be one of the most common passwords' }]);
    }
  });

  it('takes a new password of 12 characters, runs of spaces counted as one, and no fewer (OWASP ASVS 4.0.3 2.1.1)', async () => {
    for (const password of ['elevenchars', '12345678', 'ab          cdefghij', ' '.repeat(40)]) {
      const bad = await call('POST', '/api/v1/auth/register', { email: uniqueEmail(), password, name: 'Ada' });
      expect(bad.status, JSON.stringify(password)).toBe(400);
      expect(bad.type).toContain('application/problem+json');
      expect(bad.json?.detail).toMatch(/^Request body is invalid: body\/password must (NOT have fewer than 12 characters|have at least 12 characters, a run of spaces counting as one)$/);
      expect(bad.json?.errors).toEqual([expect.objectContaining({ path: 'body/password' })]);
    }
    // Twelve, a run of spaces as one; any character counts (a code point each, ASVS 2.1.4).
    for (const password of ['twelve chars', 'ab          cdefghijk', '비밀번호비밀번호비밀번호']) {
      const email = uniqueEmail();
      expect((await call('POST', '/api/v1/auth/register', { email, password, name: 'Ada' })).status, JSON.stringify(password)).toBe(201);
      expect((await call('POST', '/api/v1/auth/login', { email, password })).status).toBe(200);
    }
  });

  it('logs in with an EdDSA token that verifies against the published JWKS, and refuses bad credentials', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const login = await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number), accessToken: expect.any(String) });
    // A bearer token is stored by no cache on the way (RFC 6749 5.1; OWASP ASVS 4.0.3 8.2.1).
    expect(login.headers.get('cache-control')).toBe('no-store');

    const jwks = await call('GET', JWKS_PATH);
    expect(jwks.status).toBe(200);
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const { payload, protectedHeader } = await jwtVerify(login.json!.accessToken as string, createLocalJWKSet(jwks.json as never), {
      issuer: service.app.kit.config.jwtIssuer,
      audience: service.app.kit.config.jwtAudience,
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload.sub).toEqual(expect.any(String));

    // What every other service does: verify against the JWKS fetched over HTTP (via the gateway here).
    const verifier = createTokenVerifier(remoteJwks(`${base}${JWKS_PATH}`), service.app.kit.config.jwtIssuer, service.app.kit.config.jwtAudience);
    // The login's session (`sid`, random per login): what a sign-out of this device revokes.
    expect(payload.sid).toEqual(expect.stringMatching(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/));
    expect(await verifier.verify(login.json!.accessToken as string)).toEqual({ id: payload.sub, email, issuedAtMs: Math.round((payload.iat ?? 0) * 1000), sessionId: payload.sid });
    await expect(verifier.verify(`${login.json!.accessToken as string}x`)).rejects.toMatchObject({ statusCode: 401 });

    // A wrong password and an unknown email get the same answer: the login tells no one who has an account.
    const wrongPassword = await call('POST', '/api/v1/auth/login', { email, password: 'wrong password' });
    const unknownEmail = await call('POST', '/api/v1/auth/login', { email: uniqueEmail(), password: 'correct horse' });
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
    }
    expect({ ...unknownEmail.json, instance: undefined }).toEqual({ ...wrongPassword.json, instance: undefined });
  });

  it('serves the profile, stores preferences (the cached profile follows) and lists notifications', async () => {
    const email = uniqueEmail();
    const { json: user } = await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;

    const me = await call('GET', '/api/v1/users/me', undefined, token);
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ id: user!.id, email, name: 'Ada', preferences: null });
    // Answered from this replica's cache (its JSON made once): the same body and content type.
    const again = await call('GET', '/api/v1/users/me', undefined, token);
    expect([again.status, again.type, again.json]).toEqual([200, me.type, me.json]);
    expect(me.type).toBe('application/json; charset=utf-8');

    const prefs = { interests: ['museums', 'food'], pace: 'relaxed', travelMode: 'transit' };
    const put = await call('PUT', '/api/v1/users/me/preferences', prefs, token);
    expect(put.status).toBe(200);
    expect(put.json).toEqual(prefs);
    // Twice: the second answer comes from the cache, whose JSON must follow the update too.
    for (let i = 0; i < 2; i++) expect((await call('GET', '/api/v1/users/me', undefined, token)).json).toEqual({ id: user!.id, email, name: 'Ada', preferences: prefs });

    const badPrefs = await call('PUT', '/api/v1/users/me/preferences', { ...prefs, pace: 'sprint' }, token);
    expect(badPrefs.status).toBe(400);
    // A NUL (PostgreSQL text cannot hold it) is the kit's 400 naming the field; the stored preferences stay.
    const nulPrefs = await call('PUT', '/api/v1/users/me/preferences', { ...prefs, interests: ['museums', 'fo\u0000od'] }, token);
    expect([nulPrefs.status, nulPrefs.type, nulPrefs.json?.errors]).toEqual([400, 'application/problem+json; charset=utf-8', [{ path: 'body/interests/1', message: 'must not contain NUL (U+0000)' }]]);
    expect((await call('GET', '/api/v1/users/me', undefined, token)).json?.preferences).toEqual(prefs);

    const inbox = await call('GET', '/api/v1/users/me/notifications', undefined, token);
    expect(inbox.status).toBe(200);
    expect(inbox.json).toEqual({ items: [] });
  });

  it('keeps notification-queue messages in the inbox, once each, and dead-letters a malformed one', async () => {
    const email = uniqueEmail();
    const { json: user } = await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const broker = await createServiceBusBroker({ connectionString: service.bus.connectionString });
    try {
      const body = { userId: user!.id, type: 'schedule.completed', payload: { tripId: 't-1', scheduleId: 's-1' } };
      // The same message id twice (a publisher retry): one inbox entry.
      await broker.publish(QUEUES.notification, [{ messageId: 'notif-1', body }]);
      await broker.publish(QUEUES.notification, [{ messageId: 'notif-1', body }]);
      await broker.publish(QUEUES.notification, [{ messageId: 'notif-bad', body: { hello: 'world' } }]);
      const consumed = async (outcome: string) => new RegExp(`messages_consumed_total\\{[^}]*queue="notification-queue"[^}]*outcome="${outcome}"[^}]*\\} 1\\n`).test(await (await fetch(`${service.url}${METRICS_PATH}`)).text());
      // All three deliveries handled (the twin too, so that "once" is seen after it, not before it came).
      await waitFor(
        async () => service.bus.count(`${QUEUES.notification}/$deadletterqueue`) === 1 && (await consumed('processed')) && (await consumed('duplicate')),
        'the notification, its twin and the dead letter',
        20_000,
        100,
      );
      const items = (await call('GET', '/api/v1/users/me/notifications', undefined, token)).json!.items as unknown[];
      expect(items).toEqual([{ id: expect.any(String), type: 'schedule.completed', payload: body.payload, createdAt: expect.any(String), readAt: null }]);
      expect(service.bus.count(`${QUEUES.notification}/$deadletterqueue`)).toBe(1);
      const metrics = await (await fetch(`${service.url}${METRICS_PATH}`)).text();
      expect(metrics).toMatch(/messages_consumed_total\{[^}]*queue="notification-queue"[^}]*outcome="processed"[^}]*\} 1/);
      expect(metrics).toMatch(/messages_consumed_total\{[^}]*outcome="deadLettered"[^}]*\} 1/);
    } finally {
      await broker.close();
    }
  });

  it('publishes only the public Ed25519 key as JWKS, with the kid the tokens carry', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const jwks = await call('GET', JWKS_PATH);
    expect(jwks.type).toContain('application/json');
    expect(jwks.json).toEqual({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/), kid: decodeProtectedHeader(token).kid, alg: 'EdDSA', use: 'sig' }] });
  });

  it('answers 401 problem+json without a token, with a bad one, and with a well-signed one that is not for us', async () => {
    const email = uniqueEmail();
    const { json: user } = await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const key = await importPKCS8(readFileSync(KEY_FILE, 'utf8'), 'EdDSA');
    const { issuer, audience } = { issuer: service.app.kit.config.jwtIssuer, audience: service.app.kit.config.jwtAudience };
    const kid = ((await call('GET', JWKS_PATH)).json as { keys: { kid: string; x: string }[] }).keys[0]!;
    const signed = (claims: { iss?: string; aud?: string; exp?: number }) => {
      const jwt = new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: kid.kid }).setSubject(user!.id as string);
      if (claims.iss) jwt.setIssuer(claims.iss);
      if (claims.aud) jwt.setAudience(claims.aud);
      if (claims.exp) jwt.setExpirationTime(claims.exp);
      return jwt.sign(key);
    };
    const inAMinute = Math.floor(Date.now() / 1000) + 60;
    // The valid control: the same builder with the right claims is accepted.
    expect((await call('GET', '/api/v1/users/me', undefined, await signed({ iss: issuer, aud: audience, exp: inAMinute }))).status).toBe(200);
    const refused: Record<string, string | undefined> = {
      'no token': undefined,
      garbage: 'garbage',
      'alg none': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user!.id, iss: issuer, aud: audience, exp: inAMinute })).toString('base64url')}.`,
      // The classic confusion: HMAC "signed" with the public key as the secret.
      'HS256 with the public key': await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: kid.kid }).setSubject(user!.id as string).setIssuer(issuer).setAudience(audience).setExpirationTime(inAMinute).sign(Buffer.from(kid.x, 'base64url')),
      expired: await signed({ iss: issuer, aud: audience, exp: Math.floor(Date.now() / 1000) - 60 }),
      'no expiry': await signed({ iss: issuer, aud: audience }),
      'another issuer': await signed({ iss: 'https://evil.example', aud: audience, exp: inAMinute }),
      'another audience': await signed({ iss: issuer, aud: 'another-api', exp: inAMinute }),
    };
    for (const [what, token] of Object.entries(refused)) {
      const res = await call('GET', '/api/v1/users/me', undefined, token);
      expect(res.status, what).toBe(401);
      expect(res.type, what).toContain('application/problem+json');
      expect(res.json?.detail, what).toMatch(/access token|Authorization/);
      // RFC 9110 15.5.2: a 401 carries its challenge (before: none); RFC 6750 3: no error code without a token.
      expect(res.headers.get('www-authenticate'), what).toBe(token === undefined ? 'Bearer' : 'Bearer error="invalid_token"');
    }
    // An Authorization header that is not a bearer token at all.
    for (const authorization of [`Basic ${Buffer.from('ada:pw').toString('base64')}`, `Bearer ${user!.id as string} extra`]) {
      const res = await fetch(`${base}/api/v1/users/me`, { headers: { authorization } });
      expect([res.status, res.headers.get('www-authenticate')], authorization).toEqual([401, 'Bearer error="invalid_request"']);
    }
  });

  it('stores a preferred interest as long as a trip\'s (the catalog\'s TRIP_LIMITS.interestLength) and refuses a longer one', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const prefs = (interest: string) => ({ interests: [interest], pace: 'normal', travelMode: 'walk' });
    const longest = 'x'.repeat(TRIP_LIMITS.interestLength);
    expect((await call('PUT', '/api/v1/users/me/preferences', prefs(longest), token)).status).toBe(200);
    const longer = await call('PUT', '/api/v1/users/me/preferences', prefs(`${longest}x`), token);
    expect([longer.status, longer.json?.errors]).toEqual([400, [expect.objectContaining({ path: 'body/interests/0' })]]);
    expect((await call('GET', '/api/v1/users/me', undefined, token)).json?.preferences).toEqual(prefs(longest));
  });

  it('refuses preferred interests that are the same but for case, spacing, Unicode form or invisible characters 400 naming the item, and stores interests in NFC, trimmed (docs/api.md "unique")', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const prefs = (interests: string[]) => ({ interests, pace: 'normal', travelMode: 'walk' });
    for (const interests of [
      ['museums', 'Caf\u00e9', 'caf\u00e9'],
      ['museums', 'caf\u00e9', 'cafe\u0301'],
      ['museums', 'street food', 'Street  Food'],
      ['museums', 'temples', 'tem\u00adples'],
      ['museums', 'temples', 'temples\u200b'],
    ]) {
      // Before: 200, stored as three interests.
      const res = await call('PUT', '/api/v1/users/me/preferences', prefs(interests), token);
      expect([res.status, res.json?.errors], JSON.stringify(interests)).toEqual([400, [{ path: 'body/interests/2', message: 'is the same interest as body/interests/1 (they differ only in case, spacing, Unicode form or invisible characters)' }]]);
    }
    const blank = await call('PUT', '/api/v1/users/me/preferences', prefs(['museums', ' \u200b ']), token);
    expect([blank.status, (blank.json?.errors as { path: string }[] | undefined)?.[0]?.path]).toEqual([400, 'body/interests/1']);
    expect((await call('GET', '/api/v1/users/me', undefined, token)).json?.preferences).toBeNull();
    const stored = await call('PUT', '/api/v1/users/me/preferences', prefs([' Palaces ', 'cafe\u0301']), token);
    expect([stored.status, stored.json?.interests]).toEqual([200, ['Palaces', 'caf\u00e9']]);
    expect((await call('GET', '/api/v1/users/me', undefined, token)).json?.preferences).toEqual(prefs(['Palaces', 'caf\u00e9']));
  });

  it('reads an email the same way at register and login (one schema): one with surrounding spaces is a 400 naming body/email at both, either case is the same account', async () => {
    const email = uniqueEmail();
    for (const spaced of [` ${email}`, `${email} `, `\t${email}`]) {
      const registered = await call('POST', '/api/v1/auth/register', { email: spaced, password: 'correct horse', name: 'Ada' });
      expect([registered.status, (registered.json?.errors as { path: string }[] | undefined)?.[0]?.path], JSON.stringify(spaced)).toEqual([400, 'body/email']);
    }
    expect((await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' })).status).toBe(201);
    for (const spaced of [` ${email}`, `${email} `, `\t${email}`]) {
      // Before: 200 and a token, for an email register refuses.
      const login = await call('POST', '/api/v1/auth/login', { email: spaced, password: 'correct horse' });
      expect([login.status, (login.json?.errors as { path: string }[] | undefined)?.[0]?.path], JSON.stringify(spaced)).toEqual([400, 'body/email']);
    }
    expect((await call('POST', '/api/v1/auth/login', { email: email.toUpperCase(), password: 'correct horse' })).status).toBe(200);
    expect((await call('POST', '/api/v1/auth/register', { email: email.toUpperCase(), password: 'correct horse', name: 'Ada' })).status).toBe(409);
  });

  it('asks for the token before it looks at the body: a refused token with a bad body is a 401, a good token with it a 400', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    // Raw bodies: one the schema refuses, and one that is not JSON at all (refused by the parser).
    const put = async (body: string, authorization?: string, type = 'application/json') => {
      const res = await fetch(`${base}/api/v1/users/me/preferences`, { method: 'PUT', headers: { 'content-type': type, ...(authorization ? { authorization } : {}) }, body });
      return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as Record<string, unknown> };
    };
    for (const body of ['{"interests":[""],"pace":"sprint"}', '{"interests":']) {
      for (const authorization of [undefined, 'Bearer garbage', `Bearer ${token}x`]) {
        const res = await put(body, authorization);
        expect([res.status, res.type], `${authorization} ${body}`).toEqual([401, 'application/problem+json; charset=utf-8']);
        // Nothing of the route's schema or the parser's complaint.
        expect([res.json.detail, res.json.errors], body).toEqual([expect.not.stringMatching(/pace|interests|JSON/), undefined]);
      }
      expect((await put(body, `Bearer ${token}`)).status, body).toBe(400);
    }
    // A body of a media type no route reads: 415 with the token, 401 without one.
    for (const authorization of [undefined, 'Bearer garbage']) expect((await put('pace=relaxed', authorization, 'text/plain')).status).toBe(401);
    expect((await put('pace=relaxed', `Bearer ${token}`, 'text/plain')).status).toBe(415);
  });

  it('counts no 401 against the limit, and every other request of the traveller, a 400 of the route\'s schema and a 415 too (docs/api.md, "Rate limit"): the 101st is the 429, before its body is read', async () => {
    // Before (the limit a preHandler, after the body): neither a 400 nor a 415 was counted, so a
    // traveller could send any number of bad bodies of up to 128 KiB, each read and parsed.
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    // Each refused token from an address of its own, straight to the service (the address the
    // ingress would have written): one address is held to TOKEN_REFUSAL_THROTTLE refused tokens.
    const refused = async (i: number) =>
      (await fetch(`${service.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}x`, 'x-forwarded-for': `198.51.100.${i}` } })).status;
    const refusals = new Set<number>();
    for (let i = 0; i <= RATE_LIMIT.max; i++) refusals.add(await refused(i));
    expect([...refusals]).toEqual([401]);
    const textBody = async () => (await fetch(`${base}/api/v1/users/me/preferences`, { method: 'PUT', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, body: 'pace=relaxed' })).status;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT.max; i++) statuses.push(i % 2 === 0 ? (await call('PUT', '/api/v1/users/me/preferences', { pace: 'sprint' }, token)).status : await textBody());
    expect(new Set(statuses)).toEqual(new Set([400, 415]));
    // The budget is spent by them: a bad body is now the 429 (not read), and so is a good request.
    expect((await call('PUT', '/api/v1/users/me/preferences', { pace: 'sprint' }, token)).status).toBe(429);
    expect(await textBody()).toBe(429);
    expect((await call('GET', '/api/v1/users/me', undefined, token)).status).toBe(429);
  });

  it('answers 429 problem+json with Retry-After past 100 requests a minute of one user', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT.max; i++) statuses.push((await call('GET', '/api/v1/users/me', undefined, token)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await call('GET', '/api/v1/users/me', undefined, token);
    expect(limited.status).toBe(429);
    expect(limited.type).toContain('application/problem+json');
    expect(limited.json?.detail).toContain(`Rate limit of ${RATE_LIMIT.max} requests per minute exceeded`);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT.timeWindowMs / 1000);
  });

  it('answers the traveller\'s preferences on its internal route (the trip service\'s read) with their token only, outside their rate limit, never through the gateway', async () => {
    const email = uniqueEmail();
    await call('POST', '/api/v1/auth/register', { email, password: 'correct horse', name: 'Ada' });
    const token = (await call('POST', '/api/v1/auth/login', { email, password: 'correct horse' })).json!.accessToken as string;
    const path = `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`;
    const direct = async (authorization?: string) => {
      const res = await fetch(`${service.url}${path}`, { headers: authorization ? { authorization } : {} });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect(await direct(`Bearer ${token}`)).toEqual({ status: 200, json: { preferences: null } });
    const preferences = { interests: ['food'], pace: 'packed', travelMode: 'car' };
    expect((await call('PUT', '/api/v1/users/me/preferences', preferences, token)).status).toBe(200);
    expect((await direct()).status).toBe(401);
    expect((await direct('Bearer a.b.c')).status).toBe(401);
    expect((await call('GET', path, undefined, token)).status).toBe(404);
    // The traveller's limit spent: their own requests are refused, the read on their behalf is not.
    let limited = 0;
    for (let i = 0; i <= RATE_LIMIT.max && limited !== 429; i++) limited = (await call('GET', '/api/v1/users/me', undefined, token)).status;
    expect(limited).toBe(429);
    for (let i = 0; i < 5; i++) expect(await direct(`Bearer ${token}`)).toEqual({ status: 200, json: { preferences } });
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const res = await call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
  });
});
