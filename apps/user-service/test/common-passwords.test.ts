/**
 * The service's copy of the common passwords (src/domain/common-passwords.ts) against its source,
 * @zxcvbn-ts/language-common's "passwords-common" list: every entry the length rule lets through,
 * in the list's order (OWASP ASVS 4.0.3 2.1.7 asks for the common passwords "which match the
 * system's password policy"). A new package version or a new length rule makes the copy stale.
 */
import { readFile } from 'node:fs/promises';
import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../src/domain/common-passwords.ts';
import { combinedLength, PASSWORD_RULES } from '../src/domain/password-rules.ts';

describe('the common passwords a new password may not be', () => {
  it("equals the package's list cut to the length rule", () => {
    const expected = dictionary['passwords-common'].filter((p) => combinedLength(p) >= PASSWORD_RULES.minLength);
    expect(COMMON_PASSWORDS).toEqual(expected);
  });

  it('names the version of the package it was copied from', async () => {
    const source = await readFile(new URL('../src/domain/common-passwords.ts', import.meta.url), 'utf8');
    const { devDependencies } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = devDependencies['@zxcvbn-ts/language-common'];
    expect(source).toContain(`@zxcvbn-ts/language-common ${pinned}'s`);
  });
});
