import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds; dependencies loaded by Node (Apollo, graphql-tools) get the
    // CommonJS one, so tests must too, or graphql-js sees two realms ("Cannot use GraphQLSchema from
    // another module or realm").
    alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
  },
  test: {
    // Stopping Neo4j cleanly in the integration teardown takes ~10 s; the default would cut it short.
    teardownTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
        },
      },
      {
        extends: true,
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
