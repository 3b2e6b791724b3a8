import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The agreement test starts the real server in-process (server/src/test-support): same graphql
// alias as server/vite.config.ts (one graphql realm for type-graphql and Apollo).
// Component tests (components/**/*.test.tsx) choose jsdom with a `@vitest-environment` comment.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }, { find: /^@\//, replacement: new URL('./', import.meta.url).pathname }] },
  // @rjsf/react-bootstrap imports react-bootstrap's folders, which only a bundler resolves: vite does it when inlined.
  test: { server: { deps: { inline: [/@rjsf\/react-bootstrap/] } }, include: ['test/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}'], testTimeout: 120_000, hookTimeout: 120_000 },
});
