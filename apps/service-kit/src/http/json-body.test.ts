/**
 * The scan for a name twice in one object (json-body.ts duplicateNameAt), on text JSON.parse accepts:
 * strings with escaped quotes and backslashes, names spelt with escapes, arrays and nesting.
 */
import { describe, expect, it } from 'vitest';
import { duplicateNameAt } from './json-body.ts';

describe('duplicateNameAt', () => {
  it.each([
    ['{"a":1,"a":2}', 'body/a'],
    ['{"a":"x\\"","a":1}', 'body/a'],
    ['{"a\\\\":1,"a\\\\":2}', 'body/a\\'],
    ['{"\\u00e9":1,"\u00e9":2}', 'body/\u00e9'],
    ['{"a":[{"b":1},{"b":1,"b":2}]}', 'body/a/1/b'],
    ['[[],{"x":{"y":[1,{"z":0,"z":0}]}}]', 'body/1/x/y/1/z'],
    ['{"a":{},"b":{"c":{"d":1}},"b":0}', 'body/b'],
  ])('%s: %s', (text, path) => {
    JSON.parse(text);
    expect(duplicateNameAt(text)).toBe(path);
  });

  it.each(['{"a":{"b":1},"b":2}', '[{"x":1},{"x":1}]', '"a string"', '{"a":"}","b":"{","c":",","d":"\\\\"}', '{"a":1,"A":2}', '{"a\\"":1,"a":2}', ' { "a" : [ ] , "b" : { } } '])('%s: none', (text) => {
    JSON.parse(text);
    expect(duplicateNameAt(text)).toBeUndefined();
  });

  it('finds none in what JSON.stringify writes, and finds the name added again to an object of it', () => {
    const names = ['', 'a', '"', '\\', '\\"', '{', '}', ',', ':', '[', '\u00e9', '\ud83d\ude00', '\n\t'];
    const values: unknown[] = [null, 0, -1.5e-7, true, '', ...names, [], {}, [[], [{}]], Object.fromEntries(names.map((n, i) => [n, i % 2 ? [n, { [n]: n }] : n]))];
    for (const value of [...values, values, { nested: { values } }]) {
      const text = JSON.stringify(value);
      expect(duplicateNameAt(text), text).toBeUndefined();
      for (const name of names) expect(duplicateNameAt(`{${JSON.stringify(name)}:${text},${JSON.stringify(name)}:0}`), `${name} ${text}`).toBe(`body/${name}`);
    }
  });
});
