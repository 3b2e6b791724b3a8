import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PushSubscription, PushSubscriptionInput } from './push.gql.js';

@Resolver()
export class PushResolver {
  @Query(() => String, { description: "The server's VAPID public key (base64url): a browser's applicationServerKey when it subscribes" })
  pushPublicKey(@Ctx() ctx: GraphQLContext): string {
    return ctx.services.push.publicKey;
  }

  @Authorized('CITIZEN')
  @Mutation(() => PushSubscription, { description: "Registers this browser's push subscription for the logged-in citizen (again: its keys are renewed)" })
  registerPushSubscription(@Arg('input', () => PushSubscriptionInput) input: PushSubscriptionInput, @Ctx() ctx: GraphQLContext): Promise<PushSubscription> {
    return ctx.services.push.register(ctx.viewer, input);
  }

  @Authorized('CITIZEN')
  @Mutation(() => Boolean, { description: "Removes the logged-in citizen's subscription at this endpoint; false when they had none there" })
  unregisterPushSubscription(@Arg('endpoint') endpoint: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.push.unregister(ctx.viewer, endpoint);
  }
}
