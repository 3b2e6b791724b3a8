import { Field, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import { databaseUp } from '../db/ping.js';
import type { GraphQLContext } from './context.js';

@ObjectType()
class Health {
  @Field({ description: 'The server answers and its database too.' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'Which database serves this instance: platform admins only (it names a folder or a host).' })
  database!: string | null;
  @Field() version!: string;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness: up or down for everyone, the database for platform admins.' })
  async health(@Ctx() ctx: GraphQLContext): Promise<Health> {
    const ok = await databaseUp(ctx.services.db.prisma);
    return { ok, database: ctx.viewer.platformAdmin ? ctx.services.databaseLabel : null, version: '0.1.0' };
  }
}
