/**
 * Every Dockerfile under apps/ passes dockerfile-utils' validator (the Dockerfile language server's
 * checks: instruction names and arguments, ports, absolute WORKDIR, one CMD, JSON-form quoting,
 * casing, empty continuation lines), every optional check raised to an error. The build itself
 * cannot run here (no Docker engine); k8s/test/images.test.ts checks what the image must do for the
 * rendered pods. Shown failing on a broken copy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../src/repo.ts';

const STRICT: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

const lint = (text: string): string[] => validate(text, STRICT).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);

const dockerfiles = readdirSync(join(REPO_ROOT, 'apps'))
  .map((d) => `apps/${d}/Dockerfile`)
  .filter((f) => existsSync(join(REPO_ROOT, f)));

it('finds the Dockerfiles (the user service\'s at least)', () => {
  expect(dockerfiles).toContain('apps/user-service/Dockerfile');
});

it.each(dockerfiles)('%s passes the Dockerfile linter', (file) => {
  expect(lint(readFileSync(join(REPO_ROOT, file), 'utf8'))).toEqual([]);
});

it('fails on a broken copy: an unknown instruction, a relative WORKDIR, a bad port, a second CMD, lower-case instructions', () => {
  const text = readFileSync(join(REPO_ROOT, 'apps/user-service/Dockerfile'), 'utf8');
  const broken = (from: RegExp, to: string) => {
    const copy = text.replace(from, to);
    expect(copy).not.toBe(text);
    return lint(copy).join('\n');
  };
  expect(broken(/^USER /m, 'USR ')).toMatch(/Unknown instruction: USR/);
  expect(broken(/^WORKDIR \/app$/m, 'WORKDIR app')).toMatch(/absolute/i);
  expect(broken(/^EXPOSE \d+$/m, 'EXPOSE http')).toMatch(/Invalid containerPort: http/);
  expect(broken(/^CMD /m, 'CMD ["node"]\nCMD ')).toMatch(/CMD/);
  expect(broken(/^EXPOSE /m, 'expose ')).toMatch(/uppercase/i);
});
