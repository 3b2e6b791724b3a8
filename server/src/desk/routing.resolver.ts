import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { enteScope } from '../access/policy.js';
import { auditActor } from '../access/viewer.js';
import { ServiceRouting, SetServiceRoutingInput } from './routing.types.js';

@Resolver(() => ServiceRouting)
export class RoutingResolver {
  @Authorized('ADMIN', 'DESIGNER', 'SUPERVISOR', 'api:definitions:read')
  @Query(() => ServiceRouting, { description: 'Which office receives the service\'s new pratiche: the rules in order, then the default office' })
  serviceRouting(@Arg('serviceId', () => ID) serviceId: string, @Ctx() ctx: GraphQLContext): Promise<ServiceRouting> {
    return ctx.services.routing.get(enteScope(ctx.viewer).enteId, serviceId);
  }

  @Authorized('ADMIN', 'DESIGNER', 'api:definitions:write')
  @Mutation(() => ServiceRouting, {
    description: 'Replaces the service\'s routing: a default office and rules (JSON Logic over the answers, first match wins), applied to pratiche submitted from now on. '
      + 'NOT_FOUND for another Ente\'s service or office; BAD_USER_INPUT with a pointer per problem of a condition',
  })
  setServiceRouting(@Arg('input', () => SetServiceRoutingInput) input: SetServiceRoutingInput, @Ctx() ctx: GraphQLContext): Promise<ServiceRouting> {
    const { enteId } = enteScope(ctx.viewer);
    return ctx.services.routing.set({ enteId, ...auditActor(ctx.viewer) }, input);
  }
}
