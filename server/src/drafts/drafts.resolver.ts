import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Evaluation } from '@sportello/schemas';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { citizenScope } from '../access/policy.js';
import { withTranslationsFor } from '../definitions/definition-text.js';
import { Draft, DraftConnection, SaveDraftInput } from './drafts.types.js';

@Resolver(() => Draft)
export class DraftsResolver {
  @Authorized('CITIZEN')
  @Query(() => DraftConnection, { description: 'The logged-in citizen\'s drafts, last saved first' })
  myDrafts(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.drafts.list(citizenScope(ctx.viewer), args, ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => Draft, { nullable: true, description: 'The logged-in citizen\'s draft for a service, if any' })
  draft(@Arg('serviceId', () => ID) serviceId: string, @Ctx() ctx: GraphQLContext): Promise<Draft | null> {
    return ctx.services.drafts.get(citizenScope(ctx.viewer), serviceId, ctx.language);
  }

  @Authorized('CITIZEN')
  @Mutation(() => Draft, { description: 'Creates the draft on first save (pinned to the current version), then updates it if rowVersion still matches' })
  saveDraft(@Arg('input', () => SaveDraftInput) input: SaveDraftInput, @Ctx() ctx: GraphQLContext): Promise<Draft> {
    return ctx.services.drafts.save(citizenScope(ctx.viewer), input, ctx.language);
  }

  @Authorized('CITIZEN')
  @Mutation(() => Boolean, { description: 'Discards the draft; false if there was none' })
  deleteDraft(@Arg('serviceId', () => ID) serviceId: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.drafts.delete(citizenScope(ctx.viewer), serviceId);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The definition of the draft\'s version (which may be older than the service\'s current one), with translations in this language plus the default one: the wizard fills the draft with it' })
  definition(@Root() draft: Draft, @Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: GraphQLContext): Record<string, unknown> {
    return withTranslationsFor(draft.compiled.definition as unknown as Record<string, unknown>, language || ctx.language);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The engine\'s evaluation of the answers with the draft\'s version: visible steps, errors, fee, score' })
  evaluation(@Root() draft: Draft, @Ctx() ctx: GraphQLContext): Evaluation {
    return ctx.services.drafts.evaluation(draft, ctx.language);
  }
}
