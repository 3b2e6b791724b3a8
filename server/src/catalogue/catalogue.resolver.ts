import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs, pageOf } from '../graphql/connection.js';
import {
  Ente, EnteConnection, Evaluation, PublishedService, PublishedServiceConnection, PublishedServicesArgs,
} from './catalogue.types.js';

const languageOf = (ctx: GraphQLContext, requested?: string | null) => requested || ctx.language;

/**
 * The public catalogue: no @Authorized, anyone (anonymous, citizens, any API key) may read
 * what Enti have published; nothing here shows a working copy or a disabled service.
 */
@Resolver(() => PublishedService)
export class CatalogueResolver {
  @Query(() => EnteConnection, { description: 'Every Ente on this platform, newest first.' })
  enti(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.catalogue.enti(pageOf(page));
  }

  @Query(() => Ente, { nullable: true })
  ente(@Arg('slug') slug: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.catalogue.ente(slug);
  }

  @Query(() => PublishedServiceConnection, { description: 'An Ente\'s published services, localized; filter by category or words.' })
  publishedServices(@Args() args: PublishedServicesArgs, @Ctx() ctx: GraphQLContext) {
    const filter = { language: languageOf(ctx, args.language), category: args.category ?? undefined, search: args.search ?? undefined };
    return ctx.services.catalogue.publishedServices(args.enteSlug, filter, pageOf(args));
  }

  @Query(() => PublishedService, { nullable: true })
  publishedService(
    @Arg('enteSlug') enteSlug: string,
    @Arg('slug') slug: string,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.catalogue.publishedService(enteSlug, slug, languageOf(ctx, language));
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The definition, with translations in this language (default: the service\'s) plus the default one.' })
  definition(@Root() service: PublishedService, @Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: GraphQLContext) {
    return ctx.services.catalogue.definition(service, language || service.language);
  }

  @Query(() => Evaluation, { description: 'Evaluates answers against a published version with the engine (for clients that do not embed it).' })
  evaluateAnswers(
    @Arg('versionId', () => ID) versionId: string,
    @Arg('answers', () => GraphQLJSON) answers: unknown,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.catalogue.evaluate(versionId, answers, languageOf(ctx, language));
  }
}
