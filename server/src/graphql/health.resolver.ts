import { Field, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import type { GraphQLContext } from './context.js';

@ObjectType()
class Health {
  @Field() ok!: boolean;
  @Field() database!: string;
  @Field() version!: string;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness and which database serves this instance.' })
  health(@Ctx() ctx: GraphQLContext): Health {
    return { ok: true, database: ctx.services.databaseLabel, version: '0.1.0' };
  }
}
