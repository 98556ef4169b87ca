/**
 * The trip service: trips and their schedules. A schedule request goes to the AI service through
 * ai-schedule-generation-queue (transactional outbox); its outcome is read back on the AI
 * service's internal route and kept in trip_db.
 */
import { ACCOUNT_ERASURE, FORGET_LEASE, SCHEDULE_RATE_LIMIT, scheduleOutcomeChannel } from '@tripgen/catalog';
import { createApp, loadConfig, operationBudget, prismaDatabase, redisDatabase, remoteTokenVerifier, servicePrismaClient, type App } from '@tripgen/service-kit';
import { createOutboxRelay, eventHubsPublisherFromEnv, leased, leaseTtlMs, schedulePruning, serviceBusBrokerFromEnv } from '@tripgen/service-kit/messaging';
import type { FastifyServerOptions } from 'fastify';
import { PEER_BUDGETS_MS, peers as createPeers } from './clients/peers.ts';
import { tripConfig } from './config.ts';
import { LEFT_HELD_MESSAGE, LEFT_TOO_LATE_MESSAGE, UNKNOWN_OWNERS_MESSAGE, eraseTripsOfDeletedAccounts } from './domain/account-erasure.ts';
import { nudgeClaim } from './domain/nudge-claim.ts';
import { forgetLease } from './domain/forgotten.ts';
import { tripEvents } from './domain/events.ts';
import { scheduleService } from './domain/schedules.ts';
import { tripRepository } from './domain/trips.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { scheduleRoutes } from './routes/schedules.ts';
import { tripRoutes } from './routes/trips.ts';

export interface BuildOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: FastifyServerOptions['logger'];
  /** Tests shorten how often a pod cut off from Redis reads the user service's revocations (the kit's). */
  readonly revocationFeedEveryMs?: number;
}

export const buildTripService = async (opts: BuildOptions = {}): Promise<App> => {
  const env = opts.env ?? process.env;
  const config = loadConfig({ service: 'trip' }, env);
  const trip = tripConfig(config.own);
  const prisma = await servicePrismaClient(PrismaClient, config, env);
  const verifier = remoteTokenVerifier(config);
  // What the replicas' Redis claims are scoped by: the stacks of a test process share one Redis database, each its own trip_db.
  const tripDatabase = new URL(config.databaseUrl).pathname.slice(1);
  return createApp({
    config,
    database: prismaDatabase(prisma),
    verifier,
    logger: opts.logger,
    revocationFeedEveryMs: opts.revocationFeedEveryMs,
    domain: async (app) => {
      const broker = await serviceBusBrokerFromEnv(env, { logger: app.log });
      // Trip events for analytics on Event Hubs (prod); off where no Event Hubs is configured (dev).
      const publisher = await eventHubsPublisherFromEnv(env);
      const events = tripEvents(publisher !== undefined);
      // A short backoff cap: once the broker is back, the queued requests leave within seconds.
      const relay = createOutboxRelay({ db: prisma, broker, events: publisher, logger: app.log, backoff: { maxMs: 2_000 }, onSetAside: (destination) => app.kit.metrics.outboxSetAside.inc({ destination }) });
      const peers = createPeers({ user: trip.userServiceUrl, location: trip.locationServiceUrl, ai: trip.aiServiceUrl }, trip.peerTimeoutFactor);
      // What a schedule costs the AI service, per user and across replicas (catalog SCHEDULE_RATE_LIMIT).
      const budget = operationBudget({ redis: app.kit.redis, name: 'schedules', what: 'schedule requests', max: trip.scheduleRateLimitMax, windowMs: SCHEDULE_RATE_LIMIT.timeWindowMs });
      // One replica reads each nudge (catalog SCHEDULE_NUDGE_CLAIM), per trip database as the erasure lease below.
      const claimNudge = nudgeClaim(app.kit.redis, tripDatabase, app.log);
      // One replica at a time sends the deleted schedules to the AI service's forget route (catalog FORGET_LEASE): kept
      // past one call's budget, so that a call in flight has ended before another replica takes over.
      const forgetting = forgetLease(app.kit.redis, `${FORGET_LEASE.keyPrefix}:${tripDatabase}`, PEER_BUDGETS_MS.ai * trip.peerTimeoutFactor + trip.sweepIntervalMs, app.log);
      // The AI service's and this service's channel of the Redis database both use: the stacks sharing a Redis server each hear their own.
      const outcomeChannel = scheduleOutcomeChannel(redisDatabase(app.kit.redis));
      const schedules = scheduleService({ prisma, peers, config: trip, budget, onEnqueued: () => relay.wake(), events, log: app.log, claimNudge, forgetLease: forgetting, forgetBacklog: (age) => app.kit.metrics.forgottenSchedulesOldest.set(age), announce: (scheduleId) => void app.kit.redis.publish(outcomeChannel, scheduleId).catch(() => undefined), nudgeDropped: () => app.kit.metrics.scheduleNudgesDropped.inc() });
      const trips = tripRepository(prisma, events, () => relay.wake(), schedules.withdrawals, trip.tripsPerTraveller, () => app.kit.health.draining);
      await app.register(tripRoutes, { trips, peers });
      await app.register(scheduleRoutes, { trips, schedules });
      // Owners of trips user_db does not know: kept, and said once per sweep (docs/runbooks.md#account-erasure):
      // counted in the kit's gauge, which an alert reads (a log line alone reached nobody), and named in a warning.
      const unknownOwners = (owners: number, sample: readonly string[]) => {
        app.kit.metrics.accountErasureUnknownOwners.set(owners);
        if (owners > 0) app.log.warn({ owners, sample }, `${UNKNOWN_OWNERS_MESSAGE}: their trips are kept (docs/runbooks.md#account-erasure)`);
      };
      // Sweeps that keep failing leave this behind, which an alert reads (a failure was a warning line per sweep, and the gauge above kept its last value).
      const completed = () => app.kit.metrics.accountErasureLastSuccess.set(Date.now() / 1000);
      // What keeps that gauge when no sweep fails: a trip held by a transaction that does not end (docs/runbooks.md).
      const leftHeld = (userId: string, tripId: string) => app.log.warn({ userId, tripId }, `${LEFT_HELD_MESSAGE} (docs/runbooks.md#account-erasure)`);
      const leftTooLate = (userId: string, tripId: string) => app.log.warn({ userId, tripId }, `${LEFT_TOO_LATE_MESSAGE} (docs/runbooks.md#account-erasure)`);
      app.kit.onStart('relay, sweeper and account erasure', async () => {
        relay.start();
        // The AI service's nudge once an outcome is committed there: read at once by the replica that claims it, not at the next sweep (up to 2 s).
        // A cancel or a trip change on any replica (announce) too. The reads waiting on it here wake as it is heard, not once this
        // replica's read of it is done: that read waits its turn behind the others (catalog SCHEDULE_NUDGE_READS), and a burst
        // holding the gate kept a wait from seeing a cancel on another replica (test/wait-woken-past-nudge-gate.test.ts). Woken,
        // a read reads its row and, still unfinished, asks the AI service at once (schedules.ts get), so an outcome not yet
        // recorded here is not left to its next REFRESH_EVERY_MS (README: 162 ms median when woken first to the row alone).
        app.kit.subscribe(outcomeChannel, (scheduleId) => {
          schedules.wake(scheduleId);
          void schedules.nudged(scheduleId);
        });
        const sweeper = schedules.sweeper();
        app.kit.onShutdown(() => sweeper.close(), 'schedule sweeper');
        // A deleted account's trips go on this schedule (catalog ACCOUNT_ERASURE), swept by the replica that takes the lease: every
        // replica swept every owner and every deletion record each period, the load times the replicas. One lease per trip
        // database: the stacks of a test process share one Redis, each its own trip_db.
        const lease = {
          redis: app.kit.redis,
          key: `${ACCOUNT_ERASURE.leaseKey}:${tripDatabase}`,
          ttlMs: leaseTtlMs(trip.accountErasureEveryMs),
          // Another replica sweeps: this one's count is not the last sweep's (the alert takes the largest of any replica).
          onSkipped: () => app.kit.metrics.accountErasureUnknownOwners.set(0),
          logger: app.log,
        };
        const sweep = (stopped: AbortSignal) =>
          eraseTripsOfDeletedAccounts({ prisma, trips, deletedAccounts: (ids) => peers.deletedAccounts(ids), eraseGenerations: (ids) => peers.eraseGenerations(ids), deletionRecords: (after) => peers.deletionRecords(after), unknownOwners, completed, leftHeld, leftTooLate }, stopped);
        const erasure = schedulePruning('trips of deleted accounts', leased(lease, sweep), trip.accountErasureEveryMs, app.log);
        app.kit.onDrain(() => erasure.stop(), 'account erasure');
        app.kit.onShutdown(() => relay.close(), 'outbox relay');
        app.kit.onShutdown(() => broker.close(), 'service bus');
        if (publisher) app.kit.onShutdown(() => publisher.close(), 'event hubs');
      });
    },
  });
};
