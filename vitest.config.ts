import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Stopping Neo4j cleanly in the integration teardown takes ~10 s; the default would cut it short.
    teardownTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/setup/neo4j.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One Neo4j is shared by every file; files must not write to it at the same time.
          fileParallelism: false,
        },
      },
    ],
  },
});
