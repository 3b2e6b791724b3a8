import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { RoleEnum } from './identity.types.js';
import { InviteOperatorInput, Operator, OperatorConnection } from './operator.types.js';
import type { Role } from './viewer.js';

@Resolver()
export class OperatorResolver {
  @Authorized('ADMIN')
  @Query(() => OperatorConnection, { description: "People with roles in the caller's Ente, newest first." })
  operators(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.identity.operators.list(ctx.viewer, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => Operator, { description: 'Finds the person by e-mail or fiscal code, or creates them, and gives them roles in this Ente.' })
  inviteOperator(@Arg('input') input: InviteOperatorInput, @Ctx() ctx: GraphQLContext): Promise<Operator> {
    return ctx.services.identity.operators.invite(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Mutation(() => Operator, { description: 'Adds a role to a member of this Ente (takes effect at their next login).' })
  grantRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() ctx: GraphQLContext): Promise<Operator> {
    return ctx.services.identity.operators.grantRole(ctx.viewer, userId, role);
  }

  @Authorized('ADMIN')
  @Mutation(() => Operator, { description: 'Removes a role; with the last one the person also leaves the offices. Not your own ADMIN role.' })
  revokeRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() ctx: GraphQLContext): Promise<Operator> {
    return ctx.services.identity.operators.revokeRole(ctx.viewer, userId, role);
  }
}
