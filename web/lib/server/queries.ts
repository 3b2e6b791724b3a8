import { graphql } from '@/gql';

export const EnteAndMe = graphql(`
  query EnteAndMe($slug: String!) {
    ente(slug: $slug) { id slug name languages defaultLanguage branding }
    me { user { id givenName familyName fiscalCode } }
  }
`);
