import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql module instance: Pothos and Yoga load the CommonJS entry, so ours must too,
    // or `instanceof GraphQLError` fails across the two copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
