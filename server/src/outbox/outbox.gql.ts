import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs, connectionOf } from '../graphql/connection.js';
import { OUTBOX_STATUSES, type OutboxStatus } from './outbox.types.js';

export const OutboxStatusEnum = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s.toUpperCase(), s])) as Record<string, OutboxStatus>;
registerEnumType(OutboxStatusEnum, {
  name: 'OutboxStatus',
  description: 'PENDING: waiting or being delivered; DONE: delivered; FAILED: the last attempt failed (a supervisor may retry it)',
});

@ObjectType({ description: 'An action of the outbox (an e-mail, an App IO message, a protocol registration, ...) and how its delivery went.' })
export class OutboxAction {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) praticaId!: string | null;
  @Field({ description: 'protocol, email, appio, push, payment, document' }) kind!: string;
  @Field({ description: 'Sent to the receiving system with the action, so a repeated delivery is recognisable there' }) idempotencyKey!: string;
  @Field(() => OutboxStatusEnum) status!: OutboxStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) maxAttempts!: number;
  @Field({ description: 'When the next attempt is due (while PENDING)' }) runAfter!: Date;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' }) lastError!: string | null;
  @Field(() => GraphQLJSON, { description: 'What is delivered: the action and its texts' }) payload!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'What the receiving system answered (message id, protocol number, ...)' }) result!: unknown;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
}

export const OutboxActionConnection = connectionOf(OutboxAction);

@ArgsType()
export class OutboxActionsArgs extends PageArgs {
  @Field(() => OutboxStatusEnum, { nullable: true, description: 'Only actions in this status (FAILED: those waiting for a supervisor)' })
  status?: OutboxStatus | null;

  @Field(() => ID, { nullable: true, description: "Only this pratica's actions" })
  praticaId?: string | null;
}

@InputType({ description: "An operator's edit of one action's texts for this pratica (a template like the definition's)" })
export class ActionTextInput {
  @Field(() => Int, { description: 'Index of the action in the transition' }) index!: number;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
}

@ObjectType({ description: 'An action a transition will run, with its texts exactly as they will be sent, in the citizen\'s language' })
export class TransitionActionPreview {
  @Field(() => Int) index!: number;
  @Field({ description: 'protocol, email, appio, push, payment, document' }) kind!: string;
  @Field(() => [String], { description: 'Addresses, fiscal code or name of who receives it (empty: nobody can, it will fail)' }) recipients!: string[];
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field() language!: string;
}
