import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { CreateOfficeInput, Office, OfficeConnection, UpdateOfficeInput } from './office.types.js';

@Resolver()
export class OfficeResolver {
  @Authorized('ADMIN')
  @Query(() => OfficeConnection, { description: "The caller's Ente's offices, by name." })
  offices(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.enti.offices.list(ctx.viewer, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => Office)
  createOffice(@Arg('input') input: CreateOfficeInput, @Ctx() ctx: GraphQLContext): Promise<Office> {
    return ctx.services.enti.offices.create(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: 'Changes the fields given; null or absent ones stay.' })
  updateOffice(@Arg('input') input: UpdateOfficeInput, @Ctx() ctx: GraphQLContext): Promise<Office> {
    return ctx.services.enti.offices.update(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: 'Adds a member of this Ente to the office (idempotent).' })
  addOfficeMember(@Arg('officeId', () => ID) officeId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<Office> {
    return ctx.services.enti.offices.addMember(ctx.viewer, officeId, userId);
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: 'Removes a person from the office (idempotent).' })
  removeOfficeMember(@Arg('officeId', () => ID) officeId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<Office> {
    return ctx.services.enti.offices.removeMember(ctx.viewer, officeId, userId);
  }
}
