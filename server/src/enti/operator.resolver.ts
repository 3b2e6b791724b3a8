import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { RoleEnum } from '../identity/identity.types.js';
import { Operator, OperatorConnection } from './operator.types.js';
import type { Role } from '../access/viewer.js';

@Resolver()
export class OperatorResolver {
  @Authorized('ADMIN')
  @Query(() => OperatorConnection, { description: "People with roles in the caller's Ente, newest first." })
  operators(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.enti.operators.list(ctx.viewer, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: "Takes a member out of this Ente: every role and office, and ends their sessions here. Not yourself." })
  removeMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.enti.operators.removeMember(ctx.viewer, userId);
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: "Ends every session a member holds in this Ente (their next request is refused); returns how many." })
  endMemberSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.services.enti.operators.endMemberSessions(ctx.viewer, userId);
  }

  @Authorized('ADMIN')
  @Mutation(() => Operator, { description: 'Adds a role to a member of this Ente (effective from their next request).' })
  grantRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() ctx: GraphQLContext): Promise<Operator> {
    return ctx.services.enti.operators.grantRole(ctx.viewer, userId, role);
  }

  @Authorized('ADMIN')
  @Mutation(() => Operator, { description: 'Removes a role (effective from their next request); with the last one the person also leaves the offices. Not your own ADMIN role.' })
  revokeRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() ctx: GraphQLContext): Promise<Operator> {
    return ctx.services.enti.operators.revokeRole(ctx.viewer, userId, role);
  }
}
