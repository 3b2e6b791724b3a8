import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';

@ObjectType()
export class OfficeMember {
  @Field(() => ID) id!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType({ description: 'An office of the Ente: pratiche are routed to it and its members work them.' })
export class Office {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => [OfficeMember]) members!: OfficeMember[];
}

@InputType()
export class CreateOfficeInput {
  @Field() name!: string;
  @Field() email!: string;
}

@InputType()
export class UpdateOfficeInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

export const OfficeConnection = connectionOf(Office);
