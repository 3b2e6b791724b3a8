import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { enteScope } from '../access/policy.js';
import { forbidden } from '../shared/domain-error.js';
import { RateServiceInput, ServiceRatingConnection, ServiceRatings, ServiceRatingsArgs } from './ratings.types.js';

@Resolver(() => ServiceRatings)
export class RatingsResolver {
  @Mutation(() => Boolean, {
    description: 'A logged-in citizen rates a published service: after the receipt (praticaId: one rating per pratica) or on the service page '
      + '(one per person and version). CONFLICT for a second one, UNAUTHENTICATED without a login. Stores nothing that names the person (a keyed digest bounds the count)',
  })
  rateService(@Arg('input', () => RateServiceInput) input: RateServiceInput, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    // A third party's key is not a citizen: its ratings would be nobody's opinion.
    if (ctx.viewer.apiKey) throw forbidden();
    return ctx.services.ratings.rate({ userId: ctx.viewer.userId }, input);
  }

  @Authorized('DESIGNER', 'ADMIN', 'SUPERVISOR', 'api:definitions:read')
  @Query(() => ServiceRatings, { description: 'The satisfaction ratings of one of the caller\'s Ente\'s services (all versions, or one): totals and the list' })
  serviceRatings(@Args() args: ServiceRatingsArgs, @Ctx() ctx: GraphQLContext): Promise<ServiceRatings> {
    return ctx.services.ratings.results(enteScope(ctx.viewer), args.serviceId, args.versionId ?? null);
  }

  @FieldResolver(() => ServiceRatingConnection, { description: 'The ratings, newest day first' })
  list(@Root() root: ServiceRatings, @Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.ratings.list(enteScope(ctx.viewer), root.serviceId, root.versionId, args);
  }
}
