import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { ProtocolRecord, ProtocolRecordConnection, ProtocolRecordsArgs } from './protocol.gql.js';

@Resolver()
export class ProtocolResolver {
  @Authorized('OPERATOR')
  @Query(() => ProtocolRecordConnection, { description: "The Ente's protocol register, newest first." })
  protocolRecords(@Args() args: ProtocolRecordsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.protocol.list(ctx.viewer, args);
  }

  @Authorized('SUPERVISOR')
  @Mutation(() => ProtocolRecord, { description: 'Annuls a record (DPR 445/2000 art. 54): it stays in the register, marked annulled with the reason, who and when.' })
  annulProtocolRecord(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: GraphQLContext): Promise<ProtocolRecord> {
    return ctx.services.protocol.annul(ctx.viewer, id, reason);
  }
}
