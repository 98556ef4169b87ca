// apps/service-kit/src/data/postgres-entra.ts
var POSTGRES_ENTRA_SCOPE = "https://ossrdbms-aad.database.windows.net/.default";
function entraTokenPassword(credential, options = {}) {
  const refreshAt = options.refreshAtFraction ?? 0.7;
  const retryMinMs = options.retryMinMs ?? 1e3;
  const retryMaxMs = options.retryMaxMs ?? 3e4;
  const now = options.now ?? Date.now;
  let current;
  let pending;
  let failure;
  const refresh = () => pending ??= (async () => {
    const issuedAt = now();
    try {
      const token = await credential.getToken(POSTGRES_ENTRA_SCOPE);
      if (token === null) throw new Error("PostgreSQL Entra authentication: the credential returned no token");
      current = { token, renewAfter: issuedAt + (token.expiresOnTimestamp - issuedAt) * refreshAt };
      failure = void 0;
      return token.token;
    } catch (error) {
      const waitMs = failure ? Math.min(failure.waitMs * 2, retryMaxMs) : retryMinMs;
      failure = { error, retryAt: now() + waitMs, waitMs };
      throw error;
    }
  })().finally(() => {
    pending = void 0;
  });
  return async () => {
    const t = now();
    if (current !== void 0 && t < current.renewAfter) return current.token.token;
    if (current !== void 0 && t < current.token.expiresOnTimestamp) {
      refresh().catch(() => void 0);
      return current.token.token;
    }
    if (failure !== void 0 && t < failure.retryAt && pending === void 0) throw failure.error;
    return refresh();
  };
}
function poolConfigWithPassword(databaseUrl, password) {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port === "" ? 5432 : Number(url.port),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")),
    user: decodeURIComponent(url.username),
    password,
    ...sslmode === null || sslmode === "disable" ? {} : { ssl: true }
  };
}
async function databasePassword(config, env = process.env, options = {}) {
  if (config.databaseAuth === "password") return void 0;
  const { azureCredentialFromEnv } = await import("./chunk-MMQCRTQU.mjs");
  const { watchEntraTokens } = await import("./chunk-GRLBOPDN.mjs");
  const password = entraTokenPassword(watchEntraTokens(await azureCredentialFromEnv(env), "postgresql", { fresh: () => azureCredentialFromEnv(env) }).credential);
  try {
    await password();
  } catch (err) {
    if (options.atStart !== "serve") throw err;
    console.log(JSON.stringify({ level: 40, time: Date.now(), msg: "no Entra token for PostgreSQL yet: starting unready, asking again with backoff", err: { message: err instanceof Error ? err.message : String(err) } }));
  }
  return password;
}

export {
  POSTGRES_ENTRA_SCOPE,
  entraTokenPassword,
  poolConfigWithPassword,
  databasePassword
};
