import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PaymentRequest } from './payments.gql.js';

@Resolver()
export class PaymentsResolver {
  @Authorized('OPERATOR', 'api:pratiche:read')
  @Query(() => [PaymentRequest], { description: "A pratica's payment requests, oldest first (empty for a pratica not of the caller's Ente)" })
  praticaPaymentRequests(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<PaymentRequest[]> {
    return ctx.services.payments.ofPratica(ctx.viewer, praticaId);
  }

  @Authorized('CITIZEN')
  @Query(() => [PaymentRequest], { description: "The payment requests of one of the logged-in citizen's pratiche, oldest first (empty for anyone else's)" })
  myPaymentRequests(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<PaymentRequest[]> {
    return ctx.services.payments.mine(ctx.viewer, praticaId);
  }
}
