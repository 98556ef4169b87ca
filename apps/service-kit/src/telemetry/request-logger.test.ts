/**
 * The lazy request logger writes exactly the lines its child would (bindings included), and makes
 * no child while nothing is written at an enabled level.
 */
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { loggedRequest, requestLogger, type PinoLogger } from './request-logger.ts';

const rootLogger = (level: string) => {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  const app = Fastify({ logger: { level, stream } });
  const root = app.log as PinoLogger;
  const children = { made: 0 };
  // Counts every child made: pino's children inherit `child` from the root, so nested ones count too.
  const child = root.child;
  root.child = function (this: PinoLogger, ...args: Parameters<typeof root.child>) {
    children.made++;
    return child.apply(this, args);
  };
  return { root, lines, children };
};

it('makes no child for lines below the level, and writes enabled ones with the bindings and the trace ids', () => {
  const { root, lines, children } = rootLogger('warn');
  let asked = 0;
  const span = { spanContext: () => (asked++, { traceId: 't1', spanId: 's1' }) };
  const log = requestLogger(root, { reqId: 'r1' }, {}, span);
  log.info({ req: {} }, 'incoming request');
  log.debug('detail');
  log.trace('more');
  expect(children.made).toBe(0);
  expect(asked).toBe(0);
  expect(log.level).toBe('warn');
  log.warn({ statusCode: 503 }, 'slow');
  log.error('broken');
  expect(children.made).toBe(1);
  expect(lines).toMatchObject([
    { level: 40, reqId: 'r1', trace_id: 't1', span_id: 's1', statusCode: 503, msg: 'slow' },
    { level: 50, reqId: 'r1', trace_id: 't1', span_id: 's1', msg: 'broken' },
  ]);
});

it('follows a level set on it or on its parent, and makes a route\'s own level or serializers at once', () => {
  const { root, lines, children } = rootLogger('info');
  const log = requestLogger(root, { reqId: 'r2' }, {});
  root.level = 'error';
  log.warn('hidden');
  expect(children.made).toBe(0);
  log.level = 'debug';
  log.debug('shown');
  expect(lines).toMatchObject([{ level: 20, reqId: 'r2', msg: 'shown' }]);
  const child = log.child({ step: 'x' });
  child.info('nested');
  expect(lines.at(-1)).toMatchObject({ reqId: 'r2', step: 'x', msg: 'nested' });
  const before = children.made;
  requestLogger(root, { reqId: 'r3' }, { level: 'trace' });
  expect(children.made).toBe(before + 1);
});

it('logs a request with its query parameters\' names and no values (a token or password a client puts there), and at most 300 characters of it', () => {
  const req = { method: 'GET', url: '/api/v1/trips?access_token=eyJ.secret&password=hunter2&eyJ.bare&limit=5', host: 'x', ip: '10.0.0.1', socket: { remotePort: 5 } };
  expect(loggedRequest(req)).toEqual({ method: 'GET', url: '/api/v1/trips?access_token=…&password=…&…&limit=…', host: 'x', remoteAddress: '10.0.0.1', remotePort: 5 });
  expect(loggedRequest({ ...req, url: '/api/v1/trips/7' }).url).toBe('/api/v1/trips/7');
  expect(loggedRequest({ ...req, url: `/a?${'k'.repeat(10_000)}=v` }).url).toHaveLength(301);
});
