import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'gitops/**', 'infra-bicep/out/**', '**/generated/**', 'apps/*/dist/**', 'k8s/imports/**', '.tools/**', '.stack/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Joined by AbortSignal.any, an AbortSignal.timeout nothing else holds is collected unfired on
    // Node 20 (nodejs/node#57736): a 2 s read ran 9.8 s (d7186b76). The planner stands alone (no kit);
    // its OSRM deadline is held to the end of the matrix.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'apps/planner/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'AbortSignal', property: 'timeout', message: "An outgoing call's limit is timeLimit (@tripgen/service-kit): a timer that holds what it aborts, cleared when the call settles." }],
    },
  },
  {
    // A test's own statements (seeds at volume, the reference a tuned query is checked against) ran
    // out of the services' QUERY_TIMEOUT_MS beside another test file (tools/testing/src/prisma.ts).
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    ignores: ['apps/location-service/test/query-timeout-transaction.test.ts', 'apps/ai-service/test/outcome-write-stuck.test.ts', 'apps/user-service/test/pool-wait.test.ts', 'apps/user-service/test/transaction-budget.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['@tripgen/service-kit', '@tripgen/service-kit/command', '@tripgen/service-kit/prisma'].map((name) => ({ name, importNames: ['createPrismaClient'], message: "A test's own client: testPrismaClient (@tripgen/testing). Only a test of the services' query time limit, pool wait or transaction budget uses createPrismaClient." })),
      }],
    },
  },
  {
    // Nearly every test file imports @tripgen/testing: a value of the kit's index there made each one
    // load the app's packages (Fastify, telemetry, the Azure SDKs), about 2 s of import a file under CI's load.
    files: ['tools/testing/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '@tripgen/service-kit', allowTypeImports: true, message: "The kit's index loads the whole app into every test file: import from one of its light entries (@tripgen/service-kit/prisma, /migrations; /messaging for types only: its values load the Service Bus SDK)." }],
      }],
    },
  },
);
