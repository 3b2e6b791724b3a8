import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DeskOffice } from './desk.types.js';

@InputType()
export class RoutingRuleInput {
  @Field(() => GraphQLJSON, { description: 'JSON Logic over the answers (field paths as in the definition\'s rules; $today readable, office fields not)' }) when!: unknown;
  @Field(() => ID, { description: 'The office that receives the pratica when the condition holds' }) officeId!: string;
}

@InputType()
export class SetServiceRoutingInput {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID, { nullable: true, description: 'The office that receives the pratiche no rule sends elsewhere; null: the Ente\'s shared queue' }) defaultOfficeId?: string | null;
  @Field(() => [RoutingRuleInput], { description: 'At most 50, in order: the first that holds wins' }) rules!: RoutingRuleInput[];
}

@ObjectType()
export class RoutingRule {
  @Field(() => GraphQLJSON) when!: unknown;
  @Field(() => DeskOffice) office!: DeskOffice;
}

@ObjectType({ description: 'Which office receives a service\'s new pratiche, applied at submission' })
export class ServiceRouting {
  @Field(() => ID) serviceId!: string;
  @Field(() => DeskOffice, { nullable: true }) defaultOffice!: DeskOffice | null;
  @Field(() => [RoutingRule]) rules!: RoutingRule[];
}
