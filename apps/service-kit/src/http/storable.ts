/**
 * What text must be to be shown or stored, with no dependency: a route's validator (validation.ts)
 * and a one-shot command's checks of its input (the location service's place loader) both use it,
 * and a command module, bundled apart from the server, imports it without Fastify's validator
 * compiler (`@tripgen/service-kit/storable`).
 */

/** An error in Ajv's shape, as Fastify reads one. */
export type AjvError = { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message: string };

/**
 * A schema `pattern` for text that must show something (a name, a title, a query): one character that
 * is not white space, not a control, format or default-ignorable code point (zero-width space U+200B,
 * the Hangul fillers U+3164 and U+115F/U+1160, soft hyphen, variation selectors), not a combining mark
 * on its own, and not the braille blank U+2800 (a symbol that prints nothing). `\S` alone took a name
 * of U+200B or U+3164, which a list shows as an empty line. Ajv and typebox compile patterns with /u.
 */
export const VISIBLE_TEXT = '[^\\s\\p{Default_Ignorable_Code_Point}\\p{Cc}\\p{Cf}\\p{Cs}\\p{M}\\u2800]';

// In a /u pattern a surrogate pair is one code point, so only a lone surrogate is of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL cannot store this text (text and jsonb alike), or undefined when it can. */
const unstorableText = (text: string): string | undefined => {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone surrogate)';
  // text: 22021 invalid byte sequence; jsonb: 22P05 unsupported Unicode escape sequence.
  if (text.includes('\u0000')) return 'must not contain NUL (U+0000)';
  return undefined;
};

/**
 * The first value a schema let through that must not reach a handler, as an Ajv-shaped error:
 * - a number that is not finite: Ajv coerces the text "Infinity" or "1e400" to Infinity and then
 *   checks minimum and maximum on finite numbers only (ajv 8.20), so `?limit=Infinity` passed a
 *   maximum of 100 (a JSON body cannot carry one: Ajv's type check already refuses it there);
 * - a string with a lone UTF-16 surrogate (`"\ud800"` is valid JSON) or a NUL (`"\u0000"`, or
 *   `%00` in a query): PostgreSQL refuses both in JSON and text alike, so it would be a 500 at the
 *   write (or a lone surrogate stored changed, U+FFFD), or a message no consumer can store. A
 *   property name is checked too: a schema that allows free-form objects would store it in jsonb.
 */
export const unstorableValue = (data: unknown, path = ''): AjvError | undefined => {
  if (typeof data === 'number' && !Number.isFinite(data)) return { instancePath: path, schemaPath: '#/finite', keyword: 'finite', params: {}, message: 'must be a finite number' };
  if (typeof data === 'string') {
    const why = unstorableText(data);
    return why === undefined ? undefined : { instancePath: path, schemaPath: '#/storable', keyword: 'storable', params: {}, message: why };
  }
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const keyWhy = unstorableText(key);
      if (keyWhy !== undefined) return { instancePath: path, schemaPath: '#/storable', keyword: 'storable', params: {}, message: `property names ${keyWhy}` };
      const found = unstorableValue(value, `${path}/${key}`);
      if (found) return found;
    }
  }
  return undefined;
};
