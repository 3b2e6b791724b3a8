import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Generated-submission and property tests do seconds of work; CI machines are shared and a
    // busy one took over 5 s for one of them. A timeout here guards against hangs, not speed.
    testTimeout: 60_000,
  },
});
