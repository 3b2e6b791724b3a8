import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A document the office generated for a pratica (the outcome letter), as PDF' })
export class PraticaDocument {
  @Field(() => ID) id!: string;
  @Field(() => ID) praticaId!: string;
  @Field() title!: string;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field({ description: 'SHA-256 of the file (hex), as the protocol register records it' }) sha256!: string;
  @Field(() => String, { nullable: true, description: 'Its outgoing protocol number, when it was registered' }) protocolNumber!: string | null;
  @Field() language!: string;
  @Field() createdAt!: Date;
  @Field({ description: 'Where to download it with the same Authorization: GET /documents/{id}' }) downloadPath!: string;
}
