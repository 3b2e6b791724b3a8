import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every GraphQL document in the app, from the server's checked-in SDL: an API change that
// breaks a screen fails `npm run build`.
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    './gql/': {
      documents: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'lib/**/*.graphql', '!lib/wizard/gql/**'],
      preset: 'client',
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>', SafeInt: 'number' },
      },
      presetConfig: { fragmentMasking: false },
    },
    // The wizard's four documents on their own: a page importing one document of gql/graphql.ts gets
    // all of the app's (the bundler keeps that module whole), ~2 KB gzipped on the wizard page.
    './lib/wizard/gql/': {
      documents: ['lib/wizard/documents.graphql'],
      preset: 'client',
      config: {
        documentMode: 'string', useTypeImports: true, enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>', SafeInt: 'number' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
