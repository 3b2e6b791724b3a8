import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs, pageOf } from '../graphql/connection.js';
import { actorOf } from './actor.js';
import { CatalogueTemplateConnection, EnteTemplate } from './definitions.types.js';

/** The global template catalogue as an Ente's designers see it (activated or not for their Ente). */
@Resolver()
export class TemplatesResolver {
  @Authorized('DESIGNER', 'api:definitions:read')
  @Query(() => CatalogueTemplateConnection, { description: 'The global catalogue of service templates, localized.' })
  catalogueTemplates(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.templates(actorOf(ctx.viewer), pageOf(page), ctx.language);
  }

  @Authorized('DESIGNER', 'api:definitions:write')
  @Mutation(() => EnteTemplate, { description: 'Activates a catalogue template for the Ente (again: no change).' })
  async activateTemplate(@Arg('templateId', () => ID) templateId: string, @Ctx() ctx: GraphQLContext): Promise<EnteTemplate> {
    const { row: _row, ...activation } = await ctx.services.definitions.activateTemplate(actorOf(ctx.viewer), templateId, ctx.language);
    return activation;
  }
}
