import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every GraphQL document in the app, from the server's checked-in SDL: an API change that
// breaks a screen fails `npm run build`.
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'lib/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    './gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>', SafeInt: 'number' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
