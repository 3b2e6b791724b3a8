import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType({ description: "A browser's push subscription, as PushSubscription.toJSON() gives it (endpoint and keys)" })
export class PushSubscriptionInput {
  @Field({ description: 'The push service URL for this browser (https; http on loopback only in development)' }) endpoint!: string;
  @Field({ description: "keys.p256dh: the browser's P-256 public key, base64url (65 bytes)" }) p256dh!: string;
  @Field({ description: 'keys.auth: the authentication secret, base64url (16 bytes)' }) auth!: string;
}

@ObjectType({ description: "One of the citizen's devices that receives Web Push notifications about their pratiche" })
export class PushSubscription {
  @Field(() => ID) id!: string;
  @Field() endpoint!: string;
  @Field() createdAt!: Date;
}
