import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageArgs, connectionOf } from '../graphql/connection.js';

@ObjectType({ description: 'The sender of an incoming document or a recipient of an outgoing one' })
export class ProtocolCorrespondent {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) fiscalCode?: string;
  @Field(() => String, { nullable: true }) email?: string;
}

@ObjectType({ description: 'A registered document and its SHA-256 (DPR 445/2000 art. 53)' })
export class ProtocolDocument {
  @Field() name!: string;
  @Field() sha256!: string;
}

@ObjectType({ description: 'A record of the protocol register. Never edited; only annulled, with a reason (DPR 445/2000 art. 54).' })
export class ProtocolRecord {
  @Field(() => ID) id!: string;
  @Field({ description: 'Year and progressive number, e.g. 2026-0000042' }) number!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Progressive number within the Ente and year, from 1, without gaps' }) progressive!: number;
  @Field() registeredAt!: Date;
  @Field({ description: 'in (received) or out (sent)' }) direction!: string;
  @Field(() => [ProtocolCorrespondent]) correspondents!: ProtocolCorrespondent[];
  @Field() subject!: string;
  @Field(() => ID, { nullable: true }) praticaId!: string | null;
  @Field(() => [ProtocolDocument]) documents!: ProtocolDocument[];
  @Field() annulled!: boolean;
  @Field(() => Date, { nullable: true }) annulledAt!: Date | null;
  @Field(() => ID, { nullable: true }) annulledById!: string | null;
  @Field(() => String, { nullable: true }) annulReason!: string | null;
}

export const ProtocolRecordConnection = connectionOf(ProtocolRecord);

@ArgsType()
export class ProtocolRecordsArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only this year\'s records' }) year?: number | null;
  @Field(() => ID, { nullable: true, description: "Only this pratica's records" }) praticaId?: string | null;
}
