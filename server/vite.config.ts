import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql ships CommonJS (index.js) and ESM (index.mjs). Node loads the CommonJS one for
// type-graphql and Apollo; Vite would give our sources the ESM one, and graphql refuses types
// from "another realm". Point Vite at the same file Node uses.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Each test file starts its own database (PGlite takes seconds; a PostgreSQL database is
    // created and dropped), so hooks and tests get a generous timeout.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
