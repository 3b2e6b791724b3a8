import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { officeActor } from '../workflow/workflow-actor.js';
import { OfficeDataResult, SetOfficeDataInput } from './office-data.types.js';

@Resolver()
export class OfficeDataResolver {
  @Authorized('OPERATOR', 'api:pratiche:write')
  @Mutation(() => OfficeDataResult, {
    description: 'Fills office fields of a pratica of the caller\'s Ente during its istruttoria; fee, score and exclusions are recomputed and stored. '
      + 'Refusals: OFFICE_DATA_INVALID (fieldErrors with the pointer of each value), CONFLICT (stale rowVersion, or a concluded pratica)',
  })
  setOfficeData(@Arg('input', () => SetOfficeDataInput) input: SetOfficeDataInput, @Ctx() ctx: GraphQLContext): Promise<OfficeDataResult> {
    return ctx.services.officeData.set(officeActor(ctx.viewer), { praticaId: input.praticaId, expectedVersion: input.rowVersion, values: input.values }, ctx.language);
  }
}
