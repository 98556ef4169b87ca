/**
 * The local stand-in for the NGINX ingress / App Gateway: one base URL (default
 * http://127.0.0.1:8080) whose routes are generated from the catalog's route prefixes, exactly as
 * the ingress is, each proxied to the service that owns it. A service that is not running answers
 * 503 problem+json instead of hanging. Dev and test tooling only (tools/ is never in an image).
 */
import httpProxy from '@fastify/http-proxy';
import { SERVICE_NAMES, SERVICES, type ServiceName } from '@tripgen/catalog';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, registerProblemHandlers } from '@tripgen/service-kit';

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

export const createDevGateway = async (opts: DevGatewayOptions): Promise<FastifyInstance> => {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 });
  // The gateway's own answers (no route, a service that does not answer) are problem+json too;
  // set before the proxies are registered, so that they inherit it.
  registerProblemHandlers(app);
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
        rewriteRequestHeaders: (req, headers) => ({ ...headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' }),
        onError: (reply, { error }) => {
          // A timeout stays a 504 and an unavailable service a 503; anything else (refused, reset) is a bad gateway.
          const status = 'statusCode' in error && (error.statusCode === 503 || error.statusCode === 504) ? error.statusCode : 502;
          void reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(status, `The ${service} service did not answer; try again shortly`));
        },
      },
    });
  }
  return app;
};
