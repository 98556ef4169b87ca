/**
 * What the kit writes to Redis in place of a client address (the per-address rate limit's keys, the
 * refused-token throttle's): HMAC-SHA-256 under a key every replica of every service shares
 * (ADDRESS_HASH_KEY, Key Vault `address-hash-key`), so that they count together, and that whoever
 * reads Redis (a dump, MONITOR, a support export) cannot undo: a plain SHA-256 of an IPv4 address is
 * undone by trying all 2^32 in seconds, a raw address needs no undoing at all.
 */
import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The key outside production when ADDRESS_HASH_KEY is unset (local runs, tests): the same in every
 * process, so that replicas started apart still count together. Not a secret: production requires
 * the variable (catalog KIT_ENVIRONMENT).
 */
export const DEV_ADDRESS_HASH_SECRET = 'tripgen development address hash key (not a secret)';

/** The shortest ADDRESS_HASH_KEY a service accepts (32 random bytes in base64 are 44 characters). */
export const ADDRESS_HASH_KEY_MIN_LENGTH = 32;

/** The HMAC key drawn from the configured secret (HKDF, its own label: the secret may serve nothing else). */
export const addressHashKey = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'tripgen-client-addresses', 'address v1', 32));

/**
 * An address (or any identifier: the user service's login throttle hashes emails too) as it is
 * stored in Redis: the same length whatever it was, the same on every replica with the same key.
 * The one derivation: each caller brings its own key (addressHashKey's, the login throttle's), so
 * that two counts meant to be one can never disagree on how an address is written.
 */
export const hashAddress = (key: Buffer, address: string): string => createHmac('sha256', key).update(address).digest('base64url');
