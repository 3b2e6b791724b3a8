import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs, pageOf } from '../graphql/connection.js';
import { actorOf } from './actor.js';
import { compileOnce, toDefinitionProblems } from './definition-checks.js';
import { definitionText } from './definition-text.js';
import {
  CreateServiceFromTemplateInput, CreateServiceInput, DefinitionProblem, DesignerService, DesignerServiceConnection,
  ImportServiceInput, ServiceVersion, ServiceVersionConnection, UpdateWorkingCopyInput, ValidationResult,
} from './definitions.types.js';

/** Designers of the caller's Ente (and API keys with the definitions scopes): services and versions. */
@Resolver(() => DesignerService)
export class DefinitionsResolver {
  @Authorized('DESIGNER', 'api:definitions:read')
  @Query(() => DesignerServiceConnection, { description: 'The Ente\'s services, newest first, published or not.' })
  designerServices(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.services(actorOf(ctx.viewer), pageOf(page));
  }

  @Authorized('DESIGNER', 'api:definitions:read')
  @Query(() => DesignerService)
  designerService(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.service(actorOf(ctx.viewer), id);
  }

  @Authorized('DESIGNER', 'api:definitions:read')
  @Query(() => GraphQLJSON, { description: 'The working copy as JSON, or a published version\'s definition when `version` is given.' })
  exportService(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.export(actorOf(ctx.viewer), id, version);
  }

  @Authorized('DESIGNER', 'api:definitions:read')
  @Query(() => ValidationResult, { description: 'Compiles a definition and checks the publish gate, without saving anything.' })
  validateDefinition(@Arg('definition', () => GraphQLJSON) definition: unknown, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.validate(actorOf(ctx.viewer), definition, ctx.language);
  }

  @FieldResolver(() => String, { description: 'The working copy\'s title in a language (default: the request\'s)' })
  title(@Root() s: DesignerService, @Arg('language', () => String, { nullable: true }) language: string | null, @Ctx() ctx: GraphQLContext) {
    return definitionText(s.workingCopy, language || ctx.language).title ?? s.slug;
  }

  @FieldResolver(() => ServiceVersionConnection, { description: 'Published versions, newest first.' })
  versions(@Root() s: DesignerService, @Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.versions(s, pageOf(page));
  }

  @FieldResolver(() => [DefinitionProblem], { description: 'Why the working copy does not compile (empty when it does).' })
  problems(@Root() s: DesignerService) {
    const result = compileOnce(s.workingCopy);
    return toDefinitionProblems(result.ok ? [] : result.problems);
  }

  @FieldResolver(() => [DefinitionProblem], { description: 'The compiler\'s warnings (missing translations among them).' })
  warnings(@Root() s: DesignerService) {
    return toDefinitionProblems(compileOnce(s.workingCopy).warnings);
  }

  @Authorized('DESIGNER', 'api:definitions:write')
  @Mutation(() => DesignerService, { description: 'Starts a service from a catalogue template (activating it for the Ente if needed).' })
  createServiceFromTemplate(@Arg('input') input: CreateServiceFromTemplateInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.createFromTemplate(actorOf(ctx.viewer), input, ctx.language);
  }

  @Authorized('DESIGNER', 'api:definitions:write')
  @Mutation(() => DesignerService, { description: 'Starts a service from scratch: one empty step, ready to fill.' })
  createService(@Arg('input') input: CreateServiceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.create(actorOf(ctx.viewer), input);
  }

  @Authorized('DESIGNER', 'api:definitions:write')
  @Mutation(() => DesignerService, { description: 'Creates a service from an exported definition, as its working copy.' })
  importService(@Arg('input') input: ImportServiceInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.import(actorOf(ctx.viewer), input);
  }

  @Authorized('DESIGNER', 'api:definitions:write')
  @Mutation(() => DesignerService, { description: 'Saves the working copy, even with problems (see `problems`); CONFLICT if someone saved since `revision`.' })
  updateWorkingCopy(@Arg('input') input: UpdateWorkingCopyInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.updateWorkingCopy(actorOf(ctx.viewer), input);
  }

  @Authorized('DESIGNER')
  @Mutation(() => ServiceVersion, { description: 'Publishes the working copy as the next immutable version and makes it current.' })
  publishService(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.publish(actorOf(ctx.viewer), id);
  }

  @Authorized('DESIGNER')
  @Mutation(() => DesignerService, { description: 'Publication on/off for citizens; enabling needs a published version.' })
  setServiceEnabled(@Arg('id', () => ID) id: string, @Arg('enabled') enabled: boolean, @Ctx() ctx: GraphQLContext) {
    return ctx.services.definitions.setEnabled(actorOf(ctx.viewer), id, enabled);
  }
}
