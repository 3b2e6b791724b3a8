import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { connectionOf } from '../graphql/connection.js';
import { AwaitedReply } from '../timeline/timeline.types.js';

@ObjectType({ description: 'A submitted application, tied to the version it was made against' })
export class Pratica {
  @Field(() => ID) id!: string;
  @Field({ description: 'Human-readable, gapless per Ente and year: "2026-000123"' }) code!: string;
  @Field(() => ID) serviceId!: string;
  @Field({ description: 'The service\'s title in the request\'s language' }) serviceTitle!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field() state!: string;
  @Field({ description: 'The state as the service\'s workflow labels it, in the request\'s language' }) stateLabel!: string;
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the current state\'s SLA runs out' }) dueAt!: Date | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Fee due, in euro cents (up to 10^11: a SafeInt, beyond 32 bits)' }) feeCents!: number | null;
  @Field(() => Float, { nullable: true, description: 'Ranking score (graduatorie)' }) score!: number | null;
  @Field({ description: 'Excluded from the ranking by one of its exclusion rules' }) excluded!: boolean;
  @Field(() => String, { nullable: true }) protocolNumber!: string | null;
  @Field(() => AwaitedReply, { nullable: true, description: 'The reply the office awaits from the citizen (an integration, observations on a notice of denial) and by when; null when it awaits none' })
  awaitedReply!: AwaitedReply | null;
  @Field(() => GraphQLJSONObject, { description: 'As stored: cleaned by the engine (hidden fields dropped, computed values kept)' })
  answers!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'Computed values by JSON pointer' }) computed!: Record<string, unknown>;
}

export const PraticaConnection = connectionOf(Pratica);

@InputType()
export class SubmitPraticaInput {
  @Field(() => ID) serviceId!: string;
  @Field(() => GraphQLJSONObject) answers!: Record<string, unknown>;
  @Field({
    description: 'Chosen by the client per submission (8-128 characters). Repeating it returns the first pratica, even with different answers: a retry never submits twice',
  })
  idempotencyKey!: string;
}
