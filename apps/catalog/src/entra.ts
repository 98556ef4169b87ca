/**
 * The dependencies a prod pod signs in to with its workload identity's Microsoft Entra token: each
 * asks Entra again before its token expires (PostgreSQL for each new connection's password, Redis on
 * its open connections, Service Bus and Event Hubs for their AMQP links, Azure OpenAI for its calls),
 * and each is cut off when Entra stays out of reach past the token's expiry (new PostgreSQL connections
 * refused, Redis, Service Bus and Event Hubs dropping the open ones: the trip service's events wait in
 * its outbox; the AI service's interest readings fall back to the keywords). The names are the
 * values of the `dependency` label of `ENTRA_TOKEN_OUTAGE.failingMetric`, this list their one source
 * (`dependency_up` shares only postgresql and redis with it).
 */
export const ENTRA_DEPENDENCIES = ['postgresql', 'redis', 'servicebus', 'eventhubs', 'azureopenai'] as const;
export type EntraDependency = (typeof ENTRA_DEPENDENCIES)[number];

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
  escalateAfterMs: 10 * 60_000,
  escalateBeforeExpiryMs: 3 * 60_000,
  alertAfterMs: 2 * 60_000,
} as const;
