/** Seed §5.1.2: two cache levels. */
export const CACHE_POLICY = {
  /**
   * `maxJsonChars`: the L1 entries' JSON text together (an entry counts the characters of its JSON).
   * The entries of one cache differ a thousandfold (a profile ~300 characters, a location search of
   * 100 places ~76,000, a 14-day candidate area ~340,000 that holds ~1.3 MB of heap), so a count
   * alone let 1,000 areas (~1.3 GB, each a trip created, one request) outgrow a 512 MiB pod. At about
   * four bytes of heap per character, 16 Mi characters keep L1 below ~64 MB of heap.
   */
  l1: { ttlMs: 5 * 60_000, maxEntries: 1_000, maxJsonChars: 16 * 2 ** 20 },
  l2: { ttlSeconds: 30 * 60, evictionPolicy: 'allkeys-lru' },
} as const;

/** Seed §6: 100 requests per minute per user, shared by every replica. */
export const RATE_LIMIT = { max: 100, timeWindowMs: 60_000 } as const;

/**
 * Requests per client address per minute at the prod edge (the Application Gateway WAF's
 * rate-limit rule, infra-bicep/modules/appgw.bicep, through catalog.json). RATE_LIMIT counts per
 * user, after the token is verified, and TOKEN_REFUSAL_THROTTLE only the tokens refused: neither
 * bounds what an address sends in all, which this does before any of it reaches a service. Ten
 * travellers at their full RATE_LIMIT behind one NAT address (a household, an office) pass; one
 * address is held to 1,000 a minute, about 17 a second. The window is the WAF's one-minute
 * duration (OneMin), the same as RATE_LIMIT's.
 */
export const EDGE_RATE_LIMIT = { maxPerAddress: 10 * RATE_LIMIT.max, timeWindowMs: 60_000 } as const;

/**
 * Schedule requests accepted per user (full schedules and re-plans, POST /api/v1/trips/{id}/schedules),
 * on top of RATE_LIMIT and shared by every replica (OWASP API4:2023: limit what is costly per
 * client). Only a request that stores a schedule spends it. A 14-day, 20-must-visit schedule costs
 * the AI service about 0.37 s of CPU (an abuse audit: 46 in 17.2 s), ~2,000 times a cached GET, so
 * under RATE_LIMIT alone (50 a minute, a request and its preferences read counted) one traveller
 * held 0.29 of a core. An AI pod plans on 500m at its HPA target of 80% (docs/architecture.md,
 * SERVICES.ai): 400m. 10 a minute is at most 3.7 s of CPU a minute, 0.06 of a core (15% of one
 * pod's share), and still more than a traveller can read: a schedule takes up to 5 s (docs/architecture.md), so
 * one who reads each before asking again asks at most 12 a minute, and the expected use is 1 a day
 * (tools/capacity load.ts).
 */
export const SCHEDULE_RATE_LIMIT = { max: 10, timeWindowMs: 60_000 } as const;

/**
 * The language model's readings of interests in the AI service (its optional Azure OpenAI adapter:
 * POST /api/v1/ai/interests and the interest weights of each schedule). Each reading is one chat
 * completion, billed by the token and drawn from the deployment's tokens-per-minute quota, so:
 * - `llmTtlSeconds`: a reading the model gave is kept in the service's cache (the kit's L1, bounded
 *   by CACHE_POLICY.l1, and Redis) for a day, keyed by the normalised interest list, the prompt and
 *   the deployment. The model reads the list as a set (sorted, case and spacing folded, duplicates
 *   dropped), so the same interests in another order are the same reading. A keyword reading (model
 *   failed, slow, or over a budget) is never kept: the model is asked again the next time.
 * - `refusalTtlSeconds`: the answers kept that are not a reading: a refusal of the list. The
 *   deployment's content filter (Azure OpenAI "Content filtering": its classifiers rate the same text
 *   the same way under the same filter configuration), or the model itself declining it (structured
 *   outputs' `message.refusal`: at temperature 0 the same model declines the same prompt the same
 *   way). Asked again, the same list cost a call (a declined one its completion tokens too), the
 *   traveller's budget and, for the filter, one more harmful-content signal in Azure's abuse
 *   monitoring, for the same refusal. Kept an hour, not a reading's day: the filter configuration can
 *   be changed on a deployment without a new deployment name (the key), so a filter made less strict
 *   is heard within the hour; a refusal is the worse answer (the keywords alone), so a borderline one
 *   (temperature 0 is mostly, not strictly, deterministic) or one a model version upgraded in place
 *   would no longer give is not pinned for a day; and an hour still turns a traveller re-reading a
 *   declined list (up to `budget.max` calls a minute) into one call an hour.
 *   An outage (5xx, 429, slow) is never kept.
 * - `budget`: model calls a traveller's requests of the interests route may cause, per window,
 *   shared by every replica (the kit's operation budget in Redis). A cached reading spends nothing;
 *   past the budget the route answers the keyword reading (200, `source: "keywords"`), not a 429:
 *   the keywords are a true answer, and a client previewing interests as they are typed should not
 *   see an error. 10 a minute: a traveller editing their interests asks one reading per distinct
 *   list. A call sends ~890 characters of prompt and schema besides the list (~55 for three
 *   interests, at most 3,105 for TRIP_LIMITS' 30 of 100) and gets ~210 back (max_tokens 300): about
 *   400 tokens, at most ~1,400 (estimated at 3-4 characters a token, not counted by a tokenizer), so one traveller draws about 4,000 and at most ~14,000 tokens a
 *   minute from the quota instead of 100 calls' worth. Schedules do not spend it (their own budget,
 *   SCHEDULE_RATE_LIMIT, bounds them to one model call each, usually a kept reading).
 */
export const INTEREST_READINGS = {
  llmTtlSeconds: 24 * 60 * 60,
  refusalTtlSeconds: 60 * 60,
  budget: { max: 10, timeWindowMs: 60_000 },
} as const;

/**
 * Failed logins per account (normalised email), shared by every replica: past `maxFailures` within
 * `windowMs` of the first one, login answers 429 until the window ends; a successful login disregards
 * the failures from its own client address before it (others' stay counted).
 * A password check reserves one of what the failures leave before its hash is verified (so at most
 * `maxFailures` checks of a parallel burst); a reservation of a pod that stopped mid-check lapses
 * after `reservationMs`, which is also how long a login waits for a slot before its 429.
 */
export const LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 60_000, reservationMs: 10_000 } as const;

/**
 * Refused access tokens per client address, shared by every replica of every service: RATE_LIMIT
 * counts per user, after the token is verified, so a 401 spends no budget, and a well-formed token
 * with a bad signature costs a full signature check (about 375 us of CPU at load ~7, against 2.8 us
 * for a token verified before). Past `maxFailures` within `windowMs`, a token not verified before is
 * answered 429 without being checked, until the window ends; a token verified before still passes.
 * 60 a minute: a traveller whose token expired is refused once and signs in again, so sixty of them
 * behind one address may all be refused in the same minute; an address sending forged tokens costs
 * the services at most 60 checks a minute (~23 ms of CPU).
 */
export const TOKEN_REFUSAL_THROTTLE = { maxFailures: 60, windowMs: 60_000 } as const;

/** Seed §7: distributed tracing samples 10 % of root traces. */
export const TRACE_SAMPLING_RATIO = 0.1;
