import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "A payment asked of the citizen by a transition of their pratica (the payments part pays it)" })
export class PaymentRequest {
  @Field(() => ID) id!: string;
  @Field(() => ID) praticaId!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount due, in euro cents (up to 10^11: a SafeInt, beyond 32 bits)' }) amountCents!: number;
  @Field({ description: 'Due date (YYYY-MM-DD, Rome)' }) dueDate!: string;
  @Field({ description: 'The reason for payment (causale), in the citizen\'s language' }) causale!: string;
  @Field({ description: 'requested (paid, cancelled, expired come with the payments part)' }) status!: string;
  @Field() createdAt!: Date;
}
