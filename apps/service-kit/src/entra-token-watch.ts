/**
 * The pod's asks for Entra tokens of a dependency (PostgreSQL, Service Bus), watched: the credential
 * those clients are given, whose failures are logged as an outage that escalates (catalog
 * ENTRA_TOKEN_OUTAGE) and counted for the pod's gauge. Without it the failures were nobody's: the
 * PostgreSQL password callback's background refresh dropped them while the token in hand still
 * served, the Service Bus SDK wrote them to its own logger (off), and an SRE learned of the outage
 * when connections were refused at the token's expiry. Redis's renewal keeps its own (redis.ts),
 * since a refusal of the renewed token by Redis belongs to it too.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ENTRA_TOKEN_OUTAGE, type EntraDependency } from '@tripgen/catalog';
import { pino } from 'pino';
import { lastingFailureLog, type FailureLogger } from './http/problem.ts';

export interface EntraTokenWatch {
  /** The credential to give the dependency's client in place of the pod's own. */
  readonly credential: TokenCredential;
  /** For how long its token asks have been failing for an outage, an ask under way counted from its start; in seconds (0: none). */
  outageSeconds(): number;
}

// The pod's watches, one per dependency, and where they log: a process is one pod with one
// identity, and the PostgreSQL credential is made before the app and its logger exist
// (databasePassword), so the app hands its logger over once it has one (logEntraTokensTo).
const watches = new Map<EntraDependency, EntraTokenWatch>();
let sharedLog: FailureLogger = pino({ base: undefined });

/** Where every watch logs from now on (the app's logger). */
export const logEntraTokensTo = (log: FailureLogger): void => {
  sharedLog = log;
};

/** The gauge's reading for `dependency`: 0 while no watch of it exists in this process (no Entra, or not this service's). */
export const entraTokenOutageSeconds = (dependency: EntraDependency): number => watches.get(dependency)?.outageSeconds() ?? 0;

/**
 * Watches `credential`'s asks for `dependency`'s token (the process's watch of it from now on). Each
 * failure is `no Entra token for <dependency>; retrying`: at warn with `outage` while Entra is out of
 * reach, at error once that has lasted ENTRA_TOKEN_OUTAGE.escalateAfterMs or the last token it gave
 * is within escalateBeforeExpiryMs of its expiry (or past it); at error with `err` from the first when
 * Entra refuses our configuration. Any token ends the outage.
 */
export const watchEntraTokens = (credential: TokenCredential, dependency: EntraDependency, opts: { readonly log?: FailureLogger; readonly now?: () => number } = {}): EntraTokenWatch => {
  const now = opts.now ?? Date.now;
  let expiresOn: number | undefined;
  const failures = lastingFailureLog(
    { info: (o, m) => (opts.log ?? sharedLog).info(o, m), warn: (o, m) => (opts.log ?? sharedLog).warn(o, m), error: (o, m) => (opts.log ?? sharedLog).error(o, m) },
    ENTRA_TOKEN_OUTAGE.escalateAfterMs,
    { imminent: () => expiresOn !== undefined && expiresOn - now() <= ENTRA_TOKEN_OUTAGE.escalateBeforeExpiryMs, now },
  );
  // When each ask under way began: packets to Entra dropped leave one unanswered for minutes
  // (@azure/identity sets no timeout), and the outage counts from its start (as redis.ts does).
  const asking = new Set<{ readonly began: number }>();
  const watch: EntraTokenWatch = {
    credential: {
      async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
        const ask = { began: now() };
        asking.add(ask);
        try {
          const token = await credential.getToken(scopes, options);
          if (token) {
            expiresOn = token.expiresOnTimestamp;
            failures.succeeded();
          }
          return token;
        } catch (err) {
          failures.failed(err, { dependency }, `no Entra token for ${dependency}; retrying`, ask.began);
          throw err;
        } finally {
          asking.delete(ask);
        }
      },
    },
    outageSeconds() {
      const oldest = Math.min(...[...asking].map((a) => a.began));
      return Math.max(failures.outageSeconds(), asking.size === 0 ? 0 : (now() - oldest) / 1000);
    },
  };
  watches.set(dependency, watch);
  return watch;
};
