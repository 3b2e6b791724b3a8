import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { Invitation, InvitationConnection, InviteOperatorInput, ReceivedInvitation } from './invitation.types.js';

@Resolver()
export class InvitationResolver {
  @Authorized('ADMIN')
  @Mutation(() => Invitation, { description: 'Invites a person to roles in this Ente. Grants nothing until they accept; says nothing about who has an account. The answer carries the link\'s token once.' })
  inviteOperator(@Arg('input') input: InviteOperatorInput, @Ctx() ctx: GraphQLContext): Promise<Invitation> {
    return ctx.services.enti.invitations.invite(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Query(() => InvitationConnection, { description: "This Ente's invitations, newest first, with their status." })
  invitations(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.enti.invitations.list(ctx.viewer, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => Invitation, { description: 'Withdraws a pending invitation of this Ente.' })
  revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Invitation> {
    return ctx.services.enti.invitations.revoke(ctx.viewer, id);
  }

  @Authorized()
  @Query(() => [ReceivedInvitation], { description: "Open invitations addressed to the caller (by fiscal code, or by e-mail when the invitation names none)." })
  myInvitations(@Ctx() ctx: GraphQLContext): Promise<ReceivedInvitation[]> {
    return ctx.services.enti.invitations.received(ctx.viewer);
  }

  @Authorized()
  @Mutation(() => ReceivedInvitation, { description: "Accepts an invitation addressed to the caller, or whose link's token they hold: the roles become theirs (selectEnte to act there)." })
  acceptInvitation(@Arg('id', () => ID) id: string, @Arg('token', () => String, { nullable: true }) token: string | undefined, @Ctx() ctx: GraphQLContext): Promise<ReceivedInvitation> {
    return ctx.services.enti.invitations.accept(ctx.viewer, id, token);
  }

  @Authorized()
  @Mutation(() => ReceivedInvitation, { description: 'Declines an invitation addressed to the caller (or whose token they hold).' })
  declineInvitation(@Arg('id', () => ID) id: string, @Arg('token', () => String, { nullable: true }) token: string | undefined, @Ctx() ctx: GraphQLContext): Promise<ReceivedInvitation> {
    return ctx.services.enti.invitations.decline(ctx.viewer, id, token);
  }
}
