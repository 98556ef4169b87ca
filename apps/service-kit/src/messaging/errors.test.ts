import { afterEach, describe, expect, it, vi } from 'vitest';
import { stderrLogger } from './errors.ts';

afterEach(() => vi.restoreAllMocks());

describe('stderrLogger (no logger given)', () => {
  it('prints an err as pino would, its type, message and stack, where JSON.stringify made an Error {}', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    stderrLogger.error({ queue: 'q', err: new TypeError('the handler broke') }, 'message dead-lettered');
    expect(JSON.parse(written[0]!)).toMatchObject({ level: 'error', msg: 'message dead-lettered', queue: 'q', err: { type: 'TypeError', message: 'the handler broke', stack: expect.stringContaining('    at ') } });
  });
});
