import { describe, expect, it } from 'vitest';
import { requestIdGenerator } from './request-id.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdGenerator', () => {
  it('makes UUID-shaped ids, distinct within a process and between processes (replicas)', () => {
    const one = requestIdGenerator();
    const ids = Array.from({ length: 10_000 }, one);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    const other = requestIdGenerator();
    expect(other()).not.toBe(requestIdGenerator()());
    expect(ids).not.toContain(other());
  });
});
