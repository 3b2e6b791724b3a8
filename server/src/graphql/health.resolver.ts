import { Field, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import { databaseUp } from '../db/ping.js';
import type { GraphQLContext } from './context.js';

const VERSION = '0.1.0';

@ObjectType()
class Health {
  @Field({ description: 'The server answers and its database too.' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'Which database serves this instance: platform admins only (it names a folder or a host).' })
  database!: string | null;
  @Field(() => String, { nullable: true, description: "This server's version: platform admins only (nothing about the server for the anonymous)." })
  version!: string | null;
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness: up or down for everyone, the database and the version for platform admins.' })
  async health(@Ctx() ctx: GraphQLContext): Promise<Health> {
    const ok = await databaseUp(ctx.services.db.prisma);
    const admin = ctx.viewer.platformAdmin;
    return { ok, database: admin ? ctx.services.databaseLabel : null, version: admin ? VERSION : null };
  }
}
