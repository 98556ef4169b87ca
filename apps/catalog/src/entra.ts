/**
 * The dependencies a prod pod signs in to with its workload identity's Microsoft Entra token: each
 * asks Entra again before its token expires (PostgreSQL for each new connection's password, Redis on
 * its open connections, Service Bus and Event Hubs for their AMQP links, Azure OpenAI for its calls),
 * and each is cut off when Entra stays out of reach past the token's expiry (`ENTRA_TOKEN_IMPACT`).
 * The names are the values of the `dependency` label of `ENTRA_TOKEN_OUTAGE.failingMetric`, this
 * list their one source (`dependency_up` shares only postgresql and redis with it).
 */
export const ENTRA_DEPENDENCIES = ['postgresql', 'redis', 'servicebus', 'eventhubs', 'azureopenai'] as const;
export type EntraDependency = (typeof ENTRA_DEPENDENCIES)[number];

/**
 * What each dependency does to a pod once Entra has stayed out of reach past the token in hand's
 * expiry, as its ticket (TripGenEntraTokenFailing, one rule per dependency) and the runbook
 * (docs/runbooks.md#entra-token) say it: `name` as a reader knows it, `atExpiry` the impact, and
 * the ticket's `severity`. Every one a warning: the ticket opens about 28 minutes before the impact,
 * which has alerts of its own once it comes (TripGenDatabaseUnreachable pages).
 */
export const ENTRA_TOKEN_IMPACT = {
  postgresql: {
    name: 'PostgreSQL',
    atExpiry: 'PostgreSQL refuses its new connections (its open ones go on; the pod turns unready once its readiness check needs a new one, TripGenDatabaseUnreachable)',
    severity: 'warning',
  },
  redis: {
    name: 'Redis',
    atExpiry: 'Redis drops its connections (it serves from its in-process cache and counts rate limits per instance, TripGenRedisUnreachable)',
    severity: 'warning',
  },
  servicebus: {
    name: 'Service Bus',
    atExpiry: 'Service Bus closes its links (messages wait in their queues and in the outbox; nothing lost)',
    severity: 'warning',
  },
  eventhubs: {
    name: 'Event Hubs',
    atExpiry: "Event Hubs closes the trip service's producer links (its analytics events wait in the outbox)",
    severity: 'warning',
  },
  azureopenai: {
    name: 'Azure OpenAI',
    atExpiry: "Azure OpenAI refuses the AI service's calls (interest readings fall back to the keywords)",
    severity: 'warning',
  },
} as const satisfies Record<EntraDependency, { name: string; atExpiry: string; severity: 'critical' | 'warning' }>;

/**
 * Entra out of reach for a pod's token. The pods' credential answers from MSAL's cache until a token's
 * last 5 minutes, so the dependencies' own renewals reach Entra only then (the Service Bus SDK asks 2
 * minutes before the expiry, Redis's renewal 4, PostgreSQL's callback about 1.5); the kit also asks
 * Entra past that cache at half of each token's life (service-kit entra-token-watch.ts), where a
 * blocked egress first fails, about 30 minutes ahead of a 60-minute token's expiry. Past `escalateAfterMs` of failures without a token
 * between (sooner, the token in hand within `escalateBeforeExpiryMs` of its expiry) the kit logs them at error (a `network_error` that
 * lasts is a blocked egress or a wrong proxy, ours to fix; Entra's own trouble passes sooner), and
 * every pod exports for how long in `failingMetric`, one series per dependency (seconds, 0 while
 * renewals succeed or Entra is not used), which an alert reads past `alertAfterMs`
 * (docs/runbooks.md#entra-token): 2 minutes, so that a blip of Entra's shorter than that opens no
 * ticket, and the one that lasts opens it about 28 minutes before a 60-minute token expires.
 */
export const ENTRA_TOKEN_OUTAGE = {
  failingMetric: 'entra_token_failing_seconds',
  dependencies: ENTRA_DEPENDENCIES,
  impact: ENTRA_TOKEN_IMPACT,
  escalateAfterMs: 10 * 60_000,
  escalateBeforeExpiryMs: 3 * 60_000,
  alertAfterMs: 2 * 60_000,
} as const;
