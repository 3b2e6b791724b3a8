import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { OutboxAction, OutboxActionConnection, OutboxActionsArgs } from './outbox.gql.js';

@Resolver()
export class OutboxResolver {
  @Authorized('SUPERVISOR')
  @Query(() => OutboxActionConnection, { description: "The Ente's outbox actions, newest first; status: FAILED lists those waiting for a supervisor." })
  outboxActions(@Args() args: OutboxActionsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.outbox.list(ctx.viewer, args);
  }

  @Authorized('SUPERVISOR')
  @Mutation(() => OutboxAction, { description: 'Queues a FAILED action again with a fresh count of attempts (CONFLICT if it is not FAILED).' })
  retryOutboxAction(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<OutboxAction> {
    return ctx.services.outbox.retry(ctx.viewer, id) as Promise<OutboxAction>;
  }
}
