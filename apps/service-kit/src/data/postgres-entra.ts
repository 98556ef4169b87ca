/**
 * Entra ID token authentication for PostgreSQL (Azure Database for PostgreSQL flexible server with
 * password authentication off): the pod's workload identity gets an access token for the OSS RDBMS
 * resource and sends it as the password of its role (the managed identity's name). The server
 * checks the token only when a connection is opened, so an open session outlives its token; what
 * must be fresh is the password of each NEW connection. node-postgres calls a `password` function on
 * every connect: this module hands it one that returns a cached token and fetches the next one
 * before the current one expires (one request at a time, however many connections open at once).
 * https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-connect-with-managed-identity
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { PoolConfig } from 'pg';

/** Scope of Azure Database for PostgreSQL (and MySQL) tokens. */
export const POSTGRES_ENTRA_SCOPE = 'https://ossrdbms-aad.database.windows.net/.default';

export interface TokenPasswordOptions {
  /** Share of a token's lifetime after which the next connection fetches a new one (Entra tokens live 60-90 min). */
  readonly refreshAtFraction?: number;
  /** After a failed fetch with no valid token, connections fail at once (no new fetch) for this long, doubling on each failure up to `retryMaxMs` (default 1 s). */
  readonly retryMinMs?: number;
  /** The longest wait between fetches while they fail (default 30 s). */
  readonly retryMaxMs?: number;
  readonly now?: () => number;
}

/**
 * A `password` callback for node-postgres that returns a valid Entra token for every new connection.
 * Past `refreshAtFraction` of a token's lifetime the callback still answers with the current token
 * (it is valid for a while yet) and fetches the next one in the background, so a connection never
 * waits for Entra ID unless there is no valid token at all (the first connection, or after the
 * refreshes failed until expiry). Call it once at startup to have the first token ready.
 * Without a valid token, a failed fetch is not repeated for each connection, probe and request:
 * they fail at once with its error until the backoff (1 s, 2 s, ... 30 s) is over.
 */
export function entraTokenPassword(credential: TokenCredential, options: TokenPasswordOptions = {}): () => Promise<string> {
  const refreshAt = options.refreshAtFraction ?? 0.7;
  const retryMinMs = options.retryMinMs ?? 1_000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const now = options.now ?? Date.now;
  let current: { token: AccessToken; renewAfter: number } | undefined;
  let pending: Promise<string> | undefined;
  let failure: { error: unknown; retryAt: number; waitMs: number } | undefined;

  const refresh = (): Promise<string> =>
    (pending ??= (async () => {
      const issuedAt = now();
      try {
        const token = await credential.getToken(POSTGRES_ENTRA_SCOPE);
        if (token === null) throw new Error('PostgreSQL Entra authentication: the credential returned no token');
        current = { token, renewAfter: issuedAt + (token.expiresOnTimestamp - issuedAt) * refreshAt };
        failure = undefined;
        return token.token;
      } catch (error) {
        const waitMs = failure ? Math.min(failure.waitMs * 2, retryMaxMs) : retryMinMs;
        failure = { error, retryAt: now() + waitMs, waitMs };
        throw error;
      }
    })().finally(() => {
      pending = undefined;
    }));

  return async () => {
    const t = now();
    if (current !== undefined && t < current.renewAfter) return current.token.token;
    if (current !== undefined && t < current.token.expiresOnTimestamp) {
      // A failed background refresh is retried by the next connection; the current token still serves.
      refresh().catch(() => undefined);
      return current.token.token;
    }
    if (failure !== undefined && t < failure.retryAt && pending === undefined) throw failure.error;
    return refresh();
  };
}

/**
 * node-postgres pool settings from a connection URL, with the password given as a callback: a
 * `connectionString` would be parsed after the other settings and could replace the callback.
 * The URL names host, port, database and user (the managed identity's name); sslmode=require
 * (Azure's default) turns TLS on.
 */
export function poolConfigWithPassword(databaseUrl: string, password: () => Promise<string>): PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port === '' ? 5432 : Number(url.port),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username),
    password,
    ...(sslmode === null || sslmode === 'disable' ? {} : { ssl: true }),
  };
}

/**
 * The password callback a service's pool needs: none with DATABASE_AUTH=password (the URL carries
 * it), else the pod's workload-identity token, fetched once here so the first connection finds it.
 * A one-shot command (`atStart: 'command'`, the default: migrate, database-roles) fails when Entra ID
 * gives no token. A service (`'serve'`) starts without one and stays unready (its readiness check
 * cannot open a connection) while the callback asks again with backoff, as it does while PostgreSQL
 * is down: exiting put the pod in a crash loop, each restart waiting ~5 s on the token endpoint and
 * then longer in CrashLoopBackOff (up to 5 min) after Entra ID was back.
 */
export async function databasePassword(
  config: { readonly databaseAuth: 'password' | 'entra' },
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { readonly atStart?: 'command' | 'serve' } = {},
): Promise<(() => Promise<string>) | undefined> {
  if (config.databaseAuth === 'password') return undefined;
  const { azureCredentialFromEnv } = await import('../azure-credential.ts');
  const { watchEntraTokens } = await import('../entra-token-watch.ts');
  // Its failures logged and counted (the pod's gauge): the background refresh drops them otherwise.
  // Asked of Entra at half-life too, past MSAL's cache (`fresh`): an outage shows half an hour ahead.
  const password = entraTokenPassword(watchEntraTokens(await azureCredentialFromEnv(env), 'postgresql', { fresh: () => azureCredentialFromEnv(env) }).credential);
  try {
    await password();
  } catch (err) {
    if (options.atStart !== 'serve') throw err;
    // Before the app and its logger exist: one JSON line in the logs' shape (level 40, warn).
    console.log(JSON.stringify({ level: 40, time: Date.now(), msg: 'no Entra token for PostgreSQL yet: starting unready, asking again with backoff', err: { message: err instanceof Error ? err.message : String(err) } }));
  }
  return password;
}
