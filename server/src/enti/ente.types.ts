import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Invitation } from './invitation.types.js';

@ObjectType({ description: "An Ente's settings, as its admin (or the platform admin) manages them." })
export class EnteDetails {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field({ description: 'Code in the IPA index (indicepa.gov.it), e.g. c_h501' }) ipaCode!: string;
  @Field({ description: '11 digits, printed on pagoPA notices' }) fiscalCode!: string;
  @Field(() => [String]) languages!: string[];
  @Field() defaultLanguage!: string;
  @Field(() => GraphQLJSONObject) branding!: Record<string, unknown>;
  @Field() createdAt!: Date;
  @Field(() => Invitation, { nullable: true, description: "createEnte's invitation of the first admin (with its token, once); null otherwise" })
  adminInvitation!: Invitation | null;
}

@InputType({ description: "The new Ente's first admin: invited, an admin once they accept" })
export class EnteAdminInput {
  @Field() email!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true }) fiscalCode?: string | null;
}

@InputType()
export class CreateEnteInput {
  @Field({ description: 'URL name: lowercase letters, digits and dashes' }) slug!: string;
  @Field() name!: string;
  @Field() ipaCode!: string;
  @Field() fiscalCode!: string;
  @Field(() => [String], { nullable: true, description: 'Default ["it"]' }) languages?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Default: the first language' }) defaultLanguage?: string | null;
  @Field(() => EnteAdminInput, { nullable: true }) admin?: EnteAdminInput | null;
}

@InputType()
export class UpdateEnteInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => String, { nullable: true }) defaultLanguage?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Replaces the whole branding object' }) branding?: Record<string, unknown> | null;
}
