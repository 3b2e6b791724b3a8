import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { ApiKey, ApiKeyConnection, CreateApiKeyInput, CreatedApiKey } from './api-key.types.js';

@Resolver()
export class ApiKeyResolver {
  @Authorized('ADMIN')
  @Query(() => ApiKeyConnection, { description: "The Ente's API keys, newest first (never their secrets)." })
  apiKeys(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.apiKeys.list(ctx.viewer, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'A new API key for a third party; the secret is returned only here.' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(ctx.viewer, input, ctx.language);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKey, { description: 'Revokes a key at once (idempotent).' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    return ctx.services.apiKeys.revoke(ctx.viewer, id);
  }
}
