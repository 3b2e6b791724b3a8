import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { citizenScope } from '../access/policy.js';
import { Pratica, PraticaConnection, SubmitPraticaInput } from './pratiche.types.js';

@Resolver(() => Pratica)
export class PraticheResolver {
  @Authorized('CITIZEN')
  @Mutation(() => Pratica, {
    description: 'Submits the answers: the server cleans and validates them with the engine (ANSWERS_INVALID with a pointer per error, nothing written) and stores the pratica. Idempotent per idempotencyKey',
  })
  submitPratica(@Arg('input', () => SubmitPraticaInput) input: SubmitPraticaInput, @Ctx() ctx: GraphQLContext): Promise<Pratica> {
    return ctx.services.pratiche.submit(citizenScope(ctx.viewer), input, ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => PraticaConnection, { description: 'The logged-in citizen\'s pratiche, newest first' })
  myPratiche(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.pratiche.list(citizenScope(ctx.viewer), args, ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => [Pratica], {
    description: 'The logged-in citizen\'s pratiche awaiting their reply (awaitedReply set), whatever their number of pratiche: the reply window still open first, nearest end first (no end last), then those whose window has closed, newest first; at most the largest page. myPratiche lists them too, in its own order',
  })
  myPraticheAwaitingReply(@Ctx() ctx: GraphQLContext): Promise<Pratica[]> {
    return ctx.services.pratiche.awaitingReply(citizenScope(ctx.viewer), ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => Pratica, { nullable: true, description: 'One of the logged-in citizen\'s pratiche; anyone else\'s is NOT_FOUND' })
  pratica(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Pratica> {
    return ctx.services.pratiche.get(citizenScope(ctx.viewer), id, ctx.language);
  }
}
