/**
 * The shipped bundle carries `opening_hours` with the holiday tables of PLACE_COUNTRY only
 * (apps/service-kit/build/bundle-service.mjs says why: 9 MiB of RSS, issue 15). Proven here: the
 * cut module answers exactly as the package does for every opening_hours value the service ships
 * and for public- and school-holiday rules, at a place in Korea, over two years; it is really cut
 * (a place in Germany no longer finds its holidays); the location bundle holds no other country's
 * table and does not load the package from node_modules; a package build without the table as
 * expected fails instead of shipping the whole of it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { PLACE_COUNTRY } from '@tripgen/catalog';
import { OPENING_HOURS_COUNTRIES, asciiOnly, bundleSource, freshnessRecord, keepOpeningHoursCountries } from '@tripgen/service-kit/build';
import { transform } from 'esbuild';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import OpeningHours from 'opening_hours';

const SERVICE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Inside the service, so the cut module's own import (suncalc) resolves from node_modules. */
const scratch = path.join(SERVICE_DIR, `.bundle-test-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageSource = (): string => readFileSync(createRequire(path.join(SERVICE_DIR, 'package.json')).resolve('opening_hours').replace(/opening_hours\.js$/, 'opening_hours.esm.mjs'), 'utf8');
const cutModule = async (countries: readonly string[]): Promise<typeof OpeningHours> => {
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, `opening_hours.${countries.join('-') || 'none'}.mjs`);
  writeFileSync(file, keepOpeningHoursCountries(packageSource(), countries).replace(/^\/\/# sourceMappingURL=.*$/m, ''));
  return ((await import(pathToFileURL(file).href)) as { default: typeof OpeningHours }).default;
};

const shippedValues = (): string[] => {
  const dir = path.join(SERVICE_DIR, 'data', 'places');
  const values = ['jeju.json', 'seoul.json'].flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { openingHoursOsm: string }[]).map((p) => p.openingHoursOsm));
  return [...new Set(values)];
};
const HOLIDAY_RULES = ['PH off', 'Mo-Fr 09:00-18:00; PH off', 'Tu-Su 10:00-18:00; PH 10:00-16:00', 'SH off', 'Mo-Su 09:00-18:00; SH 10:00-12:00', '24/7; PH off "closed on holidays"'];

/** What a module answers for a value at a place of a country over 2026-2027: its open intervals, or its error. */
const answers = (Module: typeof OpeningHours, value: string, country: string): string => {
  const nominatim = { lat: '37.57', lon: '126.98', address: { country_code: country, state: '' } } as unknown as ConstructorParameters<typeof OpeningHours>[1];
  const tz = process.env.TZ;
  process.env.TZ = 'Asia/Seoul';
  try {
    const oh = new Module(value, nominatim, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'en' });
    return JSON.stringify([oh.prettifyValue(), oh.getWarnings(), oh.getOpenIntervals(new Date('2026-01-01T00:00:00+09:00'), new Date('2028-01-01T00:00:00+09:00'))]);
  } catch (err) {
    return `error: ${String(err)}`;
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
};

it('keeps the catalog place country, the one the service evaluates values in', () => {
  expect(OPENING_HOURS_COUNTRIES).toEqual([PLACE_COUNTRY]);
});

it('answers as the package does for every shipped value and holiday rule in the place country', async () => {
  const Cut = await cutModule(OPENING_HOURS_COUNTRIES);
  const values = [...shippedValues(), ...HOLIDAY_RULES];
  expect(values.length).toBeGreaterThan(50);
  for (const value of values) expect(answers(Cut, value, PLACE_COUNTRY), value).toBe(answers(OpeningHours, value, PLACE_COUNTRY));
  // The package's own answer for the holiday selectors in Korea (it has no Korean table: the service substitutes PH).
  expect(answers(Cut, 'PH off', PLACE_COUNTRY)).toMatch(/no holidays \(PH\) defined for country kr/);
});

it('is cut: another country loses its holidays', async () => {
  const Cut = await cutModule(OPENING_HOURS_COUNTRIES);
  expect(answers(OpeningHours, 'Mo-Fr 09:00-18:00; PH off', 'de')).not.toMatch(/^error/);
  expect(answers(Cut, 'Mo-Fr 09:00-18:00; PH off', 'de')).toMatch(/no holidays \(PH\) defined for country de/);
  // ...and keeps one it is asked to keep.
  const WithGermany = await cutModule(['de']);
  expect(answers(WithGermany, 'Mo-Fr 09:00-18:00; PH off', 'de')).toBe(answers(OpeningHours, 'Mo-Fr 09:00-18:00; PH off', 'de'));
});

it('ships the cut package inside the location bundle', async () => {
  const bundle = await bundleSource(await builtServiceEntry('location'));
  expect(packageSource()).toContain('Tag der Deutschen Einheit');
  expect(bundle).not.toContain('Tag der Deutschen Einheit');
  expect(bundle).toContain('There are no holidays');
  expect(bundle).not.toMatch(/from ["']opening_hours["']/);
  expect(bundle).not.toMatch(/from ["']suncalc["']/);
  // A bundle made before the transform existed is rebuilt: the bundler is one of its recorded inputs.
  const inputs = JSON.parse(readFileSync(freshnessRecord(SERVICE_DIR), 'utf8')) as Record<string, unknown>;
  expect(Object.keys(inputs)).toContain(createRequire(import.meta.url).resolve('@tripgen/service-kit/build'));
});

/** The package as the bundle carries it after esbuild (charset ascii) and the ASCII pass, all countries kept. */
const asciiModule = async (): Promise<{ esbuilt: string; Ascii: typeof OpeningHours }> => {
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, 'opening_hours.ascii.mjs');
  const { code } = await transform(packageSource(), { charset: 'ascii', format: 'esm', target: 'node20', loader: 'js' });
  writeFileSync(file, await asciiOnly(code, file));
  return { esbuilt: code, Ascii: ((await import(pathToFileURL(file).href)) as { default: typeof OpeningHours }).default };
};
/** Values written with the non-ASCII characters of the package's patterns (dashes, quotes, full-width colons, words). */
const NON_ASCII_VALUES = [
  'Mo–Fr 09:00–18:00', 'Mo‐Fr 09:00−18:00', 'Mo-Fr 09:00—18:00', 'Mo-Fr 10:00→18:00', 'Mo-Fr 10:00～18:00', 'Mo-Fr 10：00-18：00', 'Mo-Fr 10:00ー18:00',
  'Mo-Fr 09:00-18:00 „nach Vereinbarung“', 'Mo-Fr 09:00-18:00 «sur rendez-vous»', 'Mo 10:00-12:00 「予約制」', 'Mo 10:00-12:00 ‘x’',
  'Öffnungszeiten: Mo-Fr 10:00-12:00', 'öffnungszeit Mo 10:00-12:00', 'Mo-Fr 10:00–open end', 'Mo-Fr 10:00 bis late', 'Mo-Fr 10:00-18:00; jours fériés off',
  'lun à ven 10:00-18:00', 'Mo-Fr 9°°-18°°', 'Mo␣10:00-12:00', 'пн-пт 10:00-18:00 до', 'Mo-Fr 10:00-18:00 · Sa 10:00-12:00', 'Mo-Fr 10:00-18:00; PH off',
];

it('answers as the package does after the bundle escapes its non-ASCII patterns', async () => {
  const { esbuilt, Ascii } = await asciiModule();
  // The pass has something to do: esbuild leaves the package's regular expressions and String.raw text as written.
  expect(esbuilt).toMatch(/[^\0-\x7F]/);
  for (const value of [...NON_ASCII_VALUES, ...shippedValues(), ...HOLIDAY_RULES]) expect(answers(Ascii, value, 'de'), value).toBe(answers(OpeningHours, value, 'de'));
});

it('ships an ASCII-only location bundle (V8 then keeps its source one byte a character)', async () => {
  // Every module of dist/: the server's, its chunks and the command's.
  const dist = path.dirname(await builtServiceEntry('location'));
  const modules = readdirSync(dist).filter((f) => f.endsWith('.mjs'));
  expect(modules.length).toBeGreaterThan(2);
  for (const name of modules) expect(readFileSync(path.join(dist, name), 'utf8').match(/[^\0-\x7F]/g) ?? [], name).toEqual([]);
  expect(modules.reduce((n, name) => n + readFileSync(path.join(dist, name), 'utf8').length, 0)).toBeGreaterThan(100_000);
});

it('refuses a package build whose holiday table it does not recognise', () => {
  const changed = packageSource().replace('var holiday_definitions = /*#__PURE__*/Object.freeze({', 'var holiday_definitions = Object.freeze({');
  expect(() => keepOpeningHoursCountries(changed, OPENING_HOURS_COUNTRIES)).toThrow(/no longer declares its holiday table/);
});
