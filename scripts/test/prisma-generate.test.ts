/**
 * scripts/generate.sh (every `npm run dev`, bench and test run) generates a service's Prisma client
 * only when what it is generated from changed, not at every start (~30 s for the four on a loaded
 * machine). A root of its own (the generation script, one service with a one-model schema,
 * node_modules linked from this checkout), so that the checkout's own clients are not touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'prisma-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const schema = (fields: string) => `generator client {
  provider               = "prisma-client"
  output                 = "../src/generated/prisma"
  moduleFormat           = "esm"
  runtime                = "nodejs"
  importFileExtension    = "ts"
  generatedFileExtension = "ts"
}

datasource db {
  provider = "postgresql"
}

model Probe {
  id String @id
${fields}
}
`;
const service = path.join(root, 'apps/demo-service');
const client = path.join(service, 'src/generated/prisma/client.ts');
const model = path.join(service, 'src/generated/prisma/models/Probe.ts');
mkdirSync(path.join(root, 'scripts/generate.d'), { recursive: true });
cpSync(path.join(REPO_ROOT, 'scripts/generate.d/prisma.sh'), path.join(root, 'scripts/generate.d/prisma.sh'));
symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
mkdirSync(path.join(service, 'prisma'), { recursive: true });
cpSync(path.join(REPO_ROOT, 'apps/user-service/prisma.config.ts'), path.join(service, 'prisma.config.ts'));
writeFileSync(path.join(service, 'prisma/schema.prisma'), schema(''));

const generate = (): string => {
  const out = spawnSync('bash', [path.join(root, 'scripts/generate.d/prisma.sh')], { encoding: 'utf8' });
  expect(out.status, `prisma.sh failed: ${out.stderr}`).toBe(0);
  return out.stdout.trim();
};

it('generates a client once, skips it while its schema is unchanged, and generates it again once the schema changed', { timeout: 120_000 }, () => {
  expect(generate()).toBe('prisma generate: apps/demo-service');
  const generatedAt = statSync(client).mtimeMs;
  expect(generate(), 'run again, the schema unchanged').toBe('prisma generate: apps/demo-service (current, skipped)');
  expect(statSync(client).mtimeMs, 'the client left as it was').toBe(generatedAt);

  writeFileSync(path.join(service, 'prisma/schema.prisma'), schema('  addedField Int'));
  expect(generate(), 'run after a change of the schema').toBe('prisma generate: apps/demo-service');
  expect(readFileSync(model, 'utf8')).toContain('addedField');
});

// Each service's prisma/messaging.prisma is a link to the kit's one file (apps/service-kit/prisma), as here.
it("generates a client again when a schema file it links to changed (the kit's messaging.prisma)", { timeout: 120_000 }, () => {
  const kitSchema = path.join(root, 'apps/demo-kit/prisma/messaging.prisma');
  const linked = (fields: string) => `model Linked {\n  id String @id\n${fields}\n}\n`;
  mkdirSync(path.dirname(kitSchema), { recursive: true });
  writeFileSync(kitSchema, linked(''));
  generate();
  symlinkSync('../../demo-kit/prisma/messaging.prisma', path.join(service, 'prisma/messaging.prisma'));
  try {
    expect(generate(), 'run after a linked schema file was added').toBe('prisma generate: apps/demo-service');
    expect(generate(), 'run again, nothing changed').toBe('prisma generate: apps/demo-service (current, skipped)');
    writeFileSync(kitSchema, linked('  linkedField Int'));
    expect(generate(), 'run after a change of the linked file').toBe('prisma generate: apps/demo-service');
    expect(readFileSync(path.join(service, 'src/generated/prisma/models/Linked.ts'), 'utf8')).toContain('linkedField');
  } finally {
    rmSync(path.join(service, 'prisma/messaging.prisma'));
  }
});

it('generates a client again when it is missing, whatever its stamp says', { timeout: 120_000 }, () => {
  generate();
  rmSync(client);
  expect(generate()).toBe('prisma generate: apps/demo-service');
  expect(statSync(client).isFile()).toBe(true);
});
