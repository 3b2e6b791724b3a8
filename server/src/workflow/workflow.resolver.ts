import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { officeActor } from './workflow-actor.js';
import { TransitionPraticaInput, TransitionResult, overridesOf } from './workflow.types.js';

@Resolver()
export class WorkflowResolver {
  @Authorized('OPERATOR', 'api:pratiche:write')
  @Mutation(() => TransitionResult, {
    description: 'Moves a pratica of the caller\'s Ente by a transition of its workflow. Refusals: TRANSITION_NOT_ALLOWED (not from this state, '
      + 'the citizen\'s time to reply still open), FORBIDDEN (role), GUARD_FAILED, ACTION_INVALID (an action that cannot run '
      + 'with the pratica\'s data: a payment whose amount is missing, invalid or beyond the limit; params name the action), CONFLICT (stale rowVersion; params carry the current state)',
  })
  transitionPratica(@Arg('input', () => TransitionPraticaInput) input: TransitionPraticaInput, @Ctx() ctx: GraphQLContext): Promise<TransitionResult> {
    return ctx.services.workflow.transition(officeActor(ctx.viewer), {
      praticaId: input.praticaId, transitionId: input.transitionId, expectedVersion: input.rowVersion,
      comment: input.comment ?? null, textOverrides: overridesOf(input.textOverrides), language: ctx.language,
    });
  }
}
