/**
 * The local stand-in for the NGINX ingress / App Gateway: one base URL (default
 * http://127.0.0.1:8080) whose routes are generated from the catalog's route prefixes, exactly as
 * the ingress is, each proxied to the service that owns it. A service that is not running answers
 * 503 problem+json instead of hanging, and a body over the limit every layer enforces (the catalog's
 * REQUEST_BODY_LIMIT_BYTES; the ingress's client-max-body-size) 413 problem+json before anything is
 * proxied. A client's correlation headers (x-request-id, traceparent, tracestate, baggage) and the
 * Envoy headers prod's mesh gateway would take from it (the catalog's EDGE_STRIPPED_REQUEST_HEADERS)
 * are not passed on, as the ingress does not. Dev and test tooling
 * only (tools/ is never in an image).
 */
import { Transform } from 'node:stream';
import httpProxy from '@fastify/http-proxy';
import { EDGE_STRIPPED_REQUEST_HEADERS, REQUEST_BODY_LIMIT_BYTES, SERVICE_NAMES, SERVICES, type ServiceName } from '@tripgen/catalog';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, refusalOptions, registerProblemHandlers } from '@tripgen/service-kit';

/** The base URL port of `npm run dev` (api.md; GATEWAY_PORT overrides it). */
export const DEV_GATEWAY_PORT = 8080;

export interface DevGatewayOptions {
  /** Base URL of each running service (e.g. http://127.0.0.1:3001); services left out answer 503. */
  readonly upstreams: Partial<Record<ServiceName, string>>;
  readonly logger?: FastifyServerOptions['logger'];
}

/** Every catalog route prefix and the service that owns it (what the ingress routes). */
export const gatewayRoutes = (): { prefix: string; service: ServiceName }[] =>
  SERVICE_NAMES.flatMap((service) => SERVICES[service].routes.map((r) => ({ prefix: r.prefix, service })));

const tooLarge = (size: string) => problem(413, `The request body (${size}) is larger than the ${REQUEST_BODY_LIMIT_BYTES} bytes accepted`);

/** A 413 raised while a body without a length streams through (chunked). */
class BodyTooLarge extends Error {
  readonly statusCode = 413;
}

/** Passes a body through, failing it with BodyTooLarge once more than `limit` bytes have come. */
const limitedBody = (limit: number): Transform => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > limit ? new BodyTooLarge(`more than ${limit} bytes`) : null, chunk);
    },
  });
};

const STRIPPED: ReadonlySet<string> = new Set(EDGE_STRIPPED_REQUEST_HEADERS);

/** The request's headers less the catalog's EDGE_STRIPPED_REQUEST_HEADERS (Node gives their names in lower case). */
const withoutEdgeStripped = <T extends Record<string, unknown>>(headers: T): Partial<T> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !STRIPPED.has(name))) as Partial<T>;

export const createDevGateway = async (opts: DevGatewayOptions): Promise<FastifyInstance> => {
  // What the router or Node's parser refuses, and a request not received in time, is answered as a
  // service answers it, problem+json (without the security headers: the ingress it stands for adds none).
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: REQUEST_BODY_LIMIT_BYTES, ...refusalOptions([]) });
  // The gateway's own answers (no route, a service that does not answer) are problem+json too;
  // set before the proxies are registered, so that they inherit it.
  registerProblemHandlers(app);
  // A body over the limit every layer enforces (the ingress's client-max-body-size) is refused here, as
  // the ingress refuses it, before anything is proxied: the service never sees it, and the client's
  // connection stays usable (Node reads and discards the rest of the body after the answer).
  app.addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > REQUEST_BODY_LIMIT_BYTES) return reply.code(413).type(PROBLEM_CONTENT_TYPE).send(tooLarge(`${length} bytes`));
    return undefined;
  });
  // A body without a length (chunked) is counted as it streams to the service.
  app.addHook('preParsing', async (request, _reply, payload) => (request.headers['content-length'] === undefined ? payload.pipe(limitedBody(REQUEST_BODY_LIMIT_BYTES)) : payload));
  for (const { prefix, service } of gatewayRoutes()) {
    const upstream = opts.upstreams[service];
    if (!upstream) {
      app.all(`${prefix}`, async (_req, reply) => reply.code(503).type(PROBLEM_CONTENT_TYPE).send(problem(503, `The ${service} service is not running`)));
      app.all(`${prefix}/*`, async (_req, reply) => reply.code(503).type(PROBLEM_CONTENT_TYPE).send(problem(503, `The ${service} service is not running`)));
      continue;
    }
    await app.register(httpProxy, {
      upstream,
      prefix,
      rewritePrefix: prefix,
      // Keep the caller's address for per-IP limits behind the gateway, as the ingress does.
      replyOptions: {
        // The ingress passes a service's 503 on as it came; reply-from would retry a GET's 503 up to
        // ten times (its maxRetriesOn503 cannot be 0), hiding an overloaded or draining service in dev.
        retryDelay: () => null,
        // Expect: 100-continue was answered to the client already (Node's server does, as NGINX does); the
        // upstream client (undici) refuses a request carrying it, which made every such request a 502.
        // A client's correlation and Envoy headers stop here, as at the ingress (catalog EDGE_STRIPPED_REQUEST_HEADERS).
        rewriteRequestHeaders: (req, { expect: _answered, ...headers }) => ({ ...withoutEdgeStripped(headers), 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' }),
        onError: (reply, { error }) => {
          // reply-from wraps the body stream's failure; the cause says it was ours.
          if (error instanceof BodyTooLarge || (error as { cause?: unknown }).cause instanceof BodyTooLarge) {
            // The rest of the body is read and dropped, so that the connection can carry the next request.
            reply.request.raw.resume();
            return void reply.code(413).type(PROBLEM_CONTENT_TYPE).send(tooLarge(error.message));
          }
          // A timeout stays a 504 and an unavailable service a 503; anything else (refused, reset) is a bad gateway.
          const status = 'statusCode' in error && (error.statusCode === 503 || error.statusCode === 504) ? error.statusCode : 502;
          void reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(status, `The ${service} service did not answer; try again shortly`));
        },
      },
    });
  }
  return app;
};
