import { defineConfig } from 'vitest/config';

// Each test file starts its own database (PGlite takes 2-3 s, a PostgreSQL database is created and
// dropped), so hooks and tests get a generous timeout.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
