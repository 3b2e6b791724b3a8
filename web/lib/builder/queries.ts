import { graphql } from '@/gql';

/** Who is asking, in which Ente, with which roles: the builder's gate. */
export const BuilderMe = graphql(`
  query BuilderMe {
    me { user { id givenName familyName } roles ente { id slug name } }
  }
`);

export const BuilderEnte = graphql(`
  query BuilderEnte($slug: String!) {
    ente(slug: $slug) { id slug name languages defaultLanguage }
  }
`);
