/**
 * Password hashing with argon2id (@node-rs/argon2: maintained, prebuilt binaries shipped as
 * optional npm packages, no install scripts). Parameters are the OWASP minimum for argon2id
 * (19 MiB, 2 iterations); `verify` compares in constant time inside the library.
 */
import { hash, verify } from '@node-rs/argon2';

const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMS);

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);

/** A hash of nothing in particular, verified when the email is unknown so both paths cost the same. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-for-timing'));
