import "./chunk-7XMMFGQW.mjs";
import {
  BatchAnswer,
  BatchBody,
  CATEGORY_NAME_PATTERN,
  CandidatesAnswer,
  CandidatesBody,
  DayOpening,
  HOLIDAY_CALENDAR,
  IsUuid,
  LIMITS,
  OPENING_EVALUATION,
  OpenIntervalsAnswer,
  OpenIntervalsQuery,
  Place,
  PlaceParams,
  PrismaClient,
  SearchAnswer,
  SearchQuery,
  addDays,
  dayOpenings,
  daysBetween,
  isCalendarDate,
  mondayOf,
  placeToday,
  prismaDatabase,
  prismaNamespace_exports,
  servicePrismaClient,
  typebox_exports,
  unstorableValue,
  weeklyHours
} from "./chunk-E2L2IJ6E.mjs";
import {
  addressHashKey,
  hashAddress,
  loadConfig
} from "./chunk-JT54J6WX.mjs";
import "./chunk-MDW4PEQP.mjs";
import {
  azureCredentialFromEnv
} from "./chunk-FE36DOYW.mjs";
import {
  HttpProblem,
  KIT_TRACER_NAME,
  MALFORMED_PARAMETERS,
  PROBLEM_CONTENT_TYPE,
  RETRY_AFTER_SECONDS,
  UNKNOWN_FIELD,
  entraTokenOutageSeconds,
  kitTracer,
  lastingFailureLog,
  logEntraTokensTo,
  logFailure,
  loggedRequest,
  longestOutageSeconds,
  outageChain,
  problem,
  refusalOptions,
  registerProblemHandlers,
  requestLogger,
  traceIdsMixin,
  watchEntraTokens
} from "./chunk-Y3HIP7UB.mjs";
import {
  refusedDataSqlState
} from "./chunk-JM6ARQPD.mjs";
import {
  ACCOUNT_ERASURE,
  ASYNC_LATENCY_BUCKETS_SECONDS,
  CACHE_POLICY,
  CONSUMER_CONCURRENCY,
  CONSUME_OUTCOMES,
  ENTRA_TOKEN_OUTAGE,
  EVENT_STREAMS,
  FORGOTTEN_BACKLOG,
  HEALTH_PATHS,
  INTERNAL_ROUTE_ROOT,
  JWKS_PATH,
  LATENCY_BUCKETS_SECONDS,
  LOCATION_INTERNAL_PATHS,
  MESSAGE_RETENTION,
  METRICS_PATH,
  OPENAPI_PATH,
  OPERATIONAL_PATHS,
  PLACE_TIME_ZONE,
  QUEUES,
  QUEUE_LIMITS,
  QUEUE_LOCK_MS,
  RATE_LIMIT,
  REDIS_KEY_PREFIXES,
  REQUEST_BODY_LIMIT_BYTES,
  REVOCATIONS_PATH,
  SERVICES,
  SESSION_REVOCATIONS,
  TOKEN_ISSUER,
  TOKEN_REFUSAL_THROTTLE,
  TOKEN_REVOCATIONS,
  cacheChannel,
  cacheEntryKey,
  cacheNamespace,
  internalPrefix,
  partitionKeyOf,
  routeAccess,
  unshapedCacheEntryKey,
  workloadName
} from "./chunk-ZR3UZUN5.mjs";
import "./chunk-DSRFBFTF.mjs";
import "./chunk-7P6ASYW6.mjs";

// apps/service-kit/src/app.ts
import swagger from "@fastify/swagger";
import underPressure from "@fastify/under-pressure";
import helmet from "helmet";
import Fastify from "fastify";
import { context as context2 } from "@opentelemetry/api";

// apps/service-kit/src/cache.ts
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

// apps/service-kit/src/redis.ts
import { Redis, ReplyError } from "ioredis";
import { decodeJwt } from "jose";
var REDIS_ENTRA_SCOPE = "https://redis.azure.com/.default";
var ENTRA_REAUTH_MARGIN_MS = 3 * 6e4;
var ASK_BEFORE_EXPIRY_MS = ENTRA_REAUTH_MARGIN_MS + 6e4;
var ENTRA_OUTAGE_ESCALATE_MS = ENTRA_TOKEN_OUTAGE.escalateAfterMs;
var wantsEntraAuth = (url, azureClientId) => {
  const u = new URL(url);
  return u.protocol === "rediss:" && !u.password && Boolean(azureClientId);
};
var MIN_DELAY_MS = 250;
var MAX_TIMER_MS = 2 ** 31 - 1;
var objectIdOf = (token) => {
  try {
    const { oid } = decodeJwt(token);
    return typeof oid === "string" && oid ? oid : void 0;
  } catch {
    return void 0;
  }
};
var handshakePassword = (redis) => {
  const auth = redis.condition?.auth;
  return Array.isArray(auth) ? auth[1] : auth;
};
var redisTokenAuth = (opts) => {
  const ratio = opts.refreshRatio ?? 0.7;
  const retryMs = opts.retryMs ?? 5e3;
  const clients = /* @__PURE__ */ new Map();
  let current;
  let timer;
  let closed = false;
  let askedAt;
  const failures = lastingFailureLog(opts.log, ENTRA_OUTAGE_ESCALATE_MS, { imminent: () => current !== void 0 && current.expiresOnTimestamp - Date.now() <= ENTRA_REAUTH_MARGIN_MS });
  const apply = async (redis, role, creds) => {
    redis.options.username = creds.username;
    redis.options.password = creds.password;
    if (redis.status === "wait") {
      redis.connect().catch(() => void 0);
      return "deferred";
    }
    if (redis.status !== "ready") return "deferred";
    if (role === "subscriber" || redis.mode === "subscriber") {
      redis.disconnect(true);
      return "reconnected";
    }
    try {
      await redis.auth(creds.username, creds.password);
      return "reauthenticated";
    } catch (err) {
      const fields = { redis: redis.options.connectionName };
      if (err instanceof ReplyError) failures.failed(err, fields, "redis re-authentication failed; retrying with the next token");
      else opts.log.warn({ ...fields, outage: outageChain(err) }, "redis re-authentication failed; retrying with the next token");
      return "failed";
    }
  };
  const schedule = (delayMs) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void renew(), Math.min(Math.max(delayMs, MIN_DELAY_MS), MAX_TIMER_MS));
    timer.unref();
  };
  const retryDelay = () => {
    const remaining = current ? current.expiresOnTimestamp - Date.now() : 0;
    return remaining > 0 ? Math.min(retryMs, remaining / 2) : retryMs;
  };
  const renew = async () => {
    if (closed) return;
    let token = null;
    const asked = Date.now();
    askedAt = asked;
    try {
      token = await opts.credential.getToken(REDIS_ENTRA_SCOPE);
    } catch (err) {
      failures.failed(err, {}, "no Entra token for redis; retrying", asked);
    } finally {
      askedAt = void 0;
    }
    if (closed) return;
    const username = token ? objectIdOf(token.token) : void 0;
    if (!token || !username) {
      if (token) opts.log.error({}, "the Entra token for redis carries no oid claim (object id), which Redis needs as the user name");
      schedule(retryDelay());
      return;
    }
    failures.succeeded();
    const now = Date.now();
    if (token.token !== current?.password) {
      current = { username, password: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
      const outcomes = await Promise.all([...clients].map(([c, role]) => apply(c, role, current)));
      const count = (o) => outcomes.filter((x) => x === o).length;
      opts.onRenewed?.({ username, expiresOnTimestamp: token.expiresOnTimestamp, reauthenticated: count("reauthenticated"), reconnected: count("reconnected"), failed: count("failed") });
    }
    const remaining = token.expiresOnTimestamp - now;
    const byRatio = token.refreshAfterTimestamp && token.refreshAfterTimestamp > now ? token.refreshAfterTimestamp - now : remaining * ratio;
    const latest = remaining - ASK_BEFORE_EXPIRY_MS;
    schedule(latest > 0 ? Math.min(byRatio, latest) : byRatio);
  };
  void renew();
  return {
    attach(redis, role = "commands") {
      clients.set(redis, role);
      redis.on("ready", () => {
        if (current && handshakePassword(redis) !== current.password) void apply(redis, role, current);
      });
      redis.once("end", () => clients.delete(redis));
      if (current) void apply(redis, role, current);
    },
    // An ask unanswered for long is the outage too, before it fails.
    outageSeconds: () => Math.max(failures.outageSeconds(), askedAt === void 0 ? 0 : (Date.now() - askedAt) / 1e3),
    close() {
      closed = true;
      clearTimeout(timer);
      clients.clear();
    }
  };
};
var COMMAND_TIMEOUT_MS = 1e3;
var REDIS_PROBE_EVERY_MS = 5e3;
var RECONNECT_CAP_MS = 2e3;
var RECONNECT_STEP_MS = 200;
var reconnectDelayMs = (attempt, random = Math.random) => Math.floor(random() * Math.min(RECONNECT_STEP_MS * attempt, RECONNECT_CAP_MS));
var connectRedis = (url, log, name, auth, role = "commands") => {
  const redis = new Redis(url, {
    connectionName: name,
    // With token auth the client connects once the first token is there (see redisTokenAuth).
    lazyConnect: auth !== void 0,
    enableOfflineQueue: false,
    // No auto-pipelining: it paid when every request sent the rate limit's increment (a burst's
    // commands left in one write), but the rate limit now leases its budget (about one command per
    // ten requests), and a command alone in an auto-pipeline cost twice the CPU of a plain one
    // (about 70-99 us against 34-39 us on this machine, issue 15).
    enableAutoPipelining: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2e3,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // A connection Redis stopped answering on (hung server, partition) stays `ready` for ioredis:
    // each command waited commandTimeout, and nothing reconnected, for the whole outage. No data
    // this long while commands wait: the socket is dropped and retryStrategy reconnects, so
    // meanwhile commands fail at once and the callers go around Redis (redis-outage.test.ts).
    // A few command timeouts, not one: a pause of a second or two (a failover's hand-over, a fork)
    // times out the commands waiting, as it always did, without dropping every replica's
    // connections and clearing their in-memory caches.
    socketTimeout: 3 * COMMAND_TIMEOUT_MS,
    retryStrategy: reconnectDelayMs
  });
  let down = false;
  redis.on("error", (err) => {
    if (!down) log.warn({ outage: outageChain(err), redis: name }, "redis unreachable; continuing without it");
    down = true;
  });
  redis.on("ready", () => {
    if (down) log.info({ redis: name }, "redis reachable again");
    down = false;
  });
  const probe = setInterval(() => {
    if (redis.status === "ready") redis.ping().catch(() => void 0);
  }, REDIS_PROBE_EVERY_MS);
  probe.unref();
  redis.once("end", () => clearInterval(probe));
  auth?.attach(redis, role);
  return redis;
};
var isRedisReady = (redis) => redis?.status === "ready";

// apps/service-kit/src/cache.ts
var SUBSCRIBER_WAIT_MS = 3e3;
var RESEND_FIRST_MS = COMMAND_TIMEOUT_MS;
var RESEND_CAP_MS = 3e4;
var sizeOf = (json) => Math.max(1, json.length);
var cacheShapeOf = (schema) => createHash("sha256").update(JSON.stringify(schema)).digest("base64url").slice(0, 12);
var createTwoLevelCache = async (opts) => {
  const l1Ttl = opts.l1TtlMs ?? CACHE_POLICY.l1.ttlMs;
  const l1 = new LRUCache({ max: CACHE_POLICY.l1.maxEntries, maxSize: CACHE_POLICY.l1.maxJsonChars, ttl: l1Ttl });
  const l2Ttl = opts.l2TtlSeconds ?? CACHE_POLICY.l2.ttlSeconds;
  const l2TtlOf = (value, entry) => {
    const ttl = entry?.l2TtlSeconds;
    return ttl === void 0 ? l2Ttl : typeof ttl === "function" ? ttl(value) : ttl;
  };
  const l1TtlOf = (value, entry) => entry?.l2TtlSeconds === void 0 ? l1Ttl : Math.min(l1Ttl, l2TtlOf(value, entry) * 1e3);
  const readL2 = async (key) => {
    const k = redisKey(key);
    const asked = performance.now();
    const replies = await opts.redis.multi().get(k).pttl(k).exec().catch(() => null);
    if (!replies || replies.some(([err]) => err)) return "unanswered";
    const [[, raw], [, left]] = replies;
    if (!raw) return "absent";
    return { raw, leftMs: left === -1 ? Infinity : left - (performance.now() - asked) };
  };
  const channel = cacheChannel(opts.namespace);
  const redisKey = (k) => cacheEntryKey(opts.namespace, opts.shape, k);
  const unshapedKey = (k) => unshapedCacheEntryKey(opts.namespace, k);
  const stats = { l1Hits: 0, l2Hits: 0, misses: 0 };
  const unsynced = /* @__PURE__ */ new Set();
  let resendMs = RESEND_FIRST_MS;
  let resendTimer;
  let closed = false;
  const resendLater = () => {
    if (resendTimer || closed) return;
    resendTimer = setTimeout(() => {
      resendTimer = void 0;
      if (isRedisReady(opts.redis)) for (const key of unsynced) void sendInvalidation(key);
    }, resendMs);
    resendTimer.unref();
    resendMs = Math.min(2 * resendMs, RESEND_CAP_MS);
  };
  const sendInvalidation = (key) => opts.redis.pipeline().del(redisKey(key)).del(unshapedKey(key)).publish(channel, key).exec().then((replies) => {
    if (!replies || replies.some(([err]) => err)) throw new Error("invalidation not sent");
  }).then(
    () => {
      unsynced.delete(key);
      resendMs = RESEND_FIRST_MS;
    },
    () => {
      unsynced.add(key);
      if (isRedisReady(opts.redis)) resendLater();
    }
  );
  const onRedisReady = () => {
    for (const key of unsynced) void sendInvalidation(key);
  };
  opts.redis.on("ready", onRedisReady);
  const underWay = /* @__PURE__ */ new Map();
  const begin = (key) => {
    const mark = { stale: false, listening: isRedisReady(opts.subscriber) };
    const marks = underWay.get(key);
    if (marks) marks.add(mark);
    else underWay.set(key, /* @__PURE__ */ new Set([mark]));
    return mark;
  };
  const end = (key, mark) => {
    const marks = underWay.get(key);
    if (marks?.delete(mark) && marks.size === 0) underWay.delete(key);
  };
  const invalidated = (key) => underWay.get(key)?.forEach((mark) => mark.stale = true);
  const onMessage = (ch, key) => {
    if (ch !== channel) return;
    invalidated(key);
    l1.delete(key);
    if (isRedisReady(opts.redis)) void opts.redis.del(redisKey(key)).catch(() => void 0);
  };
  opts.subscriber.on("message", onMessage);
  let firstSubscription;
  const subscribed = new Promise((resolve) => firstSubscription = resolve);
  const stopWaiting = setTimeout(() => firstSubscription(), SUBSCRIBER_WAIT_MS);
  stopWaiting.unref();
  const subscribe = () => opts.subscriber.subscribe(channel).then(
    () => (clearTimeout(stopWaiting), firstSubscription()),
    () => void 0
  );
  const onReady = () => {
    for (const marks of underWay.values()) marks.forEach((mark) => mark.stale = true);
    l1.clear();
    void subscribe();
  };
  opts.subscriber.on("ready", onReady);
  if (isRedisReady(opts.subscriber)) await subscribe();
  const loading = /* @__PURE__ */ new Map();
  const peek = (key) => {
    const hit = l1.get(key);
    if (hit) stats.l1Hits++;
    return hit;
  };
  return {
    stats,
    subscribed,
    peek,
    async get(key, load, options) {
      const hit = peek(key);
      if (hit) return hit;
      let redisAnswered = false;
      if (isRedisReady(opts.redis) && !unsynced.has(key)) {
        const read = begin(key);
        const found = await readL2(key);
        end(key, read);
        redisAnswered = found !== "unanswered";
        if (typeof found === "object") {
          stats.l2Hits++;
          const value = JSON.parse(found.raw);
          const ttl = Math.floor(Math.min(l1TtlOf(value, options), found.leftMs));
          if (ttl > 0 && !read.stale) l1.set(key, value, { size: sizeOf(found.raw), ttl });
          return value;
        }
      }
      stats.misses++;
      const shared = loading.get(key);
      if (shared && !shared.mark.stale) return shared.value;
      const mark = begin(key);
      const entry = {
        mark,
        value: (async () => {
          const value = await load();
          if (mark.stale) return value;
          const json = JSON.stringify(value);
          l1.set(key, value, { size: sizeOf(json), ttl: l1TtlOf(value, options) });
          const heardAll = mark.listening && isRedisReady(opts.subscriber);
          if (heardAll && isRedisReady(opts.redis) && !unsynced.has(key)) {
            const stored = opts.redis.set(redisKey(key), json, "EX", l2TtlOf(value, options)).catch(() => void 0);
            if (redisAnswered) await stored;
          }
          return value;
        })()
      };
      loading.set(key, entry);
      try {
        return await entry.value;
      } finally {
        if (loading.get(key) === entry) loading.delete(key);
        end(key, mark);
      }
    },
    async invalidate(key) {
      invalidated(key);
      l1.delete(key);
      unsynced.add(key);
      if (isRedisReady(opts.redis)) await sendInvalidation(key);
    },
    async close() {
      closed = true;
      clearTimeout(resendTimer);
      clearTimeout(stopWaiting);
      firstSubscription();
      opts.redis.off("ready", onRedisReady);
      opts.subscriber.off("message", onMessage);
      opts.subscriber.off("ready", onReady);
      l1.clear();
    }
  };
};

// apps/service-kit/src/auth/accepted-tokens.ts
import { createHash as createHash2 } from "node:crypto";
import { decodeJwt as decodeJwt2 } from "jose";
var ACCEPTED_TOKENS_PREFIX = REDIS_KEY_PREFIXES.acceptedTokens;
var createAcceptedTokens = (redis, onError) => {
  const redisKey = (token) => `${ACCEPTED_TOKENS_PREFIX}:${createHash2("sha256").update(token).digest("base64url")}`;
  return {
    redisKey,
    remember(token) {
      let ttlMs;
      try {
        ttlMs = (decodeJwt2(token).exp ?? 0) * 1e3 - Date.now();
      } catch {
        return;
      }
      if (ttlMs <= 0) return;
      redis.set(redisKey(token), "1", "PX", ttlMs).catch(onError);
    },
    async known(token) {
      return await redis.exists(redisKey(token)).catch(() => 0) === 1;
    }
  };
};

// apps/service-kit/src/auth/revocation-set.ts
import { randomUUID } from "node:crypto";
var WRITE_BATCH = 1e3;
var WRITE_BACK_LEASE_MS = 1e4;
var createRevocationSet = (opts) => {
  const { redis, subscriber, key, channel, lifetimeMs, what } = opts;
  const { writeBackKey } = opts;
  const writeBackCheckMs = opts.writeBackCheckMs ?? WRITE_BACK_LEASE_MS;
  const token = randomUUID();
  const held = /* @__PURE__ */ new Map();
  const unsent = /* @__PURE__ */ new Map();
  let closed = false;
  const hold = (member, at) => {
    if (!(at > Date.now() - lifetimeMs)) return;
    const known = held.get(member);
    if (known === void 0 || at > known) held.set(member, at);
  };
  const forgetOld = () => {
    const oldest = Date.now() - lifetimeMs;
    for (const [member, at] of held) if (at <= oldest) held.delete(member);
  };
  const sweep = setInterval(forgetOld, Math.min(6e4, Math.max(100, lifetimeMs / 4)));
  sweep.unref();
  const sendBatch = async (entries) => {
    const tx = redis.multi().zadd(key, "GT", ...entries.flatMap(([member, at]) => [at, member])).zremrangebyscore(key, "-inf", Date.now() - lifetimeMs).pexpire(key, lifetimeMs);
    for (const [member, at] of entries) tx.publish(channel, `${member} ${at}`);
    const results = await tx.exec();
    const failed2 = results?.find(([err]) => err !== null)?.[0];
    if (!results || failed2) throw failed2 ?? new Error(`the ${what} transaction was discarded`);
    for (const [member, at] of entries) if (unsent.get(member) === at) unsent.delete(member);
  };
  const sendAll = async (entries) => {
    for (let i = 0; i < entries.length; i += WRITE_BATCH) await sendBatch(entries.slice(i, i + WRITE_BATCH));
  };
  const sendUnsent = () => {
    sendAll([...unsent]).catch((err) => opts.onError(err, `${what}: some could not be written to Redis`));
  };
  redis.on("ready", sendUnsent);
  const onMessage = (ch, message) => {
    if (ch !== channel) return;
    const space = message.lastIndexOf(" ");
    const at = Number(message.slice(space + 1));
    if (space > 0 && Number.isFinite(at)) hold(message.slice(0, space), at);
  };
  subscriber.on("message", onMessage);
  const writeMissing = async (candidates, stored) => {
    const oldest = Date.now() - lifetimeMs;
    const missing = [...candidates].filter(([member, at]) => at > oldest && !((stored.get(member) ?? Number.NEGATIVE_INFINITY) >= at));
    for (const [member, at] of missing) hold(member, at);
    await sendAll(missing);
    return missing.length;
  };
  const takeWriteBack = async () => await redis.set(writeBackKey, token, "PX", WRITE_BACK_LEASE_MS, "NX") === "OK" || await redis.get(writeBackKey) === token;
  let check;
  const checkLater = () => {
    clearTimeout(check);
    check = setTimeout(() => {
      if (closed) return;
      if (!isRedisReady(redis)) return checkLater();
      restoreHeld().catch((err) => {
        opts.onError(err, `the ${what} could not be compared with Redis`);
        checkLater();
      });
    }, writeBackCheckMs * (1 + Math.random()));
    check.unref();
  };
  const restore = async (entries) => {
    const oldest = Date.now() - lifetimeMs;
    const wanted = entries.filter(([, at]) => at > oldest);
    if (wanted.length === 0) return 0;
    const scores = [];
    for (let i = 0; i < wanted.length; i += WRITE_BATCH) scores.push(...await redis.zmscore(key, ...wanted.slice(i, i + WRITE_BATCH).map(([member]) => member)));
    const stored = new Map(wanted.flatMap(([member], i) => scores[i] == null ? [] : [[member, Number(scores[i])]]));
    return writeMissing(wanted, stored);
  };
  const restoreHeld = () => restore([...held]);
  let firstLoad;
  const loaded = new Promise((resolve) => firstLoad = resolve);
  const stopWaiting = setTimeout(() => firstLoad(), opts.waitMs ?? 3e3);
  stopWaiting.unref();
  let retry;
  const load = async () => {
    clearTimeout(retry);
    if (closed || !isRedisReady(subscriber)) return;
    try {
      await subscriber.subscribe(channel);
      const entries = await redis.zrangebyscore(key, `(${Date.now() - lifetimeMs}`, "+inf", "WITHSCORES");
      const stored = /* @__PURE__ */ new Map();
      for (let i = 0; i + 1 < entries.length; i += 2) stored.set(entries[i], Number(entries[i + 1]));
      for (const [member, at] of stored) hold(member, at);
      const oldest = Date.now() - lifetimeMs;
      const lacking = [...held].some(([member, at]) => at > oldest && !((stored.get(member) ?? Number.NEGATIVE_INFINITY) >= at));
      clearTimeout(check);
      if (lacking) {
        if (await takeWriteBack()) await writeMissing(held, stored);
        else checkLater();
      }
      clearTimeout(stopWaiting);
      firstLoad();
    } catch (err) {
      opts.onError(err, `the ${what} could not be read from Redis`);
      retry = setTimeout(() => void load(), 500);
      retry.unref();
    }
  };
  subscriber.on("ready", load);
  void load();
  return {
    at: (member) => held.get(member),
    async revoke(member, at) {
      hold(member, at);
      unsent.set(member, Math.max(at, unsent.get(member) ?? 0));
      await sendBatch([[member, at]]);
      return at;
    },
    restore,
    remember(entries) {
      for (const [member, at] of entries) hold(member, at);
    },
    get size() {
      return held.size;
    },
    loaded,
    close() {
      closed = true;
      clearInterval(sweep);
      clearTimeout(retry);
      clearTimeout(check);
      clearTimeout(stopWaiting);
      firstLoad();
      redis.off("ready", sendUnsent);
      subscriber.off("message", onMessage);
      subscriber.off("ready", load);
    }
  };
};

// apps/service-kit/src/auth/revocations.ts
var issuedAtMs = (iat) => typeof iat === "number" && Number.isFinite(iat) ? Math.round(iat * 1e3) : void 0;
var createTokenRevocations = (opts) => {
  const { redis, subscriber, waitMs, writeBackCheckMs, onError } = opts;
  const names2 = opts.names ?? { ...TOKEN_REVOCATIONS, sessions: SESSION_REVOCATIONS };
  const lifetimeMs = opts.lifetimeMs ?? TOKEN_REVOCATIONS.lifetimeMs;
  const beside = (n) => n.writeBackKey ?? `${n.key}:write-back`;
  const accounts = createRevocationSet({ redis, subscriber, key: names2.key, channel: names2.channel, writeBackKey: beside(names2), lifetimeMs, waitMs, writeBackCheckMs, what: "token revocations", onError });
  const sessions = createRevocationSet({ redis, subscriber, ...names2.sessions, writeBackKey: beside(names2.sessions), lifetimeMs, waitMs, writeBackCheckMs, what: "session revocations", onError });
  const loaded = Promise.all([accounts.loaded, sessions.loaded]).then(() => void 0);
  return {
    revoked(user) {
      const at = accounts.at(user.id);
      if (at !== void 0 && (user.issuedAtMs === void 0 || user.issuedAtMs <= at)) return true;
      return user.sessionId !== void 0 && sessions.at(user.sessionId) !== void 0;
    },
    revoke: (userId, at = Date.now()) => accounts.revoke(userId, at),
    revokeSession: (sessionId, at = Date.now()) => sessions.revoke(sessionId, at),
    restore: (revocations) => accounts.restore(revocations.map((r) => [r.userId, r.at])),
    restoreSessions: (revocations) => sessions.restore(revocations.map((r) => [r.sessionId, r.at])),
    remember(revocations) {
      accounts.remember(revocations.accounts.map((r) => [r.userId, r.at]));
      sessions.remember(revocations.sessions.map((r) => [r.sessionId, r.at]));
    },
    revokedBefore: (userId) => accounts.at(userId),
    sessionRevokedAt: (sessionId) => sessions.at(sessionId),
    get size() {
      return accounts.size;
    },
    get sessions() {
      return sessions.size;
    },
    loaded,
    close() {
      accounts.close();
      sessions.close();
    }
  };
};

// apps/service-kit/src/auth/revocation-feed.ts
var isEntry = (key) => (e) => typeof e === "object" && e !== null && typeof e[key] === "string" && Number.isFinite(e.at);
var isAnswer = (body) => {
  const b = body;
  return typeof b === "object" && b !== null && Array.isArray(b.accounts) && Array.isArray(b.sessions) && b.accounts.every(isEntry("userId")) && b.sessions.every(isEntry("sessionId"));
};
var problemOf = (err) => {
  if (!(err instanceof Error)) return String(err);
  if (err.name === "TimeoutError") return "no answer in time";
  if (err instanceof TypeError) return "unreachable";
  return err.message;
};
var revocationFeed = (opts) => {
  const { revocations, redis, log } = opts;
  const url = new URL(REVOCATIONS_PATH, opts.jwksUrl);
  let learnedUpTo = Number.NEGATIVE_INFINITY;
  let toldUpTo = Number.NEGATIVE_INFINITY;
  let learning;
  const closing = new AbortController();
  let lastProblem;
  const everyMs = opts.everyMs ?? TOKEN_REVOCATIONS.republishEveryMs;
  const step = async (timeoutMs) => {
    const since = Math.floor(Math.max(Date.now() - TOKEN_REVOCATIONS.lifetimeMs, Math.max(learnedUpTo, toldUpTo) - TOKEN_REVOCATIONS.learnOverlapMs));
    try {
      const res = await fetch(`${url.href}?since=${since}`, { signal: AbortSignal.any([closing.signal, AbortSignal.timeout(timeoutMs)]) });
      if (!res.ok) throw new Error(`${url.pathname} answered ${res.status}`);
      const body = await res.json();
      if (!isAnswer(body)) throw new Error(`${url.pathname} answered an unexpected body`);
      revocations.remember(body);
      for (const { at } of [...body.accounts, ...body.sessions]) learnedUpTo = Math.max(learnedUpTo, at);
      lastProblem = void 0;
      return true;
    } catch (err) {
      if (closing.signal.aborted) return false;
      const problem2 = problemOf(err);
      const level = problem2 === lastProblem ? "debug" : "warn";
      lastProblem = problem2;
      log[level]({ err }, "token revocations could not be read from the user service while Redis is out of reach; trying again at the next tick");
      return false;
    }
  };
  const read = (timeoutMs) => learning ??= step(timeoutMs).finally(() => learning = void 0);
  const timer = setInterval(() => {
    if (!isRedisReady(redis)) void read(Math.max(TOKEN_REVOCATIONS.feedTimeoutMs, everyMs));
    else if (isRedisReady(opts.subscriber)) toldUpTo = Date.now();
  }, everyMs);
  timer.unref();
  const learn = async () => {
    const boundMs = TOKEN_REVOCATIONS.feedTimeoutMs;
    if (!learning) return read(boundMs);
    let giveUp;
    const gaveUp = new Promise((resolve) => giveUp = setTimeout(() => resolve(false), boundMs));
    try {
      return await Promise.race([learning, gaveUp]);
    } finally {
      clearTimeout(giveUp);
    }
  };
  return {
    learn,
    close: () => {
      clearInterval(timer);
      closing.abort();
    }
  };
};

// apps/service-kit/src/auth/jwt.ts
import { createLocalJWKSet, createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify } from "jose";
import { LRUCache as LRUCache2 } from "lru-cache";
var KEYS_RECOVERED_MSG = "the token-signing keys were fetched after failing; tokens are verified again";
var TOKEN_KEY_ERRORS = [joseErrors.JWKSNoMatchingKey, joseErrors.JWKSMultipleMatchingKeys, joseErrors.JOSENotSupported];
var remoteJwks = (url, opts = {}) => {
  const cooldownMs = opts.cooldownMs ?? 3e4;
  const retryMs = opts.retryMs ?? RETRY_AFTER_SECONDS.unavailable * 1e3;
  const closed = new AbortController();
  const keys = createRemoteJWKSet(new URL(url), {
    cacheMaxAge: opts.cacheMaxAgeMs ?? 10 * 6e4,
    cooldownDuration: cooldownMs,
    timeoutDuration: 2e3,
    [customFetch]: (input, init) => fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, closed.signal]) : closed.signal })
  });
  let failedAt = Number.NEGATIVE_INFINITY;
  let retryTimer;
  let down;
  let onRecovered;
  const gotKeys = () => {
    if (down === void 0 || keys.jwks() === void 0) return;
    const recovery = { unavailableMs: Date.now() - down.since, failedFetches: down.failures };
    down = void 0;
    onRecovered?.(recovery);
  };
  const retry = () => {
    clearTimeout(retryTimer);
    retryTimer = void 0;
    if (closed.signal.aborted || keys.jwks() !== void 0) return;
    keys.reload().then(gotKeys, failed2);
  };
  const failed2 = () => {
    failedAt = Date.now();
    if (keys.jwks() === void 0) {
      down ??= { since: failedAt, failures: 0 };
      down.failures += 1;
    }
    if (retryTimer !== void 0 || closed.signal.aborted || keys.jwks() !== void 0) return;
    retryTimer = setTimeout(retry, retryMs).unref();
  };
  let stale;
  const staleKeys = () => {
    const jwks = keys.jwks();
    if (!jwks) return void 0;
    const json = JSON.stringify(jwks);
    if (stale?.json !== json) stale = { json, getKey: createLocalJWKSet(jwks) };
    return stale.getKey;
  };
  const unavailable = (cause) => {
    const seconds2 = Math.max(1, Math.ceil((failedAt + retryMs - Date.now()) / 1e3));
    const problem2 = new HttpProblem(503, "The token-signing keys are unavailable; try again shortly", {}, { "retry-after": String(seconds2) });
    if (cause !== void 0) problem2.cause = cause;
    return problem2;
  };
  const getKey = async (header, token) => {
    const sinceFailure = Date.now() - failedAt;
    if (sinceFailure < cooldownMs) {
      const fallback = staleKeys();
      if (fallback) return fallback(header, token);
    }
    if (failedAt > Number.NEGATIVE_INFINITY && keys.jwks() === void 0) {
      if (sinceFailure >= retryMs && !keys.reloading) retry();
      throw unavailable();
    }
    try {
      const key = await keys(header, token);
      gotKeys();
      return key;
    } catch (err) {
      if (TOKEN_KEY_ERRORS.some((type) => err instanceof type)) throw err;
      failed2();
      const fallback = staleKeys();
      if (fallback) return fallback(header, token);
      throw unavailable(err);
    }
  };
  const prefetch = async (recovered) => {
    onRecovered = recovered;
    if (keys.jwks() !== void 0 || failedAt > Number.NEGATIVE_INFINITY) return void 0;
    try {
      await keys.reload();
      return void 0;
    } catch (err) {
      failed2();
      return unavailable(err);
    }
  };
  const close = () => {
    closed.abort();
    clearTimeout(retryTimer);
    retryTimer = void 0;
  };
  return Object.assign(getKey, { prefetch, close });
};
var VERIFIED_TTL_MS = 5 * 6e4;
var isRemote = (keys) => "prefetch" in keys && typeof keys.prefetch === "function";
var createTokenVerifier = (keys, issuer, audience) => {
  const accepted = new LRUCache2({ max: 1e4 });
  const verified = (token) => {
    const known = accepted.get(token);
    return known !== void 0 && Date.now() - known.checkedAt < VERIFIED_TTL_MS ? known.user : void 0;
  };
  let closing = false;
  const remote = isRemote(keys) ? keys : void 0;
  return {
    verified,
    acceptedBefore: (token) => accepted.has(token),
    // A key set in memory (the issuer's own ring) has nothing to fetch.
    prefetch: remote ? (log) => {
      const recovered = (recovery) => {
        if (!closing) log.info({ jwks: "recovered", ...recovery }, KEYS_RECOVERED_MSG);
      };
      void remote.prefetch(recovered).then((failure) => {
        if (failure && !closing) logFailure(log, failure, { jwks: "prefetch" }, "the token-signing keys could not be fetched at start; tokens are answered 503 until a later fetch succeeds");
      });
    } : void 0,
    close: remote ? () => {
      closing = true;
      remote.close();
    } : void 0,
    async verify(token) {
      const known = verified(token);
      if (known) return known;
      const user = await verifyOnce(keys, issuer, audience, token).catch((err) => {
        accepted.delete(token);
        throw err;
      });
      accepted.set(token, { user: user.user, checkedAt: Date.now() }, { ttl: Math.max(1, user.expiresAtMs - Date.now()) });
      return user.user;
    }
  };
};
var verifyOnce = async (keys, issuer, audience, token) => {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ["EdDSA", "ES256"], requiredClaims: ["exp"] });
    if (typeof payload.sub !== "string" || !payload.sub) throw new HttpProblem(401, "The access token has no subject");
    const sid = payload[SESSION_REVOCATIONS.claim];
    return {
      user: { id: payload.sub, email: typeof payload.email === "string" ? payload.email : void 0, issuedAtMs: issuedAtMs(payload.iat), sessionId: typeof sid === "string" && sid ? sid : void 0 },
      expiresAtMs: (payload.exp ?? 0) * 1e3
    };
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    const detail = err instanceof joseErrors.JWTExpired ? "The access token has expired" : err instanceof joseErrors.JOSEError ? `The access token is not valid (${err.code})` : "The access token could not be verified";
    throw new HttpProblem(401, detail);
  }
};
var bearerChallenge = (error) => ({
  "www-authenticate": error === void 0 ? "Bearer" : `Bearer error="${error}"`
});
var PLAIN_BEARER = /^Bearer \S+$/;
var BEARER = /^Bearer\s+(\S+)\s*$/i;
var bearerToken = (header) => {
  if (!header) return void 0;
  if (PLAIN_BEARER.test(header)) return header.slice(7);
  const m = BEARER.exec(header);
  if (!m) throw new HttpProblem(401, 'The Authorization header must be "Bearer <accessToken>"', {}, bearerChallenge("invalid_request"));
  return m[1];
};
var remoteTokenVerifier = (config) => {
  if (!config.jwksUrl) throw new Error("JWKS_URL is required to verify tokens of another issuer");
  return createTokenVerifier(remoteJwks(config.jwksUrl), config.jwtIssuer, config.jwtAudience);
};

// apps/service-kit/src/http/health.ts
var withTimeout = (p, ms) => new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  p.then(
    (v) => (clearTimeout(t), resolve(v)),
    (e) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e))))
  );
});
var registerHealthRoutes = (app, opts) => {
  const probe = { schema: { hide: true }, config: { rateLimit: false } };
  const noStore = { "cache-control": "no-store" };
  app.get(HEALTH_PATHS.liveness, probe, async (_req, reply) => reply.headers(noStore).send({ status: "ok" }));
  app.get(
    HEALTH_PATHS.startup,
    probe,
    async (_req, reply) => reply.headers(noStore).code(opts.state.started ? 200 : 503).send({ status: opts.state.started ? "ok" : "starting" })
  );
  app.get(HEALTH_PATHS.readiness, probe, async (_req, reply) => {
    const redisUp = isRedisReady(opts.redis);
    opts.metrics.dependencyUp.set({ dependency: "redis" }, redisUp ? 1 : 0);
    let postgresql;
    try {
      await withTimeout(opts.pingDatabase(), opts.timeoutMs ?? 2e3);
      postgresql = { status: "up" };
    } catch (err) {
      postgresql = { status: "down", error: err.message.split("\n")[0] ?? "unreachable" };
    }
    opts.metrics.dependencyUp.set({ dependency: "postgresql" }, postgresql.status === "up" ? 1 : 0);
    const ready = opts.state.started && !opts.state.draining && postgresql.status === "up";
    return reply.headers(noStore).code(ready ? 200 : 503).send({
      status: ready ? "ok" : opts.state.draining ? "draining" : "unavailable",
      dependencies: { postgresql, redis: { status: redisUp ? "up" : "down", soft: true } }
    });
  });
};

// apps/service-kit/src/http/json-body.ts
var JSON_TYPE = "application/json";
var PARAMETER_VALUE = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|"(?:[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\t \x21-\x7e\x80-\xff])*")$/;
var MALFORMED = /* @__PURE__ */ Symbol("malformed charset");
var charsetOf = (contentType) => {
  for (const parameter of (contentType ?? "").split(";").slice(1)) {
    const at = parameter.indexOf("=");
    if (at === -1 || parameter.slice(0, at).trim().toLowerCase() !== "charset") continue;
    const value = parameter.slice(at + 1).trim();
    if (!PARAMETER_VALUE.test(value)) return { [MALFORMED]: value };
    return (value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value).toLowerCase();
  }
  return void 0;
};
var UTF8_LABELS = /* @__PURE__ */ new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);
var US_ASCII_NAMES = /* @__PURE__ */ new Set(["us-ascii", "iso-ir-6", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso_646.irv:1991", "iso646-us", "us", "ibm367", "cp367", "csascii"]);
var ASCII_MAX = 127;
var codingsOf = (contentEncoding) => (contentEncoding ?? "").split(",").map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== "" && coding !== "identity");
var poisonedAt = (value, at) => {
  if (value === null || typeof value !== "object") return void 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "__proto__") return `${at}/${key}`;
    if (key === "constructor" && inner !== null && typeof inner === "object" && Object.hasOwn(inner, "prototype")) return `${at}/${key}/prototype`;
    const found = poisonedAt(inner, `${at}/${key}`);
    if (found !== void 0) return found;
  }
  return void 0;
};
var poisoningProblem = (text) => {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return void 0;
  }
  const path = poisonedAt(parsed, "body");
  return path === void 0 ? void 0 : nameProblem(path, UNKNOWN_FIELD);
};
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var OPEN_OBJECT = 123;
var CLOSE_OBJECT = 125;
var OPEN_ARRAY = 91;
var CLOSE_ARRAY = 93;
var NAMES_IN_A_LIST = 16;
var ObjectNames = class {
  list = [];
  set;
  /** Adds `name`; false when the object had it already. */
  add(name) {
    if (this.list !== void 0) {
      if (this.list.includes(name)) return false;
      this.list.push(name);
      if (this.list.length > NAMES_IN_A_LIST) [this.set, this.list] = [new Set(this.list), void 0];
      return true;
    }
    if (this.set.has(name)) return false;
    this.set.add(name);
    return true;
  }
};
var nameProblem = (path, message) => {
  const at = path.slice(0, 200);
  return new HttpProblem(400, `Request body is invalid: ${at} ${message}`, { errors: [{ path: at, message }] });
};
var escapedQuote = (text, at) => {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
};
var duplicateNameAt = (text, root = "body") => {
  const open = [];
  const where = [];
  let names2;
  let nameNext = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      let end = text.indexOf('"', at + 1);
      while (escapedQuote(text, end)) end = text.indexOf('"', end + 1);
      if (nameNext) {
        const raw = text.slice(at + 1, end);
        const name = raw.includes("\\") ? JSON.parse(`"${raw}"`) : raw;
        if (!names2.add(name)) return [root, ...where.slice(0, -1), name].join("/");
        where[where.length - 1] = name;
        nameNext = false;
      }
      at = end;
    } else if (code === OPEN_OBJECT) {
      names2 = new ObjectNames();
      open.push(names2);
      where.push("");
      nameNext = true;
    } else if (code === OPEN_ARRAY) {
      names2 = void 0;
      open.push(void 0);
      where.push(0);
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      open.pop();
      where.pop();
      names2 = open.at(-1);
      nameNext = false;
    } else if (code === COMMA) {
      if (names2 !== void 0) nameNext = true;
      else where[where.length - 1] = where.at(-1) + 1;
    }
  }
  return void 0;
};
var DUPLICATE_NAME = "is a name this object already has (RFC 8259 4, RFC 7493 2.3: names must be unique)";
var STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
var registerJsonBody = (app) => {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(JSON_TYPE);
  app.addContentTypeParser(JSON_TYPE, { parseAs: "buffer" }, (request, body, done) => {
    const codings = codingsOf(request.headers["content-encoding"]);
    if (codings.length > 0) {
      done(new HttpProblem(415, `Content-Encoding ${codings.join(", ").slice(0, 40)} is not accepted: send the body uncompressed`, {}, { "accept-encoding": "identity" }), void 0);
      return;
    }
    const charset = charsetOf(request.headers["content-type"]);
    if (typeof charset === "object") {
      const value = charset[MALFORMED];
      const why = value === "" ? "has no value" : `(${value.slice(0, 40)}) is neither a token nor a quoted string`;
      done(new HttpProblem(400, `Content-Type is malformed: its charset parameter ${why} (RFC 9110 5.6.6); send application/json`), void 0);
      return;
    }
    const ascii = charset !== void 0 && US_ASCII_NAMES.has(charset);
    if (charset !== void 0 && !ascii && !UTF8_LABELS.has(charset)) {
      done(new HttpProblem(415, `Content-Type charset ${charset.slice(0, 40)} is not accepted: send application/json in UTF-8`), void 0);
      return;
    }
    if (ascii) {
      const at = body.findIndex((byte) => byte > ASCII_MAX);
      if (at !== -1) {
        done(new HttpProblem(400, `Request body is not US-ASCII, as its charset says: byte 0x${body[at].toString(16)} at offset ${at}; send it as UTF-8 (application/json)`), void 0);
        return;
      }
    }
    let text;
    try {
      text = STRICT_UTF8.decode(body);
    } catch {
      done(new HttpProblem(400, "Request body is not valid UTF-8: send JSON as UTF-8 (RFC 8259 8.1)"), void 0);
      return;
    }
    parse(request, text, (error, body2) => {
      if (error !== null && error.code === "FST_ERR_CTP_INVALID_JSON_BODY") done(poisoningProblem(text) ?? error, void 0);
      else if (error !== null) done(error, body2);
      else {
        const duplicate = duplicateNameAt(text);
        if (duplicate === void 0) done(null, body2);
        else done(nameProblem(duplicate, DUPLICATE_NAME), void 0);
      }
    });
  });
};

// apps/service-kit/src/http/rate-limit.ts
import { RateLimiterRes } from "rate-limiter-flexible";

// apps/service-kit/src/http/local-allowance.ts
import { LRUCache as LRUCache3 } from "lru-cache";
var LEASE_MAX = 10;
var leaseSize = (leftSeen, previousSize = 0) => Math.max(1, Math.min(LEASE_MAX, previousSize * 2, Math.floor(leftSeen / 4)));
var createLocalAllowance = ({ counter, points, maxKeys = 1e4 }) => {
  const leases = new LRUCache3({ max: maxKeys });
  const renew = async (key, previous) => {
    const current = previous && previous.expiresAt > Date.now() ? previous : void 0;
    const size = current ? leaseSize(points - current.last, current.size) : leaseSize(points);
    const askedAt = Date.now();
    const res = await counter.penalty(key, size);
    const granted = Math.max(0, Math.min(size, points - (res.consumedPoints - size)));
    leases.set(key, {
      left: granted,
      last: Math.min(res.consumedPoints, points),
      size,
      expiresAt: askedAt + res.msBeforeNext,
      spent: res.consumedPoints >= points
    });
  };
  const takeLocal = (key) => {
    const now = Date.now();
    const lease = leases.get(key);
    if (lease && lease.expiresAt > now) {
      if (lease.left > 0) {
        lease.left--;
        return { current: lease.last - lease.left, ttl: lease.expiresAt - now };
      }
      if (lease.spent) return { current: points + 1, ttl: lease.expiresAt - now };
    }
    return void 0;
  };
  const takeThen = (key, then) => {
    const local = takeLocal(key);
    if (local) return then(local);
    const lease = leases.get(key);
    if (lease?.waiters) {
      lease.waiters.push(then);
      return;
    }
    const holder = lease ?? { left: 0, last: 0, size: 0, expiresAt: 0, spent: false };
    const waiters = [then];
    holder.waiters = waiters;
    if (!lease) leases.set(key, holder);
    const answer = (err, failed2) => {
      holder.waiters = void 0;
      for (const w of waiters) {
        try {
          if (failed2) w(void 0, err);
          else takeThen(key, w);
        } catch (thrown) {
          process.nextTick(() => {
            throw thrown;
          });
        }
      }
    };
    renew(key, lease).then(
      () => answer(void 0, false),
      (err) => answer(err, true)
    );
  };
  const take = (key) => new Promise((resolve, reject) => takeThen(key, (a, err) => a ? resolve(a) : reject(err instanceof Error ? err : new Error(String(err)))));
  return { take, takeThen, takeLocal };
};

// apps/service-kit/src/http/shared-counter.ts
import { performance as performance2 } from "node:perf_hooks";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
var sharedCounter = (opts) => {
  const duration = Math.max(1, Math.round(opts.windowMs / 1e3));
  return new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: opts.prefix,
    points: opts.points,
    duration,
    // The kit's clients have no offline queue: a command sent while disconnected would only fail later.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: opts.prefix, points: opts.points, duration })
  });
};

// apps/service-kit/src/http/rate-limit.ts
var RATE_LIMIT_PREFIX = REDIS_KEY_PREFIXES.rateLimit;
var userLimitKey = (userId) => `user:${userId}`;
var rateLimitedHeaders = (max, ttlMs) => {
  const seconds2 = String(Math.ceil(ttlMs / 1e3));
  return { "x-ratelimit-limit": String(max), "x-ratelimit-remaining": "0", "x-ratelimit-reset": seconds2, "retry-after": seconds2 };
};
var rateLimited = (max, ttlMs, what = "requests") => {
  const seconds2 = Math.ceil(ttlMs / 1e3);
  return new HttpProblem(429, `Rate limit of ${max} ${what} per minute exceeded; retry in ${seconds2} second${seconds2 === 1 ? "" : "s"}`, {}, rateLimitedHeaders(max, ttlMs));
};
var registerRateLimit = (app, opts) => {
  const { max } = opts;
  const allowance = createLocalAllowance({ counter: sharedCounter({ redis: opts.redis, prefix: opts.prefix, points: max, windowMs: opts.windowMs }), points: max });
  const decide = (a, done) => {
    if (a.current <= max) return done();
    done(rateLimited(max, a.ttl));
  };
  const limitBy = (keyOf) => {
    const rateLimit = (request, _reply, done) => {
      const key = keyOf(request);
      const local = allowance.takeLocal(key);
      if (local) return decide(local, done);
      allowance.takeThen(key, (a, err) => a ? decide(a, done) : done(err instanceof Error ? err : new Error(String(err))));
    };
    return rateLimit;
  };
  app.addHook("onRoute", (routeOptions) => {
    if (opts.exempt(routeOptions.url)) return;
    const limit = limitBy(opts.keyFor(routeOptions.url));
    const own = routeOptions.onRequest;
    const hooks = own === void 0 ? [] : Array.isArray(own) ? own : [own];
    const at = hooks[0] === opts.after ? 1 : 0;
    routeOptions.onRequest = [...hooks.slice(0, at), limit, ...hooks.slice(at)];
  });
};

// apps/service-kit/src/http/client-address.ts
var V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
var V6_BRACKETED = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i;
var V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
function clientAddressKey(ip) {
  const address = ip.trim();
  const bare = V4_WITH_PORT.exec(address)?.[1] ?? V6_BRACKETED.exec(address)?.[1] ?? address;
  return (V4_MAPPED.exec(bare)?.[1] ?? bare).toLowerCase();
}

// apps/service-kit/src/http/failure-throttle.ts
import { RateLimiterRes as RateLimiterRes2 } from "rate-limiter-flexible";
var retryAfterSeconds = (res) => Math.max(1, Math.ceil(res.msBeforeNext / 1e3));
var createFailureThrottle = (opts) => {
  const counter = sharedCounter({ redis: opts.redis, prefix: opts.prefix, points: opts.maxFailures, windowMs: opts.windowMs });
  const hashed = (key) => hashAddress(opts.hashKey, key);
  return {
    redisKey: (key) => counter.getKey(hashed(key)),
    async refusal(key) {
      const res = await counter.get(hashed(key));
      return res && res.consumedPoints >= opts.maxFailures ? retryAfterSeconds(res) : void 0;
    },
    async failed(key) {
      try {
        const res = await counter.consume(hashed(key));
        return { refused: false, locked: res.remainingPoints === 0 };
      } catch (err) {
        if (!(err instanceof RateLimiterRes2)) throw err;
        return { refused: true, retryAfterSeconds: retryAfterSeconds(err) };
      }
    }
  };
};

// apps/service-kit/src/http/request-id.ts
import { randomUUID as randomUUID2 } from "node:crypto";
var FIRST = 2 ** 44;
var requestIdGenerator = () => {
  const prefix = randomUUID2().slice(0, 24);
  let next = FIRST;
  return () => prefix + (next++).toString(16);
};

// apps/service-kit/src/http/edge-request.ts
var isEdgeRequest = (headers) => headers["x-forwarded-for"] !== void 0;
var REQUEST_ID = /^[\w.:-]{1,128}$/;
var givenRequestId = (headers) => {
  const given = headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : void 0;
};

// apps/service-kit/src/http/validation.ts
import { AjvCompiler } from "@fastify/ajv-compiler";
var fromPool = AjvCompiler();
var AJV_OPTIONS = { coerceTypes: "array", removeAdditional: true, allErrors: false };
var AJV_CONFIG = {
  customOptions: AJV_OPTIONS,
  onCreate: (ajv) => {
    ajv.addFormat("uuid", IsUuid);
  }
};
var malformedParameter = (data, named) => {
  const malformed = data !== null && typeof data === "object" ? data[MALFORMED_PARAMETERS] : void 0;
  const name = malformed?.find((parameter) => named.includes(parameter));
  return name === void 0 ? void 0 : { instancePath: `/${name}`, schemaPath: "#/encoding", keyword: "encoding", params: {}, message: "must be percent-encoded UTF-8 (a malformed %-escape, or bytes that are not UTF-8)" };
};
var QUERY_NUMBER = { integer: /^-?(?:0|[1-9]\d*)$/, number: /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/ };
var QUERY_NUMBER_MESSAGE = {
  integer: "must be an integer in decimal digits, as JSON writes it (no sign +, leading zero, fraction, exponent, hex or space)",
  number: "must be a number as JSON writes it (RFC 8259 6: no sign +, leading zero, hex or space)"
};
var numericParameters = (schema) => Object.entries(schema.properties ?? {}).flatMap(
  ([name, sub]) => sub.type === "integer" || sub.type === "number" ? [[name, sub.type]] : []
);
var looseNumber = (data, numeric) => {
  if (data === null || typeof data !== "object") return void 0;
  for (const [name, kind] of numeric) {
    const raw = data[name];
    const texts = Array.isArray(raw) ? raw : [raw];
    if (texts.some((text) => typeof text === "string" && !QUERY_NUMBER[kind].test(text))) {
      return { instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, keyword: "type", params: { type: kind }, message: QUERY_NUMBER_MESSAGE[kind] };
    }
  }
  return void 0;
};
var storableOnly = (validate, queryNames = [], numeric = []) => {
  const checked = ((data, context5) => {
    const loose = numeric.length > 0 ? looseNumber(data, numeric) : void 0;
    if (loose !== void 0) {
      checked.errors = [loose];
      return false;
    }
    const ok = validate(data, context5);
    const found = ok === true ? malformedParameter(data, queryNames) ?? unstorableValue(data) : void 0;
    checked.errors = found ? [found] : validate.errors;
    return found ? false : ok;
  });
  checked.schemaEnv = validate.schemaEnv;
  return checked;
};
var openObjectIn = (schema, at = "") => {
  if (schema === null || typeof schema !== "object") return void 0;
  const s = schema;
  if (s.properties !== void 0 && s.additionalProperties !== false) return at || "/";
  const nested = [
    ...Object.entries(s.properties ?? {}).map(([name, sub]) => [`/properties/${name}`, sub]),
    ...["anyOf", "oneOf", "allOf"].flatMap((key) => Array.isArray(s[key]) ? s[key].map((sub, i) => [`/${key}/${i}`, sub]) : []),
    ["/items", s.items]
  ];
  for (const [where, sub] of nested) {
    const found = openObjectIn(sub, `${at}${where}`);
    if (found !== void 0) return found;
  }
  return void 0;
};
var INTERNAL_ROUTES = `${INTERNAL_ROUTE_ROOT}/`;
var buildValidator = (externalSchemas, options) => {
  if (options?.onCreate !== AJV_CONFIG.onCreate) throw new Error("buildValidator needs Fastify's ajv option to be the kit's AJV_CONFIG (its uuid format)");
  const textParts = fromPool(externalSchemas, options);
  const json = (removeAdditional) => options?.mode === "JTD" ? textParts : fromPool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false, removeAdditional } });
  const internalBody = json(true);
  const publicBody = json(false);
  return (route) => {
    if (route.httpPart === "querystring") return storableOnly(textParts(route), Object.keys(route.schema.properties ?? {}), numericParameters(route.schema));
    if (route.httpPart !== "body") return storableOnly(textParts(route));
    if ((route.url ?? "").startsWith(INTERNAL_ROUTES)) return storableOnly(internalBody(route));
    const open = openObjectIn(route.schema);
    if (open !== void 0) throw new Error(`${route.method} ${route.url}: its body schema admits properties it does not name at ${open}; a public body must set additionalProperties: false on every object (validation.ts)`);
    return storableOnly(publicBody(route));
  };
};

// apps/service-kit/src/http/schemas.ts
var ProblemSchema = typebox_exports.Object(
  {
    type: typebox_exports.String(),
    title: typebox_exports.String(),
    status: typebox_exports.Integer(),
    detail: typebox_exports.String(),
    instance: typebox_exports.Optional(typebox_exports.String())
  },
  { $id: "Problem", description: "RFC 9457 problem details (application/problem+json)", additionalProperties: true }
);

// apps/service-kit/src/http/preconditions.ts
var CURRENT_TARGET = { state: "current" };
var REFUSED_TARGET = { state: "refused" };
var EVALUATED_BY_ROUTE = "evaluated-by-route";
var TARGET_REFUSALS = ["401", "404"];
var undeclaredTarget = (route) => {
  if (route.target !== void 0) return void 0;
  const reasons = [
    .../(^|\/):/.test(route.url) ? ["a path parameter"] : [],
    ...TARGET_REFUSALS.filter((code) => Object.hasOwn(route.response ?? {}, code)).map((code) => `a ${code} in its response schema`)
  ];
  return reasons.length === 0 ? void 0 : `${route.url} has ${reasons.join(" and ")} but no config.target: a conditional request would be answered 412 where its ${TARGET_REFUSALS.join(" or ")} is due (RFC 9110 13.2.1); say how its target is found, or EVALUATED_BY_ROUTE`;
};
var isConditional = (headers) => headers["if-match"] !== void 0 || headers["if-none-match"] !== void 0 || headers["if-unmodified-since"] !== void 0 || headers["if-modified-since"] !== void 0;
var isSafe = (method) => method === "GET" || method === "HEAD";
var preconditionAnswers = (method) => ({
  ...isSafe(method) ? { 304: { type: "null", description: "Not Modified (RFC 9110 15.4.5): the condition of If-None-Match or If-Modified-Since is false; no content" } } : {},
  412: ProblemSchema
});
var isAny = (value) => value.trim() === "*";
var ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;
var names = (list, etag, comparison) => etag !== void 0 && list.split(",").some((member) => {
  const tag = ENTITY_TAG.exec(member.trim());
  return tag !== null && tag[2] === etag && (comparison === "weak" || tag[1] === void 0);
});
var HTTP_DATE = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+day, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;
var httpDateSeconds = (value) => {
  if (value === void 0 || !HTTP_DATE.test(value.trim())) return void 0;
  const ms = Date.parse(value.trim().endsWith("GMT") ? value : `${value} GMT`);
  return Number.isNaN(ms) ? void 0 : Math.floor(ms / 1e3);
};
var seconds = (date) => Math.floor(date.getTime() / 1e3);
var failed = (detail) => new HttpProblem(412, detail);
var evaluatePreconditions = (method, headers, target) => {
  if (target.state === "refused") return void 0;
  const lastModified = target.state === "current" ? target.lastModified : void 0;
  const etag = target.state === "current" ? target.etag : void 0;
  const ifMatch = headers["if-match"];
  if (ifMatch !== void 0) {
    if (!isAny(ifMatch)) {
      if (etag === void 0) return failed("If-Match names an entity tag this resource never gave (it sends no ETag): nothing was done; send the request without If-Match");
      if (!names(ifMatch, etag, "strong")) return failed(`If-Match names no current entity tag of this resource (now ${etag}; a weak tag never matches): nothing was done; read it again`);
    } else if (target.state === "none") return failed("If-Match: * asks for a current representation, and there is none: nothing was done");
  } else if (lastModified !== void 0) {
    const since = httpDateSeconds(headers["if-unmodified-since"]);
    if (since !== void 0 && seconds(lastModified) > since) return failed(`If-Unmodified-Since: it was modified since, at ${lastModified.toISOString()}: nothing was done`);
  }
  const ifNoneMatch = headers["if-none-match"];
  const safe = isSafe(method);
  if (ifNoneMatch !== void 0) {
    if (isAny(ifNoneMatch) && target.state === "current") return safe ? "not-modified" : failed("If-None-Match: * asks that there be no current representation, and there is one: nothing was done");
    if (names(ifNoneMatch, etag, "weak")) return safe ? "not-modified" : failed(`If-None-Match names the current entity tag of this resource (${etag}): nothing was done`);
    return void 0;
  }
  if (safe && lastModified !== void 0) {
    const since = httpDateSeconds(headers["if-modified-since"]);
    if (since !== void 0 && seconds(lastModified) <= since) return "not-modified";
  }
  return void 0;
};

// apps/service-kit/src/telemetry/metrics.ts
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
var LLM_CALL_OUTCOMES = ["ok", "error", "timeout", "throttled", "filtered", "refused"];
var LLM_CACHE_RESULTS = ["hit", "miss", "joined"];
var LLM_FALLBACK_REASONS = ["budget", "model_error", "filtered", "refused", "no_model"];
var createMetrics = (serviceName) => {
  const registry = new Registry();
  registry.setDefaultLabels({ service: `${serviceName}-service` });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Duration of HTTP requests by route template: the server's own time (what a route held for the client, a long poll's wait, left out)",
    labelNames: ["method", "route", "status_code"],
    // A bucket at each response-time threshold, so alerts and rollout analyses are exact.
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry]
  });
  const dependencyUp = new Gauge({
    name: "dependency_up",
    help: "1 when a dependency (postgresql, redis) answered its last health check",
    labelNames: ["dependency"],
    registers: [registry]
  });
  const messagesConsumed = new Counter({
    name: "messages_consumed_total",
    help: "Service Bus deliveries handled, by queue and outcome",
    labelNames: ["queue", "outcome"],
    registers: [registry]
  });
  for (const queue of Object.hasOwn(SERVICES, serviceName) ? SERVICES[serviceName].queues.consumes : []) {
    for (const outcome of CONSUME_OUTCOMES) messagesConsumed.inc({ queue, outcome }, 0);
  }
  const outboxSetAside = new Counter({
    name: "outbox_messages_set_aside_total",
    help: "Outbox messages set aside unsent (larger than their queue or hub accepts), by destination",
    labelNames: ["destination"],
    registers: [registry]
  });
  if (Object.hasOwn(SERVICES, serviceName)) {
    const name = serviceName;
    for (const destination of [...SERVICES[name].queues.produces, ...EVENT_STREAMS.filter((s) => s.producer === name).map((s) => s.hub)]) outboxSetAside.inc({ destination }, 0);
  }
  const asyncRequestDuration = new Histogram({
    name: "async_request_duration_seconds",
    help: "Time from an asynchronous request (a queue message) being asked to its outcome, by queue and outcome",
    labelNames: ["queue", "outcome"],
    buckets: [...ASYNC_LATENCY_BUCKETS_SECONDS],
    registers: [registry]
  });
  const llmCalls = new Counter({
    name: "llm_calls_total",
    // The label values from their list: written out by hand, the help missed filtered and refused.
    help: `Calls to the language model (Azure OpenAI interest readings), by outcome: ${LLM_CALL_OUTCOMES.join(", ")} (throttled: a 429)`,
    labelNames: ["outcome"],
    registers: [registry]
  });
  const llmCallDuration = new Histogram({
    name: "llm_call_duration_seconds",
    help: "Duration of calls to the language model, token included, by outcome",
    labelNames: ["outcome"],
    // The HTTP buckets: the call's own limit (1.5 s) lies between 1 and 2.5, and the 5 s of a schedule is one.
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry]
  });
  const llmCacheLookups = new Counter({
    name: "llm_reading_cache_lookups_total",
    help: `Lookups in the language model's readings cache, by result: ${LLM_CACHE_RESULTS.join(", ")} (joined: a call under way for the same list)`,
    labelNames: ["result"],
    registers: [registry]
  });
  const llmFallbacks = new Counter({
    name: "llm_fallback_readings_total",
    help: `Interest readings answered by the keyword table instead of the language model, by reason: ${LLM_FALLBACK_REASONS.join(", ")}`,
    labelNames: ["reason"],
    registers: [registry]
  });
  const accountErasureUnknownOwners = new Gauge({
    name: ACCOUNT_ERASURE.unknownOwnersMetric,
    help: "Owners of trips with neither an account nor a deletion record in user_db, counted by the last complete account-erasure sweep: their trips are kept, not erased",
    registers: serviceName === ACCOUNT_ERASURE.service ? [registry] : []
  });
  const accountErasureLastSuccess = new Gauge({
    name: ACCOUNT_ERASURE.lastSuccessMetric,
    help: "When the last account-erasure sweep that walked every owner and every deletion record ended, in Unix seconds (0: none yet on this replica)",
    registers: serviceName === ACCOUNT_ERASURE.service ? [registry] : []
  });
  const forgottenSchedulesOldest = new Gauge({
    name: FORGOTTEN_BACKLOG.oldestMetric,
    help: "Age in seconds of the oldest deleted schedule whose copies the AI service has still to forget (trip_db forgotten_schedules), set by the replica holding the forget lease (0: none, or another replica's)",
    registers: serviceName === FORGOTTEN_BACKLOG.service ? [registry] : []
  });
  const entraFailing = /* @__PURE__ */ new Map();
  new Gauge({
    name: ENTRA_TOKEN_OUTAGE.failingMetric,
    help: "For how long in seconds the pod's Entra token for the dependency has not been renewed because Entra is out of reach, counted from the first ask left without a token, an ask under way included (0: renewals succeed, or no Entra)",
    labelNames: ["dependency"],
    registers: [registry],
    collect() {
      for (const dependency of ENTRA_TOKEN_OUTAGE.dependencies) this.set({ dependency }, entraFailing.get(dependency)?.() ?? 0);
    }
  });
  const readEntraFailingFrom = (dependency, source) => {
    entraFailing.set(dependency, source);
  };
  return { registry, httpDuration, dependencyUp, messagesConsumed, outboxSetAside, asyncRequestDuration, llmCalls, llmCallDuration, llmCacheLookups, llmFallbacks, accountErasureUnknownOwners, accountErasureLastSuccess, forgottenSchedulesOldest, readEntraFailingFrom };
};
var durationRecorder = (histogram) => {
  const children = /* @__PURE__ */ new Map();
  return (route, method, statusCode, seconds2) => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, byMethod = /* @__PURE__ */ new Map());
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, byStatus = /* @__PURE__ */ new Map());
    let child = byStatus.get(statusCode);
    if (!child) byStatus.set(statusCode, child = histogram.labels({ method, route, status_code: String(statusCode) }));
    child.observe(seconds2);
  };
};

// apps/service-kit/src/telemetry/tracing.ts
import { context, isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
var samplerFor = (name, ratio, ratioSampler) => {
  const byRatio = !name.endsWith("always_on") && !name.endsWith("always_off");
  const root = !byRatio ? name.endsWith("always_on") ? new AlwaysOnSampler() : new AlwaysOffSampler() : (ratioSampler ?? ((r) => new TraceIdRatioBasedSampler(r)))(ratio);
  const parentSampled = byRatio && ratioSampler ? { remoteParentSampled: root, localParentSampled: root } : {};
  const sampler = name.startsWith("parentbased") ? new ParentBasedSampler({ root, ...parentSampled }) : root;
  return name.endsWith("always_off") ? sampler : keepingAsyncRequests(sampler);
};
var ASYNC_REQUEST_ATTRIBUTE = "tripgen.async_request";
var RECORD_ALL = Object.freeze({ decision: SamplingDecision.RECORD_AND_SAMPLED });
var keepingAsyncRequests = (sampler) => ({
  shouldSample: (ctx, traceId, spanName, spanKind, attributes, links) => spanKind === SpanKind.CONSUMER && attributes[ASYNC_REQUEST_ATTRIBUTE] === true ? RECORD_ALL : sampler.shouldSample(ctx, traceId, spanName, spanKind, attributes, links),
  toString: () => `KeepingAsyncRequests{${sampler.toString()}}`
});
var setupTracing = async (config, appInsights) => {
  const spanProcessors = [];
  if (config.otlpEndpoint) {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.otlpEndpoint.replace(/\/$/, "")}/v1/traces` })));
  }
  let ratioSampler;
  if (appInsights) {
    const { ApplicationInsightsSampler, AzureMonitorTraceExporter } = await import("@azure/monitor-opentelemetry-exporter");
    ratioSampler = (ratio) => new ApplicationInsightsSampler(ratio);
    const exporter = new AzureMonitorTraceExporter({ connectionString: appInsights.connectionString, credential: appInsights.credential, disableOfflineStorage: true });
    spanProcessors.push(new BatchSpanProcessor(exporter));
  }
  const provider = new NodeTracerProvider({
    // The service name is Application Insights' cloud role (the alerts filter on it).
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: workloadName(config.serviceName) }),
    sampler: samplerFor(config.tracesSampler, config.tracesSamplerArg, ratioSampler),
    spanProcessors
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const propagator = new W3CTraceContextPropagator();
  const getter = {
    keys: (c) => Object.keys(c),
    get: (c, k) => {
      const v = c[k];
      return typeof v === "string" ? v : Array.isArray(v) ? v : void 0;
    }
  };
  return {
    tracer: provider.getTracer(KIT_TRACER_NAME),
    extract: (headers) => propagator.extract(context.active(), headers, getter),
    inject: (ctx, carrier) => propagator.inject(ctx, carrier, { set: (c, k, v) => void (c[k] = v) }),
    shutdown: () => provider.shutdown()
  };
};
var SERVER_SPAN = Object.freeze({ kind: SpanKind.SERVER });
var serverSpan = (tracing, name, headers, fromEdge = false) => {
  if (headers.traceparent === void 0) return tracing.tracer.startSpan(name, SERVER_SPAN, context.active());
  if (!fromEdge) return tracing.tracer.startSpan(name, SERVER_SPAN, tracing.extract(headers));
  const client = trace.getSpanContext(tracing.extract(headers));
  return tracing.tracer.startSpan(name, client && isSpanContextValid(client) ? { ...SERVER_SPAN, root: true, links: [{ context: client }] } : { ...SERVER_SPAN, root: true }, context.active());
};
var endServerSpan = (span, statusCode, route, method) => {
  if (!span.isRecording()) return span.end();
  if (method) span.setAttribute("http.request.method", method);
  span.setAttribute("http.response.status_code", statusCode);
  span.setAttribute("http.route", route);
  if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
};
var requestContext = (span) => trace.setSpan(ROOT_CONTEXT, span);
var activeTraceIds = () => {
  const sc = trace.getSpanContext(context.active());
  return sc && trace.isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : void 0;
};

// apps/service-kit/src/app.ts
var REQUEST_SPAN = /* @__PURE__ */ Symbol("tripgen.requestSpan");
var SERVER_SPAN_NAME = "HTTP request";
var HELD_MS = /* @__PURE__ */ Symbol("tripgen.heldMs");
var OPERATIONAL = new Set(OPERATIONAL_PATHS);
var REVOKED_TOKEN_DETAIL = "The access token was revoked (signed out, password changed or account deleted): sign in again";
var TOKEN_REFUSALS_PREFIX = REDIS_KEY_PREFIXES.tokenRefusals;
var verifyCounted = async (throttle, accepted, verifier, token, request) => {
  const address = clientAddressKey(request.ip);
  const acceptedHere = verifier.acceptedBefore?.(token) === true;
  const wait = acceptedHere ? void 0 : await throttle.refusal(address).catch(() => void 0);
  if (wait !== void 0 && !await accepted.known(token)) {
    request.authProblem = new HttpProblem(429, `Too many refused access tokens from this address; retry in ${wait} seconds`, {}, { "retry-after": String(wait) });
    return;
  }
  try {
    request.user = await verifier.verify(token);
    if (!acceptedHere) accepted.remember(token);
  } catch (err) {
    if (err instanceof HttpProblem && err.statusCode === 401) await throttle.failed(address).catch(() => void 0);
    throw err;
  }
};
var JSON_API_HELMET = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'self'"] } },
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false
};
var helmetHeaders = () => {
  const headers = {};
  const recorder = {
    setHeader: (name, value) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name) => void delete headers[name.toLowerCase()]
  };
  let failure;
  helmet(JSON_API_HELMET)({}, recorder, (err) => void (failure = err));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
};
var declaredTags = (paths = {}) => [...new Set(Object.values(paths).flatMap((item) => Object.values(item ?? {}).flatMap((op) => Array.isArray(op?.tags) ? op.tags.map(String) : [])))].sort().map((name) => ({ name }));
var createApp = async (opts) => {
  const { config } = opts;
  const tracing = await setupTracing(
    config,
    config.appInsightsConnectionString ? { connectionString: config.appInsightsConnectionString, credential: config.azureClientId ? await azureCredentialFromEnv() : void 0 } : void 0
  );
  const securityHeaders = Object.entries(helmetHeaders());
  const newRequestId = requestIdGenerator();
  const app = Fastify({
    childLoggerFactory: (logger, bindings, childOptions, rawReq) => {
      const edge = isEdgeRequest(rawReq.headers);
      const span = serverSpan(tracing, SERVER_SPAN_NAME, rawReq.headers, edge);
      rawReq[REQUEST_SPAN] = span;
      const clientRequestId = edge ? givenRequestId(rawReq.headers) : void 0;
      return requestLogger(logger, clientRequestId === void 0 ? bindings : { ...bindings, clientRequestId }, childOptions, span);
    },
    logger: opts.logger === false ? false : {
      level: config.logLevel,
      base: { service: workloadName(config.serviceName) },
      serializers: { req: loggedRequest },
      // A line of the app's own logger (a message's delivery, its calls) gets the active span's ids.
      mixin: traceIdsMixin(activeTraceIds),
      ...typeof opts.logger === "object" ? opts.logger : {}
    },
    bodyLimit: REQUEST_BODY_LIMIT_BYTES,
    ...refusalOptions(securityHeaders),
    // genReqId reads x-request-id itself, so that a hostile value never reaches logs or headers,
    // and a client's (an edge request's) is never the request's id (edge-request.ts).
    requestIdHeader: false,
    genReqId: (req) => (isEdgeRequest(req.headers) ? void 0 : givenRequestId(req.headers)) ?? newRequestId(),
    trustProxy: (_address, hop) => hop < config.trustProxyHops,
    return503OnClosing: true,
    ajv: AJV_CONFIG,
    schemaController: { compilersFactory: { buildValidator } }
  }).withTypeProvider();
  const metrics = createMetrics(config.serviceName);
  const redisWatch = wantsEntraAuth(config.redisUrl, config.azureClientId) ? watchEntraTokens(await azureCredentialFromEnv(), "redis", { log: app.log, fresh: () => azureCredentialFromEnv(), watchOwnAsks: false }) : void 0;
  const redisAuth = redisWatch ? redisTokenAuth({ credential: redisWatch.credential, log: app.log }) : void 0;
  if (redisAuth && redisWatch) metrics.readEntraFailingFrom("redis", () => longestOutageSeconds(redisAuth, redisWatch));
  logEntraTokensTo(app.log);
  metrics.readEntraFailingFrom("postgresql", () => entraTokenOutageSeconds("postgresql"));
  metrics.readEntraFailingFrom("servicebus", () => entraTokenOutageSeconds("servicebus"));
  const redis = connectRedis(config.redisUrl, app.log, workloadName(config.serviceName), redisAuth);
  const subscriber = connectRedis(config.redisUrl, app.log, `${workloadName(config.serviceName)}:sub`, redisAuth, "subscriber");
  const cache = await createTwoLevelCache({ namespace: cacheNamespace(config.serviceName), redis, subscriber, shape: opts.cacheShape ?? "1" });
  const revocations = createTokenRevocations({ redis, subscriber, waitMs: SUBSCRIBER_WAIT_MS, onError: (err, what) => app.log.warn({ err }, what) });
  const feed = config.serviceName !== TOKEN_ISSUER && config.jwksUrl ? revocationFeed({ jwksUrl: config.jwksUrl, revocations, redis, subscriber, log: app.log, everyMs: opts.revocationFeedEveryMs }) : void 0;
  const health = { started: false, draining: false };
  const stoppers = [];
  const intakeStoppers = [];
  const pending = /* @__PURE__ */ new Set();
  const tracked = async ({ stop, what }) => {
    pending.add(what);
    try {
      await stop();
    } finally {
      pending.delete(what);
    }
  };
  const runStep = (step) => tracked(step).catch((err) => app.log.error({ err, step: step.what }, "shutdown step failed"));
  let intakeStops;
  const otherHeaps = [];
  const stopIntake = () => Promise.all(intakeStops ??= intakeStoppers.map(runStep));
  app.decorate("kit", {
    config,
    redis,
    cache,
    metrics,
    tracing,
    health,
    verifier: opts.verifier,
    revocations,
    onDrain: (stop, what = `drain step ${intakeStoppers.length + 1}`) => {
      const step = { stop, what };
      intakeStoppers.push(step);
      intakeStops?.push(runStep(step));
    },
    onShutdown: (stop, what = `shutdown step ${stoppers.length + 1}`) => void stoppers.push({ stop, what }),
    pendingShutdownSteps: () => [...pending],
    subscribe: (channel, onMessage) => {
      subscriber.on("message", (ch, message) => {
        if (ch === channel) onMessage(message);
      });
      const subscribe = () => void subscriber.subscribe(channel).catch(() => void 0);
      subscriber.on("ready", subscribe);
      if (isRedisReady(subscriber)) subscribe();
    },
    reduceWhenQuiet: (heap) => void otherHeaps.push(heap),
    heapsReducedWhenQuiet: () => otherHeaps,
    drain: () => {
      health.draining = true;
      void stopIntake();
    }
  });
  app.addHook("onRequest", (request, reply, done) => {
    const span = request.raw[REQUEST_SPAN] ?? serverSpan(tracing, SERVER_SPAN_NAME, request.headers, isEdgeRequest(request.headers));
    if (span.isRecording()) span.updateName(`${request.method} ${request.routeOptions.url ?? "unmatched"}`);
    request.span = span;
    const sc = span.spanContext();
    reply.header("x-request-id", request.id);
    reply.header("traceparent", `00-${sc.traceId}-${sc.spanId}-0${sc.traceFlags}`);
    for (const [name, value] of securityHeaders) reply.header(name, value);
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (health.draining) reply.header("connection", "close");
    done(null, payload);
  });
  const recordDuration = durationRecorder(metrics.httpDuration);
  const finish = (request, reply, route, ms) => {
    recordDuration(route, request.method, reply.statusCode, ms / 1e3);
    if (request.span) endServerSpan(request.span, reply.statusCode, route, request.method);
  };
  app.addHook("onRoute", (routeOptions) => {
    const route = routeOptions.url;
    const schema = routeOptions.schema;
    if (schema?.body !== void 0 && !(schema.hide ?? false)) schema.response = { 415: ProblemSchema, ...schema.response };
    if (schema !== void 0 && !(schema.hide ?? false) && routeOptions.method !== "HEAD") {
      const methods = [routeOptions.method].flat();
      schema.response = { ...Object.assign({}, ...methods.map(preconditionAnswers)), ...schema.response };
    }
    const routeFinish = routeOptions.config?.holdsRequests === true ? (request, reply, done) => {
      const elapsed = reply.elapsedTime;
      finish(request, reply, route, Math.max(0, elapsed - (request[HELD_MS] ?? 0)));
      done();
    } : (request, reply, done) => {
      finish(request, reply, route, reply.elapsedTime);
      done();
    };
    const own = routeOptions.onResponse;
    routeOptions.onResponse = own === void 0 ? [routeFinish] : [...Array.isArray(own) ? own : [own], routeFinish];
    const handler = routeOptions.handler;
    const target = routeOptions.config?.target;
    const undeclared = routeOptions.method === "HEAD" ? void 0 : undeclaredTarget({ url: route, response: schema?.response, target });
    if (undeclared !== void 0) throw new Error(undeclared);
    const conditional = async function(request, reply) {
      const found = target === void 0 || target === EVALUATED_BY_ROUTE ? CURRENT_TARGET : await target(request);
      const outcome = evaluatePreconditions(request.method, request.headers, found);
      if (outcome === "not-modified") return (found.state === "current" && found.etag !== void 0 ? reply.header("etag", found.etag) : reply).code(304).send();
      if (outcome !== void 0) throw outcome;
      return handler.call(this, request, reply);
    };
    routeOptions.handler = function(request, reply) {
      const run = target !== EVALUATED_BY_ROUTE && isConditional(request.headers) ? conditional : handler;
      return request.span ? context2.with(requestContext(request.span), run, this, request, reply) : run.call(this, request, reply);
    };
  });
  app.addHook("onResponse", (request, reply, done) => {
    if (request.is404) finish(request, reply, reply.statusCode === 404 ? "not_found" : reply.statusCode === 405 ? "method_not_allowed" : "unmatched", reply.elapsedTime);
    done();
  });
  registerProblemHandlers(app);
  app.removeContentTypeParser("text/plain");
  registerJsonBody(app);
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: RETRY_AFTER_SECONDS.unavailable,
    // Probes must keep answering under load: a busy pod is not a dead one.
    pressureHandler: (request, reply, type) => {
      if (OPERATIONAL.has(request.url.split("?")[0] ?? "")) return void 0;
      void reply.code(503).type(PROBLEM_CONTENT_TYPE).header("retry-after", String(RETRY_AFTER_SECONDS.unavailable)).send(problem(503, `The service is under pressure (${type}); retry shortly`));
      return void 0;
    }
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: `TripGen ${config.serviceName} service`,
        description: SERVICES[config.serviceName].description,
        version: opts.version ?? "0.1.0",
        contact: { name: "TripGen" }
      },
      // Paths are absolute on whatever host serves them: the service, the dev gateway or the edge.
      servers: [{ url: "/" }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } }
    },
    // Every tag an operation uses is declared once at the top, as OpenAPI tools expect (Spectral operation-tag-defined).
    // (This app documents OpenAPI 3 only; the union also admits Swagger 2.)
    transformObject: (doc) => "openapiObject" in doc ? { ...doc.openapiObject, tags: declaredTags(doc.openapiObject.paths) } : doc.swaggerObject
  });
  const authFailed = (request, err) => {
    const refused = err instanceof HttpProblem ? err : new HttpProblem(401, "The access token could not be verified");
    request.authProblem = refused.statusCode === 401 && refused.headers["www-authenticate"] === void 0 ? new HttpProblem(401, refused.message, refused.extensions, { ...refused.headers, ...bearerChallenge("invalid_token") }) : refused;
  };
  const revokedToken = () => new HttpProblem(401, REVOKED_TOKEN_DETAIL);
  const addressKey = addressHashKey(config.addressHashSecret);
  const tokenRefusals = createFailureThrottle({ redis, prefix: TOKEN_REFUSALS_PREFIX, hashKey: addressKey, ...TOKEN_REFUSAL_THROTTLE });
  const acceptedTokens = createAcceptedTokens(redis, (err) => app.log.warn({ err }, "an accepted token could not be recorded in Redis"));
  app.addHook("onRequest", (request, _reply, done) => {
    let token;
    try {
      token = bearerToken(request.headers.authorization);
    } catch (err) {
      authFailed(request, err);
    }
    if (!token) return done();
    const known = opts.verifier.verified?.(token);
    if (known) {
      if (revocations.revoked(known)) authFailed(request, revokedToken());
      else request.user = known;
      return done();
    }
    verifyCounted(tokenRefusals, acceptedTokens, opts.verifier, token, request).then(
      () => {
        if (request.user && revocations.revoked(request.user)) {
          request.user = void 0;
          authFailed(request, revokedToken());
        }
        done();
      },
      (err) => {
        authFailed(request, err);
        done();
      }
    );
  });
  const authenticate = (request, _reply, done) => {
    if (request.authProblem) return done(request.authProblem);
    if (!request.user) return done(new HttpProblem(401, 'This route needs "Authorization: Bearer <accessToken>"', {}, bearerChallenge()));
    done();
  };
  app.decorate("authenticate", authenticate);
  const internal = internalPrefix(config.serviceName);
  const internalSlash = `${internal}/`;
  const anonymousRoutes = new Set(SERVICES[config.serviceName].routes.flatMap((r) => r.anonymous));
  app.addHook("onRoute", (routeOptions) => {
    if (routeAccess(config.serviceName, routeOptions.url ?? "") !== "token") return;
    const own = routeOptions.onRequest;
    const others = own === void 0 ? [] : (Array.isArray(own) ? own : [own]).filter((hook) => hook !== authenticate);
    routeOptions.onRequest = [authenticate, ...others];
    const schema = routeOptions.schema;
    if (schema !== void 0 && !(schema.hide ?? false)) {
      schema.security ??= [{ bearer: [] }];
      schema.response = { 401: ProblemSchema, ...schema.response };
    }
  });
  const byAddress = (request) => `ip:${hashAddress(addressKey, clientAddressKey(request.ip))}`;
  const byCaller = (request) => request.user ? userLimitKey(request.user.id) : byAddress(request);
  registerRateLimit(app, {
    redis,
    prefix: RATE_LIMIT_PREFIX,
    max: config.rateLimitMax,
    windowMs: RATE_LIMIT.timeWindowMs,
    // A token-free route (the catalog's routes[].anonymous: sign-up, login, the keys) spends its
    // caller's address's budget even when a token comes along: keyed by that token's user, every
    // account a client holds bought it another 100 logins a minute from the same address.
    keyFor: (route) => anonymousRoutes.has(route) ? byAddress : byCaller,
    // Service-to-service calls are not a user's requests: the mesh admits only the callers of the
    // call graph there, and under-pressure still sheds them when the pod is overloaded. The public
    // keys too: every verifier pod reads them through its sidecar, which the issuer's sidecar hands
    // on from 127.0.0.6 with no X-Forwarded-For, so a per-address budget was one budget for every
    // verifier of the cluster, and a pod refused its keys refuses every token (503). A constant
    // document answered from memory; the edge's WAF and under-pressure bound its abuse.
    exempt: (route) => OPERATIONAL.has(route) || route === internal || route.startsWith(internalSlash) || route === JWKS_PATH,
    after: authenticate
  });
  registerHealthRoutes(app, { state: health, pingDatabase: opts.database.ping, redis, metrics });
  app.get(
    METRICS_PATH,
    { schema: { hide: true } },
    async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  );
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  app.addHook("onReady", async () => {
    opts.verifier.prefetch?.(app.log);
  });
  app.addHook("onReady", () => cache.subscribed);
  app.addHook("onReady", async () => {
    await revocations.loaded;
    if (feed && !isRedisReady(redis)) await feed.learn();
  });
  await app.register(opts.domain);
  app.addHook("onClose", async () => {
    opts.verifier.close?.();
    await stopIntake();
    for (const step of stoppers) await runStep(step);
    await tracked({ what: "cache", stop: () => cache.close() });
    feed?.close();
    revocations.close();
    redisAuth?.close();
    redis.disconnect();
    subscriber.disconnect();
    await tracked({ what: "postgresql", stop: () => opts.database.close() });
    await tracked({ what: "tracing", stop: () => tracing.shutdown() });
  });
  app.addHook("onReady", async () => {
    health.started = true;
  });
  return app;
};

// apps/service-kit/src/messaging/errors.ts
var PermanentMessageError = class extends Error {
  name = "PermanentMessageError";
  /** Short, stable reason recorded as the dead-letter reason (e.g. 'InvalidBody'). */
  reason;
  constructor(reason, message, options) {
    super(message, options);
    this.reason = reason;
  }
};
var OversizeMessageError = class extends Error {
  constructor(messageId, limitBytes, destination) {
    super(`message ${messageId} is larger than ${destination} accepts (${limitBytes} bytes)`);
    this.messageId = messageId;
    this.limitBytes = limitBytes;
  }
  messageId;
  limitBytes;
  name = "OversizeMessageError";
};
var isPermanentMessageError = (error) => error instanceof PermanentMessageError;
var describeError = (error) => error instanceof Error ? `${error.name}: ${error.message}` : String(error);
var DATA_REFUSED_REASON = "DatabaseRefusedData";
var permanentFailure = (error) => {
  if (isPermanentMessageError(error)) return { reason: error.reason, description: describeError(error) };
  const sqlState = refusedDataSqlState(error);
  return sqlState === void 0 ? void 0 : { reason: DATA_REFUSED_REASON, description: `SQLSTATE ${sqlState}: ${describeError(error)}` };
};
var withErr = (obj) => {
  const err = obj.err;
  return err instanceof Error ? { ...obj, err: { type: err.name, message: err.message, stack: err.stack } } : obj;
};
var stderrLogger = {
  info: () => void 0,
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: "warn", msg, ...withErr(obj) })}
`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: "error", msg, ...withErr(obj) })}
`)
};

// apps/service-kit/src/messaging/service-bus-broker.ts
import {
  RetryMode,
  ServiceBusClient
} from "@azure/service-bus";
import Long from "long";
import { setTimeout as sleep } from "node:timers/promises";

// apps/service-kit/src/messaging/broker.ts
var deadLettered = (messageId, body, reason, description) => ({
  messageId,
  body,
  ...reason != null ? { reason } : {},
  ...description != null ? { description } : {}
});

// apps/service-kit/src/messaging/service-bus-broker.ts
var LOCK_MARGIN_MS = 5e3;
async function holdLock(ms, lockedUntil, signal) {
  const wait = Math.min(ms, lockedUntil ? lockedUntil.getTime() - Date.now() - LOCK_MARGIN_MS : ms);
  if (wait <= 0 || signal.aborted) return;
  await sleep(wait, void 0, { signal }).catch(() => void 0);
}
var connectionReplaced = async (client) => {
  const context5 = client._connectionContext;
  if (typeof context5?.waitForConnectionReset === "function") await context5.waitForConnectionReset();
};
function connectionDropSignal(client) {
  const connection = client._connectionContext?.connection;
  if (typeof connection?.once !== "function" || typeof connection.removeListener !== "function") return { signal: void 0, release: () => void 0 };
  const dropped = new AbortController();
  const onDrop = () => dropped.abort(new Error("the connection to Service Bus dropped"));
  connection.once("disconnected", onDrop);
  return { signal: dropped.signal, release: () => void connection.removeListener?.("disconnected", onDrop) };
}
function restartDelayMs(failedSetUps, retry, random = Math.random) {
  if (failedSetUps === 0) return 0;
  const base = Math.min(retry.retryDelayInMs * 2 ** (failedSetUps - 1), retry.maxRetryDelayInMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}
var SENDS_PER_DROP = 3;
var LOCK_LOST = /* @__PURE__ */ new Set(["MessageLockLost", "SessionLockLost"]);
var brokerFailure = (logger, error, fields, msg) => {
  const code = error?.code;
  if (error instanceof Error && error.name === "ServiceBusError" && typeof code === "string" && LOCK_LOST.has(code)) logger.warn({ ...fields, err: describeError(error), code }, msg);
  else logFailure(logger, error, fields, msg);
};
function toIncoming(queue, message) {
  return {
    queue,
    messageId: String(message.messageId),
    body: message.body,
    // The SDK's deliveryCount counts earlier failed deliveries (0 the first time).
    attempt: (message.deliveryCount ?? 0) + 1,
    ...message.enqueuedTimeUtc ? { enqueuedAt: message.enqueuedTimeUtc } : {},
    ...typeof message.applicationProperties?.[DIAGNOSTIC_ID] === "string" ? { traceparent: message.applicationProperties[DIAGNOSTIC_ID] } : {}
  };
}
var DIAGNOSTIC_ID = "Diagnostic-Id";
function createServiceBusBroker(options) {
  const logger = options.logger ?? stderrLogger;
  const retryOptions = {
    mode: RetryMode.Exponential,
    maxRetries: options.retry?.maxRetries ?? 3,
    retryDelayInMs: options.retry?.retryDelayInMs ?? 500,
    maxRetryDelayInMs: options.retry?.maxRetryDelayInMs ?? 1e4,
    timeoutInMs: options.retry?.timeoutInMs ?? 3e4
  };
  const client = "connectionString" in options ? new ServiceBusClient(options.connectionString, { retryOptions }) : new ServiceBusClient(options.fullyQualifiedNamespace, options.credential, { retryOptions });
  const senders = /* @__PURE__ */ new Map();
  const subscriptions = /* @__PURE__ */ new Set();
  let closed = false;
  const senderFor = (queue) => {
    let sender = senders.get(queue);
    if (!sender) {
      sender = client.createSender(queue);
      senders.set(queue, sender);
    }
    return sender;
  };
  async function sendBatch(sender, batch) {
    for (let send = 1; ; send += 1) {
      if (send > 1) await connectionReplaced(client);
      const drop = connectionDropSignal(client);
      try {
        await sender.sendMessages(batch, drop.signal ? { abortSignal: drop.signal } : {});
        return;
      } catch (error) {
        if (!drop.signal?.aborted || send >= SENDS_PER_DROP) throw error;
        logger.warn({ queue: sender.entityPath, send, err: describeError(error) }, "service bus connection dropped while sending; sending again");
      } finally {
        drop.release();
      }
    }
  }
  async function publish(queue, messages) {
    if (closed) throw new Error("message broker is closed");
    if (messages.length === 0) return;
    const sender = senderFor(queue);
    const byKey = /* @__PURE__ */ new Map();
    for (const m of messages) {
      const partitionKey = partitionKeyOf(queue, m.body);
      const sbMessage = {
        messageId: m.messageId,
        body: m.body,
        contentType: "application/json",
        ...partitionKey !== void 0 ? { partitionKey } : {},
        ...m.traceparent ? { applicationProperties: { [DIAGNOSTIC_ID]: m.traceparent } } : {},
        ...m.notBefore ? { scheduledEnqueueTimeUtc: m.notBefore } : {}
      };
      const batches = byKey.get(partitionKey) ?? [];
      byKey.set(partitionKey, batches);
      if (batches.at(-1)?.tryAddMessage(sbMessage)) continue;
      const next = await sender.createMessageBatch();
      if (!next.tryAddMessage(sbMessage)) throw new OversizeMessageError(m.messageId, next.maxSizeInBytes, queue);
      batches.push(next);
    }
    const sent = await Promise.allSettled(
      [...byKey.values()].map(async (batches) => {
        for (const batch of batches) await sendBatch(sender, batch);
      })
    );
    const failed2 = sent.find((s) => s.status === "rejected");
    if (failed2) throw failed2.reason;
  }
  async function settle(receiver, message, settlement) {
    switch (settlement.action) {
      case "complete":
        return receiver.completeMessage(message);
      case "abandon":
        return receiver.abandonMessage(message);
      case "deadLetter":
        return receiver.deadLetterMessage(message, { deadLetterReason: settlement.reason, deadLetterErrorDescription: settlement.description });
    }
  }
  async function consume2(queue, handler, consumeOptions) {
    if (closed) throw new Error("message broker is closed");
    const draining = new AbortController();
    let closing;
    const handle = async (receiver, message) => {
      const incoming = toIncoming(queue, message);
      let settlement;
      try {
        settlement = await handler(incoming);
      } catch (error) {
        settlement = { action: "abandon", reason: describeError(error) };
      }
      if (settlement.action === "abandon" && settlement.retryAfterMs) await holdLock(settlement.retryAfterMs, message.lockedUntilUtc, draining.signal);
      try {
        await settle(receiver, message, settlement);
      } catch (error) {
        brokerFailure(logger, error, { queue, messageId: incoming.messageId, action: settlement.action }, "message settlement failed");
      }
    };
    const consumers = /* @__PURE__ */ new Set();
    let failedSetUps = 0;
    const retire = (consumer) => consumer.retired ??= (async () => {
      consumer.release();
      await consumer.running.close().catch(() => void 0);
      for (let work = [...consumer.inFlight]; work.length > 0; work = [...consumer.inFlight]) {
        const lockEnd = Math.max(...work.map(([, m]) => m.lockedUntilUtc?.getTime() ?? Date.now()));
        if (lockEnd <= Date.now()) break;
        const wait = new AbortController();
        await Promise.race([Promise.allSettled(work.map(([p]) => p)), sleep(lockEnd - Date.now(), void 0, { signal: wait.signal }).catch(() => void 0)]);
        wait.abort();
      }
      await consumer.receiver.close();
      consumers.delete(consumer);
    })();
    const start = () => {
      const receiver = client.createReceiver(queue, { receiveMode: "peekLock" });
      const setUp = new AbortController();
      const inFlight = /* @__PURE__ */ new Map();
      let watching;
      const restart = () => {
        watching?.release();
        if (closing || setUp.signal.aborted) return;
        setUp.abort();
        void retire(consumer).catch(() => void 0);
        const waitMs = restartDelayMs(failedSetUps, retryOptions);
        failedSetUps += 1;
        logger.warn({ queue, failedSetUps, restartInMs: waitMs }, "service bus connection dropped while the receiver was set up; starting a new one");
        void sleep(waitMs, void 0, { signal: draining.signal }).then(
          () => void (closing ? void 0 : consumers.add(start())),
          () => void 0
          // closed during the wait: no new receiver
        );
      };
      const running = receiver.subscribe(
        {
          processMessage: (message) => {
            const p = handle(receiver, message);
            inFlight.set(p, message);
            return p.finally(() => inFlight.delete(p));
          },
          processError: async (args) => {
            if (setUp.signal.aborted) return;
            if (closing) return;
            brokerFailure(logger, args.error, { queue, source: args.errorSource }, "service bus receive error (the SDK retries)");
          },
          preInitialize: async () => {
            watching?.release();
            const drop = connectionDropSignal(client);
            drop.signal?.addEventListener("abort", restart, { once: true });
            watching = drop;
          },
          postInitialize: async () => {
            watching?.release();
            watching = void 0;
            failedSetUps = 0;
          }
        },
        { autoCompleteMessages: false, maxConcurrentCalls: consumeOptions?.concurrency ?? 1, abortSignal: setUp.signal }
      );
      const consumer = { receiver, running, inFlight, release: () => watching?.release() };
      return consumer;
    };
    consumers.add(start());
    const subscription = {
      close() {
        closing ??= (async () => {
          draining.abort();
          const results = await Promise.allSettled([...consumers].map(retire));
          subscriptions.delete(subscription);
          const failed2 = results.find((r) => r.status === "rejected");
          if (failed2) throw failed2.reason;
        })();
        return closing;
      }
    };
    subscriptions.add(subscription);
    return subscription;
  }
  async function peekDeadLetters(queue, max) {
    const receiver = client.createReceiver(queue, { subQueueType: "deadLetter" });
    try {
      const peeked = await receiver.peekMessages(max, { fromSequenceNumber: Long.ZERO });
      return peeked.map((m) => deadLettered(String(m.messageId), m.body, m.deadLetterReason, m.deadLetterErrorDescription));
    } finally {
      await receiver.close();
    }
  }
  return {
    publish,
    consume: consume2,
    peekDeadLetters,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await Promise.allSettled([...senders.values()].map((s) => s.close()));
      await client.close();
    }
  };
}
async function serviceBusBrokerFromEnv(env = process.env, extra = {}) {
  const connectionString = env.SERVICEBUS_CONNECTION_STRING?.trim();
  if (connectionString) return createServiceBusBroker({ connectionString, ...extra });
  const fqdn = env.SERVICEBUS_FQDN?.trim();
  if (fqdn) {
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i.test(fqdn)) {
      throw new Error(`SERVICEBUS_FQDN must be a host name such as tripgen-dev.servicebus.windows.net, got "${fqdn}"`);
    }
    const watch = watchEntraTokens(await azureCredentialFromEnv(env), "servicebus", { fresh: () => azureCredentialFromEnv(env), ...extra.logger ? { log: extra.logger } : {} });
    return createServiceBusBroker({ fullyQualifiedNamespace: fqdn, credential: watch.credential, ...extra });
  }
  throw new Error("Service Bus is not configured: set SERVICEBUS_FQDN (Azure, workload identity) or SERVICEBUS_CONNECTION_STRING (local emulator)");
}

// apps/service-kit/src/messaging/events.ts
import { randomUUID as randomUUID4 } from "node:crypto";

// apps/service-kit/src/messaging/outbox.ts
import { randomUUID as randomUUID3 } from "node:crypto";
import { context as context3, propagation as propagation2 } from "@opentelemetry/api";

// apps/service-kit/src/messaging/retention.ts
var retentionOf = (r = {}) => ({
  keepMs: r.keepMs ?? MESSAGE_RETENTION.keepMs,
  pruneEveryMs: r.pruneEveryMs ?? MESSAGE_RETENTION.pruneEveryMs
});
function schedulePruning(what, prune, everyMs, logger) {
  let running;
  const stopping = new AbortController();
  const tick = () => {
    if (stopping.signal.aborted || running) return;
    running = prune(stopping.signal).then(
      (deleted) => {
        if (deleted > 0) logger.info({ deleted, table: what }, "pruned old rows");
      },
      (err) => logFailure(logger, err, { table: what }, "pruning failed; retrying at the next tick")
    ).finally(() => {
      running = void 0;
    });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    }
  };
}

// apps/service-kit/src/messaging/events.ts
var EVENT_HUBS = EVENT_STREAMS.map((e) => e.hub);

// apps/service-kit/src/messaging/lease.ts
import { randomUUID as randomUUID5 } from "node:crypto";

// apps/service-kit/src/messaging/consumer.ts
import { context as context4, propagation as propagation3, ROOT_CONTEXT as ROOT_CONTEXT2, SpanKind as SpanKind2, SpanStatusCode as SpanStatusCode2, trace as trace2 } from "@opentelemetry/api";
var REDELIVERY_BACKOFF = { baseMs: 2e3, maxMs: QUEUE_LOCK_MS - 1e4 };
var redeliveryDelayMs = (attempt, backoff = REDELIVERY_BACKOFF) => Math.min(backoff.baseMs * 2 ** Math.max(0, attempt - 1), backoff.maxMs);
function settlementForFailure(error, message, maxDeliveryCount, backoff = REDELIVERY_BACKOFF) {
  const permanent = permanentFailure(error);
  if (permanent) return { action: "deadLetter", ...permanent };
  if (message.attempt >= maxDeliveryCount) {
    return { action: "deadLetter", reason: "MaxDeliveryCountExceeded", description: `failed ${message.attempt} times; last error: ${describeError(error)}` };
  }
  return { action: "abandon", reason: describeError(error), retryAfterMs: redeliveryDelayMs(message.attempt, backoff) };
}
var RescheduleMessage = class extends Error {
  constructor(notBefore, reason) {
    super(reason);
    this.notBefore = notBefore;
    this.name = "RescheduleMessage";
  }
  notBefore;
};
function report(options, message, settlement, duplicate, failure) {
  const outcome = settlement.action === "complete" ? duplicate === "rescheduled" ? "rescheduled" : duplicate ? "duplicate" : "processed" : settlement.action === "abandon" ? "abandoned" : "deadLettered";
  const error = settlement.action === "complete" ? void 0 : settlement.action === "abandon" ? settlement.reason : settlement.description;
  const event = { queue: message.queue, messageId: message.messageId, attempt: message.attempt, outcome, ...error ? { error } : {} };
  const logger = options.logger ?? stderrLogger;
  if (outcome === "deadLettered") logger.error({ ...event, err: failure }, "message dead-lettered");
  else if (outcome === "abandoned") logger.warn({ ...event, retryAfterMs: settlement.action === "abandon" ? settlement.retryAfterMs : void 0 }, "message abandoned for redelivery");
  options.onOutcome?.(event, message);
}
var inDelivery = (message, handle) => {
  const parent = message.traceparent ? propagation3.extract(ROOT_CONTEXT2, { traceparent: message.traceparent }) : ROOT_CONTEXT2;
  const span = kitTracer().startSpan(
    `handle ${message.queue}`,
    {
      kind: SpanKind2.INTERNAL,
      attributes: {
        "messaging.system": "servicebus",
        "messaging.operation.type": "process",
        "messaging.destination.name": message.queue,
        "messaging.message.id": message.messageId,
        "messaging.servicebus.message.delivery_count": message.attempt
      }
    },
    parent
  );
  return context4.with(trace2.setSpan(parent, span), async () => {
    try {
      const settlement = await handle();
      if (span.isRecording()) {
        span.setAttribute("tripgen.settlement", settlement.action);
        if (settlement.action !== "complete") span.setStatus({ code: SpanStatusCode2.ERROR, message: settlement.action === "abandon" ? settlement.reason : settlement.description });
      }
      return settlement;
    } finally {
      span.end();
    }
  });
};
async function consumeIdempotently(broker, db, queue, handler, options = {}) {
  return consumeRecorded(broker, db, queue, void 0, handler, options);
}
var RECORD_SQL = "INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
async function consumeRecorded(broker, db, queue, work, record, options) {
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  const consumerName = options.consumer ?? queue;
  const timeout = options.transactionTimeoutMs ?? 6e4;
  const retention = retentionOf(options.retention);
  const recorded = async (messageId) => (await db.$queryRawUnsafe("SELECT 1 FROM processed_messages WHERE consumer = $1 AND message_id = $2", consumerName, messageId)).length > 0;
  const subscription = await broker.consume(
    queue,
    (message) => inDelivery(message, async () => {
      let settlement;
      let failure;
      let duplicate = false;
      try {
        options.onTaken?.(message);
        duplicate = work !== void 0 && await recorded(message.messageId);
        if (!duplicate) {
          let made;
          try {
            made = work ? await work(message) : void 0;
          } catch (error) {
            if (!(error instanceof RescheduleMessage)) throw error;
            const copy = { messageId: message.messageId, body: message.body, notBefore: error.notBefore, ...message.traceparent ? { traceparent: message.traceparent } : {} };
            await broker.publish(queue, [copy]);
            (options.logger ?? stderrLogger).info({ queue, messageId: message.messageId, attempt: message.attempt, notBefore: error.notBefore.toISOString(), reason: error.message }, "message rescheduled: a copy comes later, this delivery is completed");
            report(options, message, { action: "complete" }, "rescheduled");
            return { action: "complete" };
          }
          duplicate = await db.$transaction(
            async (tx) => {
              if (await tx.$executeRawUnsafe(RECORD_SQL, consumerName, message.messageId) === 0) return true;
              await record(message, tx, made);
              return false;
            },
            { timeout, maxWait: Math.min(timeout, 1e4) }
            // maxWait: for a pooled connection
          );
          if (!duplicate) {
            try {
              options.onCommitted?.(message);
            } catch {
            }
          }
        }
        settlement = { action: "complete" };
      } catch (error) {
        failure = error;
        settlement = settlementForFailure(error, message, maxDeliveryCount, options.redeliveryBackoff);
      }
      report(options, message, settlement, duplicate, failure);
      return settlement;
    }),
    options.concurrency !== void 0 ? { concurrency: options.concurrency } : void 0
  );
  const pruner = schedulePruning(
    "processed_messages",
    () => pruneProcessedMessages(db, retention.keepMs, consumerName),
    retention.pruneEveryMs,
    options.logger ?? stderrLogger
  );
  return {
    async close() {
      await pruner.stop();
      await subscription.close();
    }
  };
}
async function pruneProcessedMessages(db, olderThanMs, consumer) {
  return consumer === void 0 ? db.$executeRawUnsafe("DELETE FROM processed_messages WHERE processed_at < now() - ($1::float8 * interval '1 millisecond')", olderThanMs) : db.$executeRawUnsafe("DELETE FROM processed_messages WHERE consumer = $2 AND processed_at < now() - ($1::float8 * interval '1 millisecond')", olderThanMs, consumer);
}

// apps/location-service/src/domain/places.ts
import { createHash as createHash3 } from "node:crypto";
var GENERATION_REFRESH_MS = 1e4;
var COLUMNS = prismaNamespace_exports.sql`p.id, p.name, p.name_ko, p.category, p.region,
  ST_Y(p.location::geometry) AS lat, ST_X(p.location::geometry) AS lng,
  p.visit_minutes, p.rating, p.opening_hours_osm, p.last_entry_minutes, p.visit_may_run_past_close, p.source_name, p.source_id, p.licence,
  to_char(p.retrieved_on, 'YYYY-MM-DD') AS retrieved_on`;
var toPlace = (row, monday) => ({
  id: row.id,
  name: row.name,
  nameKo: row.name_ko,
  // The loader only stores catalog categories and regions (checked against the same lists).
  category: row.category,
  region: row.region,
  lat: row.lat,
  lng: row.lng,
  visitMinutes: row.visit_minutes,
  rating: row.rating,
  openingHoursOsm: row.opening_hours_osm,
  openingHours: weeklyHours(row.opening_hours_osm, monday, row),
  lastEntryMinutes: row.last_entry_minutes,
  visitMayRunPastClose: row.visit_may_run_past_close,
  provenance: { source: row.source_name, sourceId: row.source_id, licence: row.licence, retrievedOn: row.retrieved_on }
});
var km = (meters) => Math.round(meters) / 1e3;
var point = (lat, lng) => prismaNamespace_exports.sql`ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326)::geography`;
var likePattern = (q) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
var digest = (value) => createHash3("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22);
var sortedUnique = (xs) => [...new Set(xs ?? [])].sort();
var TRIGRAM_MIN_LENGTH = 3;
var MATERIALIZE_FROM_LENGTH = 10;
var TOP_TRIGRAMS = 2;
var TOP_CANDIDATES_PER_PLACE = 4;
var topTrigrams = (q) => {
  const runs = q.toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
  const run = runs.reduce((a, b) => b.length > a.length ? b : a, "");
  if (!run) return [];
  return [.../* @__PURE__ */ new Set([run.slice(0, 3), run.slice(-3)])].slice(0, TOP_TRIGRAMS);
};
var isSubstringQuery = (q) => [...q].length < TRIGRAM_MIN_LENGTH || !/[\p{L}\p{N}\p{M}]/u.test(q);
var searchSql = (s) => {
  const filters = [];
  if (s.category) filters.push(prismaNamespace_exports.sql`p.category = ${s.category}`);
  if (s.region) filters.push(prismaNamespace_exports.sql`p.region = ${s.region}`);
  const at = s.center ? point(s.center.lat, s.center.lng) : void 0;
  if (at) filters.push(prismaNamespace_exports.sql`ST_DWithin(p.location, ${at}, ${(s.radiusKm ?? LIMITS.defaultRadiusKm) * 1e3}::float8)`);
  const distance = at ? prismaNamespace_exports.sql`ST_Distance(p.location, ${at})` : prismaNamespace_exports.sql`NULL::float8`;
  const answer = (top) => prismaNamespace_exports.sql`
    WITH top AS (${top})
    SELECT ${COLUMNS}, top.distance_m
    FROM top JOIN places p ON p.id = top.id
    ORDER BY top.relevance DESC NULLS LAST, top.distance_m ASC NULLS LAST, p.name, p.id
    LIMIT ${s.limit}`;
  const unranked = (where) => answer(prismaNamespace_exports.sql`
      SELECT p.id, NULL::numeric AS relevance, ${distance} AS distance_m
      FROM places p
      WHERE ${prismaNamespace_exports.join(where, " AND ")}
      ORDER BY distance_m ASC NULLS LAST, p.name, p.id
      LIMIT ${s.limit}`);
  if (s.q && isSubstringQuery(s.q)) {
    return unranked([prismaNamespace_exports.sql`(strpos(lower(p.name), lower(${s.q})) > 0 OR strpos(lower(p.name_ko), lower(${s.q})) > 0)`, ...filters]);
  }
  if (s.q) {
    const like = likePattern(s.q);
    const matches = prismaNamespace_exports.sql`(p.name %> ${s.q} OR p.name_ko %> ${s.q} OR p.name ILIKE ${like} OR p.name_ko ILIKE ${like})`;
    const relevance = prismaNamespace_exports.sql`round(greatest(word_similarity(${s.q}, p.name), word_similarity(${s.q}, p.name_ko))::numeric, 2)`;
    const ranked = prismaNamespace_exports.sql`
      WITH matched AS ${[...s.q].length > MATERIALIZE_FROM_LENGTH ? prismaNamespace_exports.sql`MATERIALIZED` : prismaNamespace_exports.empty} (
        SELECT p.id, p.name, p.name_ko, p.category, p.region, p.location
        FROM places p
        WHERE ${matches})
      SELECT p.id, ${relevance} AS relevance, ${distance} AS distance_m
      FROM matched p
      ${filters.length ? prismaNamespace_exports.sql`WHERE ${prismaNamespace_exports.join(filters, " AND ")}` : prismaNamespace_exports.empty}
      ORDER BY relevance DESC NULLS LAST, distance_m ASC NULLS LAST, p.name, p.id
      LIMIT ${s.limit}`;
    const trigrams = topTrigrams(s.q);
    if (at || !trigrams.length || [...s.q].length > MATERIALIZE_FROM_LENGTH) return answer(ranked);
    const contain = (column) => prismaNamespace_exports.join(trigrams.map((t) => prismaNamespace_exports.sql`${column} ILIKE ${`%${t}%`}`), " AND ");
    const candidates = [prismaNamespace_exports.sql`${trigrams}::text[] <@ show_trgm(${s.q})`, prismaNamespace_exports.sql`((${contain(prismaNamespace_exports.sql`p.name`)}) OR (${contain(prismaNamespace_exports.sql`p.name_ko`)}))`, ...filters];
    return answer(prismaNamespace_exports.sql`
      WITH best AS MATERIALIZED (
        SELECT p.id, ${relevance} AS relevance, NULL::float8 AS distance_m
        FROM (SELECT * FROM (SELECT p.id, p.name, p.name_ko FROM places p WHERE ${prismaNamespace_exports.join(candidates, " AND ")} OFFSET 0) p
              ORDER BY p.name, p.id LIMIT ${TOP_CANDIDATES_PER_PLACE * s.limit}) p
        WHERE ${relevance} = 1 AND ${matches}
        ORDER BY p.name, p.id
        LIMIT ${s.limit})
      SELECT * FROM best WHERE (SELECT count(*) FROM best) = ${s.limit}
      UNION ALL
      SELECT * FROM (${ranked}) ranked WHERE (SELECT count(*) FROM best) < ${s.limit}`);
  }
  if (!filters.length) throw new Error("a search needs a text or a centre");
  return unranked(filters);
};
var searchSettings = (s) => s.q && !isSubstringQuery(s.q) ? "SET LOCAL enable_seqscan = off" : void 0;
var runSearch = async (prisma, s) => {
  const sql = searchSql(s);
  const settings = searchSettings(s);
  if (!settings) return prisma.$queryRaw(sql);
  const [, rows] = await prisma.$transaction([prisma.$executeRawUnsafe(settings), prisma.$queryRaw(sql)]);
  return rows;
};
var LOCATION_CACHED_SCHEMAS = Object.freeze({ place: Place, opening: DayOpening, search: SearchAnswer, batch: BatchAnswer, candidates: CandidatesAnswer });
var LOCATION_CACHE_SHAPE = cacheShapeOf(LOCATION_CACHED_SCHEMAS);
var placeRepository = (prisma, cache, opts = {}) => {
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const refreshMs = opts.generationRefreshMs ?? GENERATION_REFRESH_MS;
  let generation;
  let reading;
  const readGeneration = () => reading ??= prisma.$queryRaw`
        SELECT current_database() AS db, count(*)::int AS n, coalesce(extract(epoch FROM max(updated_at)) * 1000, 0)::bigint::text AS changed FROM places`.then(([row]) => generation = digest([row.db, row.n, row.changed, HOLIDAY_CALENDAR, OPENING_EVALUATION])).finally(() => reading = void 0);
  const refresher = setInterval(() => void readGeneration().catch(() => void 0), refreshMs);
  refresher.unref();
  const currentGeneration = async () => generation ?? readGeneration();
  const cached = async (kind, parts, load) => {
    const monday = mondayOf(placeToday(now()));
    return cache.get(`${kind}:${await currentGeneration()}:${monday}:${digest(parts)}`, () => load(monday));
  };
  const byIds = async (ids, center) => {
    if (!ids.length) return [];
    const distance = center ? prismaNamespace_exports.sql`, ST_Distance(p.location, ${point(center.lat, center.lng)}) AS distance_m` : prismaNamespace_exports.empty;
    return prisma.$queryRaw`SELECT ${COLUMNS}${distance} FROM places p WHERE p.id = ANY(${[...ids]}::text[]) LIMIT ${ids.length}`;
  };
  const inOrder = (ids, found) => {
    const byId = new Map(found.map((x) => [x.id, x]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) };
  };
  const nearby = (req) => {
    const parts = { center: req.center, radiusKm: req.radiusKm, categories: req.categories, region: req.region, dates: req.dates };
    return cached("nearby", parts, async (monday) => {
      const at = point(req.center.lat, req.center.lng);
      const where = [prismaNamespace_exports.sql`ST_DWithin(p.location, ${at}, ${req.radiusKm * 1e3}::float8)`];
      if (req.categories.length) where.push(prismaNamespace_exports.sql`p.category = ANY(${[...req.categories]}::text[])`);
      if (req.region) where.push(prismaNamespace_exports.sql`p.region = ${req.region}`);
      const rows = await prisma.$queryRaw`
        SELECT ${COLUMNS}, ST_Distance(p.location, ${at}) AS distance_m
        FROM places p
        WHERE ${prismaNamespace_exports.join(where, " AND ")}
        ORDER BY distance_m, p.id
        LIMIT ${LIMITS.candidates}`;
      return { items: rows.map((r) => ({ ...toPlace(r, monday), distanceKm: km(r.distance_m ?? 0), opening: dayOpenings(r.opening_hours_osm, req.dates, r, r.last_entry_minutes) })) };
    });
  };
  return {
    /** Text (both names) and/or radius search, ordered by relevance, then distance. */
    search(query) {
      const center = query.lat !== void 0 && query.lng !== void 0 ? { lat: query.lat, lng: query.lng } : void 0;
      const radiusKm = center ? query.radiusKm ?? LIMITS.defaultRadiusKm : void 0;
      const q = query.q?.trim();
      const spec = { q, center, radiusKm, category: query.category, region: query.region, limit: query.limit };
      return cached("search", spec, async (monday) => {
        const rows = await runSearch(prisma, spec);
        return {
          items: rows.map((r) => r.distance_m == null ? toPlace(r, monday) : { ...toPlace(r, monday), distanceKm: km(r.distance_m) })
        };
      });
    },
    async byId(id) {
      const found = await cached("place", id, async (monday) => {
        const [row] = await byIds([id]);
        return { place: row ? toPlace(row, monday) : null };
      });
      return found.place ?? void 0;
    },
    /** The real opening of a place on each date from..to (inclusive); undefined for an unknown id. */
    async openIntervals(id, dates) {
      const found = await cached("open", { id, dates }, async () => {
        const [row] = await byIds([id]);
        return { days: row ? dayOpenings(row.opening_hours_osm, dates, row, row.last_entry_minutes) : null };
      });
      return found.days ?? void 0;
    },
    /** Many places at once, in the order asked, with their real opening on `dates` when given. */
    batch(ids, dates) {
      const unique = [...new Set(ids)];
      const days = dates ? sortedUnique(dates) : void 0;
      return cached("batch", { ids: unique, days }, async (monday) => {
        const rows = await byIds(unique);
        const items = rows.map((r) => days ? { ...toPlace(r, monday), opening: dayOpenings(r.opening_hours_osm, days, r, r.last_entry_minutes) } : toPlace(r, monday));
        return inOrder(unique, items);
      });
    },
    /**
     * A trip's candidate places in one answer: up to `limit` places within the radius (filters
     * applied), nearest first, plus every `include` place wherever it is, each with its distance
     * from the centre and its real opening on `dates`. The part without `include` is cached on its
     * own (and warmed by location-search-queue), so must-visits do not split the cache.
     */
    async candidates(req) {
      const dates = sortedUnique(req.dates);
      const categories = sortedUnique(req.categories);
      const base = await nearby({ center: req.center, radiusKm: req.radiusKm, categories, region: req.region, dates });
      const nearest = base.items.slice(0, req.limit);
      const taken = new Set(nearest.map((c) => c.id));
      const include = [...new Set(req.include ?? [])].filter((id) => !taken.has(id));
      const extra = include.length ? await cached("include", { center: req.center, include, dates }, async (monday) => {
        const rows = await byIds(include, req.center);
        return inOrder(include, rows.map((r) => ({ ...toPlace(r, monday), distanceKm: km(r.distance_m ?? 0), opening: dayOpenings(r.opening_hours_osm, dates, r, r.last_entry_minutes) })));
      }) : { items: [], missing: [] };
      return { items: [...nearest, ...extra.items].sort((a, b) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id)), missing: extra.missing };
    },
    nearby,
    /** Stops re-reading the data generation (the app's close). */
    close() {
      clearInterval(refresher);
    }
  };
};

// apps/location-service/src/domain/warm-up.ts
var invalid = (why) => new PermanentMessageError("InvalidBody", why);
var CATEGORY_NAME = new RegExp(CATEGORY_NAME_PATTERN);
var parseLocationSearch = (body) => {
  const b = body;
  if (!b || typeof b !== "object") throw invalid("the body is not an object");
  if (typeof b.tripId !== "string" || !b.tripId || b.tripId.length > 100) throw invalid("tripId must be a short string");
  const { lat, lng } = b.center ?? {};
  if (typeof lat !== "number" || typeof lng !== "number" || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) throw invalid("center must be {lat, lng} in range");
  if (typeof b.radiusKm !== "number" || !(b.radiusKm > 0 && b.radiusKm <= LIMITS.maxRadiusKm)) throw invalid(`radiusKm must be in (0, ${LIMITS.maxRadiusKm}]`);
  const categories = b.categories ?? [];
  if (!Array.isArray(categories) || categories.length > LIMITS.categories || categories.some((c) => typeof c !== "string" || !CATEGORY_NAME.test(c))) throw invalid("categories must be place category names");
  const dates = b.dates ?? [];
  if (!Array.isArray(dates) || dates.length > LIMITS.maxDays || dates.some((d) => typeof d !== "string" || !isCalendarDate(d))) {
    throw invalid(`dates must be at most ${LIMITS.maxDays} YYYY-MM-DD dates`);
  }
  return { tripId: b.tripId, center: { lat, lng }, radiusKm: b.radiusKm, categories, dates };
};
var consumeLocationSearches = (broker, db, places, logger, onOutcome) => consumeIdempotently(
  broker,
  db,
  QUEUES.locationSearch,
  async (message) => {
    const m = parseLocationSearch(message.body);
    await places.candidates({ center: m.center, radiusKm: m.radiusKm, categories: m.categories, dates: m.dates, limit: LIMITS.candidates });
  },
  { consumer: "location-service.warm-up", logger, concurrency: CONSUMER_CONCURRENCY[QUEUES.locationSearch], onOutcome }
);

// apps/location-service/src/routes/internal.ts
var tags = ["internal"];
var internalRoutes = async (app, { places }) => {
  const prefix = internalPrefix("location");
  app.post(
    `${prefix}${LOCATION_INTERNAL_PATHS.placesBatch}`,
    { schema: { tags, description: "Many places by id, with their real opening on the given dates", body: BatchBody, response: { 200: BatchAnswer, 400: ProblemSchema } } },
    async (request) => places.batch(request.body.ids, request.body.dates)
  );
  app.post(
    `${prefix}${LOCATION_INTERNAL_PATHS.candidates}`,
    {
      schema: {
        tags,
        description: "A trip's candidate places in one round trip: nearest first within the radius, plus every `include` place, with distance and real opening",
        body: CandidatesBody,
        response: { 200: CandidatesAnswer, 400: ProblemSchema }
      }
    },
    async (request) => places.candidates(request.body)
  );
};

// apps/location-service/src/routes/locations.ts
var tags2 = ["locations"];
var locationRoutes = async (app, { places }) => {
  const place = { target: async (request) => await places.byId(request.params.id) ? CURRENT_TARGET : REFUSED_TARGET };
  app.get(
    "/api/v1/locations/search",
    { schema: { tags: tags2, querystring: SearchQuery, response: { 200: SearchAnswer, 400: ProblemSchema } } },
    async (request) => {
      const { q, lat, lng, radiusKm } = request.query;
      if (lat === void 0 !== (lng === void 0)) throw new HttpProblem(400, "lat and lng go together: give both or neither");
      if (radiusKm !== void 0 && lat === void 0) throw new HttpProblem(400, "radiusKm needs lat and lng");
      if (q === void 0 && lat === void 0) throw new HttpProblem(400, "Give q (text), or lat and lng (a centre), or both");
      return places.search({ ...request.query, limit: request.query.limit ?? LIMITS.searchLimit.default });
    }
  );
  app.get(
    "/api/v1/locations/:id",
    { config: place, schema: { tags: tags2, params: PlaceParams, response: { 200: Place, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema } } },
    async (request) => {
      const place2 = await places.byId(request.params.id);
      if (!place2) throw new HttpProblem(404, `No place ${request.params.id}`);
      return place2;
    }
  );
  app.get(
    "/api/v1/locations/:id/open-intervals",
    {
      config: place,
      schema: {
        tags: tags2,
        description: `The real opening of each date from..to (at most ${LIMITS.maxDays} days), public holidays and weekly closing days applied, with a note saying why a date is closed or different`,
        params: PlaceParams,
        querystring: OpenIntervalsQuery,
        response: { 200: OpenIntervalsAnswer, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema }
      }
    },
    async (request) => {
      const { from, to } = request.query;
      const span = daysBetween(from, to);
      if (span < 0) throw new HttpProblem(400, `to (${to}) is before from (${from})`);
      if (span >= LIMITS.maxDays) throw new HttpProblem(400, `from..to covers ${span + 1} days; at most ${LIMITS.maxDays}`);
      const dates = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
      const days = await places.openIntervals(request.params.id, dates);
      if (!days) throw new HttpProblem(404, `No place ${request.params.id}`);
      return { id: request.params.id, timeZone: PLACE_TIME_ZONE, days };
    }
  );
};

// apps/location-service/src/app.ts
var buildLocationService = async (opts = {}) => {
  const env = opts.env ?? process.env;
  const config = loadConfig({ service: "location" }, env);
  const prisma = await servicePrismaClient(PrismaClient, config, env);
  const verifier = remoteTokenVerifier(config);
  return createApp({
    config,
    database: prismaDatabase(prisma),
    verifier,
    cacheShape: LOCATION_CACHE_SHAPE,
    logger: opts.logger,
    domain: async (app) => {
      const places = placeRepository(prisma, app.kit.cache, opts.places);
      app.addHook("onClose", async () => places.close());
      await app.register(locationRoutes, { places });
      await app.register(internalRoutes, { places });
      const broker = await serviceBusBrokerFromEnv(env, { logger: app.log });
      app.addHook("onReady", async () => {
        const warmUp = await consumeLocationSearches(broker, prisma, places, app.log, (e) => app.kit.metrics.messagesConsumed.inc({ queue: e.queue, outcome: e.outcome }));
        app.kit.onDrain(() => warmUp.close(), "location search consumer");
        app.kit.onShutdown(() => broker.close(), "service bus");
      });
    }
  });
};
export {
  buildLocationService
};
