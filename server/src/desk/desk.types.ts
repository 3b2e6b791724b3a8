import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import { TransitionResult } from '../workflow/workflow.types.js';

export enum DeskOrder {
  DUE_DATE = 'DUE_DATE',
  SUBMITTED_NEWEST = 'SUBMITTED_NEWEST',
  SUBMITTED_OLDEST = 'SUBMITTED_OLDEST',
}
registerEnumType(DeskOrder, {
  name: 'DeskOrder',
  description: 'DUE_DATE: the nearest SLA deadline first (pratiche without one last); SUBMITTED_*: by submission time',
});

export enum DeskAssignee {
  ANYONE = 'ANYONE',
  ME = 'ME',
  UNASSIGNED = 'UNASSIGNED',
}
registerEnumType(DeskAssignee, { name: 'DeskAssignee', description: 'ME: assigned to the caller (a person, not an API key); UNASSIGNED: nobody took it yet' });

@InputType({ description: 'The desk\'s filters; all given ones must hold' })
export class DeskFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these services (at most 50)' }) serviceIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Only pratiche in these workflow states (at most 50)' }) states?: string[];
  @Field(() => [ID], { nullable: true, description: 'Only pratiche received by these offices (at most 50)' }) officeIds?: string[];
  @Field({ nullable: true, description: 'Only pratiche no office received yet (the Ente\'s shared queue)' }) noOffice?: boolean;
  @Field(() => DeskAssignee, { nullable: true }) assignee?: DeskAssignee;
  @Field(() => ID, { nullable: true, description: 'Only pratiche assigned to this person' }) assigneeId?: string;
  @Field({ nullable: true, description: 'Only pratiche whose SLA deadline (dueAt) has passed' }) overdue?: boolean;
  @Field(() => Int, { nullable: true, description: 'Only pratiche whose deadline passes within this many days (0-365), the expired ones included' }) dueWithinDays?: number;
  @Field({ nullable: true, description: 'Applicant\'s name (each word a prefix of the given or family name), fiscal code, pratica code or protocol number (at most 200 characters)' })
  search?: string;
}

@ObjectType('DeskOffice') export class DeskOffice {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('DeskPerson', { description: 'An operator of the Ente' }) export class DeskPerson {
  @Field(() => ID) id!: string;
  @Field() givenName!: string;
  @Field() familyName!: string;
}

@ObjectType({ description: 'Who submitted the pratica' }) export class DeskApplicant {
  @Field() givenName!: string;
  @Field() familyName!: string;
  @Field(() => String, { nullable: true }) fiscalCode!: string | null;
}

@ObjectType({ description: 'A file of the pratica (reading this list, like downloading a file, is recorded in the audit log)' })
export class DeskAttachment {
  @Field(() => ID) id!: string;
  @Field({ description: 'JSON pointer of the answer it belongs to' }) fieldPath!: string;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field() sha256!: string;
  @Field({ description: 'GET it with the same Authorization (session or API key)' }) downloadPath!: string;
}

@ObjectType({ description: 'A pratica as the back office\'s desk shows it. Reading answers, computed, officeData or attachments records who read them in the audit log (GDPR accountability)' })
export class DeskPratica {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field(() => ID) serviceId!: string;
  @Field() serviceTitle!: string;
  @Field() state!: string;
  @Field({ description: 'The state\'s label in the request\'s language' }) stateLabel!: string;
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'The office\'s SLA deadline now (null while suspended or concluded)' }) dueAt!: Date | null;
  @Field({ description: 'dueAt has passed' }) overdue!: boolean;
  @Field(() => String, { nullable: true }) protocolNumber!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it to transitions and assignments' }) rowVersion!: number;
  @Field(() => DeskOffice, { nullable: true, description: 'The office that received it (null: the Ente\'s shared queue)' }) office!: DeskOffice | null;
  @Field(() => DeskPerson, { nullable: true }) assignee!: DeskPerson | null;
  @Field(() => DeskApplicant) applicant!: DeskApplicant;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Fee due, in euro cents (up to 10^11: a SafeInt, beyond 32 bits)' }) feeCents!: number | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field() excluded!: boolean;
  // Resolved (and audited) by DeskPraticaResolver: answers, computed, officeData, attachments.
  serviceVersionId!: string;
  enteId!: string;
}

export const DeskPraticaConnection = connectionOf(DeskPratica);

@InputType()
export class AssignPraticaInput {
  @Field(() => ID) praticaId!: string;
  @Field(() => Int, { description: 'The rowVersion the caller saw: a stale one is CONFLICT with the current state' }) rowVersion!: number;
  @Field(() => ID, { nullable: true, description: 'The operator to assign it to; null leaves it unassigned' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Move it to this office (supervisors and API keys only); omitted: it stays where it is' }) officeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why, written to the pratica\'s history' }) comment?: string;
}

@InputType()
export class BulkTransitionItemInput {
  @Field(() => ID) praticaId!: string;
  @Field(() => Int) rowVersion!: number;
}

@InputType()
export class BulkTransitionInput {
  @Field({ description: 'The transition to run on every pratica' }) transitionId!: string;
  @Field(() => [BulkTransitionItemInput], { description: '1-100 pratiche, each moved in its own transaction' }) items!: BulkTransitionItemInput[];
  @Field(() => String, { nullable: true }) comment?: string;
}

@ObjectType({ description: 'Why one item was refused: the stable code and key of the error the single operation would raise' })
export class ItemRefusal {
  @Field() code!: string;
  @Field() key!: string;
  @Field({ description: 'In the request\'s language' }) message!: string;
  @Field(() => GraphQLJSONObject) params!: Record<string, unknown>;
}

@ObjectType()
export class BulkTransitionItemResult {
  @Field(() => ID) praticaId!: string;
  @Field() ok!: boolean;
  @Field(() => TransitionResult, { nullable: true }) result!: TransitionResult | null;
  @Field(() => ItemRefusal, { nullable: true }) refusal!: ItemRefusal | null;
}

@ObjectType({ description: 'An event of the audit log about a pratica' })
export class PraticaAuditEntry {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field({ description: 'Dotted verb: pratica.submitted, pratica.transition, pratica.assigned, pratica.read, pratica.attachmentRead, ...' }) action!: string;
  @Field({ description: 'citizen | operator | supervisor | apiKey | system' }) actorKind!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'The person\'s name, or the API key\'s' }) actorName!: string | null;
  @Field(() => GraphQLJSONObject) data!: Record<string, unknown>;
}

export const PraticaAuditEntryConnection = connectionOf(PraticaAuditEntry);
