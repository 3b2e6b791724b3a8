import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The agreement test starts the real server in-process (server/src/test-support): same graphql
// alias as server/vite.config.ts (one graphql realm for type-graphql and Apollo).
// Component tests (components/**/*.test.tsx) choose jsdom with a `@vitest-environment` comment.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }, { find: /^@\//, replacement: new URL('./', import.meta.url).pathname }] },
  test: { include: ['test/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}'], testTimeout: 120_000, hookTimeout: 120_000 },
});
