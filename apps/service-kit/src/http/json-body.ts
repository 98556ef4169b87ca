/**
 * The kit's reading of a JSON body, in place of Fastify's own. Fastify's reads the bytes as UTF-8
 * text with Node's lenient decoder: a byte sequence that is not UTF-8 (a Latin-1 `é` sent with
 * `charset=iso-8859-1`, a stray 0xFF) became U+FFFD and was stored so, a title changed without a
 * word. JSON exchanged between systems is UTF-8 (RFC 8259 8.1), so here:
 * - a `charset` other than UTF-8 is a media type the route does not take: 415 naming it; US-ASCII is
 *   UTF-8 too (its bytes are checked: one above 0x7F is a 400), and a `charset=` without a value is a
 *   Content-Type that cannot be read (400);
 * - bytes that are not UTF-8 are a 400 (a leading BOM is still dropped, as before);
 * - a body sent with a Content-Encoding (gzip, br): Fastify decodes none and parsed the compressed
 *   bytes as text, a 400 "Body is not valid JSON" for a body that was; it is a 415 naming the coding,
 *   with `Accept-Encoding: identity` (RFC 9110 15.5.16, RFC 7694 3);
 * - a name twice in one object (`{"title":"a","title":"b"}`, which JSON.parse reads as its last value)
 *   is a 400 naming where (RFC 7493 2.3; RFC 8259 4 calls what a receiver does with it unpredictable);
 * - the text is then parsed as Fastify's parser does (the same errors: empty, not JSON), except
 *   for a property named `__proto__` (or a `constructor` holding a `prototype`): still refused
 *   (prototype poisoning), but as the property no route names that it is, 400 naming where it is,
 *   where Fastify's detail said "Body is not valid JSON" of valid JSON.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem, UNKNOWN_FIELD } from './problem.ts';

const JSON_TYPE = 'application/json';

/** RFC 9110 5.6.6: a parameter's value is a token or a quoted string (5.6.2, 5.6.4). */
const PARAMETER_VALUE = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|"(?:[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\t \x21-\x7e\x80-\xff])*")$/;

/** A charset parameter that is not one (charsetOf). */
const MALFORMED = Symbol('malformed charset');
/**
 * The `charset` parameter of a Content-Type, lower-cased (a quoted one unquoted), undefined when none
 * is given, or the value as given (under MALFORMED) when it is neither a token nor a quoted string (`charset=`, an empty
 * token: RFC 9110 5.6.6 admits no such parameter, so the media type cannot be read).
 */
const charsetOf = (contentType: string | undefined): string | undefined | { readonly [MALFORMED]: string } => {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const at = parameter.indexOf('=');
    if (at === -1 || parameter.slice(0, at).trim().toLowerCase() !== 'charset') continue;
    const value = parameter.slice(at + 1).trim();
    if (!PARAMETER_VALUE.test(value)) return { [MALFORMED]: value };
    return (value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value).toLowerCase();
  }
  return undefined;
};
/** The charsets that name UTF-8 (WHATWG Encoding: `utf-8` and its labels `utf8`, `unicode-1-1-utf-8`). */
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/**
 * The names of US-ASCII (the IANA Character Sets registry's name and aliases). ASCII text is UTF-8
 * (RFC 3629 1: US-ASCII characters are encoded as themselves), so such a body is read as UTF-8 once
 * its bytes are checked to be ASCII, as its charset says. Not the WHATWG labels: a browser reads
 * `us-ascii` as windows-1252, which HTTP's charset names (RFC 9110 8.3.2, the IANA registry) do not.
 */
const US_ASCII_NAMES = new Set(['us-ascii', 'iso-ir-6', 'ansi_x3.4-1968', 'ansi_x3.4-1986', 'iso_646.irv:1991', 'iso646-us', 'us', 'ibm367', 'cp367', 'csascii']);
/** The highest byte of US-ASCII. */
const ASCII_MAX = 0x7f;

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
  return path === undefined ? undefined : nameProblem(path, UNKNOWN_FIELD);
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Names of an object kept in a list up to this many (a lookup in a short list costs less than a Set's allocation), then in a Set. */
const NAMES_IN_A_LIST = 16;

/** The names of one object so far: a list while short, then a Set (an object of 10,000 names is not scanned in quadratic time). */
class ObjectNames {
  private list: string[] | undefined = [];
  private set: Set<string> | undefined;
  /** Adds `name`; false when the object had it already. */
  add(name: string): boolean {
    if (this.list !== undefined) {
      if (this.list.includes(name)) return false;
      this.list.push(name);
      if (this.list.length > NAMES_IN_A_LIST) [this.set, this.list] = [new Set(this.list), undefined];
      return true;
    }
    if (this.set!.has(name)) return false;
    this.set!.add(name);
    return true;
  }
}

/** A 400 naming a body's field by its whole path (`body/...`, cut at 200 characters) and what is wrong with it. */
const nameProblem = (path: string, message: string): HttpProblem => {
  const at = path.slice(0, 200);
  return new HttpProblem(400, `Request body is invalid: ${at} ${message}`, { errors: [{ path: at, message }] });
};

/** Whether the quote at `at` is escaped: preceded by an odd run of backslashes. */
const escapedQuote = (text: string, at: number): boolean => {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
};

/**
 * Where valid JSON `text` has a name twice in one object, as a path (`body/destination/name`), or
 * undefined. JSON.parse keeps the last value without a word, so the names are read from the text: a
 * scan of its structure that jumps over each string with indexOf, decoding a name only when it holds
 * an escape (`"titl\u0065"` is `title`). Only for text JSON.parse has accepted: nothing is checked twice.
 */
export const duplicateNameAt = (text: string, root = 'body'): string | undefined => {
  // Per open object or array, innermost last: an object's names (undefined for an array), and the current name or index.
  const open: (ObjectNames | undefined)[] = [];
  const where: (string | number)[] = [];
  let names: ObjectNames | undefined;
  let nameNext = false;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      let end = text.indexOf('"', at + 1);
      while (escapedQuote(text, end)) end = text.indexOf('"', end + 1);
      if (nameNext) {
        const raw = text.slice(at + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (!names!.add(name)) return [root, ...where.slice(0, -1), name].join('/');
        where[where.length - 1] = name;
        nameNext = false;
      }
      at = end;
    } else if (code === OPEN_OBJECT) {
      names = new ObjectNames();
      open.push(names);
      where.push('');
      nameNext = true;
    } else if (code === OPEN_ARRAY) {
      names = undefined;
      open.push(undefined);
      where.push(0);
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      open.pop();
      where.pop();
      names = open.at(-1);
      nameNext = false;
    } else if (code === COMMA) {
      if (names !== undefined) nameNext = true;
      else where[where.length - 1] = (where.at(-1) as number) + 1;
    }
  }
  return undefined;
};

/** The answer to a name twice in one object: RFC 8259 4 leaves what a receiver does unpredictable, I-JSON (RFC 7493 2.3) forbids it. */
const DUPLICATE_NAME = 'is a name this object already has (RFC 8259 4, RFC 7493 2.3: names must be unique)';

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
    if (typeof charset === 'object') {
      const value = charset[MALFORMED];
      const why = value === '' ? 'has no value' : `(${value.slice(0, 40)}) is neither a token nor a quoted string`;
      done(new HttpProblem(400, `Content-Type is malformed: its charset parameter ${why} (RFC 9110 5.6.6); send application/json`), undefined);
      return;
    }
    const ascii = charset !== undefined && US_ASCII_NAMES.has(charset);
    if (charset !== undefined && !ascii && !UTF8_LABELS.has(charset)) {
      done(new HttpProblem(415, `Content-Type charset ${charset.slice(0, 40)} is not accepted: send application/json in UTF-8`), undefined);
      return;
    }
    if (ascii) {
      const at = body.findIndex((byte) => byte > ASCII_MAX);
      if (at !== -1) {
        done(new HttpProblem(400, `Request body is not US-ASCII, as its charset says: byte 0x${body[at]!.toString(16)} at offset ${at}; send it as UTF-8 (application/json)`), undefined);
        return;
      }
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
      else if (error !== null) done(error, body);
      else {
        // A name twice in one object: refused, not read as its last value (JSON.parse's choice).
        const duplicate = duplicateNameAt(text);
        if (duplicate === undefined) done(null, body);
        else done(nameProblem(duplicate, DUPLICATE_NAME), undefined);
      }
    });
  });
};
