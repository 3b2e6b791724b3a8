import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { citizenScope, enteScope } from '../access/policy.js';
import { forbidden } from '../shared/domain-error.js';
import {
  Graduatoria, GraduatoriaConnection, GraduatoriaKind, GraduatoriaPosition, GraduatoriaPreview, GraduatoriaRowConnection, GraduatoriaRowExplanation,
} from './graduatorie.types.js';

@Resolver(() => Graduatoria)
export class GraduatorieResolver {
  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => GraduatoriaPreview, { description: 'The ranking the service\'s pratiche would get now (score, exclusions, tie-breakers, office fields): computed, not stored' })
  graduatoriaPreview(@Arg('serviceId', () => ID) serviceId: string, @Ctx() ctx: GraphQLContext): Promise<GraduatoriaPreview> {
    return ctx.services.graduatorie.preview(enteScope(ctx.viewer), serviceId, ctx.language);
  }

  @Authorized('SUPERVISOR', 'ADMIN')
  @Mutation(() => Graduatoria, { description: 'Ranks the service\'s pratiche and stores the list, immutable: PROVISIONAL (any number of times), then FINAL once (CONFLICT otherwise)' })
  publishGraduatoria(@Arg('serviceId', () => ID) serviceId: string, @Arg('kind', () => GraduatoriaKind) kind: GraduatoriaKind, @Ctx() ctx: GraphQLContext): Promise<Graduatoria> {
    const { enteId } = enteScope(ctx.viewer);
    if (!ctx.viewer.userId) throw forbidden();
    return ctx.services.graduatorie.publish({ enteId, userId: ctx.viewer.userId }, serviceId, kind, ctx.language);
  }

  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => GraduatoriaConnection, { description: 'The service\'s published graduatorie, newest first' })
  graduatorie(@Arg('serviceId', () => ID) serviceId: string, @Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.graduatorie.list(enteScope(ctx.viewer), serviceId, args, ctx.language);
  }

  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => Graduatoria, { nullable: true, description: 'A published graduatoria of the caller\'s Ente; anyone else\'s is NOT_FOUND' })
  graduatoria(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Graduatoria> {
    return ctx.services.graduatorie.get(enteScope(ctx.viewer), id, ctx.language);
  }

  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => GraduatoriaRowExplanation, { description: 'Why a row has its score and place: each score term and its points, the exclusions that held, each tie-breaker\'s value' })
  graduatoriaRowExplanation(@Arg('graduatoriaId', () => ID) graduatoriaId: string, @Arg('position', () => Int) position: number, @Ctx() ctx: GraphQLContext): Promise<GraduatoriaRowExplanation> {
    return ctx.services.graduatorie.explanation(enteScope(ctx.viewer), graduatoriaId, position, ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => [GraduatoriaPosition], { description: 'Where the logged-in citizen\'s pratiche stand in published graduatorie, newest publication first (at most 200)' })
  myGraduatoriaPositions(@Ctx() ctx: GraphQLContext): Promise<GraduatoriaPosition[]> {
    return ctx.services.graduatorie.myPositions(citizenScope(ctx.viewer), ctx.language);
  }

  @FieldResolver(() => GraduatoriaRowConnection)
  rows(@Root() g: Graduatoria, @Args() args: PageArgs, @Ctx() ctx: GraphQLContext): Promise<GraduatoriaRowConnection> {
    return ctx.services.graduatorie.rows(g, args, ctx.language);
  }

  @FieldResolver(() => String)
  csv(@Root() g: Graduatoria, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.graduatorie.csv(g, ctx.language);
  }
}


@Resolver(() => GraduatoriaPreview)
export class GraduatoriaPreviewResolver {
  @FieldResolver(() => GraduatoriaRowConnection)
  rows(@Root() preview: GraduatoriaPreview, @Args() args: PageArgs, @Ctx() ctx: GraphQLContext): GraduatoriaRowConnection {
    return ctx.services.graduatorie.previewRows(preview, args);
  }
}
