import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { DevUser, Me, Session } from './identity.types.js';

@Resolver()
export class SessionResolver {
  @Query(() => Me, { nullable: true, description: 'Who is calling; null when anonymous.' })
  me(@Ctx() ctx: GraphQLContext): Promise<Me | null> {
    return ctx.services.identity.sessions.me(ctx.viewer);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends the caller's session: its token is refused from the next request on. API keys have no session (FORBIDDEN)." })
  logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.identity.sessions.logout(ctx.viewer);
  }

  @Authorized()
  @Mutation(() => Session, { description: 'A new session in another Ente the person belongs to.' })
  selectEnte(@Arg('enteId', () => ID) enteId: string, @Ctx() ctx: GraphQLContext): Promise<Session> {
    return ctx.services.identity.sessions.selectEnte(ctx.viewer, enteId);
  }
}

/** The development login: only in the development schema (graphql/schema.ts), never in production's. */
@Resolver()
export class DevLoginResolver {
  @Query(() => [DevUser], { description: 'Demo users for the development login (FORBIDDEN in production).' })
  devUsers(@Ctx() ctx: GraphQLContext): Promise<DevUser[]> {
    return ctx.services.identity.sessions.devUsers();
  }

  @Mutation(() => Session, { description: "Development login as a demo user, in one of their Enti (default: the first). FORBIDDEN in production." })
  devLogin(
    @Arg('userId', () => ID) userId: string,
    @Arg('enteId', () => ID, { nullable: true }) enteId: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Session> {
    return ctx.services.identity.sessions.devLogin(userId, enteId);
  }
}
