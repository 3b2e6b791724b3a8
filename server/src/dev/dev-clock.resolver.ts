import { Arg, Ctx, Float, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { badInput, forbidden } from '../shared/domain-error.js';
import { isMovable } from '../shared/movable-clock.js';

const MAX_DAYS = 3650;

/**
 * The development server's clock, moved by a browser test so that a deadline passes (a citizen's
 * reply window closing). Only in the development schema (graphql/schema.ts), and FORBIDDEN when
 * the configuration says production, like the development login.
 */
@Resolver()
export class DevClockResolver {
  @Mutation(() => Date, { description: 'Development only: moves the server\'s clock by `days` (negative: back; at most 3650 either way) and returns its new time. FORBIDDEN in production.' })
  devMoveClock(@Arg('days', () => Float) days: number, @Ctx() ctx: GraphQLContext): Date {
    const clock = ctx.services.clock;
    if (ctx.services.config.production || !isMovable(clock)) throw forbidden('error.devClockDisabled');
    if (!Number.isFinite(days) || Math.abs(days) > MAX_DAYS) throw badInput('error.devClockRange', { max: MAX_DAYS });
    return clock.move(days * 86_400_000);
  }
}
