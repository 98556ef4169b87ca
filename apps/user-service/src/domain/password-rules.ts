/**
 * What a new password must be, OWASP ASVS 4.0.3: at least 12 characters after runs of spaces are
 * combined (2.1.1: eight spaces and four letters are not twelve), at most 128 (2.1.2), any
 * character otherwise, no composition rules (2.1.4, 2.1.9), and none of the common passwords that
 * the length lets through (2.1.7: "the top 1,000 or 10,000 most common passwords which match the
 * system's password policy"). Login takes any password: accounts registered under the old minimum
 * of 8 still sign in.
 */
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_RULES = { minLength: 12, maxLength: 128 } as const;

/** The length ASVS 2.1.1 counts, in code points as the schema's minLength (a run of spaces is one). */
export const combinedLength = (password: string): number => [...password.replace(/ {2,}/g, ' ')].length;

const COMMON = new Set(COMMON_PASSWORDS);

/** Why a new password is refused (a problem's `message` for body/password), or undefined. */
export const passwordProblem = (password: string): string | undefined => {
  if (combinedLength(password) < PASSWORD_RULES.minLength) return `must have at least ${PASSWORD_RULES.minLength} characters, a run of spaces counting as one`;
  if (COMMON.has(password.toLowerCase())) return 'must not be one of the most common passwords';
  return undefined;
};
