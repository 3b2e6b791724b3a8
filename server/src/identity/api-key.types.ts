import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import { ApiScopeEnum } from './identity.types.js';
import type { ApiScope } from '../access/viewer.js';

@ObjectType({ description: "A third party's access to the Ente's API. The secret is never shown again after creation." })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Public part of the key (spk_<prefix>_...), to recognise it' }) prefix!: string;
  @Field(() => [ApiScopeEnum]) scopes!: ApiScope[];
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last use, to the minute' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'The whole key, `spk_<prefix>_<secret>`: shown only now; send it as `Authorization: ApiKey <key>`' })
  secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field() name!: string;
  @Field(() => [ApiScopeEnum]) scopes!: ApiScope[];
}

export const ApiKeyConnection = connectionOf(ApiKey);
