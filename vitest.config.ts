import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo: each workspace is a project with its own tests.
export default defineConfig({
  test: {
    projects: ['apps/*', 'tools/*', 'k8s', 'infra-bicep', 'scripts'],
    reporters: ['default'],
  },
});
