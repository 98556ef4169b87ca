/**
 * The rule that a route whose target may be missing declares how it is found (config.target), shown
 * failing on the routes that broke it: without it a conditional request is taken as on a target that
 * is there, and a false condition answered 412 where the route's 404 or 401 is due (RFC 9110 13.2.1).
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_TARGET, EVALUATED_BY_ROUTE, evaluatePreconditions, undeclaredTarget, type ConditionalHeaders } from './preconditions.ts';
import { HttpProblem } from './problem.ts';
import { ProblemSchema } from './schemas.ts';

const found = async () => CURRENT_TARGET;

describe('undeclaredTarget', () => {
  it('names a route with a path parameter, or a 404 or 401 of its own, that has no config.target', () => {
    expect(undeclaredTarget({ url: '/api/v1/places/:id', response: { 200: {} } })).toMatch(/^\/api\/v1\/places\/:id has a path parameter but no config.target/);
    expect(undeclaredTarget({ url: '/api/v1/trips/:id/schedules/:scheduleId' })).toMatch(/has a path parameter but/);
    expect(undeclaredTarget({ url: '/api/v1/users/me', response: { 200: {}, 401: ProblemSchema } })).toMatch(/has a 401 in its response schema but/);
    expect(undeclaredTarget({ url: '/api/v1/things/:id', response: { 404: ProblemSchema, 401: ProblemSchema } })).toMatch(/has a path parameter and a 401 in its response schema and a 404 in its response schema but/);
  });

  it('takes a route that declares one (a finder or EVALUATED_BY_ROUTE), and one that needs none: a collection, an action with no 404 or 401 of its own', () => {
    expect(undeclaredTarget({ url: '/api/v1/places/:id', response: { 404: ProblemSchema }, target: found })).toBeUndefined();
    expect(undeclaredTarget({ url: '/api/v1/auth/login', response: { 401: ProblemSchema }, target: EVALUATED_BY_ROUTE })).toBeUndefined();
    expect(undeclaredTarget({ url: '/api/v1/trips', response: { 200: {}, 400: ProblemSchema } })).toBeUndefined();
    // A colon that is not a parameter's (none of ours has one, but find-my-way reads "::" as a literal colon).
    expect(undeclaredTarget({ url: '/api/v1/trips' })).toBeUndefined();
  });
});

describe('evaluatePreconditions with an entity tag', () => {
  const target = { state: 'current', etag: '"kq3x1"' } as const;
  const none = { 'if-match': undefined, 'if-none-match': undefined, 'if-unmodified-since': undefined, 'if-modified-since': undefined };
  const outcome = (method: string, headers: Partial<ConditionalHeaders>, on: Parameters<typeof evaluatePreconditions>[2] = target) => {
    const answer = evaluatePreconditions(method, { ...none, ...headers }, on);
    return answer instanceof HttpProblem ? answer.statusCode : (answer ?? 'carried out');
  };

  it('If-Match: true for the tag alone or in a list (any spacing), false for it weak, quoted otherwise, or on a target without one (RFC 9110 13.1.1, strong comparison)', () => {
    for (const list of ['"kq3x1"', '"a","kq3x1"', ' "a" ,  "kq3x1" ', '*']) expect(outcome('PATCH', { 'if-match': list }), list).toBe('carried out');
    for (const list of ['W/"kq3x1"', 'w/"kq3x1"', 'kq3x1', '"kq3x1', '"a", W/"kq3x1"', '"KQ3X1"', '']) expect(outcome('PATCH', { 'if-match': list }), list).toBe(412);
    expect(outcome('PATCH', { 'if-match': '"kq3x1"' }, CURRENT_TARGET)).toBe(412);
  });

  it('If-None-Match: names the tag, weak or strong (13.1.2, weak comparison): 304 on a GET or HEAD, 412 on anything else; another tag is true', () => {
    for (const list of ['"kq3x1"', 'W/"kq3x1"', '"a", W/"kq3x1"']) {
      expect([outcome('GET', { 'if-none-match': list }), outcome('HEAD', { 'if-none-match': list }), outcome('PATCH', { 'if-none-match': list })], list).toEqual(['not-modified', 'not-modified', 412]);
    }
    expect([outcome('GET', { 'if-none-match': '"a"' }), outcome('PATCH', { 'if-none-match': 'W/"a"' }), outcome('GET', { 'if-none-match': '"kq3x1"' }, CURRENT_TARGET)]).toEqual(['carried out', 'carried out', 'carried out']);
  });
});
