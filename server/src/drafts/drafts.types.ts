import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { CompiledService } from '@sportello/schemas';
import { connectionOf } from '../graphql/connection.js';

@ObjectType({ description: 'A citizen\'s unfinished application, pinned to the version it was started on' })
export class Draft {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceId!: string;
  @Field({ description: 'The service\'s title in the request\'s language' }) serviceTitle!: string;
  @Field(() => ID, { description: 'The published version the draft was started on; it stays, even after a newer version is published' })
  versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => GraphQLJSONObject, { description: 'As saved: possibly incomplete or invalid' }) answers!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) currentStep!: string | null;
  @Field(() => Int, { description: 'Pass it back to saveDraft: a save from a stale copy (another device) is a CONFLICT' })
  rowVersion!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  /** Not exposed: the compiled version, for the evaluation field. */
  compiled!: CompiledService;
}

export const DraftConnection = connectionOf(Draft);

@InputType()
export class SaveDraftInput {
  @Field(() => ID) serviceId!: string;
  @Field(() => GraphQLJSONObject) answers!: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'A step id of the draft\'s version' }) currentStep?: string | null;
  @Field(() => Int, { nullable: true, description: 'The rowVersion the client last read; omit only to create the draft' })
  rowVersion?: number | null;
}
