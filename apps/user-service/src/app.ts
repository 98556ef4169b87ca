/**
 * The user service: accounts, login and access tokens (JWKS), profile and preferences, and the
 * notifications inbox fed by notification-queue. Everything else comes from the service kit.
 */
import { createApp, createTokenVerifier, isRedisReady, loadConfig, prismaDatabase, servicePrismaClient, startStep, type App } from '@tripgen/service-kit';
import type { FastifyServerOptions } from 'fastify';
import { PrismaClient } from './generated/prisma/client.ts';
import { loadSigningKeyPem } from './domain/signing-key.ts';
import { openKeyRing, ringJwks, type KeyRingTiming } from './domain/signing-keys.ts';
import { USER_CACHE_SHAPE, userRepository } from './domain/users.ts';
import { INBOX_SHOWN, consumeNotifications, pruneUnshownNotifications } from './domain/notifications.ts';
import { ACCOUNT_TOMBSTONE_RETENTION, MESSAGE_RETENTION, TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { pruneDeletionRecords } from './domain/deleted-accounts.ts';
import { schedulePruning, serviceBusBrokerFromEnv } from '@tripgen/service-kit/messaging';
import { durableRevocations, type DurableRevocations } from './domain/revocation-records.ts';
import { revocationRoutes } from './routes/revocations.ts';
import { authRoutes, loginThrottle } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';

export interface BuildOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Tests shorten the rotation schedule. */
  readonly keyRingTiming?: KeyRingTiming;
  /** Tests shorten how often the token revocations are compared with Redis (catalog TOKEN_REVOCATIONS.republishEveryMs). */
  readonly revocationRepublishEveryMs?: number;
  readonly logger?: FastifyServerOptions['logger'];
}

export const buildUserService = async (opts: BuildOptions = {}): Promise<App> => {
  const env = opts.env ?? process.env;
  const config = loadConfig({ service: 'user' }, env);
  // Steps of the start before its app, named and watched as the app's (a Key Vault mount or user_db that never answers).
  const secret = await startStep('signing key read', () => loadSigningKeyPem(config.own.JWT_SIGNING_KEY_FILE, config.nodeEnv === 'production', config.own.JWT_SIGNING_KEY));
  const prisma = await servicePrismaClient(PrismaClient, config, env);
  // Signing keys rotate on a schedule with overlap, shared by the replicas through user_db.
  const ring = await startStep('signing key ring read', () => openKeyRing({ store: prisma, secretPem: secret, timing: opts.keyRingTiming }));
  // The issuer verifies its own tokens with its own key ring: no HTTP round trip to itself.
  const verifier = createTokenVerifier(ringJwks(ring), config.jwtIssuer, config.jwtAudience);
  const database = prismaDatabase(prisma);
  /** The domain's (set as it registers), for readiness. */
  let recorded: DurableRevocations | undefined;
  return createApp({
    config,
    // Ready only once the key ring is read from user_db: a replica that started while it was out of
    // reach signs with the mounted key alone, which the other replicas no longer publish after a rotation.
    // Nor before it knows the revocations: started while Redis and user_db were both out of reach, it
    // would accept every token revoked within a token's lifetime until its next read.
    database: { ...database, ping: async () => (await database.ping(), await ring.ready(), await recorded?.ready()) },
    verifier,
    cacheShape: USER_CACHE_SHAPE,
    logger: opts.logger,
    domain: async (app) => {
      const users = userRepository(prisma, app.kit.cache);
      // What Redis loses of the token revocations is written back from user_db (domain/revocation-records.ts).
      const revocations = durableRevocations({ prisma, revocations: app.kit.revocations, redis: app.kit.redis, log: app.log, republishEveryMs: opts.revocationRepublishEveryMs, leaseKey: `${TOKEN_REVOCATIONS.republishLeaseKey}:${new URL(config.databaseUrl).pathname.slice(1)}` });
      recorded = revocations;
      app.kit.onDrain(() => revocations.stop(), 'token revocations republish');
      // Started while Redis is out of reach: not ready knowing no revocation (the kit's read gave up), but
      // with user_db's record, which the schedule then reads again each period until Redis answers.
      app.kit.onStart('token revocations from user_db', async () => {
        await app.kit.revocations.loaded;
        if (!isRedisReady(app.kit.redis)) await revocations.learn();
      });
      app.addHook('onClose', async () => revocations.stop());
      // One count per account on this replica, login's and the account's password routes' alike: while
      // Redis is unreachable each instance counts on its own, so two would give a guesser two budgets.
      const throttle = loginThrottle(app.kit.redis, secret);
      await app.register(authRoutes, { users, ring, revocations, throttle });
      app.addHook('onClose', async () => ring.close());
      ring.onError((err) => app.log.error({ err }, 'signing key ring refresh failed; the keys loaded before keep serving'));
      await app.register(userRoutes, { users, revocations, throttle });
      await app.register(revocationRoutes, { prisma });
      // Consumers start once HTTP is ready and stop taking messages when the drain starts (kit.onDrain);
      // the broker closes after HTTP has drained and they have finished (kit shutdown order).
      const broker = await serviceBusBrokerFromEnv(env, { logger: app.log });
      app.kit.onStart('notification consumer', async () => {
        const inbox = await consumeNotifications(broker, prisma, app.log, (e) => app.kit.metrics.messagesConsumed.inc({ queue: e.queue, outcome: e.outcome }));
        app.kit.onDrain(() => inbox.close(), 'notification consumer');
        // The inbox is not an archive: what its route can no longer show goes, on the messaging prunes' schedule.
        const pruner = schedulePruning('notifications', (stopped) => pruneUnshownNotifications(prisma, INBOX_SHOWN, stopped), MESSAGE_RETENTION.pruneEveryMs, app.log);
        app.kit.onDrain(() => pruner.stop(), 'notifications pruning');
        // The records of deletions, kept for the backups' retention (catalog ACCOUNT_TOMBSTONE_RETENTION).
        const records = schedulePruning('deleted_accounts', () => pruneDeletionRecords(prisma, ACCOUNT_TOMBSTONE_RETENTION.keepMs), ACCOUNT_TOMBSTONE_RETENTION.pruneEveryMs, app.log);
        app.kit.onDrain(() => records.stop(), 'deletion records pruning');
        app.kit.onShutdown(() => broker.close(), 'service bus');
      });
    },
  });
};
