import type { AwaitedReplyKind as EngineKind } from '@sportello/schemas';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AwaitedReplyKind {
  INTEGRATION = 'INTEGRATION',
  OBSERVATIONS = 'OBSERVATIONS',
}
registerEnumType(AwaitedReplyKind, {
  name: 'AwaitedReplyKind',
  description: 'INTEGRATION: the documents or text an integration request asks for (the deadline to conclude is suspended meanwhile); OBSERVATIONS: the citizen\'s observations on a notice of denial (L. 241/1990 art. 10-bis)',
});
/** The definition's `awaits` values as the API names them. */
export const AWAITED_KIND: Record<EngineKind, AwaitedReplyKind> = { integration: AwaitedReplyKind.INTEGRATION, observations: AwaitedReplyKind.OBSERVATIONS };

@ObjectType({ description: 'A file the citizen sent with a reply' })
export class TimelineAttachment {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field() sha256!: string;
}

@ObjectType({ description: 'One event of a pratica\'s history, as the caller may see it' })
export class TimelineEntry {
  @Field(() => ID) id!: string;
  @Field({ description: 'transition, message (from the office), reply (from the citizen); the office also sees officeData, assigned and others' }) kind!: string;
  @Field() at!: Date;
  @Field({ description: 'Who acted, by role: operator, supervisor, citizen, system, apiKey' }) actorRole!: string;
  @Field(() => String, { nullable: true, description: 'The person who acted: in the office\'s view only (a citizen sees the role)' }) actorName!: string | null;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
  @Field(() => String, { nullable: true, description: 'The state left, in the request\'s language' }) fromLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'The state entered, in the request\'s language' }) toLabel!: string | null;
  @Field(() => String, { nullable: true }) transitionId!: string | null;
  @Field(() => String, { nullable: true }) transitionLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'The comment of a transition, the office\'s message, or the citizen\'s reply' }) text!: string | null;
  @Field(() => [TimelineAttachment]) attachments!: TimelineAttachment[];
}

@InputType()
export class MessageCitizenInput {
  @Field(() => ID) praticaId!: string;
  @Field({ description: 'The message, shown to the citizen in the pratica\'s timeline (at most 4,000 characters)' }) text!: string;
}

@InputType()
export class ReplyToPraticaInput {
  @Field(() => ID) praticaId!: string;
  @Field(() => Int, { description: 'The rowVersion the citizen saw: a stale one is CONFLICT' }) rowVersion!: number;
  @Field({ description: 'The answer (1 to 10,000 characters)' }) text!: string;
  @Field(() => [ID], { nullable: true, description: 'Files uploaded for this reply (PUT /attachments?praticaId=...), at most 10' }) attachmentIds?: string[];
}

@ObjectType({ description: 'The citizen\'s reply, and the transition it made' })
export class ReplyResult {
  @Field(() => ID) praticaId!: string;
  @Field() transitionId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int) rowVersion!: number;
  @Field() at!: Date;
}

@ObjectType({ description: 'What the pratica waits from its citizen: the answer to an integration request or a notice of denial' })
export class AwaitedReply {
  @Field(() => AwaitedReplyKind, { description: 'What the office waits for: the state\'s `awaits` in the service\'s workflow' }) kind!: AwaitedReplyKind;
  @Field({ description: 'The workflow\'s citizen transition a reply makes' }) transitionId!: string;
  @Field({ description: 'Its label, in the request\'s language' }) transitionLabel!: string;
  @Field(() => Date, { nullable: true, description: 'When the time to answer ends (the state\'s slaDays from when it was entered: the reply window); null: no end' }) until!: Date | null;
  @Field({ description: 'False once the time to answer is over: replyToPratica then refuses' }) open!: boolean;
}

@ObjectType({ description: 'Where one of the citizen\'s pratiche stands, and whether it waits for their reply' })
export class CitizenPraticaStatus {
  @Field(() => ID) praticaId!: string;
  @Field() state!: string;
  @Field({ description: 'The state, in the request\'s language' }) stateLabel!: string;
  @Field(() => Int, { description: 'Give it to replyToPratica' }) rowVersion!: number;
  @Field() stateEnteredAt!: Date;
  @Field(() => AwaitedReply, { nullable: true, description: 'Null when the pratica waits for nothing from the citizen' }) awaitedReply!: AwaitedReply | null;
}
