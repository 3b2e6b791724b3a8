import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import { EnteRef, RoleEnum } from '../identity/identity.types.js';
import { OperatorOffice } from './operator.types.js';
import type { Role } from '../access/viewer.js';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED' | 'EXPIRED';
export const InvitationStatusEnum = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus', description: 'Where an invitation stands' });

@ObjectType({ description: "An offer of roles in the caller's Ente to a person: nothing is granted until they accept it." })
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true, description: 'When given, only the person who logs in with this fiscal code may accept' })
  fiscalCode!: string | null;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => OperatorOffice, { nullable: true }) office!: OperatorOffice | null;
  @Field(() => InvitationStatusEnum) status!: InvitationStatus;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The secret for the invitation link (acceptInvitation(id, token)): only in the answer that creates it, never stored',
  })
  token!: string | null;
}

export const InvitationConnection = connectionOf(Invitation);

@ObjectType({ description: 'An invitation addressed to the caller: the Ente, the roles offered, until when.' })
export class ReceivedInvitation {
  @Field(() => ID) id!: string;
  @Field(() => EnteRef) ente!: EnteRef;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => String, { nullable: true, description: "The office's name, when the invitation names one" }) officeName!: string | null;
  @Field(() => InvitationStatusEnum) status!: InvitationStatus;
  @Field() expiresAt!: Date;
}

@InputType()
export class InviteOperatorInput {
  @Field({ description: 'Where the invitation link is sent' }) email!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true, description: 'Only the person who logs in through SPID/CIE with this fiscal code may accept' })
  fiscalCode?: string | null;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: "One of the Ente's offices, joined on acceptance" }) officeId?: string | null;
}
