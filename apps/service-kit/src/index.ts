export { loadConfig, ConfigError, type ServiceConfig, type LoadConfigOptions } from './config.ts';
export { createApp, type App, type CreateAppOptions, type Database, type Kit } from './app.ts';
export { runService, drainAndClose } from './server.ts';
export { HttpProblem, problem, registerProblemHandlers, PROBLEM_CONTENT_TYPE, type Problem } from './http/problem.ts';
export { createTokenVerifier, remoteJwks, localJwks, bearerToken, type AuthenticatedUser, type TokenVerifier } from './auth/jwt.ts';
export { createTwoLevelCache, type TwoLevelCache } from './cache.ts';
export { createPrismaClient, prismaDatabase } from './data/prisma.ts';
export { ProblemSchema } from './http/schemas.ts';
export { createFailureThrottle, type FailureThrottle, type FailureThrottleOptions, type AttemptVerdict } from './http/failure-throttle.ts';
