import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { ActionTextInput, OutboxAction, OutboxActionConnection, OutboxActionsArgs, TransitionActionPreview } from './outbox.gql.js';

@Resolver()
export class OutboxResolver {
  @Authorized('SUPERVISOR')
  @Query(() => OutboxActionConnection, { description: "The Ente's outbox actions, newest first; status: FAILED lists those waiting for a supervisor." })
  outboxActions(@Args() args: OutboxActionsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.outbox.list(ctx.viewer, args);
  }

  @Authorized('OPERATOR')
  @Query(() => [TransitionActionPreview], { description: 'Which actions a transition of this pratica will run, with which texts, in the citizen\'s language; textOverrides shows the operator\'s edits as they will be sent. ACTION_INVALID when an action could not run, as the transition would be refused.' })
  previewTransitionActions(
    @Arg('praticaId', () => ID) praticaId: string,
    @Arg('transitionId', () => ID) transitionId: string,
    @Arg('textOverrides', () => [ActionTextInput], { nullable: true }) textOverrides: ActionTextInput[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransitionActionPreview[]> {
    return ctx.services.outbox.preview(ctx.viewer, praticaId, transitionId, textOverrides ?? []);
  }

  @Authorized('SUPERVISOR')
  @Mutation(() => OutboxAction, { description: 'Queues a FAILED action again with a fresh count of attempts (CONFLICT if it is not FAILED).' })
  retryOutboxAction(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<OutboxAction> {
    return ctx.services.outbox.retry(ctx.viewer, id) as Promise<OutboxAction>;
  }
}
