// ESLint 9 flat config with typescript-eslint 8: the recommended rules, no style rules (formatting
// is not linted). `npm run lint`; the root `npm test` runs it before the tests.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * A rule switched off in one place says why: `// eslint-disable-line rule -- the reason`. ESLint
 * parses the text after `--` as the directive's description; this rule requires one.
 */
const directives = {
  rules: {
    'disable-says-why': {
      meta: { type: 'suggestion', schema: [], messages: { why: 'Say why after "--": an eslint-disable comment needs its reason.' } },
      create(context) {
        return {
          Program() {
            for (const c of context.sourceCode.getAllComments()) {
              if (/^\s*eslint-disable/.test(c.value) && !/\s--\s*\S/.test(c.value)) context.report({ loc: c.loc, messageId: 'why' });
            }
          },
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', '**/generated/**', '**/.next/**', '**/coverage/**',
      'web/next-env.d.ts', 'web/public/**', 'web/test-results/**', 'web/playwright-report/**', 'web/lib/gql/**', 'web/gql/**', 'web/lib/wizard/gql/**',
      '.pgdata/**', 'data/**', '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { directives },
    rules: {
      'directives/disable-says-why': 'error',
      // `_name` marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Test and JSON-handling code reads untyped JSON on purpose; `any` there is explicit, not accidental.
      '@typescript-eslint/no-explicit-any': 'off',
      // Input checks match control characters (NUL, C0) on purpose: that is their job.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The server logs through pino (shared/logger.ts: JSON lines with the request id); only command
    // line entry points print to the terminal.
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'server/src/test-support/**', 'server/src/**/*-cli.ts', 'server/src/**/*.script.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The server's lower layers import nothing above them: configuration, the database and shared
    // helpers are what every area stands on (an area's settings parser lives in settings/). Above
    // them are the areas' folders and the top-level wiring (services.ts, resolvers.ts, main.ts).
    files: ['server/src/config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['./*.js', './*/**', '!./settings/**', '!./db/**', '!./shared/**', '!./generated/**'],
        message: 'config.ts imports only settings/, db/ and shared/ (and generated/): move the code down or invert the dependency.',
      }] }],
    },
  },
  {
    files: ['server/src/settings/**/*.ts', 'server/src/db/**/*.ts', 'server/src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['../*.js', '../*/**', '!../config.js', '!../settings/**', '!../db/**', '!../shared/**', '!../generated/**'],
        message: 'config.ts, settings/, db/ and shared/ import only each other (and generated/): move the code down or invert the dependency.',
      }] }],
    },
  },
  {
    // Identity (people, sessions, logins, API keys) stands below the Enti area: enti/ uses sessions
    // (a member's removal ends them), identity never reaches into enti/ (services.ts wires both).
    files: ['server/src/identity/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['../enti/**'],
        message: 'identity/ does not import enti/: the Enti area builds its own services (enti/enti.services.ts) and depends on identity, not the other way round.',
      }] }],
    },
  },
  {
    // Repositories (the only code that touches Prisma) stand below the GraphQL layer: keyset pages
    // come from shared/keyset.ts. Identity's repositories get both restrictions (a later block
    // replaces a rule's options instead of adding to them).
    files: ['server/src/**/*.repository.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../graphql/**'], message: 'Repositories import nothing from graphql/: pages and positions are in shared/keyset.ts.' },
      ] }],
    },
  },
  {
    files: ['server/src/identity/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../graphql/**'], message: 'Repositories import nothing from graphql/: pages and positions are in shared/keyset.ts.' },
        { group: ['../enti/**'], message: 'identity/ does not import enti/: the Enti area builds its own services (enti/enti.services.ts) and depends on identity, not the other way round.' },
      ] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', '**/test-support/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
