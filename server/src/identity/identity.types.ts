import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { API_SCOPES, ROLES, type ApiScope, type Role } from '../access/viewer.js';

// Role and ApiScope are registered here once; other areas import these objects for their fields
// (registering the same GraphQL enum twice breaks the schema).
export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'What an operator may do in one Ente' });

/** GraphQL names cannot hold ':', so `pratiche:read` is PRATICHE_READ on the wire.
 * The public catalogue needs no key, so there is no catalogue scope (it would grant nothing). */
export const ApiScopeEnum = Object.fromEntries(API_SCOPES.map((s) => [s.toUpperCase().replace(/[^A-Z]/g, '_'), s])) as Record<string, ApiScope>;
registerEnumType(ApiScopeEnum, { name: 'ApiScope', description: 'What an API key may do' });

@ObjectType({ description: 'An Ente as seen from a session: enough to name it and switch to it.' })
export class EnteRef {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
}

@ObjectType({ description: "A person's roles in one Ente." })
export class MembershipInfo {
  @Field(() => EnteRef) ente!: EnteRef;
  @Field(() => [RoleEnum]) roles!: Role[];
}

@ObjectType()
export class MeUser {
  @Field(() => ID) id!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true }) fiscalCode!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field() platformAdmin!: boolean;
}

@ObjectType()
export class MeApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [ApiScopeEnum]) scopes!: ApiScope[];
}

@ObjectType({ description: 'Who is calling: a person (with the Ente and roles of this session) or an API key.' })
export class Me {
  @Field(() => MeUser, { nullable: true, description: 'The person; null for an API key' }) user!: MeUser | null;
  @Field(() => MeApiKey, { nullable: true, description: 'The API key; null for a person' }) apiKey!: MeApiKey | null;
  @Field(() => EnteRef, { nullable: true, description: 'The Ente this session acts in' }) ente!: EnteRef | null;
  @Field(() => [RoleEnum], { description: 'Roles in that Ente, as the session carries them' }) roles!: Role[];
  @Field(() => [MembershipInfo], { description: "Every Ente the person belongs to (selectEnte switches)" }) memberships!: MembershipInfo[];
}

@ObjectType({ description: 'A signed session token; send it as `Authorization: Bearer <token>`.' })
export class Session {
  @Field() token!: string;
  @Field() expiresAt!: Date;
  @Field(() => Me) me!: Me;
}

@ObjectType({ description: 'A demo user for the development login.' })
export class DevUser extends MeUser {
  @Field(() => [MembershipInfo]) memberships!: MembershipInfo[];
}
