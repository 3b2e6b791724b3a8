import { Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import { RoleEnum } from '../identity/identity.types.js';
import type { Role } from '../access/viewer.js';

@ObjectType()
export class OperatorOffice {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: "A person with roles in the caller's Ente, and the Ente's offices they work in." })
export class Operator {
  @Field(() => ID) id!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) fiscalCode!: string | null;
  @Field(() => [RoleEnum], { description: 'Roles in this Ente (empty once the last is revoked)' }) roles!: Role[];
  @Field(() => [OperatorOffice]) offices!: OperatorOffice[];
}

export const OperatorConnection = connectionOf(Operator);
