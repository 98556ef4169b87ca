/**
 * The bundle's ASCII pass (asciiOnly in build/bundle-service.mjs): the module it writes is ASCII and
 * means the same. Proven on the forms it rewrites: regular expressions with and without the `u`/`v`
 * flags (plain characters, class ranges, identity escapes, characters outside the BMP) and String.raw
 * templates (escaped backslashes before the characters, substitutions beside them); refused where the
 * meaning could change (another tag sees its strings) or where it cannot rewrite (a comment).
 */
import { expect, it } from 'vitest';
import { asciiOnly } from '../build/bundle-service.mjs';

const SOURCE = String.raw`
export const patterns = [/^대체(.+)$/, /[à-ö°]+/g, /\é|x/, /😀+/, /[😀]/u, /\p{L}é/u, /[é😀]/v, /a\\é/];
export const raws = [String.raw${'`'}à|–|\\é|${'${'}1 + 1}ö\\${'`'}, String.raw${'`'}plain${'`'}];
`;
const PROBES = ['대체공휴일', 'àéö°', 'é', 'x', '😀😀', '\uD83D', '\uDE00', 'Ké', 'a\\é', 'ae', 'ö'];

const evaluate = async (source: string) => (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { patterns: RegExp[]; raws: string[] };
const behaviour = ({ patterns, raws }: { patterns: RegExp[]; raws: string[] }) => ({
  matches: patterns.map((p) => PROBES.map((s) => s.match(new RegExp(p.source, p.flags.replace('g', '')))?.slice() ?? null)),
  flags: patterns.map((p) => p.flags),
  raws,
});

it('writes an ASCII module that matches and joins the same text', async () => {
  const out = await asciiOnly(SOURCE);
  expect(out).not.toMatch(/[^\0-\x7F]/);
  expect(behaviour(await evaluate(out))).toEqual(behaviour(await evaluate(SOURCE)));
  // The probes tell the patterns apart (a pattern that matched nothing would prove nothing).
  expect(behaviour(await evaluate(SOURCE)).matches.every((row) => row.some(Boolean))).toBe(true);
});

it('leaves an ASCII module as it is', async () => {
  expect(await asciiOnly('export const a = /x/u;\n')).toBe('export const a = /x/u;\n');
});

it('refuses what it cannot rewrite with the same meaning', async () => {
  await expect(asciiOnly('const tag = (s) => s.raw; export const a = tag`é`;')).rejects.toThrow(/tagged template other than String.raw/);
  await expect(asciiOnly('export const a = String.raw`\\é`;')).rejects.toThrow(/escaped non-ASCII character/);
  await expect(asciiOnly('// café\nexport const a = 1;')).rejects.toThrow(/not in a regular expression or String.raw/);
});
