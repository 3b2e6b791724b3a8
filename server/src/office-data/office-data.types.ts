import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';

@InputType()
export class SetOfficeDataInput {
  @Field(() => ID) praticaId!: string;
  @Field(() => Int, { description: 'The rowVersion the caller saw: a stale one is CONFLICT with the current state' }) rowVersion!: number;
  @Field(() => GraphQLJSONObject, {
    description: 'Office fields to change (the definition\'s officeData): each given field replaces its value, null clears it; fields not given keep theirs',
  })
  values!: Record<string, unknown>;
}

@ObjectType({ description: 'A pratica\'s office fields after a change, and what was recomputed with them' })
export class OfficeDataResult {
  @Field(() => ID) praticaId!: string;
  @Field(() => Int, { description: 'The pratica\'s new rowVersion' }) rowVersion!: number;
  @Field(() => GraphQLJSONObject, { description: 'Every office field now' }) officeData!: Record<string, unknown>;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Fee due, in euro cents (up to 10^11: a SafeInt), recomputed with the office fields' }) feeCents!: number | null;
  @Field(() => Float, { nullable: true, description: 'Ranking score, recomputed with the office fields' }) score!: number | null;
  @Field({ description: 'Excluded by one of the ranking\'s exclusion rules' }) excluded!: boolean;
  @Field(() => [String], { description: 'The exclusion rules that hold, in the request\'s language' }) exclusionReasons!: string[];
  @Field() updatedAt!: Date;
}
