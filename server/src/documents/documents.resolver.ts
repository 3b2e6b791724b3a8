import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PraticaDocument } from './documents.gql.js';

@Resolver()
export class DocumentsResolver {
  @Authorized('OPERATOR', 'api:pratiche:read')
  @Query(() => [PraticaDocument], { description: "Documents generated for a pratica, oldest first (empty for a pratica not of the caller's Ente)" })
  praticaDocuments(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<PraticaDocument[]> {
    return ctx.services.documents.ofPratica(ctx.viewer, praticaId);
  }

  @Authorized('CITIZEN')
  @Query(() => [PraticaDocument], { description: "Documents the office generated for one of the logged-in citizen's pratiche (the outcome letter), oldest first" })
  myPraticaDocuments(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<PraticaDocument[]> {
    return ctx.services.documents.mine(ctx.viewer, praticaId);
  }
}
