/**
 * The kit's reading of a JSON body, in place of Fastify's own. Fastify's reads the bytes as UTF-8
 * text with Node's lenient decoder: a byte sequence that is not UTF-8 (a Latin-1 `é` sent with
 * `charset=iso-8859-1`, a stray 0xFF) became U+FFFD and was stored so, a title changed without a
 * word. JSON exchanged between systems is UTF-8 (RFC 8259 8.1), so here:
 * - a `charset` other than UTF-8 is a media type the route does not take: 415 naming it;
 * - bytes that are not UTF-8 are a 400 (a leading BOM is still dropped, as before);
 * - a body sent with a Content-Encoding (gzip, br): Fastify decodes none and parsed the compressed
 *   bytes as text, a 400 "Body is not valid JSON" for a body that was; it is a 415 naming the coding,
 *   with `Accept-Encoding: identity` (RFC 9110 15.5.16, RFC 7694 3);
 * - the text is then parsed as Fastify's parser does (the same errors: empty, not JSON), except
 *   for a property named `__proto__` (or a `constructor` holding a `prototype`): still refused
 *   (prototype poisoning), but as the property no route names that it is, 400 naming where it is,
 *   where Fastify's detail said "Body is not valid JSON" of valid JSON.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem, UNKNOWN_FIELD } from './problem.ts';

const JSON_TYPE = 'application/json';

/** The `charset` parameter of a Content-Type, lower-cased, or undefined when none is given. */
const charsetOf = (contentType: string | undefined): string | undefined => {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name, ...value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
};

/** The charsets that name UTF-8 (WHATWG Encoding: `utf-8` and its labels `utf8`, `unicode-1-1-utf-8`). */
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The content codings a request's Content-Encoding lists, lower-cased, `identity` left out (it changes nothing). */
const codingsOf = (contentEncoding: string | undefined): string[] =>
  (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');

/**
 * Where a parsed body holds what secure-json-parse refuses (a `__proto__` key, a `constructor` key
 * whose object has a `prototype`), as a path (`body/destination/__proto__`), or undefined. JSON.parse
 * makes such keys plain own properties, so reading the value here is safe.
 */
const poisonedAt = (value: unknown, at: string): string | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key === '__proto__') return `${at}/${key}`;
    if (key === 'constructor' && inner !== null && typeof inner === 'object' && Object.hasOwn(inner, 'prototype')) return `${at}/${key}/prototype`;
    const found = poisonedAt(inner, `${at}/${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** Fastify's parse of valid JSON refused for a poisoning key, as the 400 naming the key; undefined for any other error. */
const poisoningProblem = (text: string): HttpProblem | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const path = poisonedAt(parsed, 'body');
  return path === undefined ? undefined : new HttpProblem(400, `Request body is invalid: ${path.slice(0, 200)} ${UNKNOWN_FIELD}`, { errors: [{ path: path.slice(0, 200), message: UNKNOWN_FIELD }] });
};

/** fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. One for every body: decode() without `stream` keeps no state between calls. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Replaces Fastify's JSON parser with one that refuses a body that is not UTF-8 instead of altering it. */
export const registerJsonBody = (app: FastifyInstance): void => {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(JSON_TYPE);
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    const codings = codingsOf(request.headers['content-encoding']);
    if (codings.length > 0) {
      done(new HttpProblem(415, `Content-Encoding ${codings.join(', ').slice(0, 40)} is not accepted: send the body uncompressed`, {}, { 'accept-encoding': 'identity' }), undefined);
      return;
    }
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !UTF8_LABELS.has(charset)) {
      done(new HttpProblem(415, `Content-Type charset ${charset.slice(0, 40)} is not accepted: send application/json in UTF-8`), undefined);
      return;
    }
    let text: string;
    try {
      text = STRICT_UTF8.decode(body);
    } catch {
      done(new HttpProblem(400, 'Request body is not valid UTF-8: send JSON as UTF-8 (RFC 8259 8.1)'), undefined);
      return;
    }
    parse(request, text, (error, body) => {
      if (error !== null && (error as { code?: unknown }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') done(poisoningProblem(text) ?? error, undefined);
      else done(error, body);
    });
  });
};
