import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { CreateEnteInput, EnteDetails, UpdateEnteInput } from './ente.types.js';

@Resolver()
export class EnteResolver {
  @Authorized('PLATFORM_ADMIN')
  @Mutation(() => EnteDetails, { description: 'A new Ente (platform admin), with its first admin when given.' })
  createEnte(@Arg('input') input: CreateEnteInput, @Ctx() ctx: GraphQLContext): Promise<EnteDetails> {
    return ctx.services.enti.ente.create(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Mutation(() => EnteDetails, { description: "Changes the caller's Ente: the fields given; null or absent ones stay." })
  updateEnte(@Arg('input') input: UpdateEnteInput, @Ctx() ctx: GraphQLContext): Promise<EnteDetails> {
    return ctx.services.enti.ente.update(ctx.viewer, input, ctx.language);
  }
}
