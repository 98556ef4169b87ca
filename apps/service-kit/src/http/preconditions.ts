/**
 * The request preconditions of RFC 9110 13 (If-Match, If-None-Match, If-Unmodified-Since,
 * If-Modified-Since), evaluated against what the route's target resource is now. A target has an
 * entity tag only where its route gives one (`etag`, sent as ETag: a trip); elsewhere an entity tag a
 * client sends never matches.
 *
 * They are evaluated after the token, the limit and the request's checks, just before the route acts
 * (13.2.2), and only when the answer without them would be a 2xx or a 412 (13.2.1: "A server MUST
 * ignore all received preconditions if its response to the same request without those conditions,
 * prior to processing the request content, would have been a status code other than a 2xx"): a trip
 * that does not exist, or is another traveller's, is its 404 whatever the conditions say, an account
 * gone its 401. Only the route knows that, so a route whose target may be missing says how it is
 * found (`config.target`, app.ts); a route without one acts on a target that is always there (a
 * collection, an action), taken as having a current representation.
 */
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';
import { ProblemSchema } from './schemas.ts';

/**
 * The route's target resource for the preconditions: `current` (it has a current representation,
 * modified at `lastModified` when the route knows when, with the strong entity tag `etag`, quoted as
 * in ETag, when the route gives one), `none` (it has none, and the request would
 * still be carried out: preferences not set yet, which a PUT creates), `refused` (the route answers
 * an error without the conditions: a 404, a 401; they are then ignored).
 */
export type PreconditionTarget = { readonly state: 'current'; readonly lastModified?: Date; readonly etag?: string } | { readonly state: 'none' | 'refused' };

export const CURRENT_TARGET: PreconditionTarget = { state: 'current' };
export const REFUSED_TARGET: PreconditionTarget = { state: 'refused' };

/**
 * A route's `config.target` that says the route evaluates its request's preconditions itself
 * (assertPreconditions), after the checks only its handler makes and just before it acts: a login,
 * whose wrong credentials are its 401 whatever the conditions say (13.2.1), known only once the
 * password is checked.
 */
export const EVALUATED_BY_ROUTE = 'evaluated-by-route';

/** What a route's `config.target` may be: how its target is found, or that the route evaluates the conditions itself. */
export type RouteTarget = ((request: FastifyRequest) => Promise<PreconditionTarget>) | typeof EVALUATED_BY_ROUTE;

/** The answers of a route that may mean its target is missing for this caller: then its preconditions are ignored (13.2.1). */
const TARGET_REFUSALS = ['401', '404'];

/**
 * Why a route must declare `config.target` and has not (undefined: it need not, or has): its path
 * names a resource (a parameter, which may name none), or its own response schema lists a 404 or a
 * 401 (a target that may be missing, an account gone, credentials refused). Without it a conditional
 * request is taken as on a target that is there: a false condition is then 412 where the route's
 * answer is its 404 or 401. The 401 of a missing token is the kit's (added to the document after
 * this), answered before any precondition: a route does not list it itself.
 */
export const undeclaredTarget = (route: { readonly url: string; readonly response?: object; readonly target?: RouteTarget }): string | undefined => {
  if (route.target !== undefined) return undefined;
  const reasons = [
    ...(/(^|\/):/.test(route.url) ? ['a path parameter'] : []),
    ...TARGET_REFUSALS.filter((code) => Object.hasOwn(route.response ?? {}, code)).map((code) => `a ${code} in its response schema`),
  ];
  return reasons.length === 0
    ? undefined
    : `${route.url} has ${reasons.join(' and ')} but no config.target: a conditional request would be answered 412 where its ${TARGET_REFUSALS.join(' or ')} is due (RFC 9110 13.2.1); say how its target is found, or EVALUATED_BY_ROUTE`;
};

/** The request headers that make a request conditional. */
export type ConditionalHeaders = Readonly<Record<'if-match' | 'if-none-match' | 'if-unmodified-since' | 'if-modified-since', string | undefined>>;

export const isConditional = (headers: ConditionalHeaders): boolean =>
  headers['if-match'] !== undefined || headers['if-none-match'] !== undefined || headers['if-unmodified-since'] !== undefined || headers['if-modified-since'] !== undefined;

/** GET and HEAD, the methods a false If-None-Match or If-Modified-Since answers 304 (13.2.2 steps 3, 4). */
const isSafe = (method: string): boolean => method === 'GET' || method === 'HEAD';

/**
 * What the preconditions can answer on a route, for its document (the kit adds them to every route's
 * response schema): 412 on any (If-Match other than *, where the route gives no ETag, is false whatever
 * the target), 304 with no content on a GET or HEAD (If-None-Match: * on a current target: every target
 * but a refused one, whose answer is then the route's own). The same facts evaluatePreconditions acts on.
 */
export const preconditionAnswers = (method: string): Record<string, object> => ({
  ...(isSafe(method) ? { 304: { type: 'null', description: 'Not Modified (RFC 9110 15.4.5): the condition of If-None-Match or If-Modified-Since is false; no content' } } : {}),
  412: ProblemSchema,
});

/** `*` (any current representation) rather than a list of entity tags. */
const isAny = (value: string): boolean => value.trim() === '*';

/** An entity-tag (RFC 9110 8.8.3: `[W/]"etagc*"`): whether it is weak, and its opaque tag with its quotes. */
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/**
 * Whether a list of entity tags (If-Match, If-None-Match) names the target's `etag` (a strong tag):
 * by strong comparison (8.8.3.2: both strong, the same opaque tag; If-Match, 13.1.1) or weak (the same
 * opaque tag, either weak; If-None-Match, 13.1.2). A member that is no entity-tag matches nothing.
 */
const names = (list: string, etag: string | undefined, comparison: 'strong' | 'weak'): boolean =>
  etag !== undefined &&
  list.split(',').some((member) => {
    const tag = ENTITY_TAG.exec(member.trim());
    return tag !== null && tag[2] === etag && (comparison === 'weak' || tag[1] === undefined);
  });

/**
 * An HTTP-date (RFC 9110 5.6.7: IMF-fixdate, or the obsolete RFC 850 and asctime forms a recipient
 * must accept) as seconds since the epoch, or undefined for a value that is not one (the field is
 * then ignored, 13.1.3 and 13.1.4).
 */
const HTTP_DATE = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+day, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;
const httpDateSeconds = (value: string | undefined): number | undefined => {
  if (value === undefined || !HTTP_DATE.test(value.trim())) return undefined;
  const ms = Date.parse(value.trim().endsWith('GMT') ? value : `${value} GMT`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/** A last modification at the resolution of an HTTP-date (whole seconds). */
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const failed = (detail: string) => new HttpProblem(412, detail);

/**
 * What the preconditions make of the request (RFC 9110 13.2.2, in its order): undefined (carry it out),
 * `not-modified` (a GET or HEAD answered 304), or the 412 to answer.
 */
export const evaluatePreconditions = (method: string, headers: ConditionalHeaders, target: PreconditionTarget): HttpProblem | 'not-modified' | undefined => {
  if (target.state === 'refused') return undefined;
  const lastModified = target.state === 'current' ? target.lastModified : undefined;
  const etag = target.state === 'current' ? target.etag : undefined;
  const ifMatch = headers['if-match'];
  // 13.1.1: `*` is false when there is no current representation; an entity tag matches only the target's current one, strongly.
  if (ifMatch !== undefined) {
    if (!isAny(ifMatch)) {
      if (etag === undefined) return failed('If-Match names an entity tag this resource never gave (it sends no ETag): nothing was done; send the request without If-Match');
      if (!names(ifMatch, etag, 'strong')) return failed(`If-Match names no current entity tag of this resource (now ${etag}; a weak tag never matches): nothing was done; read it again`);
    } else if (target.state === 'none') return failed('If-Match: * asks for a current representation, and there is none: nothing was done');
  } else if (lastModified !== undefined) {
    // 13.1.4: ignored with If-Match, for a value that is not an HTTP-date, and where the route knows no modification date.
    const since = httpDateSeconds(headers['if-unmodified-since']);
    if (since !== undefined && seconds(lastModified) > since) return failed(`If-Unmodified-Since: it was modified since, at ${lastModified.toISOString()}: nothing was done`);
  }
  const ifNoneMatch = headers['if-none-match'];
  const safe = isSafe(method);
  // 13.1.2: `*` is false when there is a current representation; a list of entity tags when it names the target's (weakly).
  if (ifNoneMatch !== undefined) {
    if (isAny(ifNoneMatch) && target.state === 'current') return safe ? 'not-modified' : failed('If-None-Match: * asks that there be no current representation, and there is one: nothing was done');
    if (names(ifNoneMatch, etag, 'weak')) return safe ? 'not-modified' : failed(`If-None-Match names the current entity tag of this resource (${etag!}): nothing was done`);
    return undefined;
  }
  // 13.1.3: only for GET and HEAD, without If-None-Match.
  if (safe && lastModified !== undefined) {
    const since = httpDateSeconds(headers['if-modified-since']);
    if (since !== undefined && seconds(lastModified) <= since) return 'not-modified';
  }
  return undefined;
};

/**
 * The request's preconditions evaluated again where the route writes, against its target as the
 * write finds it (under the row's lock, or as the condition of the write itself): the kit's check
 * before the handler is only the early answer, and a change another request commits between it and
 * the write would otherwise be overwritten, the lost update If-Unmodified-Since exists to prevent
 * (RFC 9110 13.1.4: "to prevent accidental overwrites ... when multiple user agents might be acting in
 * parallel on a resource"). Throws the 412 for a false condition; nothing for a request without any.
 */
export const assertPreconditions = (request: { readonly method: string; readonly headers: object }, target: PreconditionTarget): void => {
  const headers = request.headers as ConditionalHeaders;
  if (!isConditional(headers)) return;
  const outcome = evaluatePreconditions(request.method, headers, target);
  if (outcome instanceof HttpProblem) throw outcome;
};
