import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { citizenScope } from '../access/policy.js';
import { Prefill } from './prefill.types.js';

@Resolver()
export class PrefillResolver {
  @Authorized('CITIZEN')
  @Query(() => Prefill, { nullable: true, description: 'Prefill for the logged-in citizen from the service\'s current version; a registry outage shows in `unavailable`, never as an error' })
  prefill(@Arg('serviceId', () => ID) serviceId: string, @Ctx() ctx: GraphQLContext): Promise<Prefill> {
    return ctx.services.prefill.forService(citizenScope(ctx.viewer), serviceId);
  }
}
