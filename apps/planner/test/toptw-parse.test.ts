import { describe, expect, it } from 'vitest';
import { decimalsForInstance, parseTopTw, scaledTravelTime } from '../bench/toptw/parse.ts';
import { loadBenchmarkInstance } from '../bench/toptw/files.ts';

describe('TOPTW instance parser', () => {
  it('reads CRLF files (the pr set) like LF files', () => {
    const lf = '5 3 2 4\n500 200\n 0 0 0 0 0 0 0 0 1000\n 1 3 4 2 12 4 1 15 354 509\n 2 1 1 7 8 4 1 15 234 401\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(parseTopTw(crlf, 'pr99')).toEqual(parseTopTw(lf, 'pr99'));
    const pr01 = loadBenchmarkInstance('pr01_10', 'pr01');
    expect(pr01.nodes).toHaveLength(49);
    expect(pr01.nodes[48]!.close).toBe(233);
    expect(pr01.decimals).toBe(2);
  });

  it("ignores c204's broken first line: node lines still start on line 3", () => {
    const c204 = loadBenchmarkInstance('c_r_rc_200_100', 'c204');
    expect(c204.nodes).toHaveLength(101);
    expect(c204.nodes[0]).toMatchObject({ id: 0, x: 40, y: 50, close: 3390 });
    expect(c204.nodes[1]).toMatchObject({ id: 1, x: 52, y: 75, duration: 90, score: 10, open: 0, close: 3272 });
  });

  it('takes the window from the last two numbers whatever the list length', () => {
    const text = 'x\ny\n0 0 0 0 0 0 0 0 100\n1 1 1 2 3 6 1 2 4 8 16 32 387 493\n2 2 2 1 1 1 0 10 20\n';
    const inst = parseTopTw(text, 'pr77');
    expect(inst.nodes[1]).toMatchObject({ duration: 2, score: 3, open: 387, close: 493 });
    expect(inst.nodes[2]).toMatchObject({ open: 10, close: 20 });
  });

  it('rejects a node line out of sequence', () => {
    expect(() => parseTopTw('a\nb\n0 0 0 0 0 0 0 0 9\n2 1 1 1 1 1 1 1 1 5\n', 'c1')).toThrow(/expected 1/);
  });

  it('truncates travel times to 1 decimal (Solomon) or 2 (Cordeau pr)', () => {
    expect(decimalsForInstance('c101')).toBe(1);
    expect(decimalsForInstance('rc208')).toBe(1);
    expect(decimalsForInstance('pr07')).toBe(2);
    const a = { id: 0, x: 0, y: 0, duration: 0, score: 0, open: 0, close: 0 };
    const b = { ...a, id: 1, x: 1, y: 1 }; // sqrt(2) = 1.41421...
    expect(scaledTravelTime(a, b, 1)).toBe(14);
    expect(scaledTravelTime(a, b, 2)).toBe(141);
    // An exact distance must not lose a unit to floating point noise.
    expect(scaledTravelTime(a, { ...a, id: 2, x: 0.3, y: 0.4 }, 2)).toBe(50);
  });
});
