import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { personalDataReads } from '../desk/personal-data-reads.js';
import type { GraphQLContext } from '../graphql/context.js';
import { citizenActor, officeActor } from '../workflow/workflow-actor.js';
import { CitizenPraticaStatus, MessageCitizenInput, ReplyResult, ReplyToPraticaInput, TimelineEntry } from './timeline.types.js';

@Resolver()
export class TimelineResolver {
  @Authorized('CITIZEN')
  @Query(() => [TimelineEntry], { description: 'The history of one of the logged-in citizen\'s pratiche as they are shown it (states, the office\'s messages, their replies; the office\'s people by role); anyone else\'s is NOT_FOUND' })
  myPraticaTimeline(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<TimelineEntry[]> {
    return ctx.services.timeline.forCitizen(citizenActor(ctx.viewer), praticaId, ctx.language);
  }

  @Authorized('CITIZEN')
  @Query(() => CitizenPraticaStatus, { description: 'Where one of the logged-in citizen\'s pratiche stands: state, the rowVersion a reply needs, and the reply it waits for with the end of the time to answer; anyone else\'s is NOT_FOUND' })
  myPraticaStatus(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<CitizenPraticaStatus> {
    return ctx.services.timeline.statusForCitizen(citizenActor(ctx.viewer), praticaId, ctx.language);
  }

  @Authorized('OPERATOR', 'api:pratiche:read')
  @Query(() => [TimelineEntry], { description: 'The whole history of a pratica of the caller\'s Ente (office fields, assignments included), with who acted (audited read: messages and replies are personal data)' })
  praticaTimeline(@Arg('praticaId', () => ID) praticaId: string, @Ctx() ctx: GraphQLContext): Promise<TimelineEntry[]> {
    return ctx.services.timeline.forOffice(officeActor(ctx.viewer), praticaId, ctx.language, (id) => personalDataReads(ctx).record(id, 'timeline'));
  }

  @Authorized('OPERATOR', 'api:pratiche:write')
  @Mutation(() => TimelineEntry, { description: 'A message from the office to the citizen, shown in their pratica\'s timeline (to send one with a state change, give the transition a comment)' })
  messageCitizen(@Arg('input', () => MessageCitizenInput) input: MessageCitizenInput, @Ctx() ctx: GraphQLContext): Promise<TimelineEntry> {
    return ctx.services.timeline.message(officeActor(ctx.viewer), input.praticaId, input.text, ctx.language);
  }

  @Authorized('CITIZEN')
  @Mutation(() => ReplyResult, {
    description: 'The citizen answers an integration request or a notice of denial (text and files uploaded with PUT /attachments?praticaId=): the pratica moves by its workflow\'s citizen transition. '
      + 'Refusals: TRANSITION_NOT_ALLOWED (the pratica waits for no answer, or the time to answer is over), CONFLICT (stale rowVersion, files already sent), NOT_FOUND (not the caller\'s)',
  })
  replyToPratica(@Arg('input', () => ReplyToPraticaInput) input: ReplyToPraticaInput, @Ctx() ctx: GraphQLContext): Promise<ReplyResult> {
    return ctx.services.timeline.reply(citizenActor(ctx.viewer), input, ctx.language);
  }
}
