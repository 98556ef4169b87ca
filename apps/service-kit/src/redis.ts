/**
 * Redis is a soft dependency: commands fail fast while it is unreachable (no offline queue, one
 * try per request) so callers fall back instead of waiting, and the client keeps reconnecting in
 * the background. Connection errors are logged once per outage, not once per retry.
 *
 * In Azure (Azure Managed Redis, `rediss://` without a password) the pods authenticate with
 * Microsoft Entra tokens of their workload identity: username = the identity's object id (the
 * token's `oid` claim, as Azure documents and @redis/entraid does), password = an access token
 * for https://redis.azure.com/.default. Tokens expire and the server then drops the connection,
 * so every open connection sends AUTH with a renewed token before that (at 70 % of the remaining
 * lifetime, and at least 3 minutes before it expires, as Azure advises). A subscribed connection
 * cannot run AUTH under RESP2, the only protocol ioredis speaks, so it reconnects with the new token
 * instead: each owner of a subscription subscribes again on that reconnect's 'ready' (connectRedis),
 * and the cache clears its L1 then, so no invalidation is missed unnoticed.
 */
import { Redis, ReplyError } from 'ioredis';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { FastifyBaseLogger } from 'fastify';
import { decodeJwt } from 'jose';
import { ENTRA_TOKEN_OUTAGE } from '@tripgen/catalog';
// Expected outages keep their level (warn) and say why with each cause's type, message and code, no stack.
import { lastingFailureLog, outageChain } from './http/problem.ts';

export const REDIS_ENTRA_SCOPE = 'https://redis.azure.com/.default';

/**
 * Azure's advice: a connection is sent its new token at least 3 minutes before the old one expires
 * ("Best practices for Microsoft Entra authentication", Use Microsoft Entra for cache authentication).
 */
export const ENTRA_REAUTH_MARGIN_MS = 3 * 60_000;

/**
 * The latest a renewal asks the credential before the token expires: the margin above and a minute
 * for the request and its retries. Not only 70 % of the remaining lifetime: the pods' credential
 * (MSAL's cache under @azure/identity) answers with the same token until 5 minutes before its expiry,
 * so those renewals ask in vain, and the one after asked 1.6 minutes before a 60-minute token expired
 * (2.0 for 75, 2.4 for 90: redis-entra-renewal.test.ts).
 */
const ASK_BEFORE_EXPIRY_MS = ENTRA_REAUTH_MARGIN_MS + 60_000;

/**
 * How long Entra may stay out of reach for the Redis token before the failures are logged at error (catalog ENTRA_TOKEN_OUTAGE): past a passing trouble
 * of Entra's (its "retry the request" codes, MSAL's own retries within a call). A `network_error` that
 * lasts is a blocked egress or a wrong proxy, ours to fix. Sooner when the token in hand comes within
 * ENTRA_REAUTH_MARGIN_MS of its expiry (redisTokenAuth).
 */
export const ENTRA_OUTAGE_ESCALATE_MS = ENTRA_TOKEN_OUTAGE.escalateAfterMs;

/** What the Redis client logs through (Fastify's logger in the services). */
export interface RedisLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Entra auth is for a TLS URL without a password on a pod with a workload identity (Azure Managed
 * Redis accepts Entra tokens over TLS only). Dev's in-cluster Redis and local runs stay as they are.
 */
export const wantsEntraAuth = (url: string, azureClientId: string | undefined): boolean => {
  const u = new URL(url);
  return u.protocol === 'rediss:' && !u.password && Boolean(azureClientId);
};

export interface RenewalReport {
  readonly username: string;
  readonly expiresOnTimestamp: number;
  /** Open connections that sent AUTH with the new token. */
  readonly reauthenticated: number;
  /** Subscribed connections reconnected with it. */
  readonly reconnected: number;
  /** Connections whose AUTH failed (they keep the old token; the next renewal retries). */
  readonly failed: number;
}

export interface RedisTokenAuthOptions {
  readonly credential: TokenCredential;
  readonly log: RedisLogger;
  /** Share of a token's remaining lifetime after which it is renewed (default 0.7). */
  readonly refreshRatio?: number;
  /** Wait before retrying a failed token request (default 5 s; sooner when the token expires sooner). */
  readonly retryMs?: number;
  /** Called after each new token has been applied to the open connections. */
  readonly onRenewed?: (report: RenewalReport) => void;
}

/**
 * What a connection is for: a subscriber is reconnected with a new token, never sent AUTH. Its mode
 * alone does not tell: on a reconnect its subscriptions are sent again at 'ready' (ioredis's own
 * resubscription did, before 'ready'), and ioredis marks the connection a subscriber only once Redis
 * answers them, so an AUTH sent on 'ready' (a handshake that raced a renewal) reached Redis after
 * SUBSCRIBE, which refuses it under RESP2: the subscriber stayed on the old token until it expired
 * and Azure dropped it (redis-entra-rotation.test.ts 'racing').
 */
export type RedisRole = 'commands' | 'subscriber';

/** Keeps the connections attached to it authenticated with fresh Entra tokens. */
export interface RedisTokenAuth {
  /** A client created with `lazyConnect`: it connects once a token is there. */
  attach(redis: Redis, role?: RedisRole): void;
  /** For how long the token requests have been failing for an outage (Entra out of reach), from the first ask left without a token, an ask under way counted; in seconds (0: none). */
  outageSeconds(): number;
  close(): void;
}

interface Credentials {
  readonly username: string;
  readonly password: string;
}

const MIN_DELAY_MS = 250;
const MAX_TIMER_MS = 2 ** 31 - 1;

const objectIdOf = (token: string): string | undefined => {
  try {
    const { oid } = decodeJwt(token);
    return typeof oid === 'string' && oid ? oid : undefined;
  } catch {
    return undefined;
  }
};

/** The password a connection's last handshake used (ioredis keeps it on the connection). */
const handshakePassword = (redis: Redis): string | undefined => {
  const auth = redis.condition?.auth;
  return Array.isArray(auth) ? auth[1] : auth;
};

export const redisTokenAuth = (opts: RedisTokenAuthOptions): RedisTokenAuth => {
  const ratio = opts.refreshRatio ?? 0.7;
  const retryMs = opts.retryMs ?? 5_000;
  const clients = new Map<Redis, RedisRole>();
  let current: (Credentials & { expiresOnTimestamp: number }) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // When the token request under way began (undefined: none). Packets to Entra dropped (a firewall or
  // proxy's deny) leave it unanswered for minutes: @azure/identity sets no timeout on its requests, so
  // each waits for the TCP connect timeout (127 s on Linux) and is retried; counted from its start, not
  // from its failure, which can come after the token in hand expired.
  let askedAt: number | undefined;
  // The token requests' outage (Entra out of reach), ended by the next token Entra gives. Escalated
  // too once the token in hand is within Azure's margin of its expiry: the
  // pods' credential (MSAL's cache) asks Entra only in the last 5 minutes of a token, so that is where
  // a blocked egress first fails, minutes before Redis drops the connections.
  const failures = lastingFailureLog(opts.log, ENTRA_OUTAGE_ESCALATE_MS, { imminent: () => current !== undefined && current.expiresOnTimestamp - Date.now() <= ENTRA_REAUTH_MARGIN_MS });

  const apply = async (redis: Redis, role: RedisRole, creds: Credentials): Promise<'reauthenticated' | 'reconnected' | 'deferred' | 'failed'> => {
    // Every later (re)connect of this client authenticates with these.
    redis.options.username = creds.username;
    redis.options.password = creds.password;
    if (redis.status === 'wait') {
      redis.connect().catch(() => undefined); // errors surface through the client's 'error' event
      return 'deferred';
    }
    if (redis.status !== 'ready') return 'deferred'; // a handshake under way: 'ready' checks it
    if (role === 'subscriber' || redis.mode === 'subscriber') {
      redis.disconnect(true);
      return 'reconnected';
    }
    try {
      await redis.auth(creds.username, creds.password);
      return 'reauthenticated';
    } catch (err) {
      // Redis's answer refusing the token (WRONGPASS, NOPERM: the identity's access policy assignment)
      // is ours to fix, at error from the first. No answer (the command timed out, the connection lost
      // while sending it) is Redis out of reach, not Entra: a warning with its causes, as the client's
      // own; the connection's reconnect sends the new token, TripGenRedisUnreachable reads a lasting one.
      const fields = { redis: redis.options.connectionName };
      if (err instanceof ReplyError) failures.failed(err, fields, 'redis re-authentication failed; retrying with the next token');
      else opts.log.warn({ ...fields, outage: outageChain(err) }, 'redis re-authentication failed; retrying with the next token');
      return 'failed';
    }
  };

  const schedule = (delayMs: number) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void renew(), Math.min(Math.max(delayMs, MIN_DELAY_MS), MAX_TIMER_MS));
    timer.unref();
  };

  // Sooner while the current token still holds (half its remaining life, so a retry comes before it
  // expires); once it has expired nothing is lost by waiting, and half a negative lifetime asked
  // every 250 ms (MIN_DELAY_MS), a failure logged each time, for as long as Entra failed.
  const retryDelay = () => {
    const remaining = current ? current.expiresOnTimestamp - Date.now() : 0;
    return remaining > 0 ? Math.min(retryMs, remaining / 2) : retryMs;
  };

  const renew = async (): Promise<void> => {
    if (closed) return;
    let token: AccessToken | null = null;
    const asked = Date.now();
    askedAt = asked;
    try {
      token = await opts.credential.getToken(REDIS_ENTRA_SCOPE);
    } catch (err) {
      // Entra out of reach is an outage (warn, its causes; error once it lasts ENTRA_OUTAGE_ESCALATE_MS);
      // a credential Entra refuses for our configuration (no federated identity record, an app not
      // found) fails every 5 s until someone fixes it: an error with its stack.
      failures.failed(err, {}, 'no Entra token for redis; retrying', asked);
    } finally {
      askedAt = undefined;
    }
    if (closed) return;
    const username = token ? objectIdOf(token.token) : undefined;
    if (!token || !username) {
      if (token) opts.log.error({}, 'the Entra token for redis carries no oid claim (object id), which Redis needs as the user name');
      schedule(retryDelay());
      return;
    }
    // Entra answered: its outage is over, whatever Redis does with the token (a refusal is logged apart).
    failures.succeeded();
    const now = Date.now();
    // Credentials cache tokens until close to expiry: the same token again needs no AUTH.
    if (token.token !== current?.password) {
      current = { username, password: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
      const outcomes = await Promise.all([...clients].map(([c, role]) => apply(c, role, current!)));
      const count = (o: string) => outcomes.filter((x) => x === o).length;
      opts.onRenewed?.({ username, expiresOnTimestamp: token.expiresOnTimestamp, reauthenticated: count('reauthenticated'), reconnected: count('reconnected'), failed: count('failed') });
    }
    const remaining = token.expiresOnTimestamp - now;
    const byRatio = token.refreshAfterTimestamp && token.refreshAfterTimestamp > now ? token.refreshAfterTimestamp - now : remaining * ratio;
    const latest = remaining - ASK_BEFORE_EXPIRY_MS;
    schedule(latest > 0 ? Math.min(byRatio, latest) : byRatio);
  };

  void renew();

  return {
    attach(redis, role = 'commands') {
      clients.set(redis, role);
      // A handshake that raced a renewal may have used the previous token: bring it up to date.
      redis.on('ready', () => {
        if (current && handshakePassword(redis) !== current.password) void apply(redis, role, current);
      });
      redis.once('end', () => clients.delete(redis));
      if (current) void apply(redis, role, current);
    },
    // An ask unanswered for long is the outage too, before it fails.
    outageSeconds: () => Math.max(failures.outageSeconds(), askedAt === undefined ? 0 : (Date.now() - askedAt) / 1000),
    close() {
      closed = true;
      clearTimeout(timer);
      clients.clear();
    },
  };
};

/** The longest a command waits for Redis. */
export const COMMAND_TIMEOUT_MS = 1_000;

/**
 * How often a connection is asked a PING: an idle one (the cache's subscriber sends nothing of its
 * own) would otherwise never find out that Redis went silent (socketTimeout runs only while a
 * command waits; TCP keep-alive takes hours), and missed the other replicas' invalidations and
 * revocations. A silent connection is given up within this and the socket timeout: 4 s (at 5 s, 8 s,
 * the replica's L1 stale and a signed-out token accepted that much longer, and its revocation feed,
 * which starts once Redis is not ready, later: redis-silent-subscriber.test.ts). A PING a second per
 * connection costs Redis nothing; a pause shorter than the socket timeout still drops nothing.
 */
export const REDIS_PROBE_EVERY_MS = 1_000;

/** The longest wait before a reconnect attempt, and how it grows with the attempts (200 ms each) up to it. */
export const RECONNECT_CAP_MS = 2_000;
export const RECONNECT_STEP_MS = 200;

/**
 * The wait before reconnect attempt `attempt` (1, 2, ...): a random share of the schedule
 * min(200 ms x attempt, 2 s), "Full Jitter" of AWS's "Exponential Backoff And Jitter" (Marc Brooker,
 * AWS Architecture Blog, 2015: sleep = random_between(0, min(cap, base x growth))). The schedule
 * alone was the same for every connection: when Redis went away, every connection of every
 * replica of every service lost it at the same instant, so they all tried again at the same
 * instants, and all came back within a few milliseconds of one another when it returned (17
 * connections of 7 pods within 0-13 ms, apps/user-service/test/redis-restart.test.ts), each
 * reading and writing back its revocations and clearing its cache at once.
 */
export const reconnectDelayMs = (attempt: number, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(RECONNECT_STEP_MS * attempt, RECONNECT_CAP_MS));

export const connectRedis = (url: string, log: FastifyBaseLogger | RedisLogger, name: string, auth?: RedisTokenAuth, role: RedisRole = 'commands'): Redis => {
  const redis = new Redis(url, {
    connectionName: name,
    // With token auth the client connects once the first token is there (see redisTokenAuth).
    lazyConnect: auth !== undefined,
    enableOfflineQueue: false,
    // No auto-pipelining: it paid when every request sent the rate limit's increment (a burst's
    // commands left in one write), but the rate limit now leases its budget (about one command per
    // ten requests), and a command alone in an auto-pipeline cost twice the CPU of a plain one
    // (about 70-99 us against 34-39 us on this machine, issue 15).
    enableAutoPipelining: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // A connection Redis stopped answering on (hung server, partition) stays `ready` for ioredis:
    // each command waited commandTimeout, and nothing reconnected, for the whole outage. No data
    // this long while commands wait: the socket is dropped and retryStrategy reconnects, so
    // meanwhile commands fail at once and the callers go around Redis (redis-outage.test.ts).
    // A few command timeouts, not one: a pause of a second or two (a failover's hand-over, a fork)
    // times out the commands waiting, as it always did, without dropping every replica's
    // connections and clearing their in-memory caches.
    socketTimeout: 3 * COMMAND_TIMEOUT_MS,
    retryStrategy: reconnectDelayMs,
    // Each owner of a subscription (the cache, the revocations, kit.subscribe: keepSubscribed)
    // subscribes again on 'ready', its failure handled. ioredis's own resubscription, sent from inside
    // its ready handler, catches nothing: a connection closed between its ready check and that (a
    // close during a reconnect's handshake) rejected it unhandled, "Stream isn't writeable", which in
    // a service drains it and exits 1 (server.ts). The kit's clients were spared only because
    // watchSilence below happens to handle every command's promise; a duplicate() of one was not (a
    // CI run exited 1 on it: redis-resubscribe.test.ts). Off for every connection, so duplicates inherit it.
    autoResubscribe: false,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ outage: outageChain(err), redis: name }, 'redis unreachable; continuing without it');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({ redis: name }, 'redis reachable again');
    down = false;
  });
  const probe = setInterval(() => {
    if (redis.status === 'ready') redis.ping().catch(() => undefined); // a failure shows through 'error'
  }, REDIS_PROBE_EVERY_MS);
  probe.unref();
  redis.once('end', () => clearInterval(probe));
  auth?.attach(redis, role);
  watchSilence(redis);
  return redis;
};

export const isRedisReady = (redis: Redis | undefined): boolean => redis?.status === 'ready';

/**
 * The database a connection selects, as ioredis read it from the URL (its path or `?db=`; 0 when it
 * names none, as the environments' `rediss://<host>:<port>`): what keeps apart the keys of the stacks
 * sharing one Redis server (a test process each, @tripgen/testing), and what a channel meant for one
 * stack is named by (catalog scheduleOutcomeChannel), pub/sub ignoring the database. Written once:
 * the AI service publishing and the trip service subscribing must name the same channel, or every
 * nudge is lost without a word (redis-database.test.ts).
 */
export const redisDatabase = (redis: Redis): number => redis.options.db ?? 0;

/** ioredis 5's rejection of a command unanswered within commandTimeout (Command#setTimeout). */
const COMMAND_TIMED_OUT = 'Command timed out';

/** The kit's clients on which a command timed out and Redis has not answered since. */
const silent = new WeakSet<Redis>();

/**
 * Whether a request may wait on this client: ready, and no command timed out on it since Redis last
 * answered. A hung Redis (the connection open, nothing answered) stays `ready` until socketTimeout
 * gives it up (3 s); meanwhile each command of a request waited its own commandTimeout, one after
 * the other: a new token's refused-token read, then the rate limit's lease, 2 s added to the request
 * (redis-hang-request.test.ts). Once one command timed out, the request path's counters
 * (http/shared-counter.ts) count in memory at once instead, until Redis answers again.
 */
export const answersPromptly = (redis: Redis): boolean => isRedisReady(redis) && !silent.has(redis);

/**
 * Marks a client silent when a command times out on it, and not silent once any command is answered
 * (a reply, or Redis's error reply) or the connection is new. While silent, a PING after PING (each
 * bounded by commandTimeout) finds out when Redis answers, as nothing of the request path is sent.
 */
const watchSilence = (redis: Redis): void => {
  const answered = () => void silent.delete(redis);
  const timedOut = (err: unknown) => err instanceof Error && err.message === COMMAND_TIMED_OUT;
  // Again only after a timeout (a second later): a PING refused at once (the connection closing, its
  // status still `ready` while ioredis flushes its queue) would otherwise be sent again and again.
  const probe = () => void redis.ping().catch((err: unknown) => timedOut(err) && silent.has(redis) && isRedisReady(redis) && probe());
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, stream) => {
    const sent = send(command, stream);
    command.promise.then(answered, (err: unknown) => {
      if (err instanceof ReplyError) answered();
      else if (timedOut(err) && !silent.has(redis)) {
        silent.add(redis);
        probe();
      }
    });
    return sent;
  };
  redis.on('ready', answered);
};
