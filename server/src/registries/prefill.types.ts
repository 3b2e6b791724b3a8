import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'What the identity and the registries (ANPR, INPS ISEE) know, put into a service\'s fields' })
export class Prefill {
  @Field(() => GraphQLJSONObject, { description: 'Only the prefilled values; merge them into the answers without overwriting what the citizen typed, except locked pointers' })
  answers!: Record<string, unknown>;

  @Field(() => [String], { description: 'JSON pointers the citizen may not change (certified by the PA). A locked field the registries left empty is not listed: the citizen fills it' })
  locked!: string[];

  @Field(() => [String], { description: 'JSON pointers filled' })
  filled!: string[];

  @Field(() => [String], { description: 'Prefill sources (e.g. "inps.isee.value") that gave nothing: the registry is unavailable or has no data for this person' })
  unavailable!: string[];
}
