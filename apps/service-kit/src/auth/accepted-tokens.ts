/**
 * The tokens some replica has accepted, shared in Redis: a traveller's token accepted on one replica
 * is still checked on another that has not seen it yet (a new sign-in, a pod the HPA added) while
 * someone else behind the same client address has spent the address's refused-token budget. Only
 * the throttled path reads it (one EXISTS); a replica writes a token once, the first time it accepts
 * it. Keys are the token's SHA-256: Redis holds no token, and a record only lets a token be checked,
 * never accepted (a forged token cannot have one: it was never verified).
 */
import { createHash } from 'node:crypto';
import { REDIS_KEY_PREFIXES } from '@tripgen/catalog';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';

/** Redis key prefix of the accepted tokens' hashes, shared by every service. */
export const ACCEPTED_TOKENS_PREFIX = REDIS_KEY_PREFIXES.acceptedTokens;

export interface AcceptedTokens {
  /** Records a token this replica has just accepted, until it expires (fire and forget: a lost record only means the old, per-replica answer). */
  remember(token: string): void;
  /** Whether some replica accepted the token and it has not expired (false when Redis cannot say). */
  known(token: string): Promise<boolean>;
  /** The Redis key a token is recorded under (tests, operations). */
  redisKey(token: string): string;
}

export const createAcceptedTokens = (redis: Redis, onError: (err: unknown) => void): AcceptedTokens => {
  const redisKey = (token: string) => `${ACCEPTED_TOKENS_PREFIX}:${createHash('sha256').update(token).digest('base64url')}`;
  return {
    redisKey,
    remember(token) {
      let ttlMs: number;
      try {
        ttlMs = (decodeJwt(token).exp ?? 0) * 1000 - Date.now();
      } catch {
        return; // not a JWT (only a stand-in verifier accepts one): nothing to expire it by
      }
      if (ttlMs <= 0) return;
      redis.set(redisKey(token), '1', 'PX', ttlMs).catch(onError);
    },
    async known(token) {
      return (await redis.exists(redisKey(token)).catch(() => 0)) === 1;
    },
  };
};
