/**
 * The query string as Fastify reads it (fast-querystring: `+` is a space, a repeated key an array),
 * with one difference: a parameter whose name or value is not percent-encoded UTF-8 (`%zz`, a lone
 * `%`, `%FF`, a Latin-1 `caf%E9`, the encoded lone surrogate `%ED%A0%80`) is remembered. Fastify's
 * parser keeps such text as it came, so `?q=caf%E9` searched for the literal `caf%E9` and answered
 * 200 with nothing found, where the path's malformed percent-encoding is a 400 and so is a lone
 * surrogate in a JSON string. The validator (validation.ts) answers a parameter the route names
 * that is remembered here 400 naming it; one the route does not name is ignored, as every unknown
 * query parameter is.
 */
import { parse } from 'fast-querystring';

/** The names of the parameters that were not percent-encoded UTF-8, on the parsed query (not enumerable). */
export const MALFORMED_PARAMETERS = Symbol('malformed query parameters');

const decoded = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
};

/** Fastify's `querystringParser`: fast-querystring's result, with MALFORMED_PARAMETERS when there are any. */
export const parseQueryString = (text: string): Record<string, unknown> => {
  const query = parse(text) as Record<string, unknown>;
  // Only a `%` escape can fail to decode: a query without one (most) is not read a second time.
  if (!text.includes('%')) return query;
  const malformed: string[] = [];
  for (const pair of text.split('&')) {
    const at = pair.indexOf('=');
    const [name, value] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const decodedName = decoded(name);
    if (decodedName === undefined || decoded(value) === undefined) malformed.push(decodedName ?? name);
  }
  if (malformed.length > 0) Object.defineProperty(query, MALFORMED_PARAMETERS, { value: malformed, enumerable: false });
  return query;
};
