/**
 * The AI service: consumes ai-schedule-generation-queue, plans each trip with the itinerary engine
 * on candidates from the location service, keeps the result in ai_db and tells the traveller
 * (notification-queue, through the outbox). The trip service reads results on its internal route.
 */
import type { TokenCredential } from '@azure/identity';
import { ASYNC_OUTCOMES, GENERATION_RETENTION, INTEREST_READINGS, QUEUES, aiRunEndedChannel, scheduleOutcomeChannel } from '@tripgen/catalog';
import { createApp, isRedisReady, LLM_CACHE_RESULTS, LLM_CALL_OUTCOMES, LLM_FALLBACK_REASONS, loadConfig, operationBudget, prismaDatabase, recordAsyncRequest, redisDatabase, remoteTokenVerifier, servicePrismaClient, watchEntraTokens, type App } from '@tripgen/service-kit';
import { azureCredentialFromEnv, createOutboxRelay, schedulePruning, serviceBusBrokerFromEnv } from '@tripgen/service-kit/messaging';
import { createTravelTimeProvider } from '@tripgen/planner/routing';
import type { FastifyServerOptions } from 'fastify';
import { cachedCandidates } from './clients/candidate-cache.ts';
import { locationDirectory } from './clients/location.ts';
import { aiConfig } from './config.ts';
import { generationRepository, pruneFailedGenerations, type OnFinished } from './domain/generations.ts';
import { consumeScheduleRequests } from './domain/schedule-consumer.ts';
import { SERVED_SINCE, joinService, type ServedSince } from './domain/served-since.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { azureOpenAIInterestModel, logModelFailure } from './llm/azure-openai.ts';
import { AI_CACHE_SHAPE, cachedReadings } from './llm/readings-cache.ts';
import { threadEngine } from './planning/engine.ts';
import { engineBacklog } from './planning/generate.ts';
import { withFallback } from './planning/interests.ts';
import { interestRoutes } from './routes/interests.ts';
import { internalRoutes } from './routes/internal.ts';

export interface BuildOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: FastifyServerOptions['logger'];
  /** The LLM adapter's credential (tests: one that hands out a token without Azure); default the pod's. */
  readonly azureCredential?: TokenCredential;
}

export const buildAiService = async (opts: BuildOptions = {}): Promise<App> => {
  const env = opts.env ?? process.env;
  const config = loadConfig({ service: 'ai' }, env);
  const ai = aiConfig(config.own);
  const prisma = await servicePrismaClient(PrismaClient, config, env);
  const verifier = remoteTokenVerifier(config);
  return createApp({
    config,
    database: prismaDatabase(prisma),
    verifier,
    logger: opts.logger,
    cacheShape: AI_CACHE_SHAPE,
    domain: async (app) => {
      const { metrics } = app.kit;
      const llm = ai.azureOpenAI
        ? azureOpenAIInterestModel({
            ...ai.azureOpenAI,
            apiVersion: ai.azureOpenAI.apiVersion,
            // Watched (catalog ENTRA_TOKEN_OUTAGE): a failing token showed only as readings falling
            // back to the keywords, not as Entra out of reach, and asked of Entra only near its expiry.
            credential: watchEntraTokens(opts.azureCredential ?? (await azureCredentialFromEnv(env)), 'azureopenai', {
              log: app.log,
              ...(opts.azureCredential ? {} : { fresh: () => azureCredentialFromEnv(env) }),
            }).credential,
            onCall: (outcome, seconds) => {
              metrics.llmCalls.inc({ outcome });
              metrics.llmCallDuration.observe({ outcome }, seconds);
            },
          })
        : undefined;
      // Every series from the start (0 before the first of its kind), so a rate or a share reads 0, not nothing.
      if (llm) {
        for (const outcome of LLM_CALL_OUTCOMES) metrics.llmCalls.inc({ outcome }, 0);
        for (const result of LLM_CACHE_RESULTS) metrics.llmCacheLookups.inc({ result }, 0);
      }
      for (const reason of LLM_FALLBACK_REASONS) metrics.llmFallbacks.inc({ reason }, 0);
      // The model's readings are kept (catalog INTEREST_READINGS): the same lists are asked again and again.
      const interests = withFallback(
        llm && cachedReadings(llm, app.kit.cache, { onLookup: (result) => metrics.llmCacheLookups.inc({ result }) }),
        (err) => logModelFailure(app.log, err),
        (reason) => metrics.llmFallbacks.inc({ reason }),
      );
      // What a traveller's interest previews may cost in model calls, across replicas; past it the keywords answer.
      const readingBudget = operationBudget({ redis: app.kit.redis, name: 'llm-readings', what: 'interest readings', max: INTEREST_READINGS.budget.max, windowMs: INTEREST_READINGS.budget.timeWindowMs });
      const generations = generationRepository(prisma);
      // ROUTING_PROVIDER: the haversine model, or OSRM behind a matrix cache with the model as flagged fallback.
      const travelTimes = createTravelTimeProvider(ai.routing);
      // The product's promise (a schedule within 5 s of the request), which no HTTP histogram or
      // server span here sees: for Prometheus (the async histogram) and for Application Insights (a
      // request record from the request to its outcome, what the Azure alert reads).
      const onFinished: OnFinished = (f) => {
        app.kit.metrics.asyncRequestDuration.observe({ queue: QUEUES.aiScheduleGeneration, outcome: f.status }, f.secondsSinceAsked);
        // Application Insights keeps only what the objective counts (catalog ASYNC_OUTCOMES): the
        // Azure alert reads every schedule record, and a withdrawal is the traveller's, not ours.
        if (ASYNC_OUTCOMES[f.status].slo) recordAsyncRequest(app.kit.tracing, { queue: QUEUES.aiScheduleGeneration, id: f.scheduleId, askedAt: f.askedAt, success: f.status === 'completed' });
      };
      // This pod's run of service (served-since.ts), once it joined ai_pods in onReady below.
      let joined: ServedSince | undefined;
      // A withdraw call failed here: the cancel waits behind its request on the queue, and the run ends.
      await app.register(internalRoutes, { generations, onFinished, onWithdrawFailed: (err) => joined?.withdrawFailed(err) });
      await app.register(interestRoutes, { model: interests, allowance: (userId) => () => readingBudget.trySpend(userId) });

      const broker = await serviceBusBrokerFromEnv(env, { logger: app.log });
      // Notifications leave through the outbox; a short backoff cap so they follow soon after a broker outage.
      const relay = createOutboxRelay({ db: prisma, broker, logger: app.log, backoff: { maxMs: 5_000 }, onSetAside: (destination) => app.kit.metrics.outboxSetAside.inc({ destination }) });
      // Once the trip service can reach the routes (the withdraw route): alone at its start, this pod's run of
      // service begins then. Not at listen: the pod joins its Service's endpoints once the kubelet saw its
      // readiness answer 200 (the startup probe, then readiness, every PROBE_TIMING.periodSeconds: up to a
      // minute after listen), and a cancel meanwhile found nobody while the request was taken as after the run began.
      // Each readiness 200: the run begun again after ai_db was out of the pod's reach (its withdraw route failed meanwhile).
      let probed = false;
      let unprobed: NodeJS.Timeout | undefined;
      const beginServing = (): void => {
        if (!joined) return;
        clearTimeout(unprobed);
        void joined.listening();
      };
      const beginUnprobed = (): void => {
        if (probed) return;
        clearTimeout(unprobed);
        unprobed = setTimeout(beginServing, SERVED_SINCE.unprobedMs);
        unprobed.unref();
      };
      // A withdraw call failed on one pod of this ai_db ends every one's run, as any may take the request
      // whose cancel went untold (served-since.ts RunEndedNews).
      const runEndedChannel = aiRunEndedChannel(decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)));
      // Heard before this pod joined (starting: its engine's warm-up, its join in flight): told to it once
      // joined, else its join inherited the moment of a run the news ended (the row of the pod whose
      // withdraw call failed keeps it while ai_db is slow for that pod, up to SERVED_SINCE.leaseMs).
      let heardUnjoined: string | undefined;
      app.kit.subscribe(runEndedChannel, (podId) => (joined ? joined.heard(podId) : void (heardUnjoined = podId)));
      const news = { tell: (podId: string) => app.kit.redis.publish(runEndedChannel, podId), hearing: () => isRedisReady(app.kit.redis) };
      app.kit.onReadyAnswer((ready) => {
        // A 503: the kubelet takes the pod out of its Service's endpoints at the threshold's (served-since.ts counts them).
        if (!ready) return void joined?.refused();
        probed = true;
        beginServing();
      });
      app.addHook('onListen', async () => beginUnprobed());
      // One start step (the kit names it and its parts in the logs while they run: a stuck start says where).
      app.kit.onStart('engine, ai_pods join and schedule consumer', async () => {
        // The engine thread is started and warmed before the service is ready (listen waits for the
        // onReady hooks): otherwise the first plans pay for its module load and a cold JIT. A thread
        // that cannot plan the warm-up fails the start rather than every schedule later.
        const engine = threadEngine();
        // After the consumer has finished (onShutdown steps wait for the onDrain ones): the plans of the requests it lets finish still need the engine.
        app.kit.onShutdown(() => engine.close(), 'engine');
        app.log.info({ warmUpMs: Math.round(await app.kit.startStep('engine warm-up', () => engine.warm())) }, 'engine thread warm');
        // The thread's isolate keeps what a burst of plans grew it by (issue 15); its own timer never runs while it waits for a task.
        app.kit.reduceWhenQuiet(engine.heap);
        relay.start();
        // Before the consumer: which waiting requests may have a cancel's withdrawal behind them (served-since.ts).
        // A run ended (ai_db out of reach) in a process never probed begins again as its first did.
        const served = await app.kit.startStep('ai_pods join', () => joinService(prisma, (obj, msg) => app.log.warn(obj, msg), { onRunEnded: beginUnprobed, news }));
        joined = served;
        if (heardUnjoined !== undefined) served.heard(heardUnjoined);
        // As the drain begins: readiness then says draining, the kubelet takes the pod out of its Service's
        // endpoints and the trip service's withdraw calls no longer reach it (nor does its consumer take
        // more). Deleted only at shutdown, the row of the last pod counted it up through the drain (up to
        // terminationGracePeriodSeconds, 30 s), and a pod starting then inherited a run nobody served.
        app.kit.onDrain(() => served.close(), 'ai_pods row');
        const requests = await app.kit.startStep('schedule consumer start', () => consumeScheduleRequests(
          broker,
          prisma,
          {
            // Areas asked by many travellers (the same city on the same dates) cross the network once.
            directory: cachedCandidates(locationDirectory(ai.locationServiceUrl)),
            interests,
            budget: { timeLimitMs: ai.engineTimeLimitMs, maxIterations: ai.engineMaxIterations },
            travelTimes,
            backlog: engineBacklog(),
            engine,
            log: app.log,
          },
          {
            concurrency: ai.concurrency,
            logger: app.log,
            onFinished,
            servedSince: served.since,
            // Best effort: the trip service's sweep finds what a lost nudge did not tell it.
            onCommitted: (scheduleId) => void app.kit.redis.publish(scheduleOutcomeChannel(redisDatabase(app.kit.redis)), scheduleId).catch(() => undefined),
            onOutcome: (e) => {
              app.kit.metrics.messagesConsumed.inc({ queue: e.queue, outcome: e.outcome });
              if (e.outcome === 'processed') relay.wake();
            },
          },
        ));
        app.kit.onDrain(() => requests.close(), 'schedule consumer');
        // ai_db is not an archive: failed generations go once nothing can ask for them (catalog GENERATION_RETENTION).
        const pruner = schedulePruning('generations', (stopped) => pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs, stopped), GENERATION_RETENTION.pruneEveryMs, app.log);
        app.kit.onDrain(() => pruner.stop(), 'generations pruning');
        app.kit.onShutdown(() => relay.close(), 'outbox relay');
        app.kit.onShutdown(() => broker.close(), 'service bus');
      });
    },
  });
};
